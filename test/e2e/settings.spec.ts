// Settings: timeouts, proxy, an extra CA certificate loaded from a file in the page, saved to the backend.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

function makeCaPem(): string {
  const dir = mkdtempSync(join(tmpdir(), 'td-e2e-ca-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'ca.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=Trigger Desk e2e CA',
      ],
      { stdio: 'ignore' },
    );
    return readFileSync(join(dir, 'ca.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('settings are checked in plain words and saved, with a CA certificate read from a file', async ({
  desk: page,
  host,
}) => {
  const pem = makeCaPem();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Total timeout (seconds)').fill('0.2');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Total timeout: between 1 and 600 seconds.');
  await dialog.getByLabel('Total timeout (seconds)').fill('45');

  await dialog.getByLabel('Manual').check();
  await dialog.getByLabel('Proxy URL').fill('proxy.example.com');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Manual proxy: enter a URL');
  await dialog.getByLabel('Proxy URL').fill('http://127.0.0.1:3128');

  await dialog
    .getByLabel('Load from a file')
    .setInputFiles({ name: 'ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pem) });
  await expect(dialog.getByLabel('PEM certificates')).toHaveValue(pem);
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();

  const saved = await host.api('settings:get', {});
  expect(saved.totalTimeoutMs).toBe(45_000);
  expect(saved.proxyMode).toBe('manual');
  expect(new URL(saved.proxyUrl).href).toBe('http://127.0.0.1:3128/'); // the backend may normalise the URL
  expect(saved.extraCaPem.trim()).toBe(pem.trim());
});
