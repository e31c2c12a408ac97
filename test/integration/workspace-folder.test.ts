// Folder workspaces over the real backend, the embedded sandbox and the real keychain (run under
// scripts/with-keyring.sh): export → import → identical files; a linked folder written by app edits
// (small diffs); a teammate's edit on disk picked up live with a notice; a damaged file reported
// with line and column while the rest works; tokens kept out by default and supplied by paste.
// After every test, every folder touched is scanned for secrets (test/helpers/folder-scan.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Args, RequestName, Result } from '../../shared/api';
import { DeskError } from '../../shared/errors';
import type { Notice, Trigger, Workspace } from '../../shared/model';
import { createBackend } from '../../electron/backend/index';
import { KEYS, startSandboxPeer } from '../../electron/sandbox/index';
import type { Backend } from '../../electron/backend/types';
import { uniqueService } from '../helpers/keychain';
import { folderFiles, secretsIn } from '../helpers/folder-scan';

const root = mkdtempSync(join(tmpdir(), 'td-folder-'));
const touched = new Set<string>();
const backends: Backend[] = [];
let app: Backend;
let sandboxWs: Workspace;

async function open(name: string, withSandbox: boolean): Promise<Backend> {
  const b = await createBackend({
    dataDir: join(root, `data-${name}`),
    mode: 'web',
    version: '0.0.0-test',
    notify: () => undefined,
    vaultService: uniqueService(`folder-${name}`),
    ...(withSandbox ? { startSandbox: startSandboxPeer, sandboxPort: 0 } : {}),
    env: { TRIGGER_DESK_POLL_SCALE: '0.05' },
  });
  backends.push(b);
  return b;
}

function call<K extends RequestName>(b: Backend, name: K, args: Args<K>): Promise<Result<K>> {
  return (b.handlers[name] as (a: Args<K>) => Promise<Result<K>>)(args);
}

async function refusal<K extends RequestName>(b: Backend, name: K, args: Args<K>): Promise<DeskError> {
  try {
    await call(b, name, args);
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw e;
  }
  throw new Error(`${name} was not refused`);
}

function dir(name: string): string {
  const d = join(root, name);
  touched.add(d);
  return d;
}

/** Polls (no fixed sleep) until `check` gives a value. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function tokens(): Promise<string[]> {
  const all = await call(app, 'triggers:list', {});
  return all.map((t) => t.parsed.token).filter((t): t is string => t !== null);
}

beforeAll(async () => {
  app = await open('app', true);
  const [ws] = await call(app, 'workspaces:list', {});
  if (!ws) throw new Error('no sandbox workspace');
  sandboxWs = ws;
});

afterEach(async () => {
  const secrets = [...backends.flatMap((b) => b.secrets()), KEYS.execute, KEYS.viewOnly];
  expect(secretsIn(touched, secrets, await tokens())).toEqual([]);
});

afterAll(async () => {
  await Promise.all(backends.map((b) => b.close()));
  rmSync(root, { recursive: true, force: true });
});

describe('folder workspaces', () => {
  it('export → import → export writes identical files, with no token, no key and stable bytes', async () => {
    const first = dir('round-1');
    const written = await call(app, 'folders:export', { workspaceId: sandboxWs.id, dir: first });
    expect(written.files).toContain('workspace.yaml');
    expect(written.files.some((f) => f.startsWith('triggers/') && f.endsWith('.json'))).toBe(true);
    const files = folderFiles(first);
    const triggerFile = [...files].find(([p, t]) => p.endsWith('.yaml') && t.includes('{token}'));
    expect(triggerFile, 'a v3 URL is written with {token}').toBeDefined();
    expect([...files.values()].join('\n')).toMatch(/^apiKey: \{ keychain: [^}]+ \}$/m);
    // The same workspace always writes the same bytes.
    await call(app, 'folders:export', { workspaceId: sandboxWs.id, dir: first });
    expect(folderFiles(first)).toEqual(files);

    const other = await open('round', false);
    const imported = await call(other, 'folders:import', { dir: first });
    expect(imported.notes).toEqual([]);
    const second = dir('round-2');
    await call(other, 'folders:export', { workspaceId: imported.workspace.id, dir: second });
    expect(folderFiles(second)).toEqual(files);
  });

  it('a linked folder: app edits write only the files they touch; a teammate edit on disk is picked up live with a notice', async () => {
    const shared = dir('linked');
    const linked = await call(app, 'folders:link', { workspaceId: sandboxWs.id, dir: shared });
    expect(linked.workspace.folder).toBe(shared);
    expect(linked.status.watching).toBe(true);
    const before = folderFiles(shared);
    const [t] = (await call(app, 'triggers:list', { workspaceId: sandboxWs.id })).filter((x) => x.payloads.length > 0);
    if (!t?.payloads[0]) throw new Error('no trigger with a payload');
    await call(app, 'payloads:save', {
      triggerId: t.id,
      id: t.payloads[0].id,
      name: t.payloads[0].name,
      body: '{"tag":"edited"}',
    });
    const after = folderFiles(shared);
    const diff = [...after.keys()].filter((p) => after.get(p) !== before.get(p));
    expect(diff).toHaveLength(1);
    expect(after.get(diff[0] ?? '')).toBe('{"tag":"edited"}');

    // A teammate renames the trigger in its file (a git pull): the app follows, with a notice.
    const path = [...after.keys()].find((p) => p.endsWith('.yaml') && after.get(p)?.includes(`id: ${t.id}`));
    if (!path) throw new Error('no file for the trigger');
    const text = after.get(path) ?? '';
    writeFileSync(join(shared, path), text.replace(/^name: .*$/m, 'name: Renamed by a teammate'));
    const renamed = await until('the rename on disk', async () =>
      (await call(app, 'triggers:list', { workspaceId: sandboxWs.id })).find(
        (x) => x.id === t.id && x.name === 'Renamed by a teammate',
      ),
    );
    expect(renamed.payloads[0]?.body).toBe('{"tag":"edited"}');
    const notices = await call(app, 'notices:list', {});
    expect(notices.some((n: Notice) => n.source === 'folder' && n.text.includes(`1 file changed on disk`))).toBe(true);
    // The pull is not echoed: the file is exactly as the teammate wrote it.
    expect(readFileSync(join(shared, path), 'utf8')).toContain('name: Renamed by a teammate');

    // A second pull: its notice replaces the first one for this folder (they do not pile up).
    writeFileSync(join(shared, path), text.replace(/^name: .*$/m, 'name: Renamed again'));
    await until('the second rename', async () =>
      (await call(app, 'triggers:list', { workspaceId: sandboxWs.id })).find((x) => x.name === 'Renamed again'),
    );
    const changed = (await call(app, 'notices:list', {})).filter(
      (n: Notice) => n.source === 'folder' && n.text.includes('changed on disk'),
    );
    expect(changed).toHaveLength(1);
  });

  it('a damaged file: line and column reported, its trigger keeps its last good state, the rest fires; an edit to it is refused', async () => {
    const shared = dir('linked');
    const files = folderFiles(shared);
    const triggers = await call(app, 'triggers:list', { workspaceId: sandboxWs.id });
    const [broken, fine] = triggers;
    if (!broken || !fine) throw new Error('two triggers needed');
    const path = [...files.keys()].find((p) => files.get(p)?.includes(`id: ${broken.id}`) && p.endsWith('.yaml'));
    if (!path) throw new Error('no file');
    writeFileSync(join(shared, path), 'id: x\nname: [unclosed\nurl: y\n');
    const status = await until('the problem', async () => {
      const s = await call(app, 'folders:status', { workspaceId: sandboxWs.id });
      return s.problems.length > 0 ? s : undefined;
    });
    const [problem] = status.problems;
    expect(problem?.path).toBe(path);
    // The flow sequence opened on line 2 is never closed: the parser stops on line 3 or after.
    expect(problem?.line).toBeGreaterThanOrEqual(2);
    expect(problem?.column).toBeGreaterThanOrEqual(1);
    const notices = await call(app, 'notices:list', {});
    expect(notices.some((n) => n.level === 'warning' && n.text.includes(`${path} line`))).toBe(true);
    const kept = (await call(app, 'triggers:list', { workspaceId: sandboxWs.id })).find((x) => x.id === broken.id);
    expect(kept?.name).toBe(broken.name);
    // The app does not overwrite the teammate's broken file.
    const refused = await refusal(app, 'triggers:update', { id: broken.id, production: !broken.production });
    expect(refused.message).toMatch(/does not parse/);
    // The rest of the workspace works: another trigger fires.
    const fired = await call(app, 'triggers:fire', { id: fine.id });
    expect(fired.outcome).toBe('accepted');
    // Mended on disk: the problem goes.
    writeFileSync(join(shared, path), files.get(path) ?? '');
    await until('the mend', async () => {
      const s = await call(app, 'folders:status', { workspaceId: sandboxWs.id });
      return s.problems.length === 0 ? s : undefined;
    });
  });

  it('a teammate opens the folder: no token and no key in it; supplying both by paste and keychain makes it fire', async () => {
    const shared = dir('linked');
    const mate = await open('mate', false);
    const opened = await call(mate, 'folders:open', { dir: shared });
    expect(opened.workspace.folder).toBe(shared);
    const mine = await call(app, 'triggers:list', { workspaceId: sandboxWs.id });
    const secured = mine.find((t) => t.key !== null && t.parsed.form === 'v3');
    if (!secured) throw new Error('no v3 trigger with a key');
    const needs = opened.status.needs.filter((n) => n.triggerId === secured.id);
    expect(needs.map((n) => n.kind).sort()).toEqual(['key', 'token']);
    const refused = await refusal(mate, 'triggers:fire', { id: secured.id });
    expect(refused.message).toMatch(/needs its webhook token/);
    // Another trigger's URL is refused; the right one (as Harness's "Copy URL") is taken.
    const other = mine.find((t) => t.id !== secured.id && t.parsed.form === 'v3');
    if (other) {
      const wrong = await refusal(mate, 'folders:supplyToken', { triggerId: secured.id, text: other.parsed.url });
      expect(wrong.message).toMatch(/another trigger's URL/);
    }
    const before = folderFiles(shared);
    const supplied = await call(mate, 'folders:supplyToken', { triggerId: secured.id, text: secured.parsed.url });
    expect(supplied.parsed.token).toBe(secured.parsed.token);
    const ref = needs.find((n) => n.kind === 'key')?.ref;
    if (!ref) throw new Error('no key reference');
    const noKey = await refusal(mate, 'triggers:fire', { id: secured.id });
    expect(noKey.message).toBe(`"${secured.name}" needs the API key "${ref}" from your keychain.`);
    const status = await call(mate, 'folders:setSecret', {
      workspaceId: opened.workspace.id,
      ref,
      value: KEYS.execute,
    });
    expect(status.needs.filter((n) => n.triggerId === secured.id)).toEqual([]);
    const fired = await call(mate, 'triggers:fire', { id: secured.id });
    expect(fired.outcome).toBe('accepted');
    // Supplying the token and the key wrote nothing into the folder.
    expect(folderFiles(shared)).toEqual(before);
    const t: Trigger | undefined = (await call(mate, 'triggers:list', { workspaceId: opened.workspace.id })).find(
      (x) => x.id === secured.id,
    );
    expect(t?.key?.last4).toBe(KEYS.execute.slice(-4));
  });

  it('a deleted folder workspace, restored, reads its folder: a change made meanwhile is kept, not overwritten', async () => {
    const shared = dir('linked');
    await call(app, 'workspaces:delete', { id: sandboxWs.id });
    const files = folderFiles(shared);
    const path = [...files.keys()].find((p) => p.startsWith('triggers/') && p.endsWith('.yaml'));
    if (!path) throw new Error('no trigger file');
    const edited = (files.get(path) ?? '').replace(/^production: (true|false)$/m, 'production: true');
    const text = edited.replace(/^name: .*$/m, 'name: Edited while deleted');
    writeFileSync(join(shared, path), text);
    await call(app, 'workspaces:restore', { id: sandboxWs.id });
    expect(readFileSync(join(shared, path), 'utf8')).toBe(text);
    const names = (await call(app, 'triggers:list', { workspaceId: sandboxWs.id })).map((t) => t.name);
    expect(names).toContain('Edited while deleted');
  });

  it('refuses to write a key-shaped text into the folder, naming the file and the field', async () => {
    const [t] = await call(app, 'triggers:list', { workspaceId: sandboxWs.id });
    if (!t) throw new Error('no trigger');
    // Payloads, variables and headers refuse keys on their own; a name does not: the folder's scan does.
    const before = folderFiles(dir('linked'));
    const refused = await refusal(app, 'triggers:update', {
      id: t.id,
      name: 'Deploy pat.abcd1234.efgh5678ijkl.mnop9012qrst',
    });
    expect(refused.message).toMatch(
      /triggers\/[^ ]+\.yaml would hold something shaped like a key or token \(at name\)/,
    );
    expect(folderFiles(dir('linked'))).toEqual(before);
    expect((await call(app, 'triggers:list', { workspaceId: sandboxWs.id })).find((x) => x.id === t.id)?.name).toBe(
      t.name,
    );
    dir('linked');
  });
});
