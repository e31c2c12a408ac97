// `trigger-desk workspace export|import|open|token`: a workspace as a folder of plain files shared
// through git (docs/workspace-folders.md), through the app's own backend and dispatch (desk.ts).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FolderStatus } from '../../shared/folder-model';
import { defaultDataDir } from '../backend/store/index';
import type { Backend } from '../backend/types';
import { BadInput, reportFailure } from './failure';
import { stdio, type CliIo } from './status';
import { COMMON_OPTIONS } from './options';

const USAGE = `usage: trigger-desk workspace export <workspace-name> --dir DIR [--share-tokens]
       trigger-desk workspace import --dir DIR [--name NAME]
       trigger-desk workspace open --dir DIR [--name NAME]
       trigger-desk workspace token <trigger-name|id> --dir DIR   (the URL or cURL on standard input)

A workspace as a folder of plain files a team reviews, diffs and merges in git: one YAML file per
trigger (its payloads beside it), samples and chains, a workspace.yaml. Never a secret: keys are
named by keychain references, and webhook tokens are left out unless --share-tokens.
  export      write a workspace of the app into DIR (empty, or this workspace's earlier export)
  import      copy the workspace in DIR into the app as a new workspace (not kept in step)
  open        open DIR as a folder workspace (the app keeps it in step) and say what it needs:
              files that do not parse (with line and column), keys and tokens to supply
  token       give a trigger its webhook token: pipe its URL or Harness's cURL in (never an argument)
  --dir DIR           the folder
  --name NAME         the workspace's name in the app (default: the folder's)
  --share-tokens      export: write the v3 webhook tokens into the folder (off by default)
  --json              print the result as JSON
  --data DIR          the app's data folder (default: the desktop app's own)
keys: a key named in the folder comes from your keychain (set it once in the app, or with
  trigger-desk fire ... --workspace-dir DIR and HARNESS_API_KEY set).
exit codes:
  0  done (open: every file reads)
  1  open: some files do not parse (the rest of the workspace works)
  2  bad input or a request error
`;

interface Parsed {
  verb: string;
  target: string | undefined;
  dir: string;
  name: string | undefined;
  shareTokens: boolean;
  json: boolean;
  dataDir: string | undefined;
}

function parse(argv: string[]): Parsed | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      'dir': { type: 'string' },
      'name': { type: 'string' },
      'share-tokens': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  const [verb, target, ...rest] = positionals;
  if (verb === undefined || !['export', 'import', 'open', 'token'].includes(verb))
    throw new BadInput(`give a verb: export, import, open or token${verb === undefined ? '' : ` (not "${verb}")`}`);
  if (rest.length > 0 || ((verb === 'import' || verb === 'open') && target !== undefined))
    throw new BadInput(`give ${verb === 'export' || verb === 'token' ? 'one name' : 'no name'} before the options`);
  if ((verb === 'export' || verb === 'token') && target === undefined)
    throw new BadInput(
      `give the ${verb === 'export' ? 'workspace' : 'trigger'} name: trigger-desk workspace ${verb} <name> --dir DIR`,
    );
  if (values.dir === undefined || values.dir.trim() === '') throw new BadInput('give the folder: --dir DIR');
  return {
    verb,
    target,
    dir: resolve(values.dir),
    name: values.name,
    shareTokens: values['share-tokens'] ?? false,
    json: values.json ?? false,
    dataDir: values.data === undefined ? undefined : resolve(values.data),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function describe(s: FolderStatus): string[] {
  const lines = [`Folder workspace ${s.dir}${s.shareTokens ? ' (webhook tokens shared in the folder)' : ''}`];
  for (const p of s.problems)
    lines.push(`  ${p.line === null ? p.path : `${p.path}:${p.line}:${p.column ?? 1}`}: ${p.message}`);
  for (const n of s.needs) lines.push(`  ${n.text}`);
  if (s.problems.length === 0 && s.needs.length === 0) lines.push('  every file reads, nothing is missing');
  return lines;
}

async function openBackend(dataDir: string, io: CliIo): Promise<Backend> {
  const { createBackend } = await import('../backend/index');
  return createBackend({ dataDir, mode: 'cli', version: 'cli', env: io.env, notify: () => undefined });
}

export async function run(argv: string[], io: CliIo = stdio): Promise<number> {
  let json = argv.includes('--json');
  let dataDir = defaultDataDir(io.env);
  try {
    const a = parse(argv);
    if (a === 'help') {
      io.out(USAGE);
      return 0;
    }
    json = a.json;
    dataDir = a.dataDir ?? dataDir;
    const { ask } = await import('./desk');
    const backend = await openBackend(dataDir, io);
    try {
      const print = (value: unknown, lines: string[]): void =>
        io.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${lines.join('\n')}\n`);
      if (a.verb === 'export') {
        const all = await ask(backend, 'workspaces:list', {});
        const w = all.find((x) => x.id === a.target || x.name.toLowerCase() === a.target?.toLowerCase());
        if (!w) throw new BadInput(`no workspace is named "${a.target ?? ''}" (${all.map((x) => x.name).join(', ')})`);
        const written = await ask(backend, 'folders:export', {
          workspaceId: w.id,
          dir: a.dir,
          ...(a.shareTokens ? { shareTokens: true } : {}),
        });
        print(written, [`Wrote ${written.files.length} files of "${w.name}" to ${written.dir}`]);
        return 0;
      }
      if (a.verb === 'import') {
        const r = await ask(backend, 'folders:import', {
          dir: a.dir,
          ...(a.name === undefined ? {} : { name: a.name }),
        });
        print(r, [`Imported ${a.dir} as the workspace "${r.workspace.name}"`, ...r.notes.map((n) => `  ${n}`)]);
        return 0;
      }
      const opened = await ask(backend, 'folders:open', {
        dir: a.dir,
        ...(a.name === undefined ? {} : { name: a.name }),
      });
      if (a.verb === 'token') {
        const triggers = await ask(backend, 'triggers:list', { workspaceId: opened.workspace.id });
        const t = triggers.find((x) => x.id === a.target || x.name.toLowerCase() === a.target?.toLowerCase());
        if (!t) throw new BadInput(`the folder has no trigger named "${a.target ?? ''}"`);
        const text = (await readStdin()).trim();
        if (text === '') throw new BadInput("pipe the trigger's URL or cURL in on standard input");
        await ask(backend, 'folders:supplyToken', { triggerId: t.id, text });
        print({ triggerId: t.id, token: 'kept' }, [
          `"${t.name}" has its webhook token (kept in this data folder, never in the folder)`,
        ]);
        return 0;
      }
      print(opened, [`Opened as the workspace "${opened.workspace.name}"`, ...describe(opened.status)]);
      return opened.status.problems.length > 0 ? 1 : 0;
    } finally {
      await backend.close();
    }
  } catch (e) {
    return reportFailure(e, { command: 'workspace', json, io, usage: USAGE, dataDir });
  }
}
