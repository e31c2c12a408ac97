// Nothing a user types into the condition lab hangs the page: a catastrophic regex is answered by
// RE2 when it can be, otherwise checked in a worker and called "too long" past the deadline, while
// the page keeps answering.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const regexYaml = (pattern: string): string => `trigger:
  name: catastrophic
  identifier: catastrophic
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        payloadConditions:
          - key: <+trigger.payload.s>
            operator: Regex
            value: "${pattern}"
`;

async function openLab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Conditions' }).click();
  await expect(page.getByRole('tab', { name: 'Conditions' })).toHaveAttribute('aria-selected', 'true');
}

test('lab: a catastrophic regex gives a verdict and the page keeps answering', async ({ desk: page }) => {
  await openLab(page);
  const verdict = page.getByTestId('verdict');
  await page.getByLabel('Payload', { exact: true }).fill(JSON.stringify({ s: 'a'.repeat(30) }));

  // RE2 can take this one: a real answer at once.
  await page.getByLabel('Trigger YAML').fill(regexYaml('(a|a?)+b'));
  await expect(verdict).toContainText('Would not fire');
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');

  // This one needs backtracking (the lookahead): it runs in a worker and is stopped at the deadline.
  await page.getByLabel('Trigger YAML').fill(regexYaml('(a|a?)+b(?=c)'));
  // The page answers while the worker runs: typing lands, a script runs.
  const headers = page.getByLabel(/^Headers/);
  await headers.pressSequentially('X-Still: typing', { delay: 5 });
  await expect(headers).toHaveValue('X-Still: typing');
  expect(await page.evaluate(() => document.title)).toBeTruthy();
  await expect(verdict).toContainText('Cannot tell: the pattern took too long (stopped after 100 ms): "(a|a?)+b(?=c)"');
  await screenshot(page, 'conditions-regex-too-long-light', []);

  // A pattern that needs backtracking but is quick gets its real answer from the worker.
  await page.getByLabel('Trigger YAML').fill(regexYaml('a+(?!b)'));
  await expect(verdict).toContainText('Would fire');
});
