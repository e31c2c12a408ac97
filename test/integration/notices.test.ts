// The notices of every store reach the page through the contract (notices:list, notices:dismiss,
// the notices:changed event), not only stderr: a data folder with every file damaged opens, keeps
// every valid item, and says what it left out, file by file. The page's side is in e2e/notices.spec.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../shared/events';
import type { Notice } from '../../shared/model';
import { createBackend } from '../../electron/backend/index';
import { startSandboxPeer } from '../../electron/sandbox/index';
import type { Backend } from '../../electron/backend/types';
import { dispatch } from '../../electron/dispatch';
import { uniqueService } from '../helpers/keychain';
import { damagedDataFolder } from '../fixtures/damaged-data';

let dir: string;
let backend: Backend;
let busy: Server;
const pushed: Notice[][] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'td-notices-'));
  damagedDataFolder(dir);
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, theme: 'purple' }),
  );
  // A port in use where the sandbox wants to run: it runs elsewhere, and says so.
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
  const port = (busy.address() as { port: number }).port;
  backend = await createBackend({
    dataDir: dir,
    mode: 'web',
    version: 'test',
    startSandbox: startSandboxPeer,
    sandboxPort: port,
    vaultService: uniqueService('notices'),
    env: {},
    notify: <E extends EventName>(name: E, payload: Events[E]) => {
      if (name === 'notices:changed') pushed.push((payload as Events['notices:changed']).notices);
    },
  });
});

afterAll(async () => {
  await backend.close();
  await new Promise<void>((resolve) => busy.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('notices of every store', () => {
  it('lists one notice per damaged file, in plain words, with the sandbox note', async () => {
    const notices = await backend.handlers['notices:list']({});
    const by = (source: Notice['source']): string =>
      notices
        .filter((n) => n.source === source)
        .map((n) => n.text)
        .join('\n');
    expect(by('data')).toMatch(
      /The data file .* had 2 damaged items, left out: workspace "Broken workspace" \(createdAt must be number\); trigger "Broken trigger" \(payloads must be array\)\..*kept as .*data\.corrupt-/s,
    );
    expect(by('settings')).toMatch(
      /settings file .* left out: theme \(must be equal to one of the allowed values; back to its default\)/,
    );
    expect(by('samples')).toMatch(/sample library .* left out: sample "Broken sample" \(payload must be string\)/);
    expect(by('chains')).toMatch(/chains file .* left out: chain "Broken chain" \(steps must be array\)/);
    expect(by('history')).toMatch(
      /history file had 2 damaged lines \(first at line 3: ids: .*\), which were skipped\. The 2 entries that could be read were kept/,
    );
    expect(by('sandbox')).toMatch(/The sandbox could not use port \d+/);
    for (const n of notices) {
      expect(n.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(n.level).toBe(n.source === 'sandbox' ? 'info' : 'warning');
    }
  });

  it('keeps every item that validated', async () => {
    const workspaces = await backend.handlers['workspaces:list']({});
    const mine = workspaces.find((w) => w.name === 'Team');
    expect(mine).toBeDefined();
    const triggers = await backend.handlers['triggers:list']({ workspaceId: mine?.id ?? '' });
    expect(triggers.map((t) => t.name)).toEqual(['Deploy service']);
    expect((await backend.handlers['samples:list']({ workspaceId: mine?.id ?? '' })).map((s) => s.name)).toEqual([
      'Push to main',
    ]);
    expect((await backend.handlers['chains:list']({ workspaceId: mine?.id ?? '' })).map((c) => c.name)).toEqual([
      'Release train',
    ]);
    expect((await backend.handlers['history:search']({})).entries.map((e) => e.triggerName).sort()).toEqual([
      'Deploy service',
      'Deploy service',
    ]);
    expect((await backend.handlers['settings:get']({})).theme).toBe('system');
  });

  it('dismisses a notice for every window (pushed), and a second dismissal is no error', async () => {
    const before = await backend.handlers['notices:list']({});
    const first = before[0];
    if (!first) throw new Error('no notices');
    pushed.length = 0;
    expect(await dispatch(backend.handlers, 'notices:dismiss', { id: first.id }, backend.log)).toEqual({
      ok: true,
      value: null,
    });
    expect(pushed).toHaveLength(1);
    expect(pushed[0]?.map((n) => n.id)).toEqual(before.slice(1).map((n) => n.id));
    expect((await backend.handlers['notices:list']({})).map((n) => n.id)).toEqual(before.slice(1).map((n) => n.id));
    expect(await dispatch(backend.handlers, 'notices:dismiss', { id: first.id }, backend.log)).toEqual({
      ok: true,
      value: null,
    });
    expect(pushed).toHaveLength(1);
    expect(await dispatch(backend.handlers, 'notices:dismiss', { id: '../x' }, backend.log)).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
  });
});
