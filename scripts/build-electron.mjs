// Bundles the Electron shell with esbuild:
//   electron/main.ts    → dist-electron/main.cjs     (Node side: backend, sandbox, undici, conf)
//   electron/preload.ts → dist-electron/preload.cjs  (a sandboxed preload must be one CJS file:
//                                                     it can require only 'electron')
//   electron/web/start.ts → dist-electron/web.mjs    (browser mode, its packages bundled in, and
//                           + dist-electron/web-chunks/ what it loads on first use)
// The ESM-only dependencies (conf and friends) bundle into CJS because none of them uses
// import.meta or top-level await; the build fails loudly if that ever changes.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-electron');

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // An empty import.meta in CJS output would break at run time: make it a build error instead.
  logOverride: { 'empty-import-meta': 'error' },
  legalComments: 'none',
  // Smaller and faster to load, but names are kept so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  absWorkingDir: root,
};

const WEB_CHUNKS = join(outdir, 'web-chunks');

/**
 * The browser-mode host: dist-electron/web.mjs and the chunks it loads on first use
 * (dist-electron/web-chunks/: undici at the first request, the sandbox's condition evaluator at
 * its first fire). Its packages are bundled in, as the CLI's are: loading zod, undici, yaml… as
 * hundreds of separate ES modules cost about as much as everything else the host does before it
 * listens (docs/ARCHITECTURE.md, "Speed: the bench and its floors"). Written as the CLI is
 * (scripts/build-cli.mjs): chunks first, each through a temporary name, so a host starting
 * meanwhile reads whole files; then chunks the new build does not have are removed.
 */
export async function buildWebHost() {
  const result = await build({
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: root,
    // The native keychain module loads its own binary: it stays a package.
    external: ['@napi-rs/keyring'],
    // Bundled CommonJS packages (undici, ajv…) call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __tdRequire } from 'node:module';\nconst require = __tdRequire(import.meta.url);",
    },
    minifyWhitespace: true,
    minifySyntax: true,
    entryPoints: { web: join(root, 'electron', 'web', 'start.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'web-chunks/[name]-[hash]',
    write: false,
  });
  const entriesLast = [...result.outputFiles].sort(
    (a, b) => Number(!a.path.startsWith(WEB_CHUNKS)) - Number(!b.path.startsWith(WEB_CHUNKS)),
  );
  for (const file of entriesLast) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  const fresh = new Set(result.outputFiles.map((f) => f.path));
  for (const name of readdirSync(WEB_CHUNKS))
    if (!fresh.has(join(WEB_CHUNKS, name))) rmSync(join(WEB_CHUNKS, name), { force: true });
}

/**
 * The Electron shell's two bundles. `dir` defaults to dist-electron/; the shell tests build into a
 * folder of their own and load the result against a stand-in `electron` (docs/ARCHITECTURE.md).
 */
export function buildShell(dir = outdir) {
  return Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(dir, 'main.cjs'),
      platform: 'node',
      target: 'node22',
      // electron is the runtime itself; the keychain module is native and loads its own binary.
      external: ['electron', '@napi-rs/keyring'],
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile: join(dir, 'preload.cjs'),
      platform: 'browser',
      target: 'chrome140',
      external: ['electron'],
    }),
  ]);
}

export async function buildElectron() {
  await Promise.all([buildWebHost(), buildShell()]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildElectron();
    process.stdout.write('Built dist-electron/main.cjs, preload.cjs and web.mjs\n');
  } catch (err) {
    process.stderr.write(
      `The Electron bundle could not be built: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  }
}
