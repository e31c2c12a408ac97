// The embedded Harness sandbox: a real HTTP(S) server on 127.0.0.1 that answers like Harness
// (docs/harness-protocol.md), records what it receives and shows the faults it is told to. Plain Node only.
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps, type Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { control, type Controls } from './control';
import type { Ctx, Req } from './context';
import { Events } from './events';
import { KEYS } from './examples';
import { echoSecretsInto, NO_FAULTS, patchFaults, rememberSecrets } from './faults';
import { curlCommand, triggerYaml, webhookUrl } from './links';
import { Received, readHeaders } from './received';
import { error, proxyPage, rateLimited, serverError, type Answer } from './responses';
import { Approvals } from './approvals';
import { seedAccountWorld } from './account-world';
import { route } from './routes';
import type { ExampleTrigger, Faults, Sandbox, SandboxOptions, SandboxTrigger } from './types';
import { World } from './world';

const MAX_BODY = 16 * 1024 * 1024;

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > MAX_BODY }));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, a: Answer): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(a.status, {
    ...(a.headers ?? {}),
    'content-type': a.contentType,
    'content-length': Buffer.byteLength(a.body),
  });
  res.end(a.body);
}

/** A TCP reset where the platform offers one, else a plain destroy. */
function reset(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const now = o.now ?? Date.now;
  const speed = o.speed && o.speed > 0 ? o.speed : 1;
  const stageMs = Math.max(1, Math.round((o.stageMs ?? 1500) / speed));
  const queueMs = Math.max(0, Math.round((o.queueMs ?? 700) / speed));
  let faults: Faults = { ...NO_FAULTS };
  /** Secrets callers sent while `echoSecrets` was on: echoed back in later answers too. */
  const echoed = new Set<string>();
  let baseUrl = '';
  let closing = false;
  // A function, so the check after an await is not narrowed away by the one before it.
  const isClosing = () => closing;
  const timers = new Set<NodeJS.Timeout>();
  const world = new World(now);
  const maxBytes = o.maxStoredBytes ?? 64 * 1024 * 1024;
  const received = new Received(o.maxReceived ?? 500, maxBytes);
  const events = new Events({
    now,
    queueMs,
    planMs: Math.round(stageMs / 6),
    stageMs,
    maxEvents: o.maxEvents ?? 2000,
    maxPayloadBytes: maxBytes,
    evaluate: o.evaluate,
    onRunEnd: o.onRunEnd,
    failStage: () => faults.failStage,
  });
  const apiBase = o.apiUrlBase;
  const approvals = new Approvals();
  const ctx: Ctx = {
    world,
    events,
    approvals,
    now,
    baseUrl: () => baseUrl,
    apiUrlBase: () => (typeof apiBase === 'function' ? apiBase(baseUrl) : (apiBase ?? baseUrl)),
  };

  const toExample = (t: SandboxTrigger): ExampleTrigger => {
    const url = webhookUrl(baseUrl, t);
    const apiKey = world.mandatesAuthorization({
      account: t.accountIdentifier,
      org: t.orgIdentifier,
      project: t.projectIdentifier,
    })
      ? KEYS.execute
      : null;
    return {
      name: t.name,
      identifier: t.identifier,
      url,
      apiKey,
      curl: curlCommand(url, apiKey),
      description: t.description,
      yaml: triggerYaml(t),
      kind: t.kind,
      enabled: t.enabled,
      accountIdentifier: t.accountIdentifier,
      orgIdentifier: t.orgIdentifier,
      projectIdentifier: t.projectIdentifier,
      pipelineIdentifier: t.pipelineIdentifier,
    };
  };
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  const approve = (id: string, approved = true) => {
    const run = events.run(id);
    return run ? events.decide(run, approved) : false;
  };

  const sandbox: Sandbox = {
    baseUrl: '',
    examples: [],
    received: received.list,
    keys: { ...KEYS },
    setFaults: (f) => {
      faults = patchFaults(faults, f);
    },
    faults: () => ({ ...faults }),
    clearReceived: () => received.clear(),
    addTrigger: (spec) => toExample(world.add(spec)),
    approve,
    editTrigger: (ref, patch) => world.edit(ref, patch),
    deleteTrigger: (ref) => world.remove(ref),
    close: async () => {
      if (closing) return;
      closing = true;
      events.close();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  const controls: Controls = {
    examples: () => sandbox.examples,
    faults: () => ({ ...faults }),
    setFaults: (patch) => {
      faults = patchFaults(faults, patch);
    },
    received: () => received.list,
    clearReceived: () => received.clear(),
    reset: () => {
      faults = { ...NO_FAULTS };
      echoed.clear();
      received.clear();
      events.clear();
      approvals.clear();
    },
    approve,
    addTrigger: (spec) => toExample(world.add(spec)),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { body, tooLarge } = await readBody(req);
    if (closing) return;
    const url = new URL(req.url ?? '/', baseUrl);
    const { all, first } = readHeaders(req);
    const r: Req = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: first, body };
    if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) {
      write(res, control(controls, r));
      return;
    }
    received.add({ method: r.method, url: req.url ?? '/', path: url.pathname, headers: all, body, at: now() });
    const f = faults;
    let answer: Answer | null = null;
    if (f.resetConnections) answer = null;
    else if (f.status5xx !== null) answer = serverError(f.status5xx);
    else if (f.rateLimit > 0) {
      faults = { ...faults, rateLimit: f.rateLimit - 1 };
      answer = rateLimited();
    } else if (f.nonJson) answer = proxyPage();
    else if (tooLarge)
      answer = error(
        413,
        'INVALID_REQUEST',
        `Invalid request: the payload is over the sandbox's ${MAX_BODY / 1024 / 1024} MB limit`,
      );
    else answer = route(ctx, r);
    if (f.echoSecrets) {
      rememberSecrets(echoed, first);
      if (answer !== null) answer = echoSecretsInto(answer, echoed);
    }
    // The answer is decided first: a slow answer may still have started a run, as with Harness.
    if (f.delayMs > 0) await wait(f.delayMs);
    if (isClosing()) return;
    if (answer === null) reset(req.socket);
    else write(res, answer);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) =>
      write(res, error(500, 'UNEXPECTED', `sandbox: ${e instanceof Error ? e.message : String(e)}`)),
    );
  };
  const server: Server | HttpsServer = o.tls
    ? createHttps({ key: o.tls.key, cert: o.tls.cert }, listener)
    : createHttp(listener);
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  baseUrl = `${o.tls ? 'https' : 'http'}://${hostForUrl(host)}:${port}`;
  sandbox.baseUrl = baseUrl;
  sandbox.examples = world.triggers.map(toExample);
  // The account's own project comes after the examples: browsed and imported, never seeded.
  seedAccountWorld(world);
  return sandbox;
}
