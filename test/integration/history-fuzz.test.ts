// Fuzzing the history file: a valid history.jsonl (every line kind: head, add, upd, del, cfg) is
// damaged in many ways (cut at random places, lines replaced or split by random bytes, bytes
// overwritten, each line kind broken field by field with wrong types) and opened each time. The
// history must always open, and hold exactly what the undamaged lines say: every valid entry
// survives, nothing a damaged line says is trusted. A few variants start the whole backend too.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/index';
import { openHistory } from '../../electron/backend/history/index';
import { HISTORY_FILE } from '../../electron/backend/history/index';
import type { FireResult } from '../../shared/model';
import type { HistoryEntry, WatchState } from '../../shared/watch-model';
import { uniqueService } from '../helpers/keychain';

const CLOCK = Date.UTC(2026, 0, 10);
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'td-fuzz-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small seeded generator (mulberry32): every run damages the file the same way. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fireOf(i: number): FireResult {
  const ev = i.toString(16).padStart(24, '0');
  return {
    id: `fire${String(i)}`,
    triggerId: `trg${String(i % 3)}`,
    at: CLOCK + i * 1000,
    durationMs: 10 + i,
    request: {
      method: 'POST',
      url: 'https://h.example/gateway/pipeline/api/webhook/custom/…(redacted)…/v3',
      headers: { 'content-type': 'application/json' },
      bodyBytes: 20,
      bodyIsJson: true,
    },
    outcome: i % 5 === 0 ? 'rejected' : 'accepted',
    response: {
      status: i % 5 === 0 ? 400 : 200,
      contentType: 'application/json',
      body: `{"status":"SUCCESS","n":${String(i)}}`,
    },
    event:
      i % 5 === 0
        ? null
        : {
            eventCorrelationId: ev,
            apiUrl: `https://h.example/gateway/pipeline/api/webhook/triggerExecutionDetails/${ev}?accountIdentifier=A`,
            uiUrl: '',
            uiSetupUrl: '',
          },
    harness: { status: 'SUCCESS', code: '', message: 'déployé ✓', correlationId: `corr-${String(i)}` },
    explanation: i % 5 === 0 ? { title: 'Refused', detail: 'Bad payload', action: null } : null,
    notes: i % 7 === 0 ? ['The trigger has no payload, so {} was sent.'] : [],
  };
}

function watchOf(e: HistoryEntry, i: number, ended: boolean): WatchState {
  return {
    id: `w${String(i)}`,
    historyId: e.id,
    triggerId: e.triggerId,
    triggerName: e.triggerName,
    apiUrl: e.apiUrl ?? '',
    eventCorrelationId: e.eventCorrelationId ?? '',
    startedAt: e.at,
    updatedAt: e.at + 1,
    connectionTrouble: null,
    polls: 1,
    nextPollAt: null,
    canAbort: false,
    phase: ended ? 'ended' : 'running',
    processing: null,
    steps: [],
    needsPerson: null,
    terminal: ended,
    headline: '',
    ended: ended ? { at: e.at + 5000, reason: 'Succeeded' } : null,
    failureMessages: ended ? [] : [`stage ${String(i)} is slow`],
    execution: {
      planExecutionId: `plan${String(i)}`,
      name: 'P',
      pipelineIdentifier: 'P',
      runSequence: i,
      status: ended
        ? { status: 'Success', words: 'Succeeded', tone: 'good' }
        : { status: 'Running', words: 'Running', tone: 'wait' },
      startTs: e.at,
      endTs: ended ? e.at + 5000 : null,
      durationMs: 5000,
      failureMessage: null,
      stageCounts: { successful: 1, running: 0, failed: 0, total: 1 },
      orgIdentifier: 'o',
      projectIdentifier: 'p',
    },
  };
}

/** A valid history with every kind of line, written by the app's own code. */
function validHistory(): string {
  const dir = tempDir();
  const h = openHistory({ dataDir: dir, now: () => CLOCK + 100_000, secrets: () => [], onChange: () => undefined });
  h.setRetention({ maxEntries: 5000 });
  const entries: HistoryEntry[] = [];
  for (let i = 0; i < 24; i++) {
    entries.push(
      h.record({
        fire: fireOf(i),
        triggerName: ['Deploy', 'Nightly', 'Release ✓'][i % 3] ?? '',
        payload: JSON.stringify({ i, tag: `v1.${String(i)}`, note: 'ünïcode' }),
        watchId: i % 5 === 0 ? null : `w${String(i)}`,
      }),
    );
    const e = entries[i];
    if (e && i % 5 !== 0) h.updateFromWatch(watchOf(e, i, false));
    if (e && i % 4 === 1) h.updateFromWatch(watchOf(e, i, true));
    if (i === 9) h.remove('fire3');
    if (i === 15) h.setRetention({ maxAgeDays: 365 });
  }
  h.remove('fire11');
  h.close();
  return readFileSync(join(dir, HISTORY_FILE), 'utf8');
}

/**
 * What a history must hold: the lines of `text` that are byte for byte lines of the valid file,
 * applied in order by a model written here (not the app's code). A damaged line counts for nothing.
 */
function expected(text: string, valid: Set<string>): Map<string, Record<string, unknown>> {
  const entries = new Map<string, Record<string, unknown>>();
  for (const row of text.split('\n')) {
    if (!valid.has(row)) continue;
    const line = JSON.parse(row) as {
      t: string;
      e?: Record<string, unknown> & { id: string };
      id?: string;
      p?: Record<string, unknown>;
      ids?: string[];
    };
    if (line.t === 'add' && line.e) entries.set(line.e.id, line.e);
    const current = line.id === undefined ? undefined : entries.get(line.id);
    if (line.t === 'upd' && current && line.id !== undefined) entries.set(line.id, { ...current, ...line.p });
    if (line.t === 'del') for (const id of line.ids ?? []) entries.delete(id);
  }
  return entries;
}

// --- the damage ---

/** Bytes JSON never accepts anywhere (control characters other than whitespace): a line holding one cannot pass. */
function poison(rnd: () => number): number {
  const bad = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  ];
  return bad[Math.floor(rnd() * bad.length)] ?? 0;
}

function randomBytes(rnd: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  // At least one byte no JSON line may hold, so the damage cannot pass for a line by chance.
  b[0] = poison(rnd);
  return b;
}

type Variant = { name: string; bytes: Buffer };

function lineKindMutations(rows: string[]): Variant[] {
  const wrong: unknown[] = [null, 42, 'text', true, [], {}, [1, 'x'], -1];
  const out: Variant[] = [];
  // Field by field inside the first two lines of each kind; the top-level fields of every line.
  const seen = new Map<unknown, number>();
  rows.forEach((row, i) => {
    if (row === '') return;
    const line = JSON.parse(row) as Record<string, unknown>;
    const nth = (seen.get(line.t) ?? 0) + 1;
    seen.set(line.t, nth);
    const broken: [string, Record<string, unknown>][] = [];
    // Every top-level field: missing, then each wrong type.
    for (const key of Object.keys(line)) {
      const rest = { ...line };
      Reflect.deleteProperty(rest, key);
      broken.push([`no ${key}`, rest]);
      for (const w of wrong)
        if (
          JSON.stringify(w) !== JSON.stringify(line[key]) &&
          !(key === 'p' && JSON.stringify(w) === '{}') &&
          !(key === 'ids' && JSON.stringify(w) === '[]') &&
          !(key === 'c' && JSON.stringify(w) === '{}')
        )
          broken.push([`${key}=${JSON.stringify(w)}`, { ...line, [key]: w }]);
    }
    // Inside an entry or a patch: each field with a wrong type (one at a time).
    for (const inner of nth <= 2 ? (['e', 'p', 'c'] as const) : []) {
      const value = line[inner];
      if (typeof value !== 'object' || value === null) continue;
      for (const key of Object.keys(value)) {
        const current = (value as Record<string, unknown>)[key];
        const w =
          typeof current === 'string'
            ? 7
            : typeof current === 'number'
              ? 'seven'
              : typeof current === 'boolean'
                ? 'yes'
                : current === null
                  ? { odd: true }
                  : 'not an object';
        broken.push([`${inner}.${key}=${JSON.stringify(w)}`, { ...line, [inner]: { ...value, [key]: w } }]);
      }
      if (inner === 'e') {
        for (const key of Object.keys(value)) {
          const rest = { ...(value as Record<string, unknown>) };
          Reflect.deleteProperty(rest, key);
          broken.push([`e without ${key}`, { ...line, e: rest }]);
        }
      }
    }
    for (const [what, b] of broken) {
      const copy = [...rows];
      copy[i] = JSON.stringify(b);
      out.push({ name: `line ${String(i + 1)} (${String(line.t)}): ${what}`, bytes: Buffer.from(copy.join('\n')) });
    }
  });
  return out;
}

function variants(text: string): Variant[] {
  const rnd = random(20260110);
  const bytes = Buffer.from(text);
  const rows = text.split('\n');
  const out: Variant[] = [];
  for (let k = 0; k < 150; k++) {
    const at = Math.floor(rnd() * bytes.length);
    out.push({ name: `cut at byte ${String(at)}`, bytes: bytes.subarray(0, at) });
  }
  for (let k = 0; k < 100; k++) {
    const i = Math.floor(rnd() * (rows.length - 1));
    const copy: Buffer[] = rows.map((r) => Buffer.from(r));
    copy[i] = randomBytes(rnd, 1 + Math.floor(rnd() * 200));
    out.push({
      name: `line ${String(i + 1)} replaced by random bytes`,
      bytes: Buffer.concat(copy.flatMap((b, j) => (j === 0 ? [b] : [Buffer.from('\n'), b]))),
    });
  }
  for (let k = 0; k < 100; k++) {
    const at = Math.floor(rnd() * bytes.length);
    out.push({
      name: `random bytes inserted at byte ${String(at)}`,
      bytes: Buffer.concat([bytes.subarray(0, at), randomBytes(rnd, 1 + Math.floor(rnd() * 64)), bytes.subarray(at)]),
    });
  }
  for (let k = 0; k < 100; k++) {
    const copy = Buffer.from(bytes);
    const flips = 1 + Math.floor(rnd() * 4);
    for (let f = 0; f < flips; f++) copy[Math.floor(rnd() * copy.length)] = poison(rnd);
    out.push({ name: `${String(flips)} bytes overwritten`, bytes: copy });
  }
  for (let k = 0; k < 30; k++) {
    const i = Math.floor(rnd() * (rows.length - 1));
    const copy = [...rows];
    if (k % 2 === 0) copy.splice(i, 1);
    else copy.splice(i, 0, rows[i] ?? '');
    out.push({
      name: `line ${String(i + 1)} ${k % 2 === 0 ? 'missing' : 'twice'}`,
      bytes: Buffer.from(copy.join('\n')),
    });
  }
  out.push({ name: 'empty file', bytes: Buffer.alloc(0) });
  out.push({ name: 'only random bytes', bytes: randomBytes(rnd, 4096) });
  out.push({ name: 'no newline at all', bytes: Buffer.from(rows.join('')) });
  out.push(...lineKindMutations(rows));
  return out;
}

describe('a damaged history file always opens, and every valid entry survives', () => {
  const text = validHistory();
  const valid = new Set(text.split('\n').filter((r) => r !== ''));
  const all = variants(text);

  it('holds every line kind in the valid file', () => {
    const kinds = new Set([...valid].map((r) => (JSON.parse(r) as { t: string }).t));
    expect([...kinds].sort()).toEqual(['add', 'cfg', 'del', 'head', 'upd']);
  });

  it(`opens each of ${String(all.length)} damaged variants with exactly the undamaged lines' entries`, () => {
    let skipped = 0;
    let checked = 0;
    let damagedVariants = 0;
    for (const v of all) {
      const dir = tempDir();
      const path = join(dir, HISTORY_FILE);
      writeFileSync(path, v.bytes);
      const want = expected(v.bytes.toString('utf8'), valid);
      let h;
      try {
        h = openHistory({ dataDir: dir, now: () => CLOCK + 100_000, secrets: () => [], onChange: () => undefined });
      } catch (err) {
        throw new Error(`${v.name}: the history did not open: ${err instanceof Error ? err.message : String(err)}`);
      }
      expect(h.size(), v.name).toBe(want.size);
      for (const [id, entry] of want) expect(h.find(id), `${v.name}: ${id}`).toEqual(entry);
      checked += want.size;
      const notices = h.retention().notices.join(' ');
      const count = /had (\d+) damaged line/.exec(notices)?.[1];
      if (count !== undefined) {
        skipped += Number(count);
        damagedVariants++;
        // The file as it was is kept aside, byte for byte.
        const aside = readdirSync(dir).find((f) => f.startsWith(`${HISTORY_FILE}.corrupt-`));
        expect(aside, v.name).toBeDefined();
        expect(readFileSync(join(dir, aside ?? '')).equals(v.bytes), v.name).toBe(true);
      }
      h.close();
      // What was written back opens cleanly to the same entries.
      const again = openHistory({
        dataDir: dir,
        now: () => CLOCK + 100_000,
        secrets: () => [],
        onChange: () => undefined,
      });
      expect(again.size(), `${v.name} (reopened)`).toBe(want.size);
      expect(again.retention().notices, `${v.name} (reopened): ${again.retention().notices.join(' | ')}`).toEqual([]);
      again.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // The figures for the report: variants, damaged lines skipped, entries checked.
    process.stdout.write(
      `history fuzz: ${String(all.length)} variants, ${String(damagedVariants)} with damaged lines, ${String(skipped)} damaged lines skipped, ${String(checked)} entries checked\n`,
    );
    expect(damagedVariants).toBeGreaterThan(all.length / 2);
  }, 300_000);

  it('starts the whole backend on damaged histories and reports each in the notices', async () => {
    const picks = [
      'cut at byte',
      'replaced by random bytes',
      'bytes overwritten',
      '(del): ids=42',
      '(add): no e',
      '(cfg): c=-1',
      '(upd): p=null',
      '(head): v="text"',
    ];
    for (const pick of picks) {
      const v = all.find((x) => x.name.includes(pick));
      if (!v) throw new Error(`no variant named like ${pick}`);
      const dir = tempDir();
      writeFileSync(join(dir, HISTORY_FILE), v.bytes);
      const want = expected(v.bytes.toString('utf8'), valid);
      const backend = await createBackend({
        dataDir: dir,
        mode: 'web',
        version: 'test',
        notify: () => undefined,
        vaultService: uniqueService('fuzz'),
        env: {},
      });
      try {
        const page = await backend.handlers['history:search']({ limit: 500 });
        expect(page.total, v.name).toBe(want.size);
        const notices = await backend.handlers['notices:list']({});
        if (!pick.startsWith('cut'))
          expect(
            notices
              .filter((n) => n.source === 'history')
              .map((n) => n.text)
              .join(' '),
            v.name,
          ).toMatch(/damaged line/);
      } finally {
        await backend.close();
      }
    }
  }, 120_000);
});
