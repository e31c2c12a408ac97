// Bundles the Electron shell with esbuild:
//   electron/main.ts    → dist-electron/main.cjs     (Node side: backend, sandbox, undici, conf)
//   electron/preload.ts → dist-electron/preload.cjs  (a sandboxed preload must be one CJS file:
//                                                     it can require only 'electron')
//   electron/web/start.ts → dist-electron/web.mjs    (browser mode: one file starts in ~0.3 s,
//                                                     against ~0.9 s through tsx's loader)
// The ESM-only dependencies (conf and friends) bundle into CJS because none of them uses
// import.meta or top-level await; the build fails loudly if that ever changes.
import { build } from 'esbuild';
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

const WEB_OUT = join(outdir, 'web.mjs');

/** The browser-mode host as one ESM file (the Node packages stay in node_modules). */
export function buildWebHost() {
  return build({
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: root,
    packages: 'external',
    entryPoints: [join(root, 'electron', 'web', 'start.ts')],
    outfile: WEB_OUT,
  });
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
