import { build } from 'esbuild';
const r = await build({ bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, metafile: true, absWorkingDir: process.cwd(),
  external: ['@napi-rs/keyring'], entryPoints: ['electron/web/start.ts'], outfile: '/tmp/h11/x.mjs' });
const ins = r.metafile.inputs;
const start = 'electron/web/start.ts';
const prev = new Map([[start, null]]); const q = [start];
while (q.length) { const f = q.shift(); for (const i of ins[f]?.imports ?? []) { if (i.kind === 'dynamic-import' || i.external) continue; if (!prev.has(i.path)) { prev.set(i.path, f); q.push(i.path); } } }
for (const target of process.argv.slice(2)) {
  const hit = [...prev.keys()].find((k) => k.includes(target));
  if (!hit) { console.log(target, ': not statically reached'); continue; }
  const chain = []; for (let f = hit; f; f = prev.get(f)) chain.unshift(f);
  console.log(target, ':\n  ' + chain.filter(c => !c.includes('node_modules') || c === hit).join('\n  '));
}
