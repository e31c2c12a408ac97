// Builds the history render-check page (renderer/features/history/render-check-page.tsx) into one
// HTML string with esbuild, for the page test and the render bench (both in real Chromium).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RenderFigures {
  ms: number;
  rowsInDom: number;
  scrollMs: number;
  rowsAfterScroll: number;
  lastRowText: string;
}

export async function historyRenderPage(): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'renderer/features/history/render-check-page.tsx')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    outdir: join(root, 'test-results', 'history-render'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const js = out.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  const base = await import('node:fs/promises').then((fs) =>
    fs.readFile(join(root, 'renderer/styles/base.css'), 'utf8'),
  );
  // </script> cannot occur in minified React, but escape it anyway so the page stays well-formed.
  return `<!doctype html><html><head><meta charset="utf-8"><style>${base}\n${css}</style></head><body><div id="root"></div><script>${js.replaceAll('</script', '<\\/script')}</script></body></html>`;
}
