// Helpers for tests that touch the real OS keychain (run them under scripts/with-keyring.sh) and
// for building Harness-shaped keys at runtime (never written into tracked files).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function pick(alphabet: string, n: number): string {
  return [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A key shaped like a real Harness PAT: pat.<account>.<24 hex>.<20 alnum>. Random every call. */
export function harnessShapedKey(kind: 'pat' | 'sat' = 'pat'): string {
  return `${kind}.${pick(`${ALNUM}_-`, 22)}.${randomBytes(12).toString('hex')}.${pick(ALNUM, 20)}`;
}

/** A keychain service name no other test run (and no user) shares. */
export function uniqueService(tag: string): string {
  return `trigger-desk-test-${tag}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export const VAULT_MODULE = fileURLToPath(new URL('../../electron/backend/vault/index.ts', import.meta.url));
export const BACKEND_MODULE = fileURLToPath(new URL('../../electron/backend/index.ts', import.meta.url));
export const SANDBOX_MODULE = fileURLToPath(new URL('../../electron/sandbox/index.ts', import.meta.url));

/**
 * Runs an ES module (TypeScript allowed) in a fresh Node process with the given environment
 * changes; returns the last line it printed, parsed as JSON (print with console.log(JSON.stringify(x))).
 */
export async function runChild(code: string, env: Record<string, string>): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as unknown;
}

/** Runs `body` (an async function body with `createVault` in scope) in a fresh process. */
export function runVaultChild(body: string, env: Record<string, string>): Promise<unknown> {
  return runChild(`import { createVault } from ${JSON.stringify(VAULT_MODULE)};\n${body}`, env);
}

/** A D-Bus address where nothing listens: the keychain is then truly unreachable. */
export const NO_DBUS = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/trigger-desk-no-bus' };
