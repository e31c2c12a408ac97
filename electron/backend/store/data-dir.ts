// Where the stores live when the host does not say (web host, CLI). Electron passes
// app.getPath('userData') instead, which lands in the same folders on each platform.
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'Trigger Desk';

export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const explicit = env.TRIGGER_DESK_DATA?.trim();
  if (explicit) return explicit;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.APPDATA?.trim() || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  const xdg = env.XDG_CONFIG_HOME?.trim();
  // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), 'trigger-desk');
}
