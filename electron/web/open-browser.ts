// Opens a URL in the user's default browser. Best effort: a headless box has no browser, and the
// URL is printed anyway, so a failure only adds a hint.
import { spawn } from 'node:child_process';

function command(url: string, platform: NodeJS.Platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // Not `cmd /c start`: cmd would need its own quoting of & and ^; this hands the URL over intact.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

export function openBrowser(
  url: string,
  onFail: (why: string) => void,
  platform: NodeJS.Platform = process.platform,
): void {
  const [cmd, args] = command(url, platform);
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', (err) => onFail(`${cmd} could not be run (${err.message})`));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) onFail(`${cmd} exited with code ${code}`);
    });
    child.unref();
  } catch (err) {
    onFail(err instanceof Error ? err.message : String(err));
  }
}

/** TRIGGER_DESK_NO_OPEN=1, CI, or no display on Linux: print the URL only. */
export function shouldOpenBrowser(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (env.TRIGGER_DESK_NO_OPEN === '1' || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) return false;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return true;
}
