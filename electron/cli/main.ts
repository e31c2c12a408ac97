// `trigger-desk` (bin/trigger-desk.mjs): the command-line tool, the same backend code as the app.
// It runs bundled (dist-cli/trigger-desk.mjs, scripts/build-cli.mjs); each subcommand's code is
// evaluated only when it runs, so `--help` and `--version` stay instant.
// Exit codes: 0 ok, 1 a negative result (no match, a failure), 2 bad input (unknown command or
// option), 3 `fire --wait --timeout` gave up waiting while the run goes on.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const EXIT_OK = 0;
export const EXIT_NEGATIVE = 1;
export const EXIT_BAD_INPUT = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Standard output is a terminal: `fire` may colour its lines (never with NO_COLOR). */
  isTty?: boolean;
}

interface Command {
  summary: string;
  run(argv: string[], io: Io): Promise<number>;
}

/** The folder with package.json above this file: electron/cli/ from source, dist-cli/ when bundled. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

const root = findRoot(dirname(fileURLToPath(import.meta.url)));

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs a bundled entry of this package (dist-cli/) in a child Node, passing signals on. */
function runChild(entry: string, args: string[], env: Record<string, string | undefined>): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, entry), ...args], { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals): void => {
      if (child.exitCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const finish = (code: number): void => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code);
    };
    child.on('error', () => finish(EXIT_NEGATIVE));
    child.on('exit', (code) => finish(code ?? EXIT_NEGATIVE));
  });
}

const WEB_USAGE = `usage: trigger-desk web [--port N] [--data DIR] [--no-open]

Serves Trigger Desk on 127.0.0.1 for your browser and prints the address to open.
  --port N     port to listen on (0 = any free one; default 4470, or a free one when taken)
  --data DIR   data folder (default: the app's own, shared with the desktop app)
  --no-open    only print the address; do not open a browser
`;

async function web(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'port': { type: 'string' },
      'data': { type: 'string' },
      'no-open': { type: 'boolean' },
      'help': { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(WEB_USAGE);
    return EXIT_OK;
  }
  const env = { ...io.env };
  if (values.port !== undefined) env.TRIGGER_DESK_PORT = values.port;
  if (values.data !== undefined) env.TRIGGER_DESK_DATA = resolve(values.data);
  if (values['no-open']) env.TRIGGER_DESK_NO_OPEN = '1';
  const script = join(root, 'scripts', 'web.mjs');
  if (existsSync(script)) {
    // The page is built on demand by the same code `npm run web` uses.
    const builder = (await import(pathToFileURL(script).href)) as { buildRendererIfStale(dir: string): boolean };
    if (!builder.buildRendererIfStale(root)) return EXIT_NEGATIVE;
  } else if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    // The npm package carries the command-line tool only (package.json "files"), not the page.
    io.err(
      'trigger-desk web: this installation has no built page; the browser mode runs from a checkout (npm run web).\n',
    );
    return EXIT_BAD_INPUT;
  }
  const { runWeb } = await import('../web/launch');
  return runWeb(env, (line) => io.out(`${line}\n`));
}

const commands: Readonly<Record<string, Command>> = {
  fire: {
    summary: 'fire a saved trigger or a webhook URL once; --wait follows the run (trigger-desk fire --help)',
    run: async (argv, io) => (await import('./fire')).run(argv, io),
  },
  chain: {
    summary: 'run a saved chain of triggers, each step after the previous run ends (trigger-desk chain --help)',
    run: async (argv, io) => (await import('./chain')).run(argv, io),
  },
  status: {
    summary: 'where a Harness event stands, from its apiUrl (trigger-desk status --help)',
    run: async (argv, io) => (await import('./status')).run(argv, io),
  },
  match: {
    summary: "check which payloads a trigger's conditions accept (trigger-desk match --help)",
    run: async (argv, io) => (await import('./match')).run(argv, io),
  },
  harness: {
    summary: "list or import a Harness project's custom triggers (trigger-desk harness --help)",
    run: async (argv, io) => (await import('./harness')).run(argv, io),
  },
  sandbox: {
    summary: 'run the embedded Harness sandbox alone, with a ready cURL command per example trigger',
    run: (argv, io) => runChild(join('dist-cli', 'sandbox.mjs'), argv, io.env),
  },
  web: {
    summary: 'open Trigger Desk in your browser (the app without Electron)',
    run: web,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: trigger-desk <command> [options]',
    '',
    'Trigger Desk: import, fire and inspect Harness custom webhook triggers.',
    '',
    'commands:',
    ...lines,
    '',
    'options:',
    '  -h, --help     show this help (or `trigger-desk <command> --help`)',
    '  -v, --version  show the version',
    '',
    'exit codes:',
    '  0  ok (fire --wait: the run ended in Success)',
    "  1  a negative result: the run (or Harness's processing) ended otherwise, no match",
    '  2  bad input or a request error (Harness refused the fire, or it could not be sent)',
    '  3  fire --wait --timeout: still running when the time was up',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  // Options before the command are the tool's own; everything after belongs to the command.
  const at = argv.findIndex((a) => !a.startsWith('-'));
  const own = at === -1 ? argv : argv.slice(0, at);
  let values: { help?: boolean; version?: boolean };
  try {
    ({ values } = parseArgs({
      args: own,
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: true,
    }));
  } catch (err) {
    io.err(`trigger-desk: ${err instanceof Error ? err.message : String(err)}\n\n${usage()}`);
    return EXIT_BAD_INPUT;
  }
  if (values.version) {
    io.out(`${version()}\n`);
    return EXIT_OK;
  }
  if (values.help) {
    io.out(usage());
    return EXIT_OK;
  }
  const name = at === -1 ? undefined : argv[at];
  if (name === undefined) {
    io.err(usage());
    return EXIT_BAD_INPUT;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    io.err(`trigger-desk: unknown command "${name}".\n\n${usage()}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command.run(argv.slice(at + 1), io);
  } catch (err) {
    // node:util parseArgs throws on an unknown or malformed option: that is bad input.
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`trigger-desk ${name}: ${err.message} (see trigger-desk ${name} --help)\n`);
      return EXIT_BAD_INPUT;
    }
    // Anything else is a bug: logged with a reference id, as the app does (loaded only now, so --help stays instant).
    const [{ reportUnexpected }, { defaultDataDir }] = await Promise.all([
      import('./failure'),
      import('../backend/store/index'),
    ]);
    const key = io.env.HARNESS_API_KEY ?? '';
    return reportUnexpected(err, {
      command: name,
      json: argv.includes('--json'),
      io,
      dataDir: defaultDataDir(io.env),
      secrets: key.length >= 4 ? [key] : [],
    });
  }
}
