// Builds what the web host serves and runs when older than their sources: the page (dist/renderer)
// and the host bundle (dist-electron/web.mjs), with the helpers `npm run web` uses (scripts/web.mjs).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function globalSetup(): Promise<void> {
  const script: string = '../../scripts/web.mjs';
  const web = (await import(script)) as {
    buildRendererIfStale: (dir: string) => boolean;
    buildWebHostIfStale: (dir: string) => Promise<boolean>;
  };
  if (!web.buildRendererIfStale(root)) throw new Error('e2e: the page could not be built');
  if (!(await web.buildWebHostIfStale(root))) throw new Error('e2e: the web host bundle could not be built');
}
