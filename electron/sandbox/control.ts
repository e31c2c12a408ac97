// /_sandbox/*: the control routes for tests that run in another process (documented in
// electron/sandbox/README.md). Loopback Host only, so a web page cannot reach them by DNS rebinding.
// Never subject to faults, never recorded in `received`.
import { json, type Answer } from './responses';
import type { Req } from './context';
import type { ExampleTrigger, Faults, ReceivedRequest, TriggerSpec } from './types';

export interface Controls {
  examples: () => ExampleTrigger[];
  faults: () => Faults;
  setFaults: (patch: unknown) => void;
  received: () => ReceivedRequest[];
  clearReceived: () => void;
  reset: () => void;
  approve: (planExecutionId: string, approved: boolean) => boolean;
  addTrigger: (spec: TriggerSpec) => ExampleTrigger;
}

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

function bad(message: string, status = 400): Answer {
  return json(status, { error: message });
}

function parse(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  return JSON.parse(text) as unknown;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function control(c: Controls, req: Req): Answer {
  if (!LOOPBACK.test(req.headers.host ?? ''))
    return bad('the sandbox control routes answer on 127.0.0.1, localhost or [::1] only', 403);
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  let body: unknown;
  try {
    body = req.method === 'POST' ? parse(req.body) : undefined;
  } catch (e) {
    return bad(`the body is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if (route === 'GET /_sandbox') {
      return json(200, {
        routes: [
          'GET /_sandbox/examples',
          'GET|POST /_sandbox/faults',
          'GET|DELETE /_sandbox/received',
          'POST /_sandbox/reset',
          'POST /_sandbox/approve/{planExecutionId}',
          'POST /_sandbox/triggers',
        ],
      });
    }
    if (route === 'GET /_sandbox/examples') return json(200, c.examples());
    if (route === 'GET /_sandbox/faults') return json(200, c.faults());
    if (route === 'POST /_sandbox/faults') {
      c.setFaults(body);
      return json(200, c.faults());
    }
    if (route === 'GET /_sandbox/received') {
      const since = Number(req.query.get('since') ?? '0');
      return json(
        200,
        c
          .received()
          .filter((r) => r.at >= since)
          .map((r) => ({
            method: r.method,
            url: r.url,
            path: r.path,
            headers: r.headers,
            body: r.body.toString('base64'),
            at: r.at,
          })),
      );
    }
    if (route === 'DELETE /_sandbox/received') {
      c.clearReceived();
      return json(200, { cleared: true });
    }
    if (route === 'POST /_sandbox/reset') {
      c.reset();
      return json(200, { faults: c.faults(), received: 0 });
    }
    const approve = /^POST \/_sandbox\/approve\/([A-Za-z0-9_-]+)$/.exec(route);
    if (approve?.[1] !== undefined) {
      const approved = !(isRecord(body) && body.approved === false);
      return c.approve(approve[1], approved)
        ? json(200, { planExecutionId: approve[1], approved })
        : bad(`run ${approve[1]} is not waiting for approval`, 409);
    }
    if (route === 'POST /_sandbox/triggers') {
      if (!isRecord(body) || typeof body.name !== 'string' || typeof body.identifier !== 'string')
        return bad('a trigger needs at least "name" and "identifier"');
      return json(201, c.addTrigger(body as unknown as TriggerSpec));
    }
    return bad(`no control route ${route}; GET /_sandbox lists them`, 404);
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
}
