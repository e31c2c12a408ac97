const mods = ['yaml','zod','undici','re2js','jexl','conf','ajv/dist/2020.js','@napi-rs/keyring','node:vm','node:https'];
const out = [];
for (const m of mods) { const t = performance.now(); await import(m); out.push([m, Math.round(performance.now()-t)]); }
const t = performance.now();
console.log(JSON.stringify(out), 'total', Math.round(t));
