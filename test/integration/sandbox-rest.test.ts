// The trigger REST endpoints (docs/harness-protocol.md §8), under both prefixes, with keys checked as for the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, startSandbox, type Sandbox } from '../../electron/sandbox';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.baseUrl}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const scope = (project: string, pipeline = 'build_and_deploy') =>
  `accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=${project}&targetIdentifier=${pipeline}`;

describe('GET /triggers/{id}', () => {
  it.each(['/pipeline/api', '/gateway/pipeline/api'])('answers under %s with the YAML and names', async (prefix) => {
    const res = await get(`${prefix}/triggers/deploy_on_push?${scope('Sandbox')}`);
    expect(res.status).toBe(200);
    const plain = sb.examples.find((e) => e.identifier === 'deploy_on_push');
    expect(res.body).toMatchObject({
      status: 'SUCCESS',
      data: {
        name: 'Deploy on push',
        identifier: 'deploy_on_push',
        type: 'Webhook',
        accountIdentifier: ACCOUNT,
        orgIdentifier: 'default',
        projectIdentifier: 'Sandbox',
        targetIdentifier: 'build_and_deploy',
        enabled: true,
        yaml: plain?.yaml,
      },
      metaData: null,
    });
  });

  it('details add webhookUrl, the cURL (placeholder key only) and triggerStatus', async () => {
    const secured = sb.examples.find((e) => e.kind === 'authorized');
    const res = await get(`/gateway/pipeline/api/triggers/secured_deploy/details?${scope('Secured')}`, {
      'x-api-key': sb.keys.viewOnly,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      webhookUrl: secured?.url,
      webhookCurlCommand: `curl -X POST -H 'content-type: application/json' -H 'X-Api-Key: sample_api_key' --url '${secured?.url ?? ''}' -d '{"sample_key": "sample_value"}'`,
      triggerStatus: { status: 'SUCCESS' },
      enabled: true,
    });
    expect(JSON.stringify(res.body)).not.toContain(sb.keys.execute);
    const disabled = await get(`/pipeline/api/triggers/disabled_trigger/details?${scope('Sandbox')}`);
    expect(disabled.body.data).toMatchObject({ enabled: false });
  });

  it('unknown trigger 404; missing targetIdentifier FAILURE', async () => {
    const res = await get(`/pipeline/api/triggers/nope?${scope('Sandbox')}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      status: 'ERROR',
      code: 'RESOURCE_NOT_FOUND_EXCEPTION',
      message: 'Trigger nope does not exist',
    });
    const other = await get(`/pipeline/api/triggers/deploy_on_push?${scope('Sandbox', 'legacy_deploy')}`);
    expect(other.status).toBe(404);
    const noTarget = await get(
      `/pipeline/api/triggers/deploy_on_push?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Sandbox`,
    );
    expect(noTarget.status).toBe(400);
    expect(noTarget.body).toMatchObject({
      status: 'FAILURE',
      code: 'INVALID_REQUEST',
      message: 'targetIdentifier: must not be null',
    });
  });

  it('keys: the mandated project needs one, a bad one is 401 anywhere, view permission suffices', async () => {
    expect((await get(`/pipeline/api/triggers/secured_deploy?${scope('Secured')}`)).status).toBe(401);
    expect(
      (await get(`/pipeline/api/triggers/deploy_on_push?${scope('Sandbox')}`, { 'x-api-key': 'nope' })).status,
    ).toBe(401);
    expect(
      (await get(`/pipeline/api/triggers/secured_deploy?${scope('Secured')}`, { 'X-Api-Key': sb.keys.execute })).status,
    ).toBe(200);
    expect(
      (await get(`/pipeline/api/triggers/secured_deploy?${scope('Secured')}`, { 'x-api-key': sb.keys.viewOnly }))
        .status,
    ).toBe(200);
  });
});

describe('GET /triggers', () => {
  const list = async (query: string) => {
    const res = await get(
      `/pipeline/api/triggers?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Sandbox${query}`,
    );
    expect(res.status).toBe(200);
    return res.body.data as {
      totalItems: number;
      totalPages: number;
      pageIndex: number;
      pageSize: number;
      pageItemCount: number;
      content: { identifier: string }[];
      empty: boolean;
    };
  };

  it("lists a project's triggers with paging, target and search filters", async () => {
    const all = await list('');
    const inSandbox = sb.examples.filter((e) => e.projectIdentifier === 'Sandbox').map((e) => e.identifier);
    expect(all.content.map((t) => t.identifier)).toEqual(inSandbox);
    expect(all).toMatchObject({ totalItems: inSandbox.length, pageIndex: 0, pageSize: 25, empty: false });
    const page = await list('&page=1&size=2');
    expect(page.content.map((t) => t.identifier)).toEqual(inSandbox.slice(2, 4));
    expect(page).toMatchObject({ totalPages: Math.ceil(inSandbox.length / 2), pageItemCount: 2, pageSize: 2 });
    expect((await list('&targetIdentifier=legacy_deploy')).content.map((t) => t.identifier)).toEqual(['legacy_v2']);
    expect((await list('&searchTerm=NIGHTLY')).content.map((t) => t.identifier)).toEqual(['nightly_checks']);
    expect(await list('&searchTerm=zzz')).toMatchObject({ totalItems: 0, empty: true, content: [] });
  });
});
