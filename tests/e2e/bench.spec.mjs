// The benchmark contract (bench/harness/README.md) on the real build: marks after the chart
// is painted, benchUpdate() toggling the first series with one mark per call, a synthetic
// dataset from `dataset synth` clearly labelled, and a long table shown in part.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ALL = 'currency=USD&partners=' + Array.from({ length: 10 }, (_, i) => `syn${String(i + 1).padStart(2, '0')}`).join(',');
const marks = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.startTime), name);

test.beforeAll(() => {
  const dir = path.join(root, 'target/e2e-fixtures');
  fs.mkdirSync(dir, { recursive: true });
  for (const n of ['1e3', '1e4']) {
    execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'dataset', '--', 'synth', '--points', n, '--out', path.join(dir, `n${n}.json`)], { cwd: root });
  }
});

test('the static first paint is marked as rendered before the app has its data', async ({ page }) => {
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('data-ready').length)).toBe(1);
  await expect(page.locator('#static-view')).toHaveCount(0);
  await expect.poll(async () => (await marks(page, 'chart-rendered')).length).toBe(2);
  const [staticPaint, appDraw] = await marks(page, 'chart-rendered');
  const [dataReady] = await marks(page, 'data-ready');
  expect(staticPaint).toBeLessThan(dataReady);
  expect(appDraw).toBeGreaterThan(dataReady);
});

test('a synthetic dataset is labelled as such, and benchUpdate() hides and shows the first series with one mark each', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`./?data=fixtures/n1e3.json&${ALL}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Synthetic 01');
  await expect(page.locator('.standfirst')).toContainText('SYNTHETIC DATA for benchmarks, not published statistics');
  await expect.poll(async () => (await marks(page, 'chart-rendered')).length).toBe(1);
  expect((await marks(page, 'data-ready')).length).toBe(1);
  const labels = () => page.locator('main .chart-svg-host svg text').evaluateAll((ts) => ts.map((t) => t.textContent.trim()).filter((t) => t.startsWith('Synthetic')));
  expect(await labels()).toHaveLength(10);
  await expect(page.locator('table.values tbody tr')).toHaveCount(250);
  await page.evaluate(() => window.benchUpdate());
  await expect.poll(async () => (await marks(page, 'chart-rendered')).length).toBe(2);
  expect(await labels()).not.toContain('Synthetic 01');
  expect(await labels()).toHaveLength(9);
  await page.evaluate(() => window.benchUpdate());
  await expect.poll(async () => (await marks(page, 'chart-rendered')).length).toBe(3);
  expect(await labels()).toHaveLength(10);
  await page.waitForTimeout(300);
  expect((await marks(page, 'chart-rendered')).length).toBe(3);
});

test('after benchUpdate(), the chart is painted before the table lets go of the earlier rows', async ({ page }) => {
  test.setTimeout(60_000);
  // What the table holds at the moment the chart is marked as painted.
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    window.__atMark = [];
    performance.mark = (name, ...rest) => {
      if (name === 'chart-rendered') {
        const table = document.querySelector('table.values');
        window.__atMark.push({
          busy: table ? table.getAttribute('aria-busy') : 'no table',
          series: [...document.querySelectorAll('table.values tbody tr td:nth-child(2)')].map((td) => td.textContent.trim()),
        });
      }
      return mark(name, ...rest);
    };
  });
  await page.goto(`./?data=fixtures/n1e3.json&${ALL}`);
  const table = page.locator('table.values');
  await expect(table.locator('tbody tr')).toHaveCount(250);
  await expect(table).not.toHaveAttribute('aria-busy');
  const before = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(before).toContain('Synthetic 01');
  await page.evaluate(() => window.benchUpdate());
  await expect.poll(() => page.evaluate(() => window.__atMark.length)).toBe(2);
  const atMark = await page.evaluate(() => window.__atMark[1]);
  // Painted: the chart without Synthetic 01; the table still the earlier view's, and busy.
  const drawn = await page.locator('main .chart-svg-host svg text').evaluateAll((ts) => ts.map((t) => t.textContent.trim()));
  expect(drawn).not.toContain('Synthetic 01');
  expect(drawn).toContain('Synthetic 02');
  expect(atMark.busy).toBe('true');
  expect(atMark.series).toEqual(before);
  // Then the new view's rows, no longer busy.
  await expect(table).not.toHaveAttribute('aria-busy');
  await expect(table.locator('tbody tr')).toHaveCount(250);
  const after = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(after).not.toContain('Synthetic 01');
  expect(after).toContain('Synthetic 02');
});

test('a table of 10,000 values shows its first 250 rows and offers the rest', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`./?data=fixtures/n1e4.json&${ALL}`);
  await expect(page.locator('.table-more')).toHaveText('Showing the first 250 of 10000 rows. Show all 10000 rows');
  await expect(page.locator('table.values tbody tr')).toHaveCount(250);
  // The chart draws every series at every month, decimated per pixel column: each dense
  // line is a group of paths (its pieces) of one stroke per pixel column and one from
  // each column to the next.
  expect(await page.locator('main .chart-svg-host svg polyline').evaluateAll((ls) => ls.filter((l) => l.getAttribute('points').trim().split(/\s+/).length > 2).length))
    .toBe(0); // only grid, axis and event lines (two points each) are left as polylines
  const lines = await page.locator('main .chart-svg-host svg g.dense-line').evaluateAll((gs) => gs.map((g) => [...g.children].map((p) => p.getAttribute('d').match(/M/g).length)));
  expect(lines.length).toBe(10);
  expect(await page.locator('main .chart-svg-host svg path').count()).toBe(lines.flat().length);
  // Over some 900 pixel columns, each line in pieces (a browser rasters them far faster).
  for (const pieces of lines) expect(pieces.length).toBeGreaterThan(1);
  const strokes = lines.map((pieces) => pieces.reduce((a, b) => a + b, 0));
  // 1,000 months of steps are 2,000 corners before decimation.
  for (const n of strokes) expect(n).toBeLessThan(2000);
  for (const n of strokes) expect(n).toBeLessThanOrEqual(2 * 1280);
});

test('benchUpdate() called before the app has started is kept and run once it has drawn', async ({ page }) => {
  await page.route('**/*_bg.wasm', async (route) => { await new Promise((r) => setTimeout(r, 1000)); await route.continue(); });
  await page.goto('./');
  await expect.poll(async () => (await marks(page, 'chart-rendered')).length).toBe(1); // the static paint
  await page.evaluate(() => window.benchUpdate());
  // Once started, the app hides the first partner (the world), as the call asked.
  await expect(page.locator('main h1')).toHaveText('Xinjiang: total trade with Central Asia (5)');
  expect(await page.evaluate(() => window.__ttQueuedUpdate)).toBeUndefined();
  await page.evaluate(() => window.benchUpdate());
  await expect(page.locator('main h1')).toHaveText('Xinjiang: total trade with the world and Central Asia (5)');
});
