// Without a reachable keychain, keys are kept for the session only, and the window says so.
import { expect, screenshot, test } from './fixtures';
import { KEYS } from './sandbox-curl';

// No D-Bus session bus: the Secret Service (the keychain here) cannot be reached.
test.use({ hostEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/trigger-desk-no-bus' } });

test('a session-only vault shows a warning banner', async ({ desk: page, host }) => {
  const info = await host.api('app:info', {});
  expect(info.vault.kind).toBe('session');
  const banner = page.getByRole('alert').filter({ hasText: /keychain unavailable.*session only/i });
  await expect(banner).toBeVisible();
  await screenshot(page, 'vault-session-only', [KEYS.execute]);
});
