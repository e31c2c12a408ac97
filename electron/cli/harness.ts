// `trigger-desk harness triggers|import`: a project's custom triggers in a Harness account, listed or
// imported into a workspace, through the same backend and dispatch as the app (desk.ts). The key
// comes from HARNESS_API_KEY (then kept in the workspace's connection, in the keychain, for later
// runs) or from the workspace's connection; never from an argument. Import is idempotent.
import { parseArgs } from 'node:util';
import type { ImportReport, RemoteTriggerList } from '../../shared/account-model';
import { DEFAULT_HARNESS_BASE } from '../../shared/account-model';
import type { Backend } from '../backend/types';
import { defaultDataDir } from '../backend/store/index';
import { BadInput, reportFailure } from './failure';
import { stdio, type CliIo } from './status';
import { COMMON_OPTIONS } from './options';

const USAGE = `usage: trigger-desk harness triggers --org O --project P [--pipeline PL] [--json]
       trigger-desk harness import   --org O --project P [--pipeline PL] [--workspace NAME] [--json]

Lists, or imports into a workspace, the custom webhook triggers of a Harness project (or of one pipeline).
Importing again updates in place: no duplicates; a trigger gone from Harness is marked, never removed.
  --org O, --project P   the organization and project identifiers
  --pipeline PL          only this pipeline's triggers
  --workspace NAME       the workspace to use (default "Harness"; created when missing)
  --base URL             Harness's base URL (default: HARNESS_URL, else ${DEFAULT_HARNESS_BASE})
  --account A            the account identifier (default: the workspace's connection, or the key's own)
  --data DIR             the app's data folder (default: the desktop app's own)
  --json                 print the answer as JSON
The API key comes from the HARNESS_API_KEY environment variable (it is then kept in the workspace's
connection, in the OS keychain), or from the workspace's connection made in the app. It is sent only
to the base URL's origin. There is no --api-key: an argument shows in process lists and CI logs.
exit codes:
  0  ok
  1  some triggers could not be imported (each says why)
  2  bad input or a request error (Harness refused, or could not be reached)
`;

interface HarnessArgs {
  verb: 'triggers' | 'import';
  org: string;
  project: string;
  pipeline: string | undefined;
  workspace: string;
  base: string | undefined;
  account: string | undefined;
  json: boolean;
  dataDir: string | undefined;
}

function parse(argv: string[]): HarnessArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      org: { type: 'string' },
      project: { type: 'string' },
      pipeline: { type: 'string' },
      workspace: { type: 'string' },
      base: { type: 'string' },
      account: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  const verb = positionals[0];
  if (verb !== 'triggers' && verb !== 'import')
    throw new BadInput(`give "triggers" or "import" after "harness"${verb ? ` (not "${verb}")` : ''}`);
  if (positionals.length > 1) throw new BadInput(`unexpected argument "${positionals[1] ?? ''}"`);
  if (!values.org || !values.project) throw new BadInput('give --org and --project (Harness identifiers)');
  return {
    verb,
    org: values.org,
    project: values.project,
    pipeline: values.pipeline,
    workspace: values.workspace?.trim() || 'Harness',
    base: values.base,
    account: values.account,
    json: values.json === true,
    dataDir: values.data,
  };
}

/** pat.<account>.<token>.<secret>: the account a key belongs to (the legacy three-part key names none). */
function accountOfKey(key: string): string | null {
  const parts = key.split('.');
  return parts.length === 4 && (parts[0] === 'pat' || parts[0] === 'sat') ? (parts[1] ?? null) : null;
}

/** The workspace (found or created) connected to the account, with the key from the environment when given. */
async function connected(backend: Backend, a: HarnessArgs, io: CliIo): Promise<string> {
  const { ask } = await import('./desk');
  const spaces = await ask(backend, 'workspaces:list', {});
  const found = spaces.find((w) => w.name.toLowerCase() === a.workspace.toLowerCase());
  const workspaceId = found?.id ?? (await ask(backend, 'workspaces:create', { name: a.workspace })).id;
  const conn = await ask(backend, 'account:get', { workspaceId });
  const key = io.env.HARNESS_API_KEY?.trim() || null;
  const base = a.base ?? (io.env.HARNESS_URL?.trim() || undefined);
  if (key === null) {
    if (!conn)
      throw new BadInput(
        `the workspace "${a.workspace}" is not connected to a Harness account: set HARNESS_API_KEY (and --account), or connect it in the app`,
      );
    if (a.account !== undefined && a.account !== conn.accountIdentifier)
      throw new BadInput(
        `the workspace "${a.workspace}" is connected to account ${conn.accountIdentifier}, not ${a.account}: set HARNESS_API_KEY for ${a.account}`,
      );
    if (base !== undefined && new URL(base).origin !== conn.origin)
      throw new BadInput(
        `the workspace "${a.workspace}" is connected to ${conn.origin}; its key is never sent to ${base}: set HARNESS_API_KEY for it`,
      );
    return workspaceId;
  }
  const account = a.account ?? conn?.accountIdentifier ?? accountOfKey(key);
  if (!account) throw new BadInput('give --account (the Harness account identifier)');
  const baseUrl = base ?? conn?.baseUrl ?? DEFAULT_HARNESS_BASE;
  const same =
    conn !== null &&
    conn.accountIdentifier === account &&
    conn.baseUrl === baseUrl.replace(/\/+$/, '') &&
    conn.key?.last4 === key.slice(-4);
  if (!same) await ask(backend, 'account:connect', { workspaceId, baseUrl, accountIdentifier: account, apiKey: key });
  return workspaceId;
}

function printList(list: RemoteTriggerList, io: CliIo): void {
  if (list.triggers.length === 0) io.out('No custom webhook triggers here.\n');
  for (const t of list.triggers) {
    const state = t.imported
      ? `imported as "${t.imported.name}"${t.imported.state === 'current' ? '' : ` (${t.imported.state} in Harness)`}`
      : 'not imported';
    io.out(
      `${t.pipelineName} / ${t.name}  (${t.pipelineIdentifier}/${t.identifier})${t.enabled ? '' : ' [disabled]'}  ${state}\n`,
    );
  }
  if (list.otherTriggers > 0) io.out(`${list.otherTriggers} other trigger(s) (not custom webhooks) left out.\n`);
  for (const n of list.notes) io.err(`  ${n}\n`);
}

function printImport(r: ImportReport, io: CliIo): void {
  for (const i of r.items) {
    io.out(`${i.outcome.padEnd(9)} ${i.name}  ${i.identifier}  ${i.url ?? ''}${i.detail ? `  (${i.detail})` : ''}\n`);
  }
  for (const d of r.markedDeleted) io.out(`deleted   ${d.name}  (gone from Harness: marked, kept)\n`);
  const c = r.counts;
  io.out(`${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed.\n`);
  for (const n of r.notes) io.err(`  ${n}\n`);
}

export async function run(argv: string[], io: CliIo = stdio): Promise<number> {
  let json = argv.includes('--json');
  let dataDir = defaultDataDir(io.env);
  const secrets = [io.env.HARNESS_API_KEY ?? ''].filter((s) => s.length >= 4);
  try {
    const a = parse(argv);
    if (a === 'help') {
      io.out(USAGE);
      return 0;
    }
    json = a.json;
    dataDir = a.dataDir ?? dataDir;
    const [{ createBackend }, { ask }] = await Promise.all([import('../backend/index'), import('./desk')]);
    const backend = await createBackend({
      dataDir,
      mode: 'cli',
      version: 'cli',
      env: io.env,
      notify: (name, payload) => {
        if (name === 'account:progress' && !json) io.err(`  ${(payload as { message: string }).message}\n`);
      },
    });
    try {
      const workspaceId = await connected(backend, a, io);
      const scope = {
        workspaceId,
        orgIdentifier: a.org,
        projectIdentifier: a.project,
        ...(a.pipeline === undefined ? {} : { pipelineIdentifier: a.pipeline }),
      };
      if (a.verb === 'triggers') {
        const list = await ask(backend, 'account:triggers', scope);
        if (json) io.out(`${JSON.stringify(list, null, 2)}\n`);
        else printList(list, io);
        return 0;
      }
      const report = await ask(backend, 'account:import', scope);
      if (json) io.out(`${JSON.stringify(report, null, 2)}\n`);
      else printImport(report, io);
      return report.counts.failed > 0 ? 1 : 0;
    } finally {
      await backend.close();
    }
  } catch (e) {
    return reportFailure(e, { command: 'harness', json, io, usage: USAGE, secrets, dataDir });
  }
}
