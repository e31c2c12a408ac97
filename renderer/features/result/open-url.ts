// Opens a Harness page: the backend checks the URL (https, the trigger's own host) and opens it in
// the system browser; the web host cannot, so it answers openInPage and the page opens the checked URL.
import { call } from '../../bridge';
import { showError, showToast } from '../../stores/toasts';

export async function openHarnessPage(url: string, triggerId: string): Promise<void> {
  try {
    const answer = await call('shell:openExternal', { url, triggerId });
    if (answer.openInPage) window.open(answer.url, '_blank', 'noopener,noreferrer');
    else if (answer.opened) showToast('Opened in your browser.');
  } catch (error) {
    showError(error, 'Not opened');
  }
}
