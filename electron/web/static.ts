// Serves the built renderer (dist/renderer) and nothing else: no directory listing, no path outside
// the folder (also not through a symlink), and any unknown route without a file extension gets
// index.html so the page's own routes survive a reload.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export type Send = (status: number, headers: Record<string, string>, body?: string) => void;

/** The file under `root` that a URL path names, or null when the path tries to leave `root`. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return null;
  const relative = normalize(segments.filter((s) => s !== '' && s !== '.').join(sep));
  if (relative.startsWith('..')) return null;
  return join(root, relative);
}

async function fileInside(root: string, candidate: string): Promise<{ path: string; size: number } | null> {
  try {
    const real = await realpath(candidate);
    if (real !== root && !real.startsWith(root + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

export interface StaticFiles {
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    send: Send,
    base: Record<string, string>,
  ): Promise<void>;
}

export async function staticFiles(rendererDir: string): Promise<StaticFiles> {
  const root = await realpath(rendererDir).catch(() => rendererDir);

  const stream = (
    req: IncomingMessage,
    res: ServerResponse,
    file: { path: string; size: number },
    base: Record<string, string>,
  ): void => {
    const type = TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    // Vite puts content hashes in asset names, so those never change; index.html always may.
    const immutable = file.path.startsWith(join(root, 'assets') + sep);
    res.writeHead(200, {
      ...base,
      'content-type': type,
      'content-length': String(file.size),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  return {
    async serve(req, res, pathname, send, base) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, { 'allow': 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Method not allowed.\n');
        return;
      }
      const candidate = resolveInside(root, pathname);
      if (candidate === null) {
        send(404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found.\n');
        return;
      }
      const found = await fileInside(root, candidate);
      if (found) {
        stream(req, res, found, base);
        return;
      }
      // A route of the page (no extension, or a folder) gets the page; a missing asset is a 404.
      if (extname(pathname) === '' || pathname.endsWith('/')) {
        const index = await fileInside(root, join(root, 'index.html'));
        if (index) {
          stream(req, res, index, base);
          return;
        }
        send(
          503,
          { 'content-type': 'text/plain; charset=utf-8' },
          'The page is not built yet: run `npx vite build` (npm run web does it for you).\n',
        );
        return;
      }
      send(404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found.\n');
    },
  };
}
