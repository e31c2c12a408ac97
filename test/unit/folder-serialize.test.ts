// The folder workspace serializer (electron/backend/folders/serialize.ts): the same content always
// gives the same bytes in a fixed key order, reading gives back what was written, every file stands
// alone (a damaged one is reported with its line and column), and the secret scan names file and field.
import { describe, expect, it } from 'vitest';
import { findSecret, parseFolder, renderFolder, slug, type FolderContent } from '../../electron/backend/folders/index';

const content: FolderContent = {
  workspace: { id: 'ws1', name: 'Team', shareTokens: false },
  triggers: [
    {
      id: 't1',
      name: 'Deploy: prod',
      url: 'https://app.harness.io/gateway/pipeline/api/webhook/custom/{token}/v3?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p',
      production: true,
      contentType: 'application/json',
      apiKey: 'prod key',
      headers: [
        { name: 'X-Team', value: 'platform' },
        { name: 'X-Signature', keychain: 'signing' },
      ],
      variables: { zeta: 'z', alpha: 'a' },
      secretVariables: { password: 'db password' },
      payloads: [
        { id: 'p1', name: 'Smoke', body: '{\n  "tag": "{{alpha}}"\n}' },
        { id: 'p2', name: 'Smoke', body: 'not json' },
      ],
      yaml: 'trigger:\n  name: Deploy\n',
    },
    {
      id: 't2',
      name: 'Deploy  prod',
      url: 'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p',
      production: false,
      contentType: 'application/json',
      apiKey: null,
      headers: [],
      variables: {},
      secretVariables: {},
      payloads: [],
      yaml: null,
    },
  ],
  samples: [
    { id: 's1', name: 'Push to main', headers: [{ name: 'X-Event', value: 'push' }], payload: '{"ref":"main"}' },
  ],
  chains: [{ id: 'c1', name: 'Release', steps: [{ trigger: 't1', after: 'success', body: '{}' }] }],
};

function triggerAt(i: number): FolderContent['triggers'][number] {
  const t = content.triggers[i];
  if (!t) throw new Error(`no trigger ${i}`);
  return t;
}

describe('folder serializer', () => {
  it('writes the same bytes for the same content, in a fixed key order, with unique slugs', () => {
    const files = renderFolder(content);
    // Variables come out sorted whatever order they were given in.
    const shuffled = {
      ...content,
      triggers: [{ ...triggerAt(0), variables: { alpha: 'a', zeta: 'z' } }, triggerAt(1)],
    };
    expect(renderFolder(shuffled)).toEqual(files);
    expect([...files.keys()].sort()).toEqual([
      'README.md',
      'chains/release.yaml',
      'samples/push-to-main.yaml',
      'triggers/deploy-prod-2.yaml',
      'triggers/deploy-prod.yaml',
      'triggers/deploy-prod/smoke-2.txt',
      'triggers/deploy-prod/smoke.json',
      'workspace.yaml',
    ]);
    const t1 = files.get('triggers/deploy-prod.yaml') ?? '';
    const keys = t1
      .split('\n')
      .filter((l) => /^[a-zA-Z]+:/.test(l))
      .map((l) => l.split(':')[0]);
    expect(keys).toEqual([
      'id',
      'name',
      'url',
      'production',
      'contentType',
      'apiKey',
      'headers',
      'variables',
      'secretVariables',
      'payloads',
      'yaml',
    ]);
    expect(t1).toContain('apiKey: { keychain: prod key }');
    expect(t1).toContain('password: { keychain: db password }');
    expect(t1).toMatch(/yaml: \|\n {2}trigger:\n {4}name: Deploy\n$/);
    for (const [path, text] of files) {
      expect(text, path).not.toContain('\r');
      if (path.endsWith('.yaml')) expect(text.endsWith('\n'), path).toBe(true);
    }
    // A payload is the user's text, byte for byte.
    expect(files.get('triggers/deploy-prod/smoke.json')).toBe('{\n  "tag": "{{alpha}}"\n}');
    expect(slug('  Ünïcode & spaces!! ')).toBe('unicode-spaces');
  });

  it('reads back exactly what it wrote', () => {
    const read = parseFolder(renderFolder(content));
    expect(read.problems).toEqual([]);
    expect(read.content.workspace).toEqual(content.workspace);
    expect(read.content.triggers.sort((a, b) => a.id.localeCompare(b.id))).toEqual(content.triggers);
    expect(read.content.samples).toEqual(content.samples);
    expect(read.content.chains).toEqual(content.chains);
    expect(read.pathOf.get('t1')).toBe('triggers/deploy-prod.yaml');
    // Items keep the file they were read from, even after a rename.
    const renamed = { ...content, triggers: [{ ...triggerAt(0), name: 'Renamed' }, triggerAt(1)] };
    expect([...renderFolder(renamed, read.pathOf).keys()]).toContain('triggers/deploy-prod.yaml');
  });

  it('reports a damaged file with its line and column, and reads the others', () => {
    const files = renderFolder(content);
    files.set('triggers/deploy-prod.yaml', 'id: t1\nname: ok\nheaders: [\n  {name: x\n');
    files.set('chains/release.yaml', 'id: c1\nname: Release\nsteps:\n  - trigger: "t 1"\n');
    const read = parseFolder(files);
    const yamlProblem = read.problems.find((p) => p.path === 'triggers/deploy-prod.yaml');
    expect(yamlProblem?.line).toBeGreaterThanOrEqual(3);
    expect(yamlProblem?.column).toBeGreaterThanOrEqual(1);
    // A schema problem points at the field: line 4, column 14 is the value of `trigger`.
    const chainProblem = read.problems.find((p) => p.path === 'chains/release.yaml');
    expect(chainProblem).toMatchObject({ line: 4, column: 14 });
    expect(chainProblem?.message).toMatch(/^steps\.0\.trigger: must be an id/);
    expect(read.content.triggers.map((t) => t.id)).toEqual(['t2']);
    expect(read.content.samples).toHaveLength(1);
  });

  it('the secret scan names the file and the field, and lets a shared token through', () => {
    const key = 'pat.abcd1234.efgh5678ijkl.mnop9012qrst';
    expect(findSecret('triggers/x.yaml', `id: t\nheaders:\n  - name: X\n    value: ${key}\n`, [])).toEqual({
      path: 'triggers/x.yaml',
      where: 'headers.0.value',
    });
    expect(findSecret('triggers/x/p.txt', `a\nb ${key}\n`, [])).toEqual({ path: 'triggers/x/p.txt', where: 'line 2' });
    expect(findSecret('samples/s.yaml', 'payload: hunter22-secret\n', ['hunter22-secret'])?.where).toBe('payload');
    const url = 'url: https://h/gateway/pipeline/api/webhook/custom/Kq7vR2mXw9LpT4nZb8YcHd/v3?a=1\n';
    expect(findSecret('triggers/x.yaml', url, [])?.where).toBe('url');
    expect(findSecret('triggers/x.yaml', url, [], ['Kq7vR2mXw9LpT4nZb8YcHd'])).toBeNull();
    expect(findSecret('triggers/x.yaml', renderFolder(content).get('triggers/deploy-prod.yaml') ?? '', [])).toBeNull();
  });
});
