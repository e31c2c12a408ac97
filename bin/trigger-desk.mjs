#!/usr/bin/env node
// `npx trigger-desk …`: runs the TypeScript CLI (electron/cli/main.ts) through tsx's loader, so a
// fresh checkout needs only `npm install`, no build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
// Exit once output is flushed; a keychain handle or an idle socket must not keep the tool alive.
process.stdout.write('', () => process.exit(code));
