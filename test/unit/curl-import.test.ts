import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { importCurl, type CurlImport } from '../../shared/harness/curl-import';

const TOKEN = 'AbCdEfGhIjKlMnOpQr_-12';
const Q =
  'accountIdentifier=acc_1&orgIdentifier=default&projectIdentifier=CD_Docs&pipelineIdentifier=Container&triggerIdentifier=deploy';
const URL = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${Q}`;
const BODY = '{"sample_key": "sample_value"}';
// Built at run time: no text shaped like a real key is written in the repository.
const KEY = ['pat', `acc${'X'.repeat(19)}`, 'ab'.repeat(12), `${'Qz9'.repeat(6)}Qz`].join('.');
const CT = "-H 'content-type: application/json'";

/** Harness's "Copy as cURL", exactly (docs/harness-protocol.md §1). */
const HARNESS = `curl -X POST -H 'content-type: application/json' -H 'X-Api-Key: sample_api_key' --url '${URL}' -d '${BODY}'`;

type Want = Partial<Omit<CurlImport, 'parsed' | 'notes'>>;
interface Row {
  name: string;
  text: string;
  want?: Want;
  /** Each pattern must match one of the notes; without it, there must be no notes. */
  notes?: RegExp[];
}

const DEFAULTS: Want = {
  url: URL,
  method: 'POST',
  headers: [],
  apiKey: null,
  contentType: 'application/json',
  body: BODY,
  bodyIsJson: true,
};

const rows: Row[] = [
  { name: "Harness's Copy as cURL, exactly", text: HARNESS, want: { apiKey: 'sample_api_key' } },
  {
    name: 'Copy as cURL without authorization',
    text: `curl -X POST -H 'content-type: application/json' --url '${URL}' -d '${BODY}'`,
  },
  {
    name: 'a real key',
    text: `curl -X POST ${CT} -H 'X-Api-Key: ${KEY}' --url '${URL}' -d '${BODY}'`,
    want: { apiKey: KEY },
  },
  { name: '--data', text: `curl -X POST ${CT} --data '${BODY}' '${URL}'` },
  { name: '--data-raw', text: `curl -X POST ${CT} --data-raw '${BODY}' '${URL}'` },
  { name: '--data-binary with JSON', text: `curl -X POST ${CT} --data-binary '${BODY}' '${URL}'` },
  { name: '--data-ascii', text: `curl ${CT} --data-ascii '${BODY}' '${URL}'` },
  {
    name: '-H and -d in double quotes, \\" inside',
    text: `curl -X POST -H "Content-Type: application/json" -H "x-api-key: ${KEY}" -d "{\\"sample_key\\": \\"sample_value\\"}" "${URL}"`,
    want: { apiKey: KEY },
  },
  {
    name: '\\ continuations and a multi-line body',
    text: `curl -X POST \\\n  -H 'content-type: application/json' \\\n  -H 'X-Api-Key: ${KEY}' \\\n  --url '${URL}' \\\n  -d '{\n    "sample_key": "sample_value"\n  }'`,
    want: { apiKey: KEY, body: '{\n    "sample_key": "sample_value"\n  }' },
  },
  {
    name: '^ continuations (Windows cmd)',
    text: `curl -X POST ^\n  -H "content-type: application/json" ^\n  --url "${URL}" ^\n  -d "{\\"sample_key\\": \\"sample_value\\"}"`,
  },
  {
    name: 'Chrome\'s cmd quoting ^"…^"',
    text: `curl ^"${URL.replaceAll('&', '^&')}^" ^\r\n  -H ^"content-type: application/json^" ^\r\n  --data-raw ^"^{^\\^"sample_key^\\^": ^\\^"sample_value^\\^"^}^"`,
  },
  {
    name: 'PowerShell curl.exe with backticks',
    text: `curl.exe -X POST \`\n  -H 'content-type: application/json' \`\n  --url '${URL}' \`\n  -d '${BODY}'`,
  },
  {
    name: '--header and --request',
    text: `curl --request POST --header 'content-type: application/json' --header 'X-Source: jenkins' --url '${URL}' --data '${BODY}'`,
    want: { headers: [{ name: 'X-Source', value: 'jenkins' }] },
  },
  { name: 'URL without --url, at the end', text: `curl -X POST ${CT} -d '${BODY}' '${URL}'` },
  { name: 'URL first, then the options', text: `curl '${URL}' -X POST ${CT} -d '${BODY}'` },
  { name: 'unquoted URL with \\& (bash)', text: `curl -X POST ${CT} ${URL.replaceAll('&', '\\&')} -d '${BODY}'` },
  {
    name: '-k',
    text: `curl -k -X POST ${CT} '${URL}' -d '${BODY}'`,
    notes: [/^TLS checks stay on in Trigger Desk; add the CA certificate in Settings instead\.$/],
  },
  { name: '--insecure', text: `curl --insecure -X POST ${CT} '${URL}' -d '${BODY}'`, notes: [/^TLS checks stay on/] },
  { name: '-s', text: `curl -s -X POST ${CT} '${URL}' -d '${BODY}'` },
  { name: '-sS combined', text: `curl -sS -X POST ${CT} '${URL}' -d '${BODY}'` },
  {
    name: '-sSk and -XPOST, values attached',
    text: `curl -sSk -XPOST -H'content-type: application/json' '${URL}' -d'${BODY}'`,
    notes: [/^TLS checks stay on/],
  },
  { name: '-sSXPOST: switches, then a letter with its value', text: `curl -sSXPOST ${CT} '${URL}' -d '${BODY}'` },
  {
    name: "$'…' body",
    text: `curl -X POST ${CT} '${URL}' --data $'{\\n  "sample_key": "it\\'s \\u00e9\\x21"\\n}'`,
    want: { body: '{\n  "sample_key": "it\'s é!"\n}' },
  },
  { name: '--json sets the content type', text: `curl --json '${BODY}' '${URL}'` },
  { name: '-m 30', text: `curl -m 30 -X POST ${CT} '${URL}' -d '${BODY}'`, notes: [/^Timeouts come from Settings/] },
  {
    name: '--max-time and --connect-timeout 5',
    text: `curl --max-time 60 --connect-timeout 5 -X POST ${CT} '${URL}' -d '${BODY}'`,
    notes: [/^Timeouts come from Settings/],
  },
  { name: '-o out', text: `curl -o out.json -w '%{http_code}' -X POST ${CT} '${URL}' -d '${BODY}'` },
  {
    name: '--header=value forms',
    text: `curl --header='content-type: application/json' --request=POST --url='${URL}' --data='${BODY}'`,
  },
  { name: 'CRLF line endings', text: `curl -X POST \\\r\n  ${CT} \\\r\n  --url '${URL}' \\\r\n  -d '${BODY}'\r\n` },
  {
    name: '-L, --compressed, -v, -i, --fail, -f',
    text: `curl -L --compressed -v -i --fail -f -X POST ${CT} '${URL}' -d '${BODY}'`,
    notes: [/^Redirects are not followed when firing/],
  },
  {
    name: 'a shell prompt and a pipe',
    text: `$ curl -X POST ${CT} '${URL}' -d '${BODY}' | jq .`,
    notes: [/^Ignored what follows "\|" at line 1, column \d+: it is another command\.$/],
  },
  {
    name: 'a comment line first',
    text: `# fire the deploy trigger\ncurl -X POST \\\n  ${CT} \\\n  '${URL}' \\\n  -d '${BODY}'`,
  },
  {
    name: 'lines without continuations',
    text: `curl -X POST ${CT}\n'${URL}'\n-d '${BODY}'`,
    notes: [/^Some lines did not end with a line continuation/],
  },
  {
    name: '--retry 3',
    text: `curl --retry 3 -X POST ${CT} '${URL}' -d '${BODY}'`,
    notes: [/^Trigger Desk never retries a trigger POST/],
  },
  {
    name: '-u user:password',
    text: `curl -u me:secret -X POST ${CT} '${URL}' -d '${BODY}'`,
    notes: [/authorize with an X-Api-Key header/],
  },
  {
    name: '-A and -e are headers in disguise',
    text: `curl -A 'jenkins/2.4' -e https://ci.example -X POST ${CT} '${URL}' -d '${BODY}'`,
    want: {
      headers: [
        { name: 'User-Agent', value: 'jenkins/2.4' },
        { name: 'Referer', value: 'https://ci.example' },
      ],
    },
  },
  {
    name: 'extra headers kept in order, names as written',
    text: `curl -X POST -H 'X-Source: jenkins' ${CT} -H 'x-event:  push ' '${URL}' -d '${BODY}'`,
    want: {
      headers: [
        { name: 'X-Source', value: 'jenkins' },
        { name: 'x-event', value: 'push' },
      ],
    },
  },
  {
    name: 'content-type and X-Api-Key matched in any case',
    text: `curl -H 'CONTENT-TYPE: application/json; charset=utf-8' -H 'x-API-key: ${KEY}' '${URL}' -d '${BODY}'`,
    want: { apiKey: KEY, contentType: 'application/json; charset=utf-8' },
  },
  {
    name: 'the key as a shell variable',
    text: `curl ${CT} -H "X-Api-Key: $HARNESS_API_KEY" '${URL}' -d '${BODY}'`,
    notes: [/^The X-Api-Key header is the shell variable \$HARNESS_API_KEY, not the key itself/],
  },
  {
    name: 'the key as a placeholder',
    text: `curl ${CT} -H 'X-Api-Key: <your API key>' '${URL}' -d '${BODY}'`,
    notes: [/placeholder <your API key>/],
  },
  {
    name: 'two keys: the first is kept',
    text: `curl ${CT} -H 'X-Api-Key: ${KEY}' -H 'X-Api-Key: other_key_value' '${URL}' -d '${BODY}'`,
    want: { apiKey: KEY },
    notes: [/more than one X-Api-Key header \(again at line 1, column \d+\); the first one was kept/],
  },
  {
    name: 'a body that is not JSON',
    text: `curl ${CT} '${URL}' -d 'deploy please'`,
    want: { body: 'deploy please', bodyIsJson: false },
    notes: [/^The body is not JSON\. Harness accepts it, but <\+trigger\.payload\.x> will resolve to nothing\.$/],
  },
  {
    name: 'broken JSON says where',
    text: `curl ${CT} '${URL}' -d '{"a": 1,\n "b" 2}'`,
    want: { body: '{"a": 1,\n "b" 2}', bodyIsJson: false },
    notes: [/^The body is not JSON \(the JSON breaks at line 2, column 6 of the body\)\. Harness accepts it/],
  },
  {
    name: 'no content-type',
    text: `curl -d '${BODY}' '${URL}'`,
    want: { contentType: null },
    notes: [
      /sets no content-type, so curl would send application\/x-www-form-urlencoded; Trigger Desk sends application\/json/,
    ],
  },
  {
    name: 'a bare URL',
    text: URL,
    want: { method: 'GET', contentType: null, body: null, bodyIsJson: false },
    notes: [/would send GET \(it has no body and no -X POST\)/],
  },
  { name: 'curl.exe', text: `curl.exe -X POST ${CT} '${URL}' -d '${BODY}'` },
  { name: '/usr/bin/curl', text: `/usr/bin/curl -X POST ${CT} '${URL}' -d '${BODY}'` },
  { name: '--no- switches', text: `curl --no-progress-meter --no-keepalive -X POST ${CT} '${URL}' -d '${BODY}'` },
  {
    name: 'an empty body',
    text: `curl -X POST ${CT} '${URL}' -d ''`,
    want: { body: '', bodyIsJson: false },
    notes: [/^The body is empty\.$/],
  },
  {
    name: 'lower-case -X post',
    text: `curl -X post ${CT} '${URL}' -d '${BODY}'`,
    want: { method: 'post' },
    notes: [/would send post; Harness custom triggers take POST/],
  },
  {
    name: '-G',
    text: `curl -G ${CT} '${URL}' -d '${BODY}'`,
    want: { method: 'GET' },
    notes: [/would send GET \(because of -G\)/],
  },
  { name: '-- before the URL', text: `curl -X POST ${CT} -d '${BODY}' -- '${URL}'` },
  {
    name: 'several -d joined with &',
    text: `curl ${CT} -d a=1 -d b=2 '${URL}'`,
    want: { body: 'a=1&b=2', bodyIsJson: false },
    notes: [/^The body is not JSON/],
  },
  {
    name: '--data-urlencode',
    text: `curl ${CT} --data-urlencode 'msg=hello world&more' '${URL}'`,
    want: { body: 'msg=hello%20world%26more', bodyIsJson: false },
    notes: [/^The body is not JSON/],
  },
  {
    name: '--data-raw keeps a leading @',
    text: `curl ${CT} --data-raw '@not-a-file' '${URL}'`,
    want: { body: '@not-a-file', bodyIsJson: false },
    notes: [/^The body is not JSON/],
  },
  {
    name: 'an empty header value removes it, Name; sends it empty',
    text: `curl ${CT} -H 'X-Gone:' -H 'X-Empty;' '${URL}' -d '${BODY}'`,
    want: { headers: [{ name: 'X-Empty', value: '' }] },
  },
  {
    name: 'a header holding a shell variable',
    text: `curl ${CT} -H "X-Build: \${BUILD_ID}" '${URL}' -d '${BODY}'`,
    want: { headers: [{ name: 'X-Build', value: '${BUILD_ID}' }] },
    notes: [/The X-Build header is the shell variable \$\{BUILD_ID\}, not a value/],
  },
  {
    name: 'a v2 URL on a self-managed host',
    text: `curl -X POST ${CT} --url 'https://harness.corp.example/pipeline/api/webhook/custom/v2?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P' -d '${BODY}'`,
    want: {
      url: 'https://harness.corp.example/pipeline/api/webhook/custom/v2?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P',
    },
  },
  {
    name: 'the sandbox on 127.0.0.1 over http',
    text: `curl -X POST ${CT} --url 'http://127.0.0.1:41234/gateway/pipeline/api/webhook/custom/v2?${Q}' -d '${BODY}'`,
    want: { url: `http://127.0.0.1:41234/gateway/pipeline/api/webhook/custom/v2?${Q}` },
  },
];

describe('importCurl: what people paste', () => {
  it("covers Harness's exact command and at least 15 variants", () => {
    expect(rows.length).toBeGreaterThanOrEqual(16);
  });

  it.each(rows)('$name', ({ text, want, notes }) => {
    const got = importCurl(text);
    const expected = { ...DEFAULTS, ...want };
    expect({
      url: got.url,
      method: got.method,
      headers: got.headers,
      apiKey: got.apiKey,
      contentType: got.contentType,
      body: got.body,
      bodyIsJson: got.bodyIsJson,
    }).toEqual(expected);
    expect(got.parsed.url).toBe(got.url);
    if (got.url === URL)
      expect(got.parsed).toMatchObject({
        form: 'v3',
        token: TOKEN,
        accountIdentifier: 'acc_1',
        orgIdentifier: 'default',
        projectIdentifier: 'CD_Docs',
        pipelineIdentifier: 'Container',
        triggerIdentifier: 'deploy',
      });
    if (!notes) expect(got.notes).toEqual([]);
    else
      for (const n of notes)
        expect(
          got.notes.some((x) => n.test(x)),
          `no note matches ${String(n)} in ${JSON.stringify(got.notes)}`,
        ).toBe(true);
  });
});

function where(text: string, needle: string, nth = 0): { line: number; column: number; offset: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not in ${text}`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

interface Bad {
  name: string;
  text: string;
  code?: 'parse' | 'insecure-url';
  message: RegExp;
  /** The word the error points at (its first occurrence, or the nth). */
  at?: string;
  nth?: number;
  hint?: RegExp;
}

const URL2 = URL.replace(TOKEN, 'ZyXwVuTsRqPoNmLkJiHg-_98');
const bad: Bad[] = [
  {
    name: 'unterminated single quote',
    text: `curl '${URL}' -d '{"a": 1}`,
    message: /^Unterminated single quote starting at line 1, column \d+$/,
    at: `'{"a"`,
  },
  {
    name: 'unterminated double quote on a later line',
    text: `curl '${URL}' \\\n  -H "content-type: application/json`,
    message: /^Unterminated double quote starting at line 2, column 6$/,
    at: '"content',
  },
  {
    name: 'no URL',
    text: `curl -X POST ${CT} -d '{}'`,
    message: /^The command has no URL \(it ends at line 1, column 57\)$/,
    hint: /--url/,
  },
  {
    name: 'two URLs',
    text: `curl '${URL}' --url '${URL2}'`,
    message:
      /^A second URL, "https:\/\/app\.harness\.io\/gateway\/pipeline\/api\/webhook\/custom\/…": a trigger has one URL, and the first is at line 1, column 6 \(line 1, column \d+\)$/,
    at: `'${URL2}'`,
  },
  {
    name: 'unknown option',
    text: `curl --frobnicate '${URL}'`,
    message: /^Unknown curl option --frobnicate \(line 1, column 6\)$/,
    at: '--frobnicate',
  },
  {
    name: 'unknown letter in a cluster',
    text: `curl -sW '${URL}'`,
    message: /^Unknown curl option -W in -sW \(line 1, column 6\)$/,
    at: '-sW',
  },
  {
    name: 'a misspelt option',
    text: `curl --hedaer 'a: b' '${URL}'`,
    message: /^Unknown curl option --hedaer/,
    at: '--hedaer',
    hint: /^Did you mean --header\?/,
  },
  {
    name: '--data-binary @payload.json',
    text: `curl -X POST ${CT} --data-binary @payload.json '${URL}'`,
    message:
      /^--data-binary @payload\.json reads a file, which cannot be imported: paste the JSON instead \(line 1, column \d+\)$/,
    at: '@payload.json',
  },
  {
    name: '-d@payload.json attached',
    text: `curl -X POST ${CT} -d@payload.json '${URL}'`,
    message: /^-d @payload\.json reads a file, which cannot be imported: paste the JSON instead/,
    at: '-d@payload',
  },
  {
    name: '--json @file',
    text: `curl --json @body.json '${URL}'`,
    message: /^--json @body\.json reads a file/,
    at: '@body.json',
  },
  {
    name: '-d @- (standard input)',
    text: `curl -d @- '${URL}'`,
    message: /^-d @- reads standard input, which cannot be imported/,
    at: '@-',
  },
  {
    name: '-H @file',
    text: `curl -H @headers.txt '${URL}'`,
    message: /^-H @headers\.txt reads headers from a file, which cannot be imported/,
    at: '@headers',
  },
  {
    name: 'a header without a colon',
    text: `curl -H 'content-type application/json' '${URL}'`,
    message: /^The header "content-type application\/json" has no colon \(line 1, column 9\)$/,
    at: "'content-type",
    hint: /-H 'Name: value'/,
  },
  {
    name: 'a header without a name',
    text: `curl -H ': x' '${URL}'`,
    message: /^The header ": x" has no name before its colon/,
    at: "': x'",
  },
  {
    name: 'a header name with a space',
    text: `curl -H 'content type: json' '${URL}'`,
    message: /^The header name "content type" has a space in it/,
    at: "'content type",
  },
  { name: 'empty input', text: ' \n\t ', message: /^Nothing to import: paste the cURL command from Harness/ },
  {
    name: 'not curl',
    text: `wget --post-data '{}' '${URL}'`,
    message: /^This is not a curl command: it starts with "wget" \(line 1, column 1\)$/,
    at: 'wget',
  },
  {
    name: 'a second curl command',
    text: `curl -X POST '${URL}'\ncurl -X POST '${URL}'`,
    message: /^A second curl command starts here: import one command at a time \(line 2, column 1\)$/,
    at: 'curl',
    nth: 1,
  },
  {
    name: '-F form',
    text: `curl -F 'a=b' '${URL}'`,
    message: /^-F sends a multipart form, which Harness custom triggers do not read/,
    at: '-F',
  },
  {
    name: '-T upload',
    text: `curl -T payload.json '${URL}'`,
    message: /^-T payload\.json uploads a file, which cannot be imported/,
    at: '-T',
  },
  {
    name: '-K config',
    text: `curl -K opts.txt '${URL}'`,
    message: /^-K opts\.txt reads options from a file/,
    at: '-K',
  },
  {
    name: 'an option without its value',
    text: `curl '${URL}' -H`,
    message: /^-H needs a value, and the command ends here/,
    at: '-H',
  },
  {
    name: 'a stray word',
    text: `curl POST '${URL}'`,
    message: /^Unexpected word "POST": curl would read it as a URL, and it is not one \(line 1, column 6\)$/,
    at: 'POST',
    hint: /-X POST/,
  },
  {
    name: 'http to a remote host',
    text: `curl -X POST \\\n  'http://harness.corp.example/pipeline/api/webhook/custom/v2?${Q}'`,
    code: 'insecure-url',
    message: /unencrypted.*\(the URL at line 2, column 3\)$/,
    at: "'http://",
  },
  {
    name: 'a URL missing orgIdentifier',
    text: `curl -X POST \\\n  '${URL.replace('orgIdentifier=default&', '')}'`,
    message: /^The URL has no orgIdentifier: .* \(the URL at line 2, column 3\)$/,
    at: "'https://",
  },
  {
    name: 'not a webhook URL',
    text: 'curl -X POST https://example.com/hooks/x',
    message: /is not a Harness custom webhook URL.*\(the URL at line 1, column 14\)$/,
    at: 'https://',
  },
  {
    name: 'typographic quotes',
    text: `curl -H “content-type: application/json” '${URL}'`,
    message: /^Typographic quote “ where a plain quote belongs/,
    at: '“',
  },
  {
    name: 'a body made by a command',
    text: `curl ${CT} -d "$(cat payload.json)" '${URL}'`,
    message:
      /^-d "\$\(cat payload\.json\)" runs a command to make the body, which cannot be imported: paste the JSON instead/,
    at: '"$(cat',
  },
];

describe('importCurl: what it refuses, and where', () => {
  it.each(bad)('$name', ({ text, code, message, at, nth, hint }) => {
    let err: unknown;
    try {
      importCurl(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DeskError);
    const e = err as DeskError;
    expect(e.code).toBe(code ?? 'parse');
    expect(e.message).toMatch(message);
    if (at !== undefined) expect(e.where).toMatchObject(where(text, at, nth));
    if (hint !== undefined) expect(e.hint).toMatch(hint);
    // The webhook token is a secret: errors point at the URL without repeating it.
    expect(e.message).not.toContain(TOKEN);
    expect(JSON.stringify(e.where ?? {})).not.toContain(TOKEN);
  });
});
