// `npm run sandbox`: the Harness sandbox on its own. Prints its base URL and, for each example
// trigger, its name and the ready cURL command (Harness's "Copy as cURL" text) on a line of its
// own; stays up until Ctrl+C or SIGTERM. Port: --port N, else TRIGGER_DESK_SANDBOX_PORT, else free.
import { createSandboxEvaluate } from './evaluate';
import { CONDITIONAL_SAMPLE } from './examples';
import { startSandbox } from './server';

function usage(message: string): never {
  process.stderr.write(`sandbox: ${message}\nusage: npm run sandbox -- [--port N] [--host 127.0.0.1] [--speed X]\n`);
  process.exit(2);
}

function number(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    usage(`${name} must be a number from ${min} to ${max}, not "${raw ?? ''}"`);
  return n;
}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): { port: number; host: string; speed: number } {
  const envPort = env.TRIGGER_DESK_SANDBOX_PORT;
  let port = envPort !== undefined && envPort !== '' ? number('TRIGGER_DESK_SANDBOX_PORT', envPort, 0, 65535) : 0;
  let host = '127.0.0.1';
  let speed = 1;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') port = number('--port', value(), 0, 65535);
    else if (flag === '--host') host = value() ?? usage('--host needs a value');
    else if (flag === '--speed') speed = number('--speed', value(), 0.01, 1000);
    else if (flag === '--help' || flag === '-h') usage('the Harness sandbox for Trigger Desk');
    else usage(`unknown argument "${argv[i] ?? ''}"`);
  }
  if (!Number.isInteger(port)) usage('the port must be a whole number');
  return { port, host, speed };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2), process.env);
  // Conditions are evaluated as the app's condition lab does.
  const sandbox = await startSandbox({ ...o, evaluate: createSandboxEvaluate() });
  // Handlers first: whoever reads the banner may signal at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    sandbox
      .close()
      .then(() => {
        process.stdout.write(`Harness sandbox stopped (${signal}).\n`);
        process.exit(0);
      })
      .catch((e: unknown) => {
        process.stderr.write(`sandbox: could not close cleanly: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const out: string[] = [
    `Harness sandbox running at ${sandbox.baseUrl}`,
    `Control routes for tests: ${sandbox.baseUrl}/_sandbox (faults, received requests, reset)`,
    `API key with execute permission: ${sandbox.keys.execute}`,
    `API key without it (answers 403): ${sandbox.keys.viewOnly}`,
    '',
  ];
  for (const ex of sandbox.examples) {
    out.push(`${ex.name}: ${ex.description}`);
    // A disabled trigger's command answers 400 on purpose; commented so copying every line still works.
    if (ex.kind === 'conditional') {
      // Harness's sample body would not pass the conditions: print an event that does.
      const headers = Object.entries(CONDITIONAL_SAMPLE.headers)
        .map(([k, v]) => ` -H '${k}: ${v}'`)
        .join('');
      out.push(
        `# Harness's Copy as cURL sends ${ex.curl.slice(ex.curl.indexOf(" -d '") + 5, -1)}, which its conditions reject; this event passes them:`,
      );
      out.push(
        `curl -X POST -H 'content-type: application/json'${headers} --url '${ex.url}' -d '${CONDITIONAL_SAMPLE.body}'`,
      );
    } else out.push(ex.enabled ? ex.curl : `# ${ex.curl}`);
    out.push('');
  }
  out.push('Press Ctrl+C to stop.');
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE')
    process.stderr.write(
      `sandbox: the port is already in use; choose another with --port or TRIGGER_DESK_SANDBOX_PORT (0 picks a free one)\n`,
    );
  else process.stderr.write(`sandbox: ${err.message}\n`);
  process.exit(1);
});
