// Every request the sandbox received (except its own control routes), newest last, capped so a
// long bench cannot grow it without bound. The array object stays the same for its whole life.
import type { IncomingMessage } from 'node:http';
import type { ReceivedRequest } from './types';

export class Received {
  readonly list: ReceivedRequest[] = [];
  private bytes = 0;

  constructor(
    private readonly max: number,
    private readonly maxBytes: number,
  ) {}

  add(r: ReceivedRequest): void {
    this.list.push(r);
    this.bytes += r.body.length;
    let drop = 0;
    // The newest request always stays, however large.
    while (drop < this.list.length - 1 && (this.list.length - drop > this.max || this.bytes > this.maxBytes)) {
      this.bytes -= this.list[drop]?.body.length ?? 0;
      drop++;
    }
    if (drop > 0) this.list.splice(0, drop);
  }

  clear(): void {
    this.list.length = 0;
    this.bytes = 0;
  }
}

/** Lower-cased header names: repeated values joined with ", " (all) and the first one alone (first). */
export function readHeaders(req: IncomingMessage): { all: Record<string, string>; first: Record<string, string> } {
  // No prototype: a header named "constructor" or "__proto__" is just a header.
  const all = Object.create(null) as Record<string, string>;
  const first = Object.create(null) as Record<string, string>;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    if (Object.hasOwn(all, name)) all[name] = `${all[name] ?? ''}, ${value}`;
    else {
      all[name] = value;
      first[name] = value;
    }
  }
  return { all, first };
}
