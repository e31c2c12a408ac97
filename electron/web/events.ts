// Server-sent events: every open GET /api/events stream receives every backend event as
// `event: <name>\ndata: <json>\n\n`, plus a comment line every 15 s so proxies and the browser
// keep an idle stream open and a dead one is noticed.
import type { ServerResponse } from 'node:http';
import type { EventName, Events } from '../../shared/events';

export const HEARTBEAT_MS = 15_000;

export interface EventHub {
  open(res: ServerResponse, headers: Record<string, string>): void;
  broadcast<E extends EventName>(event: E, payload: Events[E]): void;
  readonly size: number;
  closeAll(): void;
}

export function sseFrame(event: string, payload: unknown): string {
  // JSON never holds a raw newline, so one data line carries the whole payload.
  return `event: ${event}\ndata: ${JSON.stringify(payload ?? null)}\n\n`;
}

export function createEventHub(heartbeatMs: number = HEARTBEAT_MS): EventHub {
  const streams = new Set<ServerResponse>();
  let timer: NodeJS.Timeout | null = null;

  const stopTimerIfIdle = (): void => {
    if (streams.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };

  const write = (text: string): void => {
    for (const res of streams) res.write(text);
  };

  return {
    open(res, headers) {
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'connection': 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.socket?.setNoDelay(true);
      res.write(': connected\n\n');
      streams.add(res);
      res.on('close', () => {
        streams.delete(res);
        stopTimerIfIdle();
      });
      timer ??= setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
      timer.unref();
    },
    broadcast(event, payload) {
      if (streams.size > 0) write(sseFrame(event, payload));
    },
    get size() {
      return streams.size;
    },
    closeAll() {
      for (const res of streams) res.end();
      streams.clear();
      stopTimerIfIdle();
    },
  };
}
