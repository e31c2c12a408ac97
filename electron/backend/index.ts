// The backend: plain Node, never imports electron nor the sandbox. Opens the stores, the vault and
// the HTTP client, has the host start the embedded sandbox (o.startSandbox), seeds the sandbox workspace on a first launch, and answers
// every request of shared/api.ts through `handlers`.
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '../../shared/model';
import type { SandboxPeer } from '../../shared/sandbox-peer';
import type { Ctx } from './context';
import { createHandlers } from './handlers';
import { createHttpClient, type HttpClient } from './net/index';
import { followSandbox, rememberedSandboxPort } from './workspaces/index';
import { restoreSandboxKeys, seedSandbox } from './workspaces/index';
import { secureStoredSecrets } from './vault/index';
import { createSettingsService } from './settings/index';
import { openStores } from './store/index';
import type { Backend, BackendOptions } from './types';
import { createVault, DEFAULT_VAULT_SERVICE, type Vault } from './vault/index';

export { DEFAULT_VAULT_SERVICE };
import { createWatchDesk, type WatchDesk } from './fire/index';
import { createChainRunner, type ChainRunner } from './chains/index';
import { openLog } from './error-log';
import { createNotices } from './notices';
import { purgeDeleted } from './workspaces/index';
import { createSync, type FolderSync } from './folders/index';

/** "Delete with undo": deleted items stay restorable this long, then the next start purges them. */
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Tests and benches speed watches up: TRIGGER_DESK_POLL_SCALE=0.05 polls twenty times as often. */
function envScale(raw: string | undefined): number | undefined {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 10 ? n : undefined;
}

function envPort(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const port = Number(raw);
  return Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : null;
}

export async function createBackend(o: BackendOptions): Promise<Backend> {
  const env = o.env ?? process.env;
  const service = o.vaultService ?? env.TRIGGER_DESK_VAULT_SERVICE ?? DEFAULT_VAULT_SERVICE;
  // The keychain probe waits on D-Bus while the stores open (CPU): start it first.
  // performance marks "td:*" time the start-up pieces (printed by the web host under TRIGGER_DESK_TRACE=1).
  const vaultPromise = createVault(service).finally(() => performance.mark('td:vault-probed'));
  let stores: ReturnType<typeof openStores> | null = null;
  // What opening finds reaches the page (notices:list) and, for a terminal or the CLI, stderr.
  const notices = createNotices(o.notify, {
    echo: (text) => process.stderr.write(`trigger-desk: ${text}\n`),
    beforeList: () => stores?.openAll(),
  });
  try {
    mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
    stores = openStores(o.dataDir, (p) => notices.add(p.source, p.text));
    performance.mark('td:stores-open');
  } catch (err) {
    await vaultPromise.catch(() => undefined);
    throw err;
  }

  const wantedPort =
    o.sandboxPort ?? envPort(env.TRIGGER_DESK_SANDBOX_PORT) ?? rememberedSandboxPort(stores.data.read());
  const [vaultResult, sandboxResult] = await Promise.allSettled([
    vaultPromise,
    o.startSandbox
      ? o.startSandbox(wantedPort).finally(() => performance.mark('td:sandbox-up'))
      : Promise.resolve(null),
  ]);
  const sandbox: SandboxPeer | null = sandboxResult.status === 'fulfilled' ? sandboxResult.value : null;
  if (vaultResult.status === 'rejected' || sandboxResult.status === 'rejected') {
    await sandbox?.close();
    throw vaultResult.status === 'rejected' ? vaultResult.reason : (sandboxResult as PromiseRejectedResult).reason;
  }
  const vault: Vault = vaultResult.value;
  if (sandbox?.note) notices.add('sandbox', sandbox.note, 'info');
  if (vault.unreachableReason !== undefined)
    notices.add('keychain', `No OS keychain (${vault.unreachableReason}): keys are kept for this session only.`);
  // Unexpected errors and refused callers, redacted with the vault's secrets (electron/dispatch.ts).
  const log = openLog(o.dataDir, {
    secrets: () => vault.knownSecrets(),
    ...(o.mode === 'cli' ? {} : { echo: (line: string) => process.stderr.write(`trigger-desk: ${line}\n`) }),
  });

  let http: HttpClient | null = null;
  let desk: WatchDesk | null = null;
  let chains: ChainRunner | null = null;
  let folders: FolderSync | null = null;
  try {
    // Folder workspaces: every update of these stores keeps the workspaces' folders in step (folders/sync.ts).
    const sync = createSync({
      data: stores.data,
      samples: stores.samples,
      chains: stores.chains,
      vault,
      notify: o.notify,
      now: () => Date.now(),
      notice: (text, level, key) => notices.add('folder', text, level, key),
      watch: o.mode !== 'cli',
      changed: () => {
        for (const scope of ['workspaces', 'triggers'] as const) {
          try {
            o.notify('data:changed', { scope });
          } catch {
            // Best effort, as every notify.
          }
        }
      },
    });
    folders = sync;
    const base = {
      data: sync.guard(stores.data, 'data'),
      settings: stores.settings,
      samples: sync.guard(stores.samples, 'samples'),
      chains: sync.guard(stores.chains, 'chains'),
      vault,
      notify: o.notify,
    };
    const settings = createSettingsService(base);
    await settings.load();
    http = createHttpClient(() => settings.forHttp(), { resolveProxy: o.resolveProxy, env });
    const sandboxBaseUrl = sandbox?.baseUrl ?? null;
    const ctx: Ctx = {
      ...base,
      http,
      now: () => Date.now(),
      sandboxBaseUrl: () => sandboxBaseUrl,
      openExternal: o.openExternal,
      writeClipboard: o.writeClipboard,
    };

    // Folder workspaces are read first: what changed on disk while the app was closed wins.
    sync.attachAll();
    await purgeDeleted(ctx, ctx.now() - UNDO_WINDOW_MS);
    sync.onStatus((link) => {
      void sync.status(link).then(
        (status) => {
          try {
            o.notify('folder:status', status);
          } catch {
            // Nobody may be listening: the page asks folders:status.
          }
        },
        () => undefined,
      );
    });
    for (const text of await secureStoredSecrets(ctx)) notices.add('data', text);
    if (sandbox) {
      followSandbox(ctx, sandbox.baseUrl);
      await seedSandbox(ctx, sandbox);
      if (vault.status().kind === 'session') await restoreSandboxKeys(ctx, sandbox.examples);
    }
    // History and watches. The CLI does not resume the app's live watches (the app does).
    const pollScale = envScale(env.TRIGGER_DESK_POLL_SCALE);
    desk = createWatchDesk(ctx, {
      dataDir: o.dataDir,
      version: o.version,
      owner: o.mode !== 'cli',
      ...(pollScale === undefined ? {} : { pollScale }),
    });
    for (const n of desk.notices()) notices.add('history', n.text, n.level);

    const firstLaunch = stores.fresh;
    const appInfo = (): AppInfo => ({
      version: o.version,
      mode: o.mode === 'electron' ? 'electron' : 'web',
      vault: vault.status(),
      sandboxBaseUrl,
      firstLaunch,
    });
    chains = createChainRunner(ctx, desk);
    const handlers = createHandlers(ctx, settings, appInfo, desk, chains, notices, sync);
    try {
      o.notify('vault:status', vault.status());
    } catch {
      // Nobody may be listening yet; the page asks app:info anyway.
    }

    let closing: Promise<void> | null = null;
    performance.mark('td:backend-ready');
    return {
      handlers,
      log,
      secrets: () => [...vault.knownSecrets()],
      sandboxBaseUrl,
      close: () => {
        const client = http;
        closing ??= (async () => {
          folders?.close();
          chains?.close();
          desk?.close();
          // Both are attempted even when one fails; the first failure is reported.
          const results = await Promise.allSettled([client?.close(), sandbox?.close()]);
          const failed = results.find((r) => r.status === 'rejected');
          if (failed) throw failed.reason;
        })();
        return closing;
      },
    };
  } catch (err) {
    folders?.close();
    chains?.close();
    desk?.close();
    await Promise.allSettled([http?.close(), sandbox?.close()]);
    throw err;
  }
}
