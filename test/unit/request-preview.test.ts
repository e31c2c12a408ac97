import { describe, expect, it } from 'vitest';
import { buildRequestPreview } from '../../shared/harness/request-preview';

const url =
  'https://app.harness.io/gateway/pipeline/api/webhook/custom/Kq7vR2mXw9LpT4nZb8YcHd/v3?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P';
const base = {
  parsed: { url },
  key: { id: 'k1', label: 'API key', last4: 'wxyz' },
  headers: [
    { name: 'X-Source', value: 'jenkins', secret: null },
    { name: 'X-Signature', value: '', secret: { id: 'k2', label: 'X-Signature header', last4: 'abcd' } },
    { name: 'x-source', value: 'gitlab', secret: null },
    { name: 'Content-Type', value: 'text/plain', secret: null },
  ],
  contentType: 'application/json',
};

describe('buildRequestPreview', () => {
  it('shows method, the URL with the token masked, and headers with secrets masked', () => {
    const p = buildRequestPreview({ ...base, body: '{"tag": "{{tag}}"}', values: { tag: 'v1' } });
    expect(p.method).toBe('POST');
    expect(p.url).not.toContain('Kq7vR2mXw9LpT4nZb8YcHd');
    expect(p.url).toContain('/custom/');
    expect(p.headers.map((h) => `${h.name}: ${h.value}`)).toEqual([
      'x-source: gitlab',
      'X-Signature: …(redacted)…abcd',
      'content-type: application/json',
      'X-Api-Key: …(redacted)…wxyz',
    ]);
    expect(p.body).toBe('{"tag": "v1"}');
    expect(p.bodyBytes).toBe(13);
    expect(p.bodyIsJson).toBe(true);
    expect(p.blockers).toEqual([]);
  });
  it('blocks on a missing variable, naming it', () => {
    const p = buildRequestPreview({ ...base, key: null, body: '{"tag": "{{tag}}", "n": {{n}}}', values: { n: '1' } });
    expect(p.body).toBeNull();
    expect(p.missing).toEqual(['tag']);
    expect(p.blockers).toEqual(['Variable {{tag}} has no value.']);
    expect(p.headers.some((h) => h.name === 'X-Api-Key')).toBe(false);
  });
  it('refuses a body over 10 MB with its size, counting UTF-8 bytes', () => {
    const p = buildRequestPreview({ ...base, body: `"${'é'.repeat(5.5 * 1024 * 1024)}"`, values: {} });
    expect(p.blockers).toEqual(['The payload is 11.0 MB; the limit is 10 MB.']);
  });
  it('says a body that is not JSON is not JSON', () => {
    expect(buildRequestPreview({ ...base, body: 'env=qa', values: {} }).bodyIsJson).toBe(false);
  });
});
