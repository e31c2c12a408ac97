import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportCurl, type ExportCurlInput } from '../../shared/harness/curl-export';
import { importCurl } from '../../shared/harness/curl-import';

const TOKEN = 'AbCdEfGhIjKlMnOpQr_-12';
const URL = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P&pipelineIdentifier=PL&triggerIdentifier=T`;
const BODY = '{"sample_key": "sample_value"}';
const KEY = ['pat', `acc${'X'.repeat(19)}`, 'ab'.repeat(12), `${'Qz9'.repeat(6)}Qz`].join('.');

/** Runs the exported command in a real bash, with `curl` replaced by a function that prints its arguments. */
function bashArgs(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${command}`;
  const out = spawnSync('bash', ['--norc', '-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env },
  });
  if (out.status !== 0) throw new Error(`bash failed: ${out.stderr}`);
  return out.stdout.slice(0, -1).split('\0');
}

describe('exportCurl: bash', () => {
  it("writes Harness's own shape, the key read from $HARNESS_API_KEY", () => {
    const command = exportCurl({ url: URL, headers: [], apiKey: 'env', body: BODY });
    expect(command).toBe(
      [
        'curl -X POST \\',
        "  -H 'content-type: application/json' \\",
        '  -H "X-Api-Key: $HARNESS_API_KEY" \\',
        `  --url '${URL}' \\`,
        `  -d '${BODY}'`,
      ].join('\n'),
    );
    expect(bashArgs(command, { HARNESS_API_KEY: KEY })).toEqual([
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '-H',
      `X-Api-Key: ${KEY}`,
      '--url',
      URL,
      '-d',
      BODY,
    ]);
  });

  it('leaves the key header out without a key, and content-type / X-Api-Key from the header list', () => {
    const command = exportCurl({
      url: URL,
      headers: [
        { name: 'Content-Type', value: 'text/plain' },
        { name: 'x-api-key', value: 'leak' },
        { name: 'X-Source', value: 'jenkins' },
      ],
      apiKey: null,
      body: BODY,
      contentType: 'application/yaml',
    });
    expect(bashArgs(command)).toEqual([
      '-X',
      'POST',
      '-H',
      'content-type: application/yaml',
      '-H',
      'X-Source: jenkins',
      '--url',
      URL,
      '-d',
      BODY,
    ]);
    expect(command).not.toContain('leak');
  });

  it('sends a body starting with @ with --data-raw (-d would read a file) and leaves an empty body out', () => {
    expect(bashArgs(exportCurl({ url: URL, headers: [], apiKey: null, body: '@handle' })).slice(-2)).toEqual([
      '--data-raw',
      '@handle',
    ]);
    const empty = exportCurl({ url: URL, headers: [], apiKey: null, body: '' });
    expect(bashArgs(empty).slice(-2)).toEqual(['--url', URL]);
  });

  it('writes a header whose value is $NAME as that environment variable', () => {
    const command = exportCurl({
      url: URL,
      headers: [{ name: 'X-Sec', value: '$HARNESS_HEADER_X_SEC' }],
      apiKey: null,
      body: BODY,
    });
    expect(command).toContain('-H "X-Sec: $HARNESS_HEADER_X_SEC"');
    expect(bashArgs(command, { HARNESS_HEADER_X_SEC: 's3cr3t' })).toContain('X-Sec: s3cr3t');
  });
});

const tricky: { name: string; o: ExportCurlInput }[] = [
  { name: "Harness's sample", o: { url: URL, headers: [], apiKey: 'env', body: BODY } },
  {
    name: 'apostrophes, backslashes, $, backticks, ! and newlines',
    o: {
      url: URL,
      headers: [],
      apiKey: 'env',
      body: `{\n  "name": "O'Brien",\n  "path": "C:\\\\temp\\\\x",\n  "cmd": "$(rm -rf /) \`id\` $HOME !!",\n  "q": "a\\"b"\n}`,
    },
  },
  {
    name: 'unicode and emoji',
    o: { url: URL, headers: [], apiKey: null, body: '{"msg": "déployé ✓ 🚀", "jp": "デプロイ"}' },
  },
  { name: 'plain text', o: { url: URL, headers: [], apiKey: null, body: 'deploy please', contentType: 'text/plain' } },
  { name: 'a body starting with @', o: { url: URL, headers: [], apiKey: null, body: '@release' } },
  {
    name: 'headers with quotes, $ and apostrophes',
    o: {
      url: URL,
      headers: [
        { name: 'X-Source', value: "it's $x" },
        { name: 'If-Match', value: '"etag-1"' },
        { name: 'X-Sec', value: '$HARNESS_HEADER_X_SEC' },
      ],
      apiKey: 'env',
      body: BODY,
    },
  },
  {
    name: 'a v2 URL on a self-managed host with a port',
    o: {
      url: 'https://harness.corp.example:8443/p/pipeline/api/webhook/custom/v2?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P',
      headers: [],
      apiKey: null,
      body: '[]',
    },
  },
];

describe('exportCurl → importCurl gives back the same trigger', () => {
  it.each(tricky)('bash: $name', ({ o }) => {
    const back = importCurl(exportCurl(o));
    expect(back.url).toBe(o.url);
    expect(back.headers).toEqual(o.headers);
    expect(back.body).toBe(o.body);
    expect(back.contentType).toBe(o.contentType ?? 'application/json');
    expect(back.method).toBe('POST');
    // The key is a variable in the export: importing never takes "$HARNESS_API_KEY" for a key.
    expect(back.apiKey).toBeNull();
  });

  it.each(tricky)('bash runs it with the same arguments: $name', ({ o }) => {
    const args = bashArgs(exportCurl(o), { HARNESS_API_KEY: KEY, HARNESS_HEADER_X_SEC: 'sec' });
    expect(args[args.indexOf('--url') + 1]).toBe(o.url);
    expect(args.at(-1)).toBe(o.body);
    if (o.apiKey === 'env') expect(args).toContain(`X-Api-Key: ${KEY}`);
    for (const h of o.headers)
      expect(args).toContain(`${h.name}: ${h.value === '$HARNESS_HEADER_X_SEC' ? 'sec' : h.value}`);
  });

  it.each(tricky.filter((t) => !t.o.body.includes('"') && t.o.headers.every((h) => !h.value.includes('"'))))(
    'powershell, no inner double quotes: $name',
    ({ o }) => {
      const back = importCurl(exportCurl({ ...o, shell: 'powershell' }));
      expect(back.url).toBe(o.url);
      expect(back.headers).toEqual(
        o.headers.map((h) => (h.value.startsWith('$') ? { name: h.name, value: `$env:${h.value.slice(1)}` } : h)),
      );
      expect(back.body).toBe(o.body);
    },
  );
});

describe('exportCurl: PowerShell', () => {
  it('writes curl.exe with backtick continuations, single quotes and $env:HARNESS_API_KEY', () => {
    const command = exportCurl({
      url: URL,
      headers: [{ name: 'X-Source', value: "it's" }],
      apiKey: 'env',
      body: 'ping',
      shell: 'powershell',
    });
    expect(command).toBe(
      [
        'curl.exe -X POST `',
        "  -H 'content-type: application/json' `",
        '  -H "X-Api-Key: $env:HARNESS_API_KEY" `',
        "  -H 'X-Source: it''s' `",
        `  --url '${URL}' \``,
        '  -d ping',
      ].join('\n'),
    );
  });

  it('puts a body with double quotes in $body, escaped only for PowerShell before 7.3', () => {
    const command = exportCurl({
      url: URL,
      headers: [],
      apiKey: 'env',
      body: `{"name": "O'Brien ‘x’"}`,
      shell: 'powershell',
    });
    const lines = command.split('\n');
    expect(lines[0]).toBe(`$body = '{"name": "O''Brien ‘‘x’’"}'`);
    expect(lines[2]).toBe(
      `if ($PSVersionTable.PSVersion -lt [version]'7.3') { $body = $body -replace '(\\\\*)"', '$1$1\\"' }`,
    );
    expect(lines.at(-1)).toBe('  --data-raw $body');
    expect(command).not.toContain(KEY);
  });

  it('hoists a header value with double quotes too', () => {
    const command = exportCurl({
      url: URL,
      headers: [{ name: 'If-Match', value: '"v1"' }],
      apiKey: null,
      body: 'x',
      shell: 'powershell',
    });
    expect(command).toContain(`$arg1 = 'If-Match: "v1"'`);
    expect(command).toContain('-H $arg1');
    expect(command).toContain("$arg1 = $arg1 -replace '(\\\\*)\"', '$1$1\\\"'");
  });
});
