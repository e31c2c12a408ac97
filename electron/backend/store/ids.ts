// Random ids for workspaces, triggers, payloads and vault entries. They match the contract's id
// rule ([A-Za-z0-9_-]) and say nothing about what they name, so they leak nothing when logged.
// Drawn from a pooled buffer: one randomBytes call serves 341 ids (a call per id costs ~7 µs, and
// a fire takes two).
import { randomBytes } from 'node:crypto';

const ID_BYTES = 12;
let pool = Buffer.alloc(0);
let at = 0;

export function newId(): string {
  if (at + ID_BYTES > pool.length) {
    pool = randomBytes(4092);
    at = 0;
  }
  const id = pool.toString('base64url', at, at + ID_BYTES);
  at += ID_BYTES;
  return id;
}
