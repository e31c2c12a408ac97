// account:test: is the key accepted, and what may it do? Harness's access-control check (POST
// /authz/api/acl) answers per permission and scope; when it cannot be asked, the answer is derived
// from what the calls themselves allowed, and the words say so. Approving a Harness approval needs
// core_pipeline_execute and being among the step's approvers (checked per approval).
import type { AccountOrg, AccountProject, AccountTest, Permission } from '../../../shared/account-model';
import { DeskError } from '../../../shared/errors';
import type { Ctx } from '../context';
import type { Client } from './client';
import { clientFor } from './connection';

export const VIEW = 'core_pipeline_view';
export const EXECUTE = 'core_pipeline_execute';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;

function permission(allowed: boolean, known: boolean, words: string): Permission {
  return { allowed, known, words };
}

async function acl(
  client: Client,
  scope: { orgIdentifier: string | null; projectIdentifier: string | null },
): Promise<Map<string, boolean>> {
  const resourceScope = {
    accountIdentifier: client.target.accountIdentifier,
    ...(scope.orgIdentifier ? { orgIdentifier: scope.orgIdentifier } : {}),
    ...(scope.projectIdentifier ? { projectIdentifier: scope.projectIdentifier } : {}),
  };
  const data = obj(
    await client.call({
      method: 'POST',
      path: '/authz/api/acl',
      query: { accountIdentifier: client.target.accountIdentifier },
      body: { permissions: [VIEW, EXECUTE].map((p) => ({ resourceScope, resourceType: 'PIPELINE', permission: p })) },
      what: 'check its permissions',
    }),
  );
  const out = new Map<string, boolean>();
  const list = Array.isArray(data?.accessControlList) ? data.accessControlList : [];
  for (const item of list) {
    const o = obj(item);
    if (typeof o?.permission === 'string' && typeof o.permitted === 'boolean') out.set(o.permission, o.permitted);
  }
  return out;
}

function summaryOf(account: string, view: Permission, execute: Permission): string {
  if (!view.allowed) return `Connected to account ${account}, but this key may not view pipelines.`;
  if (!execute.known)
    return `Connected to account ${account}: this key may view pipelines; whether it may execute or approve could not be asked.`;
  if (!execute.allowed)
    return `Connected to account ${account} with a read-only key: it may view pipelines but not execute or approve them.`;
  return `Connected to account ${account}: this key may view pipelines, execute them and approve runs where its user is an approver.`;
}

export async function testConnection(ctx: Ctx, workspaceId: string): Promise<AccountTest> {
  const { client } = await clientFor(ctx, workspaceId);
  const account = client.target.accountIdentifier;
  const at = ctx.now();
  const notes: string[] = [];
  let orgs: AccountOrg[];
  try {
    const data = obj(
      await client.call({
        method: 'GET',
        path: '/ng/api/organizations',
        query: { accountIdentifier: account, pageIndex: 0, pageSize: 50 },
        what: 'list the organizations',
      }),
    );
    const content = Array.isArray(data?.content) ? data.content : [];
    orgs = content.flatMap((c) => {
      const o = obj(obj(c)?.organization);
      return typeof o?.identifier === 'string'
        ? [{ identifier: o.identifier, name: typeof o.name === 'string' ? o.name : o.identifier }]
        : [];
    });
  } catch (err) {
    if (!(err instanceof DeskError) || !['invalid-key', 'forbidden', 'not-found'].includes(err.code)) throw err;
    const no = permission(false, true, `may not view: ${err.message}`);
    const result: AccountTest = {
      at,
      ok: false,
      summary: err.message,
      scope: { orgIdentifier: null, projectIdentifier: null },
      permissions: {
        view: no,
        execute: permission(false, false, 'not known'),
        approve: permission(false, false, 'not known'),
      },
      organizations: 0,
      notes: err.hint ? [err.hint] : [],
    };
    save(ctx, workspaceId, result);
    return result;
  }
  // ACLs are per scope: ask where pipelines live (the first project the key can see), else the account.
  let project: AccountProject | null = null;
  const org = orgs[0] ?? null;
  if (org) {
    const data = obj(
      await client
        .call({
          method: 'GET',
          path: '/ng/api/projects',
          query: { accountIdentifier: account, orgIdentifier: org.identifier, pageIndex: 0, pageSize: 1 },
          what: 'list the projects',
        })
        .catch(() => null),
    );
    const p = obj(obj(Array.isArray(data?.content) ? data.content[0] : null)?.project);
    if (typeof p?.identifier === 'string')
      project = {
        orgIdentifier: org.identifier,
        identifier: p.identifier,
        name: typeof p.name === 'string' ? p.name : p.identifier,
      };
  }
  const scope = { orgIdentifier: project?.orgIdentifier ?? null, projectIdentifier: project?.identifier ?? null };
  const where = project ? ` in project ${project.name}` : ' at the account level';
  let view = permission(true, true, 'may view pipelines (it could list the organizations)');
  let execute: Permission;
  try {
    const list = await acl(client, scope);
    const v = list.get(VIEW);
    const e = list.get(EXECUTE);
    if (v !== undefined)
      view = permission(v, true, v ? `may view pipelines${where}` : `may not view pipelines${where} (${VIEW})`);
    execute =
      e === undefined
        ? permission(false, false, `Harness did not say whether it may execute pipelines${where}`)
        : permission(
            e,
            true,
            e ? `may execute pipelines${where}` : `may not execute pipelines${where}: it lacks ${EXECUTE}`,
          );
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    execute = permission(false, false, `could not ask Harness (${why}); a fire or an approval will tell`);
    notes.push('Harness’s permission check could not be asked; what the key may execute is not known.');
  }
  const approve = !execute.known
    ? permission(false, false, 'not known: approving needs core_pipeline_execute')
    : execute.allowed
      ? permission(
          true,
          true,
          'may approve or reject runs where its user is among the approvers (checked per approval)',
        )
      : permission(false, true, `may not approve or reject: that needs ${EXECUTE}`);
  const result: AccountTest = {
    at,
    ok: true,
    summary: summaryOf(account, view, execute),
    scope,
    permissions: { view, execute, approve },
    organizations: orgs.length,
    notes: [...notes, ...client.notes],
  };
  save(ctx, workspaceId, result);
  return result;
}

function save(ctx: Ctx, workspaceId: string, test: AccountTest): void {
  ctx.data.update((doc) => {
    const c = (doc.connections ?? []).find((x) => x.workspaceId === workspaceId);
    if (c) c.lastTest = test;
  });
}
