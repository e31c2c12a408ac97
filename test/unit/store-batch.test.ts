// A batched store (first-launch seeding): updates stay in memory, reads see them, one commit writes all.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { batchedDoc, openStores } from '../../electron/backend/store/index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('batchedDoc', () => {
  it('keeps updates in memory until commit, then writes them in one go', () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-batch-'));
    dirs.push(dir);
    const stores = openStores(dir);
    stores.data.update((d) => void (d.meta.seededAt = null));
    const before = readFileSync(stores.data.path, 'utf8');
    const batch = batchedDoc(stores.data);
    batch.update((d) => void d.workspaces.push({ id: 'w1', name: 'One', kind: 'user', createdAt: 1, deletedAt: null }));
    batch.update((d) => void d.workspaces.push({ id: 'w2', name: 'Two', kind: 'user', createdAt: 2, deletedAt: null }));
    expect(batch.read().workspaces.map((w) => w.id)).toEqual(['w1', 'w2']);
    expect(readFileSync(stores.data.path, 'utf8')).toBe(before);
    expect(stores.data.read().workspaces).toEqual([]);
    batch.commit();
    expect(
      openStores(dir)
        .data.read()
        .workspaces.map((w) => w.name),
    ).toEqual(['One', 'Two']);
  });

  it('a commit that breaks the schema writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-batch-'));
    dirs.push(dir);
    const stores = openStores(dir);
    const batch = batchedDoc(stores.data);
    batch.update(
      (d) => void d.workspaces.push({ id: 'w1', name: 'One', kind: 'bogus' as 'user', createdAt: 1, deletedAt: null }),
    );
    expect(() => batch.commit()).toThrow();
    expect(openStores(dir).data.read().workspaces).toEqual([]);
  });
});
