// `npm run web` (through scripts/web.mjs, which builds the page first when it is stale).
import { runWeb } from './launch';

const code = await runWeb(process.env);
// Exit explicitly: a keychain or sandbox handle must not keep a stopped host alive.
process.exit(code);
