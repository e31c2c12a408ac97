// The parts of undici the client uses, as an ES module of ours: loaded through undici.ts at the
// first request. (A dynamic import of the CommonJS package itself gives only its `default` once
// bundled; a static import here keeps the named exports.)
export { Agent, Client, ProxyAgent } from 'undici';
