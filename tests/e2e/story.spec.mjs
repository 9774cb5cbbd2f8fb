// The whole story: Xinjiang beside China (from the controls and from the URL, in English
// and Chinese), the seed article's claims in Chinese, publishers instead of hosts in every
// place a source is named, and how fresh the figures are, on the page and in an embed.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, fullUnits } from './csv.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const observations = parseCsv(fs.readFileSync(path.join(root, 'data/observations.csv'), 'utf8'));
const byId = new Map(observations.map((r) => [r.id, r]));
// A credit that is only a host name ("houyingdance.com"): never shown.
const BARE_HOST = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

async function open(page, query = '') {
  await page.goto('./' + query);
  await expect(page.locator('#static-view')).toHaveCount(0);
  await expect(page.locator('main .chart-svg-host svg[role="img"]').first()).toBeAttached();
}

const tableRows = async (page) => {
  await expect(page.locator('table.values:not([aria-busy]) tbody tr').first()).toBeAttached();
  return page.locator('table.values tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
};

test('Xinjiang and China side by side, chosen with the controls and the keyboard', async ({ page }) => {
  await open(page, '?measure=yoy&partners=world&from=2023-01&to=2023-10');
  const compare = page.getByLabel('Compare with');
  // The shown reporter cannot be compared with itself.
  await expect(compare.locator('option[value="xinjiang"]')).toBeDisabled();
  await compare.focus();
  await compare.selectOption('china');
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('china');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang and China: total trade with the world');
  await expect(page.locator('.key-figures')).toHaveText('Total trade with the world, Jan–Oct 2023: Xinjiang +48.9%, China +0.03% — Xinhua, MENAFN');
  // Both series labelled on the chart and in the table a screen reader reads.
  const labels = (await page.locator('.chart svg text').allTextContents()).map((t) => t.trim());
  expect(labels).toEqual(expect.arrayContaining(['Xinjiang: World', 'China: World']));
  const rows = await tableRows(page);
  expect(rows.find((r) => r[0] === 'Jan–Oct 2023' && r[1] === 'China: World')[2]).toBe('+0.03%');
  expect(rows.find((r) => r[0] === 'Jan–Oct 2023' && r[1] === 'Xinjiang: World')[2]).toBe('+48.9%');
  // The share measure needs a comparison: offered only now.
  await page.getByLabel('Measure').selectOption('reporter_share');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang as a share of China: total trade with the world');
  await compare.selectOption('');
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe(null);
  await expect(page.getByLabel('Measure').locator('option[value="reporter_share"]')).toBeDisabled();
});

test("Xinjiang's share of China's trade from the URL, in Chinese, with the provenance of both in the table and the CSV", async ({ page }) => {
  await open(page, '?lang=zh&compare=china&measure=reporter_share&partners=world&from=2023-01&to=2023-12');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新疆占中国的比重：与世界的进出口');
  const rows = await tableRows(page);
  const janOct = rows.find((r) => r[0] === '2023年1–10月');
  // Computed here from the two published rows.
  const xj = byId.get('obs-0307'), cn = byId.get('obs-0453');
  const share = Number(fullUnits(xj.value, xj.unit)) / Number(fullUnits(cn.value, cn.unit)) * 100;
  expect(janOct[2]).toBe(`${share.toFixed(2)}%`);
  expect(janOct[3]).toBe('比重：新疆：2023年1–10月（obs-0307） ÷ 中国：2023年1–10月（obs-0453）');
  await page.getByRole('tab', { name: '下载' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const csv = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
  const row = csv.find((r) => r.period_start === '2023-01' && r.period_end === '2023-10');
  expect(row.measure).toBe('reporter_share');
  expect(Number(row.value)).toBeCloseTo(share, 4);
  expect(row.provenance).toContain('obs-0307');
  expect(row.provenance).toContain('obs-0453');
  expect(row.source_url.split(' ')).toEqual(expect.arrayContaining([expect.stringContaining('menafn.com')]));
  // The embed code keeps the comparison.
  await page.getByRole('button', { name: '嵌入' }).click();
  const code = await page.getByRole('dialog').locator('textarea').first().inputValue();
  expect(code).toContain('compare=china');
  expect(code).toContain('measure=reporter_share');
});

test('the seed article\'s claims carry their computed verdicts in Chinese', async ({ page }) => {
  await open(page, '?lang=zh');
  const claims = page.locator('section.checks ul.claims > li');
  await expect(claims).toHaveCount(7);
  const exports = claims.filter({ hasText: '$409 billion' });
  await expect(exports.locator('.verdict')).toHaveText('贸易方向有误；相差十倍');
  await expect(exports).toContainText('新疆2023年1–10月与世界的进出口为402亿美元（obs-0057），该说法是其10.2倍。');
  const rosy = claims.filter({ hasText: 'less rosy' });
  await expect(rosy.locator('.verdict')).toHaveText('成立');
  await expect(rosy).toContainText('中国2023年1–10月与世界的进出口同比变化+0.03%（obs-0453）');
});

test('sources are named by their publishers everywhere a reader meets them', async ({ page }) => {
  await open(page, '?measure=ytd&partners=world&from=2023-01&to=2023-12');
  const credits = [];
  // The source list: title, then who to credit.
  for (const li of await page.locator('section.sources ol > li').allTextContents()) {
    credits.push(li.split(' — ').pop().replace(/, \d+ \w+ \d{4}$/, ''));
  }
  // The source line under the chart, and the table's sources column.
  credits.push(...await page.locator('.source-line a').allTextContents());
  for (const cell of await page.locator('table.values tbody tr td:last-child a').allTextContents()) credits.push(cell);
  // A tooltip.
  const host = page.locator('main .chart-svg-host');
  await host.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  for (const a of await page.locator('.tooltip .tt-src a').allTextContents()) credits.push(a);
  expect(credits.length).toBeGreaterThan(20);
  for (const c of credits) expect(c.trim(), c).not.toMatch(BARE_HOST);
  // A copy on an unrelated host says whose text it is.
  expect(credits).toContain("People's Daily Overseas Edition (copy on houyingdance.com)");
});

test('the page and every embed say how fresh the figures are', async ({ page }) => {
  await open(page);
  await expect(page.locator('.freshness')).toHaveText('Latest figures: 2025, published 23 Jan 2026.');
  await open(page, '?embed=1&controls=0');
  await expect(page.locator('.freshness')).toBeVisible();
  await expect(page.locator('.freshness')).toHaveText('Latest figures: 2025, published 23 Jan 2026.');
  await open(page, '?embed=1&lang=zh');
  await expect(page.locator('.freshness')).toHaveText('最新数据：2025年，2026年1月23日发布。');
});

test('the comparison is driven from the Chinese controls and an English link alike', async ({ page }) => {
  await open(page, '?lang=zh&measure=yoy&partners=world&from=2023-01&to=2023-10');
  await page.getByRole('combobox', { name: '比较对象', exact: true }).selectOption('china');
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('china');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新疆和中国：与世界的进出口');
  await open(page, '?compare=china&measure=reporter_share&partners=world&from=2023-10&to=2023-10');
  await expect(page.getByLabel('Compare with')).toHaveValue('china');
  const rows = await tableRows(page);
  expect(rows.map((r) => r.slice(0, 4))).toEqual([['Jan–Oct 2023', 'Xinjiang: World', '0.84%',
    'Share: Xinjiang, Jan–Oct 2023 (obs-0307) ÷ China, Jan–Oct 2023 (obs-0453)']]);
  // China's own figures are in trillions, in both languages.
  await open(page, '?reporter=china&partners=world&measure=ytd');
  await expect(page.locator('figcaption.measure')).toHaveText('Year to date, as published — trillion yuan');
  await open(page, '?lang=zh&reporter=china&partners=world&measure=ytd');
  await expect(page.locator('figcaption.measure')).toHaveText(/万亿元$/);
});
