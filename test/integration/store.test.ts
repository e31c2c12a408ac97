// The stores on real files: schema, migrations from an older file, atomic writes seen by another
// process, damaged files (every valid item kept, the rest named, the file kept aside), soft
// delete / restore / purge.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import type { Ctx } from '../../electron/backend/context';
import { createHttpClient } from '../../electron/backend/net/index';
import { defaultDataDir } from '../../electron/backend/store/index';
import { DATA_FORMAT } from '../../electron/backend/store/index';
import { DEFAULT_SETTINGS } from '../../electron/backend/store/index';
import { openStores, type Stores } from '../../electron/backend/store/index';
import { createTrigger, deleteTrigger, listTriggers, restoreTrigger } from '../../electron/backend/triggers/index';
import { createVault } from '../../electron/backend/vault/index';
import {
  createWorkspace,
  deleteWorkspace,
  listWorkspaces,
  purgeDeleted,
  restoreWorkspace,
} from '../../electron/backend/workspaces/index';
import { uniqueService } from '../helpers/keychain';
import { storedTrigger } from '../fixtures/damaged-data';

const TOKEN = 'AbCdEfGhIjKlMnOpQrSt_-';
const URL_V3 = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=acc1&orgIdentifier=default&projectIdentifier=proj&pipelineIdentifier=pipe&triggerIdentifier=trig`;
const URL_V2 =
  'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=acc1&orgIdentifier=default&projectIdentifier=proj&pipelineIdentifier=pipe&triggerIdentifier=old';

const STORE_MODULE = fileURLToPath(new URL('../../electron/backend/store/index.ts', import.meta.url));
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'td-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

async function contextFor(stores: Stores): Promise<Ctx> {
  const vault = await createVault(uniqueService('store'));
  const http = createHttpClient(() => stores.settings.read());
  return {
    data: stores.data,
    settings: stores.settings,
    samples: stores.samples,
    chains: stores.chains,
    vault,
    http,
    notify: () => undefined,
    now: () => Date.now(),
    sandboxBaseUrl: () => null,
    openExternal: undefined,
  };
}

describe('data folder', () => {
  it("follows TRIGGER_DESK_DATA, then each platform's convention", () => {
    expect(defaultDataDir({ TRIGGER_DESK_DATA: '/srv/td' }, 'linux', '/home/u')).toBe('/srv/td');
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/trigger-desk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe('/x/cfg/trigger-desk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.config/trigger-desk');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Trigger Desk');
    expect(defaultDataDir({ APPDATA: '/c/AppData/Roaming' }, 'win32', '/c')).toBe(
      join('/c/AppData/Roaming', 'Trigger Desk'),
    );
  });
});

describe('schema and defaults', () => {
  it('creates both files with defaults, owner-only, and the format version', () => {
    const dir = tempDir();
    const stores = openStores(dir);
    expect(stores.fresh).toBe(true);
    expect(stores.problems).toEqual([]);
    expect(stores.settings.read()).toMatchObject(DEFAULT_SETTINGS);
    expect(stores.data.read()).toMatchObject({ workspaces: [], triggers: [], meta: { seededAt: null } });
    const data = readJson(join(dir, 'data.json'));
    expect(data).toMatchObject({ __internal__: { migrations: { version: DATA_FORMAT } } });
    expect(statSync(join(dir, 'data.json')).mode & 0o777).toBe(0o600);
    expect(openStores(dir).fresh).toBe(false);
  });

  it('refuses a write that breaks the schema and leaves the file as it was', () => {
    const dir = tempDir();
    const stores = openStores(dir);
    stores.data.update((d) => {
      d.workspaces.push({ id: 'w1', name: 'Prod', kind: 'user', createdAt: 1, deletedAt: null });
    });
    const before = readFileSync(join(dir, 'data.json'), 'utf8');
    expect(() => {
      stores.data.update((d) => {
        (d.workspaces as unknown[]).push({ id: 'bad id with spaces', name: 5 });
      });
    }).toThrow(DeskError);
    expect(readFileSync(join(dir, 'data.json'), 'utf8')).toBe(before);
    expect(stores.data.read().workspaces.map((w) => w.name)).toEqual(['Prod']);
    expect(() => {
      stores.settings.update((s) => {
        (s as unknown as Record<string, unknown>).connectTimeoutMs = -1;
      });
    }).toThrow(/connectTimeoutMs/);
  });

  it('sees a change another process made to the file (the CLI), once RECHECK_MS has passed', async () => {
    const dir = tempDir();
    const a = openStores(dir);
    expect(a.data.read().workspaces).toEqual([]);
    const code = `import { openStores } from ${JSON.stringify(STORE_MODULE)}; openStores(${JSON.stringify(dir)}).data.update((d) => { d.workspaces.push({ id: 'w9', name: 'From the CLI', kind: 'user', createdAt: 1, deletedAt: null }); });`;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        stdio: 'inherit',
      });
      child.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`the other process exited ${String(c)}`))));
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(a.data.read().workspaces.map((w) => w.name)).toEqual(['From the CLI']);
  });

  it('sees a change another store of this process made to the file at once', () => {
    const dir = tempDir();
    const a = openStores(dir);
    const b = openStores(dir);
    expect(a.data.read().workspaces).toEqual([]);
    b.data.update((d) => {
      d.workspaces.push({ id: 'w2', name: 'From elsewhere', kind: 'user', createdAt: 1, deletedAt: null });
    });
    expect(a.data.read().workspaces.map((w) => w.name)).toEqual(['From elsewhere']);
  });
});

describe('migrations', () => {
  it('brings a file from before the versioned format up to date', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'data.json'),
      JSON.stringify({
        __internal__: { migrations: { version: '0.9.0' } },
        workspaces: [{ id: 'w1', name: 'Prod account' }],
        triggers: [
          { id: 't1', workspaceId: 'w1', name: 'Deploy', url: URL_V3, payloads: [{ name: 'Sample', body: '{"a":1}' }] },
          { name: 'Orphan', workspaceId: 'gone', url: URL_V2 },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        __internal__: { migrations: { version: '0.9.0' } },
        connectTimeoutMs: 5,
        theme: 'dark',
        proxyMode: 'pac',
      }),
    );
    const stores = openStores(dir);
    expect(stores.problems).toEqual([]);
    const doc = stores.data.read();
    const [deploy, orphan] = doc.triggers;
    expect(deploy).toMatchObject({
      id: 't1',
      workspaceId: 'w1',
      name: 'Deploy',
      key: null,
      headers: [],
      contentType: 'application/json',
      production: false,
      deletedAt: null,
      parsed: { form: 'v3', token: TOKEN, accountIdentifier: 'acc1', projectIdentifier: 'proj', url: URL_V3 },
    });
    expect(deploy?.payloads).toEqual([
      {
        id: expect.stringMatching(/^[A-Za-z0-9_-]+$/) as unknown,
        name: 'Sample',
        body: '{"a":1}',
        updatedAt: expect.any(Number) as unknown,
      },
    ]);
    expect(deploy).not.toHaveProperty('url');
    // A trigger whose workspace is gone is kept, in a "Recovered" workspace.
    const recovered = doc.workspaces.find((w) => w.name === 'Recovered');
    expect(recovered).toBeDefined();
    expect(orphan).toMatchObject({
      name: 'Orphan',
      workspaceId: recovered?.id,
      parsed: { form: 'v2', triggerIdentifier: 'old' },
    });
    expect(doc.workspaces[0]).toMatchObject({ id: 'w1', name: 'Prod account', kind: 'user', deletedAt: null });
    expect(readJson(join(dir, 'data.json'))).toMatchObject({ __internal__: { migrations: { version: DATA_FORMAT } } });
    // Out-of-range or unknown settings fall back to defaults; valid ones stay.
    expect(stores.settings.read()).toMatchObject({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('leaves out a trigger whose migration fails, names it, keeps the rest and the file as it was', () => {
    const dir = tempDir();
    const original = JSON.stringify({
      __internal__: { migrations: { version: '0.9.0' } },
      workspaces: [{ id: 'w1', name: 'Prod account' }],
      triggers: [
        { id: 't1', workspaceId: 'w1', name: 'Bad', url: 'ftp://nowhere' },
        { id: 't2', workspaceId: 'w1', name: 'Good', url: URL_V3 },
      ],
    });
    writeFileSync(join(dir, 'data.json'), original);
    const stores = openStores(dir);
    expect(stores.problems).toHaveLength(1);
    expect(stores.problems[0]?.source).toBe('data');
    expect(stores.problems[0]?.text).toMatch(
      /data file .* had 1 damaged item, left out: trigger "Bad" \(must have required property 'parsed'\)\. Everything else was kept\. The file as it was is kept as .*data\.corrupt-/,
    );
    const aside = readdirSync(dir).filter((f) => f.startsWith('data.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(original);
    expect(stores.data.read().triggers.map((t) => t.name)).toEqual(['Good']);
    expect(stores.data.read().workspaces.map((w) => w.name)).toEqual(['Prod account']);
  });
});

describe('damaged files: every item that validates is kept', () => {
  const workspace = (id: string, name: string): Record<string, unknown> => ({
    id,
    name,
    kind: 'user',
    createdAt: 1,
    deletedAt: null,
  });
  const trigger = (id: string, workspaceId: string, name: string): Record<string, unknown> =>
    storedTrigger(id, workspaceId, name, 1, '{"a":1}');

  it('drops only the wrong-typed trigger and workspace, says which, and keeps the file aside byte for byte', () => {
    const dir = tempDir();
    const damagedTrigger = { ...trigger('t3', 'w1', 'Broken deploy'), createdAt: 'yesterday' };
    const doc = {
      __internal__: { migrations: { version: DATA_FORMAT } },
      workspaces: [
        workspace('w1', 'Prod account'),
        { ...workspace('w2', 'Staging'), kind: 'bogus' },
        workspace('w3', 'QA'),
      ],
      triggers: [
        trigger('t1', 'w1', 'Deploy'),
        trigger('t2', 'w2', 'Stage deploy'),
        damagedTrigger,
        { ...trigger('t4', 'w3', 'x'), name: 42 },
        trigger('t5', 'w3', 'QA run'),
      ],
      meta: { seededAt: 5, sandboxWorkspaceId: null, sandboxBaseUrl: 7, proxyPasswordId: null },
    };
    const original = JSON.stringify(doc, null, 2);
    writeFileSync(join(dir, 'data.json'), original);
    const stores = openStores(dir);
    const data = stores.data.read();
    expect(data.workspaces.map((w) => w.name)).toEqual(['Prod account', 'QA', 'Recovered']);
    expect(data.triggers.map((t) => t.name)).toEqual(['Deploy', 'Stage deploy', 'QA run']);
    // The trigger whose workspace was left out is not lost: it moved to "Recovered".
    expect(data.triggers.find((t) => t.name === 'Stage deploy')?.workspaceId).toBe(data.workspaces[2]?.id);
    expect(data.meta).toEqual({ seededAt: 5, sandboxWorkspaceId: null, sandboxBaseUrl: null, proxyPasswordId: null });
    expect(stores.problems).toHaveLength(1);
    const text = stores.problems[0]?.text ?? '';
    expect(text).toContain('had 4 damaged items, left out: ');
    expect(text).toContain('workspace "Staging" (kind must be equal to one of the allowed values)');
    expect(text).toContain('trigger "Broken deploy" (createdAt must be number)');
    expect(text).toContain('trigger number 4 (name must be string)');
    expect(text).toContain('meta.sandboxBaseUrl (must be string or null; back to its default)');
    expect(text).toContain('1 trigger whose workspace was left out is in the workspace "Recovered".');
    const aside = readdirSync(dir).filter((f) => /^data\.corrupt-.*\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(text).toContain(aside[0]);
    expect(readFileSync(join(dir, aside[0] ?? ''))).toEqual(Buffer.from(original));
    // What is on disk now opens cleanly, with the format version kept.
    expect(readJson(join(dir, 'data.json'))).toMatchObject({ __internal__: { migrations: { version: DATA_FORMAT } } });
    const again = openStores(dir);
    expect(again.problems).toEqual([]);
    expect(again.data.read().triggers.map((t) => t.name)).toEqual(['Deploy', 'Stage deploy', 'QA run']);
  });

  it('keeps the valid settings when one is damaged', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        __internal__: { migrations: { version: '1.0.0' } },
        ...DEFAULT_SETTINGS,
        theme: 'dark',
        connectTimeoutMs: 'soon',
      }),
    );
    const stores = openStores(dir);
    expect(stores.settings.read()).toMatchObject({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(stores.problems.map((p) => p.text).join('\n')).toMatch(
      /settings file .* left out: connectTimeoutMs \(must be integer; back to its default\)/,
    );
  });

  it('reads samples.json and chains.json item by item, through the same path', () => {
    const dir = tempDir();
    const sample = (id: string, name: string): Record<string, unknown> => ({
      id,
      workspaceId: 'w1',
      name,
      payload: '{}',
      headers: [],
      createdAt: 1,
      updatedAt: 1,
    });
    const samples = JSON.stringify({
      __internal__: { migrations: { version: '1.0.0' } },
      samples: [sample('s1', 'Push to main'), { ...sample('s2', 'Tag'), headers: 'x' }, sample('s3', 'Hotfix')],
    });
    const chain = (id: string, name: string): Record<string, unknown> => ({
      id,
      workspaceId: 'w1',
      name,
      steps: [{ triggerId: 't1', body: '{}', after: 'success' }],
      createdAt: 1,
      updatedAt: 1,
    });
    const run = {
      id: 'r1',
      chainId: 'c1',
      chainName: 'Release',
      state: 'succeeded',
      steps: [],
      startedAt: 1,
      endedAt: 2,
      message: null,
      seq: 3,
    };
    const chains = JSON.stringify({
      __internal__: { migrations: { version: '1.0.0' } },
      chains: [chain('c1', 'Release'), { ...chain('c2', 'Nightly'), steps: [{ triggerId: 't1' }] }],
      runs: [run, { ...run, id: 'r2', state: 'exploded' }],
    });
    writeFileSync(join(dir, 'samples.json'), samples);
    writeFileSync(join(dir, 'chains.json'), chains);
    const stores = openStores(dir);
    expect(stores.samples.read().samples.map((s) => s.name)).toEqual(['Push to main', 'Hotfix']);
    expect(stores.chains.read().chains.map((c) => c.name)).toEqual(['Release']);
    expect(stores.chains.read().runs.map((r) => r.id)).toEqual(['r1']);
    expect(stores.problems.map((p) => p.source)).toEqual(['samples', 'chains']);
    expect(stores.problems[0]?.text).toMatch(/sample library .* left out: sample "Tag" \(headers must be array\)/);
    expect(stores.problems[1]?.text).toMatch(
      /chains file .* left out: chain "Nightly" \(steps\.0 must have required property 'body'\); chain run "Release" \(state must be equal to one of the allowed values\)/,
    );
    const kept = readdirSync(dir)
      .filter((f) => /^(samples|chains)\.corrupt-/.test(f))
      .sort();
    expect(kept).toHaveLength(2);
    expect(readFileSync(join(dir, kept[0] ?? ''), 'utf8')).toBe(chains);
    expect(readFileSync(join(dir, kept[1] ?? ''), 'utf8')).toBe(samples);
  });
});

describe('corrupt files', () => {
  it('moves a data file that is not JSON aside, says where it stops being JSON, and starts fresh', () => {
    const dir = tempDir();
    const content = '{"workspaces": [\n {"id": "w1",';
    writeFileSync(join(dir, 'data.json'), content);
    const stores = openStores(dir);
    expect(stores.problems).toHaveLength(1);
    const aside = readdirSync(dir).filter((f) => /^data\.corrupt-.*\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(stores.problems[0]?.text).toContain(aside[0]);
    expect(stores.problems[0]?.text).toMatch(
      /could not be read \(not valid JSON at line 2, column 14\).*a fresh one was started/,
    );
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(content);
    expect(stores.data.read().workspaces).toEqual([]);
    expect(readJson(join(dir, 'data.json'))).toMatchObject({ workspaces: [], triggers: [] });
  });

  it('replaces a list that is not a list, and says so', () => {
    const dir = tempDir();
    const content = JSON.stringify({
      __internal__: { migrations: { version: DATA_FORMAT } },
      workspaces: 'nope',
      triggers: [],
      meta: {},
    });
    writeFileSync(join(dir, 'data.json'), content);
    const stores = openStores(dir);
    expect(stores.problems.map((p) => p.text).join('\n')).toMatch(/the whole list "workspaces" \(it must be a list\)/);
    const aside = readdirSync(dir).filter((f) => /^data\.corrupt-.*\.json$/.test(f));
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(content);
    expect(stores.data.read().workspaces).toEqual([]);
  });

  it('moves a corrupt settings file aside without touching the data file', () => {
    const dir = tempDir();
    openStores(dir).data.update((d) => {
      d.workspaces.push({ id: 'w1', name: 'Keep me', kind: 'user', createdAt: 1, deletedAt: null });
    });
    writeFileSync(join(dir, 'settings.json'), '\u0000garbage');
    const stores = openStores(dir);
    expect(stores.problems).toEqual([{ source: 'settings', text: expect.stringMatching(/settings file/) as unknown }]);
    expect(stores.data.read().workspaces.map((w) => w.name)).toEqual(['Keep me']);
    expect(stores.settings.read()).toMatchObject(DEFAULT_SETTINGS);
  });
});

describe('atomic writes', () => {
  it('never lets another process read a half-written file', async () => {
    const dir = tempDir();
    const stores = openStores(dir);
    const path = join(dir, 'data.json');
    // A reader in another process parses the file as fast as it can while we rewrite it a fixed
    // number of times (not for a fixed time: under load, fsync'd writes are slow), until told to stop.
    const stop = join(dir, 'stop');
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');let ok=0,bad=0;console.log('ready');const end=Date.now()+60000;while(!fs.existsSync(${JSON.stringify(stop)})&&Date.now()<end){try{JSON.parse(fs.readFileSync(${JSON.stringify(path)},'utf8'));ok++}catch(e){if(e.code!=='ENOENT')bad++}}console.log(JSON.stringify({ok,bad}))`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const ready = new Promise<void>((resolve) =>
      reader.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.startsWith('ready\n')) resolve();
      }),
    );
    const done = new Promise<void>((resolve) => reader.on('exit', () => resolve()));
    await ready;
    const big = 'x'.repeat(512 * 1024);
    const WRITES = 30;
    for (let writes = 0; writes < WRITES; writes++) {
      stores.data.update((d) => {
        d.workspaces = [
          { id: 'w1', name: `${writes}-${big.slice(writes % 1000)}`, kind: 'user', createdAt: writes, deletedAt: null },
        ];
      });
      await new Promise((r) => setImmediate(r));
    }
    writeFileSync(stop, '');
    await done;
    const counts = JSON.parse(out.slice('ready\n'.length)) as { ok: number; bad: number };
    expect(stores.data.read().workspaces[0]?.createdAt).toBe(WRITES - 1);
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.bad).toBe(0);
    // No temp files are left behind.
    rmSync(stop);
    expect(readdirSync(dir).sort()).toEqual(['data.json', 'settings.json']);
  });
});

describe('soft delete, restore, purge', () => {
  it('hides deleted items, restores them, and purges old ones with their vault keys', async () => {
    const dir = tempDir();
    const ctx = await contextFor(openStores(dir));
    const ws = createWorkspace(ctx, 'Prod account');
    const other = createWorkspace(ctx, 'Staging');
    expect(() => createWorkspace(ctx, 'prod ACCOUNT')).toThrow(/already exists/);
    const keep = await createTrigger(ctx, { workspaceId: ws.id, name: 'Keep', url: URL_V3 });
    const gone = await createTrigger(ctx, { workspaceId: ws.id, name: 'Gone', url: URL_V2, apiKey: 'pat.abc.def.ghi' });
    const inOther = await createTrigger(ctx, {
      workspaceId: other.id,
      name: 'Other',
      url: URL_V3,
      apiKey: 'pat.one.two.three',
    });
    const goneKey = gone.key?.id ?? '';
    const otherKey = inOther.key?.id ?? '';
    expect(await ctx.vault.get(goneKey)).toBe('pat.abc.def.ghi');

    deleteTrigger(ctx, gone.id);
    expect(listTriggers(ctx, ws.id).map((t) => t.name)).toEqual(['Keep']);
    expect(restoreTrigger(ctx, gone.id).name).toBe('Gone');
    expect(listTriggers(ctx, ws.id).map((t) => t.name)).toEqual(['Keep', 'Gone']);

    deleteWorkspace(ctx, other.id);
    expect(listWorkspaces(ctx).map((w) => w.name)).toEqual(['Prod account']);
    expect(listTriggers(ctx).map((t) => t.name)).toEqual(['Keep', 'Gone']);
    expect(listTriggers(ctx, other.id)).toEqual([]);
    expect(() => restoreTrigger(ctx, inOther.id)).toThrow(/deleted/);
    expect(restoreWorkspace(ctx, other.id).name).toBe('Staging');
    expect(listTriggers(ctx).map((t) => t.name)).toEqual(['Keep', 'Gone', 'Other']);

    // Deleted "now": a purge of what is older than a day keeps them.
    deleteTrigger(ctx, gone.id);
    deleteWorkspace(ctx, other.id);
    expect(await purgeDeleted(ctx, Date.now() - 24 * 3600 * 1000)).toBe(0);
    expect(ctx.data.read().triggers).toHaveLength(3);
    // Purge what was deleted before now: both go, with their keys; the live trigger stays.
    expect(await purgeDeleted(ctx, Date.now() + 1)).toBe(2);
    const doc = ctx.data.read();
    expect(doc.triggers.map((t) => t.name)).toEqual(['Keep']);
    expect(doc.workspaces.map((w) => w.name)).toEqual(['Prod account']);
    expect(await ctx.vault.get(goneKey)).toBeNull();
    expect(await ctx.vault.get(otherKey)).toBeNull();
    expect(() => restoreTrigger(ctx, gone.id)).toThrow(/does not exist/);
    expect(keep.id).toBe(doc.triggers[0]?.id);
    await ctx.http.close();
  });
});
