// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on every state a
// reader can reach.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, query] of [
  ['the full page', ''], ['the dark theme', '?theme=dark'], ['embed mode', '?embed=1'],
  ['the table view', '?view=table'], ['bars with events', '?chart=bar&events=on'],
]) {
  test(`axe finds no violations on ${name}`, async ({ page }) => {
    await page.goto('./' + query);
    await expect(page.locator('#static-view')).toHaveCount(0);
    await expect(page.locator('main .chart-svg-host svg').first()).toBeAttached();
    expect(await violations(page)).toEqual([]);
  });
}

test('axe finds no violations on the error state and in the open embed dialog', async ({ page }) => {
  await page.goto('./?data=missing.json');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto('./');
  await expect(page.locator('#static-view')).toHaveCount(0);
  await page.getByRole('button', { name: 'Embed' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
