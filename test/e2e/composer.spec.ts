// The payload composer: live JSON errors at the right line with Fire held back, variables filled
// at fire time and sent byte for byte, what the trigger reads, extra headers, production refusal.
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { payloadText, receivedFires, sandboxControl, setPayload } from './composer-editor';
import { KEYS, example } from './sandbox-curl';

test('an invalid payload is flagged at its line and holds Fire; fixed and filled in, the exact body reaches the sandbox', async ({
  desk: page,
  host,
}) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  await sandboxControl(base, 'DELETE', 'received');
  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  const main = page.getByRole('main');
  const editor = main.getByLabel('Payload body');
  const fire = main.getByRole('button', { name: /^Fire/ });

  await setPayload(editor, '{\n  "tag": "v1",\n  "env": qa\n}');
  await expect(main.getByTestId('payload-status')).toContainText('Not JSON: line 3, column 10.');
  await expect(main.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(main.locator('.cm-line').nth(2)).toContainText('"env": qa');
  await expect(fire).toBeDisabled();
  await expect(main.getByTestId('fire-reason')).toHaveText('Not JSON: line 3, column 10.');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'composer-invalid-light', [KEYS.execute]);

  // Fixed, with a variable inside a string and one standing as a whole value.
  const template = '{\n  "tag": "{{tag}}",\n  "env": "qa",\n  "replicas": {{count}}\n}';
  await setPayload(editor, template);
  await expect(main.getByTestId('payload-status')).toContainText('Valid JSON with 2 variables.');
  await expect(main.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(fire).toBeDisabled();
  await expect(main.getByTestId('fire-reason')).toContainText('Fill in {{tag}}, {{count}} first');
  await main.getByLabel('Value for {{tag}}').fill('v1.2 "rc"');
  await expect(main.getByTestId('fire-reason')).toContainText('Fill in {{count}} first');
  await main.getByLabel('Value for {{count}}').fill('3');
  await expect(fire).toBeEnabled();
  const expected = '{\n  "tag": "v1.2 \\"rc\\"",\n  "env": "qa",\n  "replicas": 3\n}';
  await expect(main.getByTestId('preview-body')).toHaveText(expected);
  await expect(main.getByTestId('request-preview')).toContainText('content-type: application/json');
  await expect(main.getByTestId('preview-url')).not.toContainText(plain.token ?? '-');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'composer-variables-dark', [KEYS.execute]);

  await fire.click();
  await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  const fires = await receivedFires(base);
  expect(fires).toHaveLength(1);
  expect(Buffer.from(fires[0]?.body ?? '', 'base64').toString('utf8')).toBe(expected);
  // The template stays as written, and the values are remembered for the trigger.
  expect(await payloadText(page)).toBe(template);
  await expect
    .poll(async () => (await host.api('triggers:list', {})).find((t) => t.name === plain.name)?.variables)
    .toEqual({ tag: 'v1.2 "rc"', count: '3' });
});

test('what the trigger reads: its kept YAML, marked present or missing, a skeleton inserted on click', async ({
  desk: page,
}) => {
  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  const main = page.getByRole('main');
  const reads = main.getByRole('region', { name: 'What the trigger reads' });
  // The sandbox example arrives with its YAML (as a fetch from Harness keeps it): read at once.
  const list = reads.getByRole('list', { name: 'Payload fields the trigger reads' });
  await expect(list.getByRole('button', { name: /^sample_key: present/ })).toBeVisible();

  // A pasted YAML that reads more than the payload has.
  await reads.getByRole('button', { name: 'Change YAML' }).click();
  await reads
    .getByLabel(/^Trigger YAML/)
    .fill(
      [
        'trigger:',
        '  name: x',
        '  identifier: x',
        '  source:',
        '    type: Webhook',
        '    spec:',
        '      type: Custom',
        '      spec:',
        '        payloadConditions:',
        '          - key: <+trigger.payload.build.env>',
        '            operator: Equals',
        '            value: prod',
        '        jexlCondition: <+trigger.payload.sample_key>.startsWith("s")',
        '  inputYaml: |',
        '    pipeline:',
        '      tag: <+trigger.payload.tag>',
        '',
      ].join('\n'),
    );
  await reads.getByRole('button', { name: 'Save YAML' }).click();
  await expect(list.getByRole('button', { name: /^build\.env: missing/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /^tag: missing/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /^sample_key: present/ })).toBeVisible();
  await list.getByRole('button', { name: /^build\.env: missing/ }).click();
  await expect(list.getByRole('button', { name: /^build\.env: odd/ })).toBeVisible(); // an empty string for now
  expect(JSON.parse(await payloadText(page))).toEqual({ sample_key: 'sample_value', build: { env: '' } });
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('button', { name: /^build\.env: missing/ })).toBeVisible();
  await screenshot(page, 'composer-reads-light', [KEYS.execute]);
});

test('a secret extra header goes to the vault and is sent; cURL names it as a variable', async ({
  desk: page,
  host,
}) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  await sandboxControl(base, 'DELETE', 'received');
  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  const main = page.getByRole('main');
  const headers = main.getByRole('region', { name: 'Extra headers' });
  await headers.getByRole('button', { name: 'Add header' }).click();
  await headers.getByLabel('Header 1 name').fill('X-Source');
  await headers.getByLabel('Header 1 value').fill('jenkins');
  await headers.getByRole('button', { name: 'Add header' }).click();
  await headers.getByLabel('Header 2 name').fill('X-Signature');
  const secret = `sig-${Date.now()}-abcdefgh`;
  await headers.getByLabel('Header 2 value').fill(secret);
  await headers.getByRole('checkbox', { name: 'Secret' }).nth(1).check();
  await headers.getByRole('button', { name: 'Save headers' }).click();
  await expect(headers.getByLabel('Header 2 value')).toHaveAttribute('placeholder', new RegExp(`…${secret.slice(-4)}`));
  await expect(main.getByTestId('request-preview')).toContainText(`X-Signature: …(redacted)…${secret.slice(-4)}`);
  await screenshot(page, 'composer-headers-light', [secret, KEYS.execute]);

  await main.getByRole('button', { name: /^Fire/ }).click();
  await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  const fires = await receivedFires(base);
  expect(fires[0]?.headers['x-source']).toBe('jenkins');
  expect(fires[0]?.headers['x-signature']).toBe(secret);

  const trigger = (await host.api('triggers:list', {})).find((t) => t.name === plain.name);
  const plainCurl = await host.api('triggers:exportCurl', { id: trigger?.id ?? '', shell: 'powershell' });
  expect(plainCurl.command).toContain('X-Signature: $env:HARNESS_HEADER_X_SIGNATURE');
  expect(plainCurl.command).not.toContain(secret);
  const withKey = await host.api('triggers:exportCurl', { id: trigger?.id ?? '', withSecrets: true, confirm: true });
  expect(withKey).toEqual({
    command: expect.stringContaining(`-H "X-Signature: ${secret}"`) as unknown,
    copied: false,
  });
  await expect(host.api('triggers:exportCurl', { id: trigger?.id ?? '', withSecrets: true })).rejects.toThrow(
    /confirm/,
  );
});

test('a production trigger with a filled-in payload refuses to fire until its name is typed', async ({
  desk: page,
  host,
}) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  await sandboxControl(base, 'DELETE', 'received');
  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  const main = page.getByRole('main');
  await main.getByLabel(/^Production/).check();
  await setPayload(main.getByLabel('Payload body'), '{"env": "{{env}}"}');
  await main.getByLabel('Value for {{env}}').fill('prod');
  await main.getByLabel('Payload body').focus();
  await page.keyboard.press('Control+Enter');
  const confirm = page.getByRole('dialog', { name: 'Fire a production trigger?' });
  const go = confirm.getByRole('button', { name: 'Fire', exact: true });
  await expect(go).toBeDisabled();
  await page.keyboard.press('Enter'); // submitting without the name sends nothing
  await confirm.getByLabel(`Type “${plain.name}” to confirm`).fill(plain.name.toUpperCase());
  await expect(go).toBeDisabled();
  expect(await receivedFires(base)).toHaveLength(0);
  await confirm.getByLabel(`Type “${plain.name}” to confirm`).fill(plain.name);
  await go.click();
  await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  const fires = await receivedFires(base);
  expect(fires).toHaveLength(1);
  expect(Buffer.from(fires[0]?.body ?? '', 'base64').toString('utf8')).toBe('{"env": "prod"}');
});

test('undo survives switching triggers; named payloads are kept per trigger', async ({ desk: page, host }) => {
  const plain = example('plain');
  const other = example('v2');
  await sidebarTrigger(page, plain.name).click();
  const main = page.getByRole('main');
  const editor = main.getByLabel('Payload body');
  await setPayload(editor, '{"changed": true}');
  await expect(main.getByTestId('payload-status')).toContainText('Valid JSON.');
  await sidebarTrigger(page, other.name).click();
  await expect(main.getByRole('heading', { name: other.name })).toBeVisible();
  await sidebarTrigger(page, plain.name).click();
  expect(await payloadText(page)).toBe('{"changed": true}');
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => payloadText(page)).toBe('{"sample_key": "sample_value"}');

  // A second named payload (a copy of the shown one), edited, then back to the first: each keeps its own text.
  await main.getByRole('button', { name: 'New payload' }).click();
  await main.getByLabel('Name of the new payload').fill('nightly');
  await main.getByLabel('Name of the new payload').press('Enter');
  await expect(main.getByLabel('Saved payload').locator('option:checked')).toHaveText('nightly');
  await setPayload(editor, '{"nightly": true}');
  await expect(main.getByTestId('payload-status')).toContainText('Valid JSON.');
  await main.getByLabel('Saved payload').selectOption({ label: 'From cURL' });
  await expect.poll(() => payloadText(page)).toBe('{"sample_key": "sample_value"}');
  await main.getByLabel('Saved payload').selectOption({ label: 'nightly' });
  await expect.poll(() => payloadText(page)).toBe('{"nightly": true}');
  const saved = async (): Promise<unknown> =>
    (await host.api('triggers:list', {})).find((t) => t.name === plain.name)?.payloads.map((p) => [p.name, p.body]);
  await expect.poll(saved).toEqual([
    ['From cURL', '{"sample_key": "sample_value"}'],
    ['nightly', '{"nightly": true}'],
  ]);

  // Format and minify keep a variable that stands for a whole value; each is one undo step.
  await setPayload(editor, '{"n": {{count}}, "s": "{{tag}}", "l": [1,2]}');
  await main.getByRole('button', { name: 'Format' }).click();
  await expect
    .poll(() => payloadText(page))
    .toBe('{\n  "n": {{count}},\n  "s": "{{tag}}",\n  "l": [\n    1,\n    2\n  ]\n}');
  await main.getByRole('button', { name: 'Minify' }).click();
  await expect.poll(() => payloadText(page)).toBe('{"n":{{count}},"s":"{{tag}}","l":[1,2]}');
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => payloadText(page)).toMatch(/^\{\n {2}"n": \{\{count\}\}/);

  // A YAML that is not a trigger is refused with where and why; PowerShell with the key inlines it.
  const id = (await host.api('triggers:list', {})).find((t) => t.name === plain.name)?.id ?? '';
  await expect(host.api('triggers:setYaml', { id, yaml: 'pipeline:\n  name: p\n' })).rejects.toThrow(
    /pipeline YAML, not a trigger.*\(line 1, column 1\)/,
  );
  const secured = (await host.api('triggers:list', {})).find((t) => t.name === example('authorized').name);
  const ps = await host.api('triggers:exportCurl', {
    id: secured?.id ?? '',
    shell: 'powershell',
    withSecrets: true,
    confirm: true,
  });
  expect(ps.command).toContain(`-H "X-Api-Key: ${KEYS.execute}"`);
  expect(ps.command).toMatch(/^curl\.exe /m);
});

test('typing into a trigger without payloads saves exactly one, and the editor keeps the keyboard', async ({
  desk: page,
  host,
}) => {
  const workspace = (await host.api('workspaces:list', {}))[0];
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  await host.api('triggers:create', {
    workspaceId: workspace?.id ?? '',
    name: 'Empty one',
    url: `${base}/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p`,
  });
  await sidebarTrigger(page, 'Empty one').click();
  const main = page.getByRole('main');
  const editor = main.getByLabel('Payload body');
  await editor.click();
  await page.keyboard.type('{"a": 1', { delay: 60 });
  await page.waitForTimeout(900); // past the first save, which creates the payload
  await page.keyboard.type(', "b": 2}', { delay: 60 });
  await expect(editor).toBeFocused();
  const payloads = async (): Promise<unknown> =>
    (await host.api('triggers:list', {})).find((t) => t.name === 'Empty one')?.payloads.map((p) => [p.name, p.body]);
  await expect.poll(payloads).toEqual([['Default', '{"a": 1, "b": 2}']]);
  expect(await payloadText(page)).toBe('{"a": 1, "b": 2}');
});

test('a JSON file is imported as the payload; one over 10 MB is refused with its size', async ({ desk: page }) => {
  await sidebarTrigger(page, example('plain').name).click();
  const main = page.getByRole('main');
  const file = main.getByLabel('JSON file to import');
  await file.setInputFiles({
    name: 'release.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"release": "2024.1"}\n'),
  });
  await expect.poll(() => payloadText(page)).toBe('{"release": "2024.1"}\n');
  await file.setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(11 * 1024 * 1024, 0x20),
  });
  await expect(page.getByText('“huge.json” is 11.0 MB; a payload can be at most 10 MB')).toBeVisible();
  await expect.poll(() => payloadText(page)).toBe('{"release": "2024.1"}\n');
});
