// Bundles the command-line tool with esbuild, as the web host is bundled (scripts/build-electron.mjs):
//   electron/cli/main.ts     → dist-cli/trigger-desk.mjs  (started by bin/trigger-desk.mjs)
//   electron/sandbox/cli.ts  → dist-cli/sandbox.mjs       (`trigger-desk sandbox` runs it as a child)
// Split into chunks that each command loads when it runs: `--version` reads a few KB instead of
// the 2.4 MB a single file holds (about 2.5× a bare `node -e 0` on its own). Every package is
// bundled in except the native keychain module, so the packed CLI needs nothing from npm but
// @napi-rs/keyring, and a start compiles no TypeScript (docs/ARCHITECTURE.md).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CLI_ENTRY = 'dist-cli/trigger-desk.mjs';
const SOURCES = ['electron', 'shared', 'package.json', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when the bundle is missing or older than a source (only a checkout has the sources). */
export function cliIsStale(root = here) {
  const built = join(root, CLI_ENTRY);
  if (!existsSync(built)) return true;
  const at = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > at);
}

/**
 * Builds in memory, then writes each file through a temporary name and a rename, chunks before the
 * entries that name them, so a CLI starting meanwhile (tests run in parallel) reads the old files
 * or the new ones, never half of one. Chunk names carry a hash of their content: the files a
 * running CLI uses are in the new set unless a source changed, and only older chunks are removed.
 */
export async function buildCli(root = here) {
  const { build } = await import('esbuild');
  const outdir = join(root, 'dist-cli');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'trigger-desk': 'electron/cli/main.ts', 'sandbox': 'electron/sandbox/cli.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The native keychain module loads its own binary: it stays a package.
    external: ['@napi-rs/keyring'],
    // Bundled CommonJS packages (undici, ajv…) call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __tdRequire } from 'node:module';\nconst require = __tdRequire(import.meta.url);",
    },
    legalComments: 'none',
    // Smaller and faster to parse; names are kept so a logged stack trace stays readable.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    write: false,
  });
  const chunksFirst = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of chunksFirst) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  const chunks = join(outdir, 'chunks');
  const fresh = new Set(result.outputFiles.map((f) => f.path));
  for (const name of readdirSync(chunks))
    if (!fresh.has(join(chunks, name))) rmSync(join(chunks, name), { force: true });
}

function isEntry(path) {
  return !basename(dirname(path)).startsWith('chunks');
}

export async function buildCliIfStale(root = here) {
  if (cliIsStale(root)) await buildCli(root);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    // No wiping first: `npm pack` runs this while tests may be running the CLI; buildCli replaces
    // files one by one and removes only chunks the new build does not have.
    await buildCli();
    // On stderr: `npm pack --json` runs this first and its stdout must stay JSON.
    process.stderr.write(`Built ${CLI_ENTRY} and dist-cli/sandbox.mjs\n`);
  } catch (err) {
    process.stderr.write(`The CLI bundle could not be built: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
