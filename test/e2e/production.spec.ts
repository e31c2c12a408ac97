// A production trigger asks for its name before a fire; an unreachable host is explained in plain
// words and the payload stays as typed.
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { payloadText, setPayload } from './composer-editor';
import { example } from './sandbox-curl';

test('a production trigger fires only after its name is typed', async ({ desk: page }) => {
  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  const main = page.getByRole('main');
  await main.getByLabel(/^Production/).check();
  await expect(sidebarTrigger(page, plain.name)).toContainText('prod');

  await main.getByRole('button', { name: /^Fire/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Fire a production trigger?' });
  const fire = confirm.getByRole('button', { name: 'Fire', exact: true });
  await expect(fire).toBeDisabled();
  await confirm.getByLabel(`Type “${plain.name}” to confirm`).fill(plain.name.slice(0, -1));
  await expect(fire).toBeDisabled();
  await confirm.getByLabel(`Type “${plain.name}” to confirm`).fill(plain.name);
  await fire.click();
  await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
});

test('a host that does not answer is explained, and the payload is kept', async ({ desk: page, host }) => {
  const workspace = (await host.api('workspaces:list', {}))[0];
  // Port 9 (discard) on this machine: nothing listens there, the connection is refused.
  await host.api('triggers:create', {
    workspaceId: workspace?.id ?? '',
    name: 'Nobody home',
    url: 'http://127.0.0.1:9/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p',
  });
  await sidebarTrigger(page, 'Nobody home').click();
  const main = page.getByRole('main');
  const payload = main.getByLabel('Payload body');
  await setPayload(payload, '{"keep": "me"}');
  await main.getByRole('button', { name: /^Fire/ }).click();
  const result = page.getByRole('region', { name: 'Fire result' });
  const explanation = result.getByTestId('explanation');
  await expect(explanation).toContainText('127.0.0.1');
  await expect(result).toContainText('nothing was retried');
  await expect(result.getByTestId('event-id')).toHaveCount(0);
  expect(await payloadText(page)).toBe('{"keep": "me"}');
  await screenshot(page, 'network-error', []);
});
