// Raw HTTP for the web-host tests: node:http (not fetch) so a test can send any Host, Origin or
// path exactly as an attacker's browser or tool would, without normalisation.
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function raw(port: number, o: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...o.headers };
    if (o.body !== undefined) headers['content-length'] = String(Buffer.byteLength(o.body));
    const req = request(
      { host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as unknown });
        });
        res.on('error', reject);
      },
    );
    // The host may answer (413) and close before a large body is fully sent.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
    );
    req.end(o.body);
  });
}

/** An open GET /api/events stream: collects the text as it arrives. */
export interface EventStream {
  status: number;
  headers: IncomingHttpHeaders;
  text(): string;
  /** Resolves when the collected text satisfies `test` (or rejects after `ms`). */
  until(test: (text: string) => boolean, ms?: number): Promise<string>;
  ended: Promise<void>;
  close(): void;
}

export function openEvents(port: number, headers: Record<string, string>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/events',
        headers: { host: `127.0.0.1:${port}`, ...headers },
        agent: false,
      },
      (res: IncomingMessage) => {
        let text = '';
        const waiters = new Set<() => void>();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (const w of waiters) w();
        });
        const ended = new Promise<void>((done) => {
          res.on('end', done);
          res.on('close', done);
        });
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: () => text,
          ended,
          close: () => req.destroy(),
          until: (test, ms = 5000) =>
            new Promise((ok, fail) => {
              const check = (): void => {
                if (test(text)) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  ok(text);
                }
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(new Error(`event stream: not seen within ${ms} ms; got ${JSON.stringify(text)}`));
              }, ms);
              waiters.add(check);
              check();
            }),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export function corsHeaders(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers).filter((h) => h.toLowerCase().startsWith('access-control-'));
}
