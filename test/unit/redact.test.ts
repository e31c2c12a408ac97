import { describe, expect, it } from 'vitest';
import {
  excerpt,
  holdsSecret,
  last4,
  MASK,
  maskSecret,
  namedSecrets,
  redact,
  redactHeaders,
  redactJson,
  redactParsed,
  redactUrl,
} from '../../shared/harness/redact';

// Keys are assembled at run time: the repository never holds text shaped like a real key.
const key4 = (prefix: 'pat' | 'sat', account = `acc${'X'.repeat(19)}`) =>
  [prefix, account, '0123456789abcdef01234567', `${'Qz9'.repeat(6)}Mj`].join('.');
const PAT = key4('pat');
const SAT = key4('sat', 'Zz_y-1234567');
const LEGACY = ['pat', 'fedcba9876543210fedcba98', `${'Lg7'.repeat(6)}Xy`].join('.');
const DOCS_SAMPLE = 'pat.px7xd_BFRCi-12345.63bc6f8bed8ecc38a51965ba.qybothN6MJv6XETxKQjD';
const TOKEN = 'AbCdEfGhIjKlMnOpQr_-12';

describe('last4 and maskSecret', () => {
  it('shows the last 4 characters only of secrets of 12 characters or more', () => {
    expect(last4('abcdefghijkl')).toBe('ijkl');
    expect(last4('abcdefghijk')).toBe('');
    expect(last4('')).toBe('');
    expect(maskSecret(PAT)).toBe(`pat.${MASK}z9Mj`);
    expect(maskSecret(LEGACY)).toBe(`pat.${MASK}${LEGACY.slice(-4)}`);
    expect(maskSecret('abcdefghij"42')).toBe(MASK);
    expect(maskSecret('short')).toBe(MASK);
    expect(MASK).toBe('…(redacted)…');
  });
});

describe('redact: Harness keys and tokens found by their shape', () => {
  it.each([
    ['a 4-part pat key', `key is ${PAT}.`, `key is pat.${MASK}${PAT.slice(-4)}.`],
    ['a 4-part sat key', `"${SAT}"`, `"sat.${MASK}${SAT.slice(-4)}"`],
    ['a legacy 3-part key', `k=${LEGACY}&x=1`, `k=pat.${MASK}${LEGACY.slice(-4)}&x=1`],
    ["the docs' sample key", DOCS_SAMPLE, `pat.${MASK}KQjD`],
    ['a key on its own line in a log', `line1\n${PAT}\nline3`, `line1\npat.${MASK}${PAT.slice(-4)}\nline3`],
    [
      'a v3 URL token',
      `https://h/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=A`,
      `https://h/gateway/pipeline/api/webhook/custom/${MASK}_-12/v3?accountIdentifier=A`,
    ],
    [
      'a URL-encoded token',
      `next=%2Fpipeline%2Fapi%2Fwebhook%2Fcustom%2F${TOKEN}%2Fv3`,
      `next=%2Fpipeline%2Fapi%2Fwebhook%2Fcustom%2F${MASK}_-12%2Fv3`,
    ],
    ['a JSON-escaped token', `{"u":"\\/custom\\/${TOKEN}\\/v3"}`, `{"u":"\\/custom\\/${MASK}_-12\\/v3"}`],
    [
      "the token in Harness's error message",
      `No custom trigger found for the used custom webhook token: ${TOKEN}`,
      `No custom trigger found for the used custom webhook token: ${MASK}_-12`,
    ],
  ])('%s', (_name, text, want) => {
    expect(redact(text)).toBe(want);
  });

  it.each([
    ['a v2 URL', 'https://h/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=A'],
    ['a 22-character word elsewhere', `id ${TOKEN} in text`],
    ['file names and ordinary words', 'pat.json sat.txt pattern.data.value satellite'],
    ['ordinary headers', 'content-type: application/json\nX-Source: jenkins'],
  ])('leaves %s alone', (_name, text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redact: named fields and headers', () => {
  it.each([
    ['X-Api-Key header', 'X-Api-Key: sk_live_abcdefghij', `X-Api-Key: ${MASK}ghij`],
    ['lower-case, in JSON', '{"x-api-key":"sk_live_abcdefghij","a":1}', `{"x-api-key":"${MASK}ghij","a":1}`],
    ['in a JS object dump', "{ 'X-API-KEY': 'sk_live_abcdefghij' }", `{ 'X-API-KEY': '${MASK}ghij' }`],
    ['a key value in the header keeps its prefix', `X-Api-Key: ${PAT}`, `X-Api-Key: pat.${MASK}${PAT.slice(-4)}`],
    ['apiKey= in a query', 'u?apiKey=abcdefghijklmn&x=1', `u?apiKey=${MASK}klmn&x=1`],
    ['api_key: short value shows nothing', 'api_key: hunter22', `api_key: ${MASK}`],
    [
      'Authorization: Bearer',
      'Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig123456',
      `Authorization: Bearer ${MASK}3456`,
    ],
    [
      'authorization: Basic, in JSON',
      '"authorization": "Basic dXNlcjpwYXNzd29yZA=="',
      `"authorization": "Basic ${MASK}ZA=="`,
    ],
    ['customWebhookToken in YAML', `customWebhookToken: ${TOKEN}`, `customWebhookToken: ${MASK}_-12`],
  ])('%s', (_name, text, want) => {
    expect(redact(text)).toBe(want);
  });

  it.each([
    ['a bash variable', 'X-Api-Key: $HARNESS_API_KEY'],
    ['a PowerShell variable', '-H "X-Api-Key: $env:HARNESS_API_KEY"'],
    ['a placeholder', 'X-Api-Key: <your api key>'],
    ['null', '{"apiKey":null}'],
    ["the export's apiKey: 'env'", "apiKey: 'env'"],
  ])('leaves %s alone', (_name, text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redact: secrets given by value', () => {
  it('masks them anywhere, in their URL-encoded and JSON-escaped forms too', () => {
    const secret = 'my secret/value"42';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret)}`;
    // The tail e"42 would break the JSON the mask sits in, so none is shown.
    expect(redact(text, [secret])).toBe(`a ${MASK} b ${MASK} c "${MASK}"`);
    expect(redact(`x ${encodeURIComponent('another-secret-1234')}`, ['another-secret-1234'])).toBe(`x ${MASK}1234`);
  });

  it('ignores values of 3 characters or fewer, which would mask ordinary text', () => {
    expect(redact('the key abc is here', ['abc', ''])).toBe('the key abc is here');
  });

  it('masks the longest of overlapping secrets whole', () => {
    expect(redact('xx-longer-secret-value-xx', ['secret', 'longer-secret-value'])).toBe(`xx-${MASK}alue-xx`);
  });

  it('accepts any iterable', () => {
    expect(redact('one TWO-SECRET three', new Set(['TWO-SECRET']))).toBe(`one ${MASK} three`);
  });
});

describe('redact is idempotent', () => {
  const texts = [
    `X-Api-Key: ${PAT}\n{"x-api-key":"${SAT}"} https://h/pipeline/api/webhook/custom/${TOKEN}/v3 custom webhook token: ${TOKEN}`,
    `Authorization: Bearer abcdefghijklmnop and ${LEGACY} and %2Fcustom%2F${TOKEN}%2Fv3`,
    'secret words: redacted dacted …(redacted)… pat.…(redacted)…abcd',
    'values that end like another secret: xxxxxxxxabcd abcd',
  ];
  const secrets = ['redacted', 'dact', 'xxxxxxxxabcd', 'abcd', PAT];
  it.each(texts)('%#', (text) => {
    const once = redact(text, secrets);
    expect(redact(once, secrets)).toBe(once);
    expect(redact(once)).toBe(once);
    for (const s of [PAT, SAT, LEGACY, TOKEN]) expect(once).not.toContain(s);
  });

  it('never shows a last-4 that is itself a secret', () => {
    expect(redact('xxxxxxxxabcd', ['xxxxxxxxabcd', 'abcd'])).toBe(MASK);
  });
});

describe('redactUrl and redactHeaders', () => {
  it('masks the token and a password before the host, nothing else', () => {
    const url = `https://me:pa55word@h.example:8443/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=A&orgIdentifier=O`;
    expect(redactUrl(url)).toBe(
      `https://me:${MASK}@h.example:8443/gateway/pipeline/api/webhook/custom/${MASK}_-12/v3?accountIdentifier=A&orgIdentifier=O`,
    );
    expect(redactUrl(redactUrl(url))).toBe(redactUrl(url));
  });

  it('masks credential headers and the names it is given, in any case, and redacts the rest as text', () => {
    const out = redactHeaders(
      {
        'X-Api-Key': PAT,
        'authorization': 'Bearer abcdefghijklmnop',
        'Cookie': 'session=abcdefghijklmnop',
        'X-Signature': 'sig-abcdefghijkl',
        'X-Note': `carried ${LEGACY}`,
        'content-type': 'application/json',
        'X-Empty': '',
      },
      ['x-signature'],
    );
    expect(out).toEqual({
      'X-Api-Key': `pat.${MASK}${PAT.slice(-4)}`,
      'authorization': `Bearer ${MASK}mnop`,
      'Cookie': `${MASK}mnop`,
      'X-Signature': `${MASK}ijkl`,
      'X-Note': `carried pat.${MASK}${LEGACY.slice(-4)}`,
      'content-type': 'application/json',
      'X-Empty': '',
    });
    expect(redactHeaders(out, ['x-signature'])).toEqual(out);
  });
});

describe('redactJson, excerpt, holdsSecret, namedSecrets', () => {
  it('redacts every string and property name of a parsed answer, keeping its shape and other values', () => {
    const doc = {
      status: 'SUCCESS',
      n: 3,
      ok: true,
      none: null,
      data: { message: `echo ${PAT}`, list: ['plain', 'my-own-secret-1'], [PAT]: 1 },
    };
    const clean = redactJson(doc, ['my-own-secret-1']);
    expect(clean.status).toBe('SUCCESS');
    expect(clean.n).toBe(3);
    expect(clean.none).toBeNull();
    expect(JSON.stringify(clean)).not.toContain(PAT.slice(0, -4));
    expect(JSON.stringify(clean)).not.toContain('my-own-secret-1'.slice(0, -4));
    expect(Object.keys(clean.data)).toContain(maskSecret(PAT));
    // A secret that is also a JSON word cannot break the document: it is parsed already. (A secret equal to a
    // field name masks the name too: fail-safe, the field is then unreadable rather than leaked.)
    expect(redactJson({ status: 'status', n: true }, ['status', 'true'])).toEqual({ [MASK]: MASK, n: true });
  });

  it('masks the value of a credential-named field, whatever its shape', () => {
    expect(
      redactJson({
        'apiKey': 'plain-value-123456',
        'X-Api-Key': 'other-value-98765',
        'authorization': '${TOKEN}',
        'note': 'plain-value',
      }),
    ).toEqual({
      'apiKey': maskSecret('plain-value-123456'),
      'X-Api-Key': maskSecret('other-value-98765'),
      'authorization': '${TOKEN}',
      'note': 'plain-value',
    });
  });

  it('redactParsed skips the walk when the text holds nothing, and walks escaped text', () => {
    const quiet = '{"message":"all fine","n":1}';
    const parsed = JSON.parse(quiet) as unknown;
    expect(redactParsed(quiet, parsed, ['some-secret-1'])).toBe(parsed);
    // A key written with \\u escapes is not in the text as such, but is in the parsed value.
    const escaped = JSON.stringify({ m: PAT }).replace('pat', '\\u0070at');
    expect(escaped).not.toContain(PAT);
    expect(JSON.stringify(redactParsed(escaped, JSON.parse(escaped) as unknown))).not.toContain(PAT.slice(0, -4));
    const loud = `{"message":"echo some-secret-1"}`;
    expect(redactParsed(loud, JSON.parse(loud) as unknown, ['some-secret-1'])).toEqual({
      message: `echo ${maskSecret('some-secret-1')}`,
    });
  });

  it('masks before it cuts: a key cut anywhere never shows more than its last four', () => {
    for (let max = 5; max < 120; max++) {
      const shown = excerpt(`-d @${PAT} and more`, max);
      for (let i = 0; i + 5 <= PAT.length; i++) expect(shown).not.toContain(PAT.slice(i, i + 5));
      expect(shown.length).toBeLessThanOrEqual(max);
    }
    expect(excerpt('a\n  b', 10)).toBe('a b');
  });

  it('holdsSecret says whether redact would mask anything', () => {
    expect(holdsSecret(`{"t": "${SAT}"}`)).toBe(true);
    expect(holdsSecret('{"t": "nothing here"}')).toBe(false);
    expect(holdsSecret('{"t": "mine-1234"}', ['mine-1234'])).toBe(true);
  });

  it('namedSecrets finds credential header values, -u passwords, bearer tokens and key shapes glued to text', () => {
    const found = namedSecrets(
      `curl -H 'X-Api-Key: k-value-1' -H "Authorization: Bearer tok-2222" -H 'X-Source: jenkins' -u me:pw-3333 --x${PAT} -H 'X-Token: $TOKEN'`,
    );
    expect(found).toEqual(expect.arrayContaining(['k-value-1', 'tok-2222', 'me:pw-3333', PAT]));
    expect(found).not.toContain('jenkins');
    expect(found).not.toContain('$TOKEN');
  });

  it('namedSecrets stays linear on hostile pastes', () => {
    for (const hostile of [
      'a'.repeat(2_000_000),
      'a:'.repeat(1_000_000),
      'pat.aaaa.'.repeat(200_000),
      '-u '.repeat(600_000),
    ]) {
      const start = performance.now();
      namedSecrets(hostile);
      expect(performance.now() - start).toBeLessThan(1500);
    }
  });
});

describe('redact is fast on large text', () => {
  function time(text: string, secrets: string[] = []): number {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      redact(text, secrets);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  it('handles 1 MB of JSON with URLs and keys in a few ms, and hostile input without blowing up', () => {
    let big = '';
    for (let i = 0; big.length < 1_000_000; i++) {
      big += `{"i":${i},"url":"https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=A","note":"lorem ipsum dolor api pattern"},\n`;
    }
    const redacted = redact(big, ['some-secret-value']);
    expect(redacted).not.toContain(TOKEN);
    // Generous bounds for a busy 2-core CI box; locally this is ~5 ms. Catastrophic backtracking would be seconds.
    expect(time(big, ['some-secret-value'])).toBeLessThan(60);
    expect(time('pat.'.repeat(250_000))).toBeLessThan(150);
    expect(time(`pat.aaaa.${'b'.repeat(60)} `.repeat(15_000))).toBeLessThan(150);
    expect(time('x-api-key: '.repeat(90_000))).toBeLessThan(300);
    expect(time(`/custom/${'a'.repeat(21)}`.repeat(30_000))).toBeLessThan(150);
  });
});
