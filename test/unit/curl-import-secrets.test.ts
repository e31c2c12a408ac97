// Fuzz: malformed cURL commands built around a key, in every place a paste can put one, shifted so
// that every cut of a message (30, 40, 60, 80 characters...) falls inside it. No error message,
// hint, token or note may carry more than the last four characters of the key: masked first, cut after.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { importCurl } from '../../shared/harness/curl-import';
import { parseTriggerUrl } from '../../shared/harness/urls';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (n: number): string => [...randomBytes(n)].map((b) => ALNUM[b % ALNUM.length]).join('');
const URL =
  'https://app.harness.io/gateway/pipeline/api/webhook/custom/AbCdEfGhIjKlMnOpQr_-12/v3?accountIdentifier=acc_1&orgIdentifier=default&projectIdentifier=P';

/** Built at run time, never written in the repository: key-shaped ones, and one only the X-Api-Key header names. */
function secrets(): { value: string; named: boolean }[] {
  return [
    { value: `pat.${pick(22)}.${randomBytes(12).toString('hex')}.${pick(20)}`, named: false },
    { value: `sat.${pick(22)}.${randomBytes(12).toString('hex')}.${pick(20)}`, named: false },
    { value: `pat.${randomBytes(12).toString('hex')}.${pick(20)}`, named: false },
    { value: `${pick(12)}-${pick(16)}`, named: true },
  ];
}

/** Malformed (and a few odd but valid) commands with the secret S somewhere; P pads it so cuts fall inside. */
const TEMPLATES: ((s: string, p: string) => string)[] = [
  (s, p) => `curl -X POST -d @${p}${s} '${URL}'`,
  (s, p) => `curl --data-binary @${p}${s} '${URL}'`,
  (s, p) => `curl --data-urlencode 'x@${p}${s}' '${URL}'`,
  (s, p) => `curl ${p}${s}`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' ${p}${s}`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' '${URL}' ${p}${s}`,
  (s, p) => `curl '${URL}' -H 'X-Api-Key: ${p}${s}`,
  (s, p) => `curl '${URL}' -H "X-Api-Key: ${p}${s}`,
  (s, p) => `curl '${URL}' -d $'${p}${s}`,
  (s, p) => `curl '${URL}' --${p}${s}`,
  (s, p) => `curl '${URL}' -H '${p}${s}'`,
  (s, p) => `curl '${URL}' -H ':${p}${s}'`,
  (s, p) => `curl '${URL}' -H '${p}${s} x: y'`,
  (s, p) => `curl -X ${p}${s} '${URL}'`,
  (s, p) => `curl '${URL}' -d '$(echo ${p}${s})'`,
  (s, p) => `curl '${URL}' -H 'X-Api-Key: $(echo ${p}${s})'`,
  (s, p) => `curl '${URL}' -H 'X-Token: $(echo ${p}${s})'`,
  (s, p) => `curl '${URL}' -T ${p}${s}`,
  (s, p) => `curl '${URL}' -K ${p}${s}`,
  (s, p) => `curl '${URL}' -F 'f=${p}${s}'`,
  (s, p) => `curl '${URL}' -H @${p}${s}`,
  (s, p) =>
    `curl -H 'X-Api-Key: ${s}' 'https://app.harness.io/gateway/pipeline/api/webhook/custom/${p}${s}/v3?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p'`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' 'https://app.harness.io/gateway/pipeline/api/${p}${s}'`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' 'ftp://${p}${s}'`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' 'https://${p}${s}.example.com/x'`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' 'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?${p}${s}=1'`,
  (s, p) => `curl -H ‘X-Api-Key: ${p}${s}’ '${URL}'`,
  (s, p) => `curl -H 'Authorization: Bearer ${s}' ${p}${s}`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' -H 'X-Api-Key: ${p}${s}' '${URL}' -d '{}'`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' '${URL}'\ncurl ${p}${s}`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' -${p}${s}`,
  (s) => `curl -H 'X-Api-Key: ${s}' --url`,
  (s, p) => `${p}${s} -H 'X-Api-Key: ${s}'`,
  (s, p) =>
    `curl -H 'X-Api-Key: ${s}' -X POST 'https://app.harness.io/gateway/pipeline/api/webhook/custom/AbCdEfGhIjKlMnOpQr_-12/v3?accountIdentifier=${p}${s}'`,
  (s, p) => `curl -H 'X-Api-Key: ${s}' '${URL}' -d '{"k": "${p}${s}"' -H 'content-type: application/json'`,
];
// Ends in '=' so the key stays a word of its own (a key glued to letters is not recognisable as one).
const PADS = Array.from({ length: 14 }, (_, i) => (i === 0 ? '' : `${'x'.repeat(i * 7 - 1)}=`));

/** Every text an import shows: the error's message, hint and token, or the notes of a success. */
function shown(text: string): string[] {
  try {
    return importCurl(text).notes;
  } catch (e) {
    if (!(e instanceof DeskError)) throw e;
    return [e.message, e.hint ?? '', e.where?.token ?? ''];
  }
}

/** Any 5 characters of the secret in a row: more than its last four. */
function leaks(texts: string[], secret: string): string | null {
  for (const t of texts)
    for (let i = 0; i + 5 <= secret.length; i++)
      if (t.includes(secret.slice(i, i + 5))) return `${secret.slice(i, i + 5)} in: ${t}`;
  return null;
}

describe('cURL import messages never carry more than the last four characters of a key', () => {
  const ROUNDS = 3;
  it(`holds for ${TEMPLATES.length} malformed shapes × ${PADS.length} offsets × 4 kinds of key × ${ROUNDS} random draws`, () => {
    let cases = 0;
    const failures: string[] = [];
    for (const { value, named } of Array.from({ length: ROUNDS }, secrets).flat()) {
      for (const [n, make] of TEMPLATES.entries()) {
        for (const pad of PADS) {
          const text = make(value, pad);
          // A secret that is not key-shaped is only known as one where a credential header names it.
          if (named && !/X-Api-Key: |Authorization: Bearer /.test(text)) continue;
          cases++;
          const leak = leaks(shown(text), value);
          if (leak) failures.push(`template ${n}, pad ${pad.length}: ${leak}`);
        }
      }
    }
    expect(cases).toBe(ROUNDS * 1736);
    expect(failures.slice(0, 5), `${failures.length} of ${cases} cases leak`).toEqual([]);
  });

  it('the URL parser masks before it cuts too, and knows the key given with it', () => {
    for (const { value } of secrets()) {
      for (const pad of PADS) {
        for (const url of [`${pad}${value}`, `https://app.harness.io/${pad}${value}`, `ftp://${pad}${value}`]) {
          let said: string[] = [];
          try {
            parseTriggerUrl(url, [value]);
          } catch (e) {
            if (!(e instanceof DeskError)) throw e;
            said = [e.message, e.hint ?? '', e.where?.token ?? ''];
          }
          expect(said.length).toBe(3);
          expect(leaks(said, value)).toBeNull();
        }
      }
    }
  });
});
