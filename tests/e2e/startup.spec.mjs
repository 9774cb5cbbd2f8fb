// Start-up: the dataset's request starts from the page's head, before the WebAssembly has
// loaded, and the app uses that answer (one request, not two); an answer for another path
// than the one the app accepts is not used; a link to another view never shows the page's
// own static chart.
import { test, expect } from '@playwright/test';

const requestsOf = (page, pattern) => {
  const seen = [];
  page.on('request', (r) => { if (pattern.test(r.url())) seen.push(r.url()); });
  return seen;
};

test('the dataset is requested once, before the WebAssembly has arrived, and drawn', async ({ page }) => {
  const data = requestsOf(page, /\/data\/xinjiang\.json$/);
  let wasmDone = null;
  let dataStarted = null;
  page.on('request', (r) => { if (r.url().endsWith('/data/xinjiang.json') && dataStarted === null) dataStarted = Date.now(); });
  // Hold the WebAssembly back: the request for the data must not wait for it.
  await page.route('**/*_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    wasmDone = Date.now();
    await route.continue();
  });
  await page.goto('./?chart=bar');
  await expect(page.locator('main .chart-svg-host svg[role="img"]')).toBeVisible();
  await expect(page.locator('main h1')).toHaveText('Xinjiang: total trade with the world and Central Asia (5)');
  expect(dataStarted).not.toBeNull();
  expect(dataStarted).toBeLessThan(wasmDone);
  expect(data).toHaveLength(1);
});

test('a dataset path the app accepts gets its own state from the early answer', async ({ page }) => {
  const data = requestsOf(page, /\/data\/missing\.json$/);
  await page.goto('./?data=data/missing.json');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Dataset not found');
  await expect(alert).toContainText('data/missing.json');
  expect(data).toHaveLength(1);
});

test('an early request for a path the app refuses is not used', async ({ page }) => {
  // The head's check is loose (a relative .json path); the app's is the one that counts.
  const long = 'data/' + 'a'.repeat(520) + '.json';
  const data = requestsOf(page, /\/data\/a+\.json$/);
  await page.goto('./?data=' + long);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This dataset address is not allowed');
  // Started early, then aborted: never read.
  expect(data.length).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => window.__ttPrefetch)).toBeUndefined();
});

test('a link to another view hides the static chart before the app starts', async ({ page }) => {
  await page.route('**/*_bg.wasm', () => {}); // never answered: the app does not start
  await page.goto('./?chart=bar');
  await expect(page.locator('html')).toHaveClass(/\bother-view\b/);
  await expect(page.locator('#static-view')).toBeHidden();
  // The page's own view keeps its static chart.
  await page.goto('./');
  await expect(page.locator('html')).not.toHaveClass(/\bother-view\b/);
  await expect(page.locator('#static-view svg[role="img"]')).toBeVisible();
});

// Every chart the app draws, by the width of its SVG, as the page's scripts see them.
const recordAppCharts = () => {
  window.__ttCharts = [];
  new MutationObserver(() => {
    const svg = document.querySelector('main#main .chart-svg-host svg[role="img"]');
    const width = svg?.getAttribute('width');
    if (width && window.__ttCharts.at(-1) !== width) window.__ttCharts.push(width);
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

for (const [width, query] of [[412, ''], [360, ''], [1280, ''], [412, '?embed=1']]) {
  test(`the first view is drawn once, at the chart's width (${width} px${query ? ', embed' : ''})`, async ({ page }) => {
    await page.setViewportSize({ width, height: 820 });
    await page.addInitScript(recordAppCharts);
    await page.goto('./' + query);
    const chart = page.locator('main#main .chart-svg-host');
    await expect(chart.locator('svg[role="img"]')).toBeVisible();
    await expect(page.locator('#static-view')).toHaveCount(0);
    await page.waitForTimeout(300);
    const host = await chart.evaluate((el) => el.clientWidth);
    // One drawing, at the width the chart has: not one at a guessed width, then another.
    expect(await page.evaluate(() => window.__ttCharts)).toEqual([String(host)]);
  });
}

test('after the first chart, the settings and each other tab are made in a task of their own', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Each MutationObserver callback closes a task's changes: a part made in a task of its
  // own arrives in a callback of its own.
  await page.addInitScript(() => {
    const parts = { settings: '#settings', check: 'section.checks', sources: 'section.sources', download: '#panel-download > *' };
    window.__ttMade = {};
    let batch = 0;
    new MutationObserver(() => {
      batch += 1;
      const chart = document.querySelector('main#main .chart-svg-host svg');
      if (chart && window.__ttMade.chart === undefined) window.__ttMade.chart = batch;
      for (const [name, selector] of Object.entries(parts)) {
        if (window.__ttMade[name] === undefined && document.querySelector(selector)) window.__ttMade[name] = batch;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('./');
  await expect(page.locator('#panel-download > *').first()).toBeAttached();
  const made = await page.evaluate(() => window.__ttMade);
  expect(Object.keys(made).sort()).toEqual(['chart', 'check', 'download', 'settings', 'sources']);
  expect(made.settings).toBeGreaterThan(made.chart);
  expect(made.check).toBeGreaterThan(made.settings);
  expect(made.sources).toBeGreaterThan(made.check);
  expect(made.download).toBeGreaterThan(made.sources);
});
