// The renderer build: root renderer/, output dist/renderer. A relative base ('./') makes the same
// build load from file:// in Electron and from the web host's root.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The dev server injects inline scripts (React refresh) that the strict CSP would block; builds keep it. */
function dropCspInDev(): Plugin {
  return {
    name: 'trigger-desk:drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

export default defineConfig({
  root: `${here}renderer`,
  base: './',
  plugins: [react(), dropCspInDev()],
  build: {
    outDir: `${here}dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    // The budget is 400 KB gzipped for the first screen; warn well before that.
    chunkSizeWarningLimit: 600,
  },
});
