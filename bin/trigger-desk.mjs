#!/usr/bin/env node
// `trigger-desk …`: runs the bundled CLI (dist-cli/trigger-desk.mjs, built by scripts/build-cli.mjs),
// so a start compiles no TypeScript. In a checkout (the sources are there) the bundle is rebuilt
// first when a source is newer, as `npm run web` does for its host; the npm package carries the
// bundle alone.
import { existsSync } from 'node:fs';

const checkout = new URL('../scripts/build-cli.mjs', import.meta.url);
if (existsSync(checkout)) {
  const { buildCliIfStale } = await import(checkout.href);
  await buildCliIfStale();
}
const { main } = await import('../dist-cli/trigger-desk.mjs');
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY === true,
});
// Exit once output is flushed; a keychain handle or an idle socket must not keep the tool alive.
process.stdout.write('', () => process.exit(code));
