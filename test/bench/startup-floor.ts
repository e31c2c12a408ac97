// The start-up floor: a bare Node http server (no framework, nothing opened) serving one static page
// with a list, spawned and opened in the same Chromium the same way as the web host. What any
// browser-mode start on this machine pays at least: node boot, a listen, a page load, a paint.
import { spawn, type ChildProcess } from 'node:child_process';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body>
<ul aria-label="Triggers"><li>Deploy on push</li><li>Nightly</li><li>Secured deploy</li></ul></body></html>`;

const SERVER = `
const page = ${JSON.stringify(PAGE)};
const server = require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
`;

export function startFloorServer(): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`floor server exited ${code}: ${out}`)));
  });
  return { child, url };
}
