// Random ids for workspaces, triggers, payloads and vault entries. They match the contract's id
// rule ([A-Za-z0-9_-]) and say nothing about what they name, so they leak nothing when logged.
import { randomBytes } from 'node:crypto';

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
