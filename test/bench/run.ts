// `npm run bench`: runs every benchmark, prints one table, writes bench-results.json.
// Usage: npm run bench [-- name-filter]   (e.g. `npm run bench -- fire`)
import { writeFileSync } from 'node:fs';
import type { Figure } from './figures';

interface Bench {
  name: string;
  run: () => Promise<Figure[]>;
}

const benches: Bench[] = [
  { name: 'fire', run: async () => (await import('./fire.bench')).run() },
  { name: 'memory', run: async () => (await import('./memory.bench')).run() },
  { name: 'startup', run: async () => (await import('./startup.bench')).run() },
  { name: 'editor', run: async () => (await import('./editor.bench')).run() },
  { name: 'watch', run: async () => (await import('./watch.bench')).run() },
  { name: 'history', run: async () => (await import('./history.bench')).run() },
  { name: 'history-render', run: async () => (await import('./history-render.bench')).run() },
  { name: 'conditions', run: async () => (await import('./conditions.bench')).run() },
  { name: 'cli', run: async () => (await import('./cli.bench')).run() },
];

const filter = process.argv[2];
const figures: Figure[] = [];
const failed: string[] = [];
for (const bench of benches) {
  if (filter && !bench.name.includes(filter)) continue;
  process.stderr.write(`bench: ${bench.name}…\n`);
  try {
    figures.push(...(await bench.run()));
  } catch (err) {
    // One broken bench must not hide the others' figures.
    process.stderr.write(
      `bench: ${bench.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    failed.push(bench.name);
  }
}

const rows = figures.map((f) => [
  f.name,
  `${f.value} ${f.unit}`,
  f.target,
  f.met === null ? '' : f.met ? 'met' : 'MISSED',
]);
const header = ['figure', 'value', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
writeFileSync('bench-results.json', JSON.stringify(figures, null, 2) + '\n');
console.log(
  `\n${figures.length} figures written to bench-results.json; ${figures.filter((f) => f.met === false).length} targets missed`,
);
if (failed.length > 0) console.log(`benches that failed: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
