// The sandbox examples' URLs and Harness's exact "Copy as cURL" text (docs/harness-protocol.md §1), written out
// here rather than taken from the sandbox's own generator, so the import is tested against the spec.
import { ACCOUNT, EXAMPLES, KEYS, ORG, type ExampleSpec } from '../../electron/sandbox/examples';

export { ACCOUNT, KEYS, ORG };

export function example(kind: ExampleSpec['kind']): ExampleSpec {
  const found = EXAMPLES.find((e) => e.kind === kind);
  if (!found) throw new Error(`no sandbox example of kind ${kind}`);
  return found;
}

export function exampleUrl(base: string, kind: ExampleSpec['kind']): string {
  const e = example(kind);
  const path = e.form === 'v2' || !e.token ? 'v2' : `${e.token}/v3`;
  return (
    `${base}/gateway/pipeline/api/webhook/custom/${path}?accountIdentifier=${ACCOUNT}&orgIdentifier=${ORG}` +
    `&projectIdentifier=${e.projectIdentifier ?? ''}&pipelineIdentifier=${e.pipelineIdentifier}&triggerIdentifier=${e.identifier}`
  );
}

/** Exactly what Harness's "Copy as cURL" gives (without the key part when authorization is not enforced). */
export function harnessCurl(url: string, apiKey: string | null): string {
  const key = apiKey === null ? '' : ` -H 'X-Api-Key: ${apiKey}'`;
  return `curl -X POST -H 'content-type: application/json'${key} --url '${url}' -d '{"sample_key": "sample_value"}'`;
}

/** A key shaped like a real Harness PAT, made at run time (never written in a tracked file). */
export function runtimePat(): string {
  const hex = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const tail = [...crypto.getRandomValues(new Uint8Array(20))].map((b) => alnum[b % alnum.length] ?? 'x').join('');
  return ['pat', 'e2eAcct_' + hex.slice(0, 6), hex, tail].join('.');
}
