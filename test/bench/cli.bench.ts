// The CLI's cold start, as a CI job pays it on every step: `trigger-desk --version` and a `match`
// (payload, header and JEXL conditions and runtime inputs against one event), each as a ratio to `node -e 0`
// measured in the same run, rounds interleaved so machine noise falls on all three alike. The CLI
// runs from a folder laid out as `npm install -g` leaves it (bin/, dist-cli/, package.json): the
// checkout's starter also checks that the bundle is fresh, which an install never does.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, median, type Figure } from './figures';

const ROUNDS = 15;
const TRIGGER = `trigger:
  name: Deploy on image
  identifier: deploy_on_image
  enabled: true
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        payloadConditions:
          - key: <+trigger.payload.env>
            operator: In
            value: qa, prod
          - key: <+trigger.payload.image>
            operator: Regex
            value: ^registry\\.example\\.com/.+
        headerConditions:
          - key: <+trigger.header['X-Source']>
            operator: Equals
            value: jenkins
        jexlCondition: <+trigger.payload.tag>.startsWith("v")
  inputYaml: |
    pipeline:
      identifier: deploy
      variables:
        - name: tag
          type: String
          value: <+trigger.payload.tag>
`;
const EVENT = '{"env": "qa", "image": "registry.example.com/shop/api", "tag": "v1.4.2"}';

function timed(args: string[], cwd: string, expect: number): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== expect) throw new Error(`bench: ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export async function run(): Promise<Figure[]> {
  const builder: string = '../../scripts/build-cli.mjs';
  const { buildCliIfStale } = (await import(builder)) as { buildCliIfStale: () => Promise<void> };
  await buildCliIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'td-bench-cli-'));
  try {
    for (const part of ['bin', 'dist-cli', 'package.json']) cpSync(part, join(dir, part), { recursive: true });
    writeFileSync(join(dir, 't.yaml'), TRIGGER);
    writeFileSync(join(dir, 'p.json'), EVENT);
    const bin = join(dir, 'bin', 'trigger-desk.mjs');
    const match = [bin, 'match', '-t', 't.yaml', '-p', 'p.json', '-H', 'X-Source: jenkins'];
    const floor: number[] = [];
    const version: number[] = [];
    const matched: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      floor.push(timed(['-e', '0'], dir, 0));
      version.push(timed([bin, '--version'], dir, 0));
      matched.push(timed(match, dir, 0));
    }
    const f = median(floor);
    return [
      figure('cli: node -e 0, the floor (median of 15)', f, 'ms'),
      figure('cli: trigger-desk --version (median of 15)', median(version), 'ms'),
      figure('cli: trigger-desk match (median of 15)', median(matched), 'ms'),
      figure('cli: --version ÷ node -e 0', median(version) / f, '×', { max: 2 }),
      figure('cli: match ÷ node -e 0', median(matched) / f, '×', { max: 3 }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
