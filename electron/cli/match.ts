// `trigger-desk match --trigger t.yaml --payload p.json [--header 'K: V']... [--json]`: would this
// event start the pipeline? The same evaluator as the app (shared/harness/conditions.ts).
// Exit codes: 0 it would fire, 1 it would not, 2 bad input or a verdict the preview cannot decide.

import '../regex-deadline';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DeskError } from '../../shared/errors';
import { defaultDataDir } from '../backend/store/index';
import { BadInput, reportFailure } from './failure';
import { compileTrigger, conditionSyntaxError, evaluate, parseSample } from '../../shared/harness/conditions';
import { formatVerdict } from '../../shared/harness/conditions-format';
import { compileRuntimeInputs, resolveRuntimeInputs } from '../../shared/harness/runtime-inputs';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';

export interface MatchIo {
  out(text: string): void;
  err(text: string): void;
  stdin?: () => Promise<string>;
  /** For the data folder whose log records an unexpected error (default: this process's). */
  env?: Record<string, string | undefined>;
}

const USAGE = `usage: trigger-desk match --trigger FILE --payload FILE [--header 'Name: value']... [--json]

Explains whether a Harness custom trigger would start its pipeline for a payload, exactly as
Harness decides: each payload and header condition, the JEXL condition, the runtime inputs.
  -t, --trigger FILE   the trigger YAML (as Harness shows it in the YAML view)
  -p, --payload FILE   the request body (JSON or not; "-" reads standard input)
  -H, --header 'K: V'  a request header; repeat for more
      --json           print the explanation as JSON
exit codes: 0 would fire, 1 would not fire, 2 bad input or cannot tell
`;

const stdio: MatchIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

async function readText(path: string, what: string, io: MatchIo): Promise<string> {
  if (path === '-' && io.stdin) return io.stdin();
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput(
      `cannot read the ${what} file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? e)}`,
    );
  }
}

function headers(list: readonly string[]): { name: string; value: string }[] {
  return list.map((h) => {
    const at = h.indexOf(':');
    const name = at < 0 ? '' : h.slice(0, at).trim();
    if (!name) throw new BadInput(`--header needs "Name: value", got ${JSON.stringify(h)}`);
    return { name, value: h.slice(at + 1).trim() };
  });
}

export async function run(argv: string[], io: MatchIo = stdio): Promise<number> {
  const args = argv[0] === 'match' ? argv.slice(1) : argv;
  let json = args.includes('--json');
  try {
    const { values } = parseArgs({
      args,
      options: {
        trigger: { type: 'string', short: 't' },
        payload: { type: 'string', short: 'p' },
        header: { type: 'string', short: 'H', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    json = values.json ?? false;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!values.trigger) throw new BadInput('--trigger FILE is required');
    if (values.payload === undefined) throw new BadInput('--payload FILE is required ("-" reads standard input)');
    const sampleHeaders = headers(values.header ?? []);
    const yamlText = await readText(values.trigger, 'trigger', io);
    let trigger;
    try {
      trigger = parseTriggerYaml(yamlText);
    } catch (e) {
      if (e instanceof DeskError) throw new BadInput(`${values.trigger}: ${e.message}`, e.where);
      throw e;
    }
    const compiled = compileTrigger(trigger);
    const syntax = conditionSyntaxError(compiled);
    if (syntax) throw new BadInput(`${values.trigger}: ${syntax.message}`, syntax.where);
    const payload = await readText(values.payload, 'payload', io);
    const sample = parseSample({ payload, headers: sampleHeaders });
    const verdict = evaluate(compiled, sample);
    const inputs =
      trigger.inputYaml === null
        ? null
        : resolveRuntimeInputs(compileRuntimeInputs(trigger.inputYaml, trigger.inputYamlLine), sample);
    const who = { name: trigger.name, identifier: trigger.identifier };
    if (json)
      io.out(`${JSON.stringify({ trigger: who, notes: trigger.notes, verdict, runtimeInputs: inputs }, null, 2)}\n`);
    else io.out(formatVerdict(verdict, { trigger: who, inputs }) + trigger.notes.map((n) => `! ${n}\n`).join(''));
    return verdict.outcome === 'fires' ? 0 : verdict.outcome === 'does-not-fire' ? 1 : 2;
  } catch (e) {
    // A bug in the preview is logged with a reference id, and the answer is "cannot tell" (2), never "no match" (1).
    const dataDir = defaultDataDir(io.env ?? process.env);
    return reportFailure(e, { command: 'match', json, io, usage: USAGE, dataDir, unexpectedExit: 2 });
  }
}

// Runnable on its own: npx tsx electron/cli/match.ts --trigger t.yaml --payload p.json
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
