// The dashboard as a reader gets it: the release build in headless Chromium.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, fullUnits, billionsText } from './csv.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const observations = parseCsv(fs.readFileSync(path.join(root, 'data/observations.csv'), 'utf8'));
const byId = new Map(observations.map((r) => [r.id, r]));

// Every request a page makes, to check that none leaves 127.0.0.1.
function recordRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

// Opens the page and waits for the app (not the static first paint) to have drawn.
async function openDashboard(page, query = '') {
  await page.goto('./' + query);
  await expect(page.locator('#static-view')).toHaveCount(0);
  await expect(page.locator('.chart svg[role="img"]')).toBeVisible();
  // Under a chart, the table's rows follow once the chart is painted (the table is busy
  // until then).
  await expect(page.locator('table.values:not([aria-busy]) tbody tr').first()).toBeAttached();
}

test('the default page shows the chart, units, figure check, table and sources', async ({ page }) => {
  const requests = recordRequests(page);
  await openDashboard(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang: total trade with the world and Central Asia (5)');
  await expect(page.getByText('Values in billion yuan, current prices.', { exact: false })).toBeVisible();
  await expect(page.locator('figcaption.measure')).toHaveText('Value per month (multi-month periods at their average per month) — billion yuan per month');
  const chart = page.locator('.chart svg[role="img"]');
  await expect(chart.locator('title')).toContainText('Line chart of Xinjiang: total trade with the world and Central Asia (5): value per month');
  await expect(chart.locator('title')).toContainText('in billion yuan per month.');
  // The axis names the unit and currency; both series carry direct labels.
  const svgTexts = await chart.locator('text').allTextContents();
  const trimmed = svgTexts.map((t) => t.trim());
  expect(trimmed).toContain('billion yuan per month');
  expect(trimmed).toContain('World');
  expect(trimmed).toContain('Central Asia (5)');
  // The credit line under the chart: publishers, the chart's maker, the data's licence.
  await expect(page.locator('.source-line')).toContainText("Sources: Xinhua");
  await expect(page.locator('.source-line')).toContainText('Chart: Trade Trends. Figures: published statistics');
  // The table of plotted values, for screen readers and checking, in its tab.
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await expect(table.locator('caption')).toContainText('Xinjiang: total trade with the world and Central Asia (5): Value per month');
  await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(30);
  // Sources with working links, in their tab.
  await page.getByRole('tab', { name: 'Sources' }).click();
  const sources = page.getByRole('region', { name: 'Sources' }).or(page.locator('section.sources'));
  await expect(sources.getByRole('link', { name: 'Xinjiang Foreign Trade Up 48.9 Pct In First 10 Months' })).toHaveAttribute('href', 'https://www.urdupoint.com/en/business/xinjiang-foreign-trade-up-489-pct-in-first-1-1769896.html');
  // How fresh: the latest release shown and when it was published.
  await expect(page.locator('.freshness')).toHaveText('Latest figures: 2025, published 23 Jan 2026.');
  // The benchmark mark after the chart is painted.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('chart-rendered').length)).toBeGreaterThan(0);
  for (const url of requests) expect(url.startsWith('http://127.0.0.1:')).toBe(true);
});

for (const [query, label] of [['', 'per period, averaged per month'], ['?measure=ytd', 'year to date'], ['?measure=monthly&average=off', 'per period']]) {
  test(`every table value (${label}) equals the value derived from data/observations.csv`, async ({ page }) => {
    await openDashboard(page, query);
    const rows = await page.locator('table.values tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
        plus: tr.dataset.plus.split(' ').filter(Boolean),
        minus: tr.dataset.minus.split(' ').filter(Boolean),
        months: BigInt(tr.dataset.months),
      })));
    expect(rows.length).toBeGreaterThan(30);
    let exact = 0, derived = 0;
    for (const row of rows) {
      const [period, partner, value] = row.cells;
      if (row.plus.length === 0) {
        // Converted from dollars at an exchange rate: marked as approximate.
        expect(value, `${period} ${partner}`).toMatch(/^≈ /);
        continue;
      }
      const units = (ids) => ids.reduce((sum, id) => {
        const r = byId.get(id);
        expect(r, `row ${id} exists in the CSV`).toBeTruthy();
        expect(r.currency).toBe('CNY');
        return sum + fullUnits(r.value, r.unit);
      }, 0n);
      const total = units(row.plus) - units(row.minus);
      expect(value, `${period} ${partner}`).toBe(billionsText(total, 2, row.months));
      exact++;
      if (row.minus.length) derived++;
    }
    expect(exact).toBeGreaterThan(30);
    if (!query.includes('ytd')) expect(derived).toBeGreaterThan(15);
    if (query === '') {
      // The example from the issue, computed here from the CSV: Jan-Oct 2023 - Jan-Sep 2023.
      const oct = rows.find((r) => r.cells[0] === 'Oct 2023' && r.cells[1] === 'World');
      const janOct = byId.get('obs-0307');
      const janSep = byId.get('obs-0050');
      expect(oct.cells[2]).toBe(billionsText(fullUnits(janOct.value, janOct.unit) - fullUnits(janSep.value, janSep.unit), 2));
      expect(oct.cells[2]).toBe('34.49');
    }
  });
}

test('the seed article\'s claims each show a verdict computed from the published figures', async ({ page }) => {
  await openDashboard(page);
  await page.getByRole('tab', { name: 'Figure check' }).click();
  const claims = page.locator('section.checks ul.claims > li');
  await expect(claims).toHaveCount(7);
  await expect(page.getByRole('heading', { name: 'Claims of the cited articles, checked against the published figures' })).toBeVisible();
  const exports = claims.filter({ hasText: 'rose to a record $409 billion' });
  await expect(exports.locator('.verdict')).toHaveText('wrong flow · off by ×10');
  await expect(exports.locator('.verdict')).toHaveClass(/wrong/);
  await expect(exports).toContainText("Xinjiang's total trade with the world in Jan–Oct 2023 was 40.2 billion US dollars (obs-0057), and the claim is 10.2 times that.");
  const exceeded = claims.filter({ hasText: 'exceeded the total for all of 2022' });
  await expect(exceeded.locator('.verdict')).toHaveText('holds');
  const asean = claims.filter({ hasText: 'Central Asia and Southeast Asia' });
  await expect(asean.locator('.verdict')).toHaveText('holds · cannot be checked');
  await expect(asean).toContainText('No figure was published for Xinjiang\'s total trade with ASEAN in Jan–Oct 2023 in the sources found.');
  const rosy = claims.filter({ hasText: 'less rosy' });
  await expect(rosy).toContainText('China\'s total trade with the world in Jan–Oct 2023 changed +0.03% (obs-0453) on a year earlier, less than Xinjiang\'s total trade with the world in Jan–Oct 2023, +48.9% (obs-0307).');
  const october = claims.filter({ hasText: '$48 billion worth of items in October alone' });
  await expect(october.locator('.verdict')).toHaveText('no published figure');
  await expect(october).toContainText('the releases around it give ≈ 4.72 billion US dollars');
  // The article is a source, named by its publisher.
  await page.getByRole('tab', { name: 'Sources' }).click();
  const sources = page.locator('section.sources');
  await expect(sources.getByRole('link', { name: /Xinjiang exports jump|Asia Financial/i }).first()).toBeVisible();
  // The claimed figures are not drawn: no table cell carries them.
  await expect(page.locator('table.values')).not.toContainText('409');
});

test('a missing dataset shows a named error, not a blank page', async ({ page }) => {
  await page.goto('./?data=fixtures/missing.json');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Dataset not found');
  await expect(alert).toContainText('fixtures/missing.json was not found on the server (HTTP 404)');
});

test.describe('broken datasets', () => {
  test.beforeAll(() => {
    // Fixtures made from the real dataset, so no figure in them is invented.
    const dir = path.join(root, 'target/e2e-fixtures');
    fs.mkdirSync(dir, { recursive: true });
    const text = fs.readFileSync(path.join(root, 'dist/data/xinjiang.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'truncated.json'), text.slice(0, 4000));
    fs.writeFileSync(path.join(dir, 'not-json.json'), '<!doctype html><title>Not Found</title>');
    const data = JSON.parse(text);
    data.series[0].observations[2].value = -data.series[0].observations[2].value;
    fs.writeFileSync(path.join(dir, 'negative.json'), JSON.stringify(data));
    const labelled = JSON.parse(text);
    labelled.partners[0].name = '<img src=x onerror="window.__pwned=1">World';
    fs.writeFileSync(path.join(dir, 'markup-label.json'), JSON.stringify(labelled));
    const hostile = JSON.parse(text);
    // The sources of the first World figures: a script address, a data address, markup.
    const first = hostile.series[0].observations.find((o) => o.status === 'preferred' && o.currency === 'CNY');
    const target = hostile.sources.find((s) => s.id === first.sources[0]);
    target.url = 'javascript:window.__pwned=1';
    target.title = '<script>window.__pwned=2</script> تقرير 🚢';
    for (const s of hostile.sources.filter((s) => s.id !== target.id).slice(0, 3)) s.url = 'data:text/html,<script>window.__pwned=3</script>';
    fs.writeFileSync(path.join(dir, 'hostile-links.json'), JSON.stringify(hostile));
    fs.writeFileSync(path.join(dir, 'bom.json'), '\ufeff' + text);
  });

  test('script and data addresses are shown as text, never as live links', async ({ page }) => {
    await openDashboard(page, '?data=fixtures/hostile-links.json&from=2011-01');
    await page.getByRole('tab', { name: 'Sources' }).click();
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => /^(javascript|data):/i.test(h))).toEqual([]);
    const sources = page.locator('section.sources');
    await expect(sources).toContainText('<script>window.__pwned=2</script> تقرير 🚢 (address not shown as a link: javascript:window.__pwned=1)');
    await page.locator('section.sources .not-a-link').first().click();
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('truncated JSON names the problem', async ({ page }) => {
    await page.goto('./?data=fixtures/truncated.json');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('The dataset is not valid');
    await expect(alert).toContainText('fixtures/truncated.json is not valid JSON: EOF while parsing');
  });

  test('an HTML page instead of JSON names the problem', async ({ page }) => {
    await page.goto('./?data=fixtures/not-json.json');
    await expect(page.getByRole('alert')).toContainText('fixtures/not-json.json is not valid JSON: expected value (line 1, column 1)');
  });

  test('an invalid field names the series, observation and field', async ({ page }) => {
    await page.goto('./?data=fixtures/negative.json');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('fixtures/negative.json has 1 problem(s):');
    await expect(alert).toContainText(/series\[0\] xinjiang\/total\/world, observation\[2\] \d{4}-\d{2}\.\.\d{4}-\d{2}, field "value": expected zero or more \(trade values cannot be negative\), found -/);
    // The same check in Chinese, and back: the message follows the language switch.
    await page.goto('./?data=fixtures/negative.json&lang=zh');
    await expect(alert.getByRole('heading')).toHaveText('数据集无效');
    await expect(alert).toContainText('fixtures/negative.json 有 1 个问题：');
    await expect(alert).toContainText(/series\[0\] xinjiang\/total\/world, observation\[2\] \d{4}-\d{2}\.\.\d{4}-\d{2}，字段“value”：需要零或正数（贸易值不能为负），实际为 -/);
    await page.getByLabel('语言').selectOption('en');
    await expect(alert).toContainText('field "value": expected zero or more');
  });

  test('markup in a label is shown as text and never runs', async ({ page }) => {
    await openDashboard(page, '?data=fixtures/markup-label.json');
    await expect(page.locator('table.values tbody tr').first()).toContainText('<img src=x onerror="window.__pwned=1">World');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
  });
});

test('a data parameter pointing off-site is refused with a message', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('./?data=' + encodeURIComponent('https://evil.example/x.json'));
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This dataset address is not allowed');
  await expect(alert).toContainText('was refused: it names a scheme or another site');
  expect(requests.map((u) => new URL(u).hostname)).toEqual(requests.map(() => '127.0.0.1'));
});

for (const width of [375, 1280]) {
  test(`the page fits a ${width} px wide screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openDashboard(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const [svgWidth, hostWidth] = await page.locator('.chart svg').evaluate((svg) => [svg.getBoundingClientRect().width, svg.closest('.chart').getBoundingClientRect().width]);
    expect(svgWidth).toBeGreaterThan(hostWidth * 0.95);
    expect(svgWidth).toBeLessThanOrEqual(hostWidth + 1);
  });
}

test('a loading state shows while the dataset is on its way', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/xinjiang.json', async (route) => { await held; await route.continue(); });
  await page.goto('./');
  const status = page.locator('p.status[role="status"]');
  await expect(status).toHaveText('Loading dataset data/xinjiang.json…');
  release();
  await expect(page.locator('.chart svg[role="img"]')).toBeVisible();
  await expect(status).toHaveCount(0);
});

// An independent derivation of the periods between year-to-date releases, straight from
// the CSV, for one series and year: the page must list exactly these periods and values.
function expectedPeriods(year, partner) {
  const rows = observations.filter((r) => r.region === 'xinjiang' && r.flow === 'total' && r.partner === partner
    && r.currency === 'CNY' && r.value !== '' && !r.note.startsWith('DISPUTED') && r.period_end.startsWith(`${year}-`));
  const precise = (list) => list.sort((a, b) => (b.value.split('.')[1] || '').length - (a.value.split('.')[1] || '').length
    + (b.unit === '100 million' ? 1 : 0) - (a.unit === '100 million' ? 1 : 0))[0];
  const cum = new Map([[0, 0n]]);
  const months = new Map();
  for (const m of new Set(rows.map((r) => Number(r.period_end.slice(5))))) {
    const ytd = rows.filter((r) => (r.basis === 'ytd' || r.basis === 'year') && Number(r.period_end.slice(5)) === m);
    if (ytd.length) cum.set(m, fullUnits(precise(ytd).value, precise(ytd).unit));
    const one = rows.filter((r) => r.basis === 'month' && Number(r.period_end.slice(5)) === m);
    if (one.length) months.set(m, fullUnits(precise(one).value, precise(one).unit));
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [m, v] of months) {
      if (cum.has(m - 1) && !cum.has(m)) { cum.set(m, cum.get(m - 1) + v); changed = true; }
      if (cum.has(m) && !cum.has(m - 1)) { cum.set(m - 1, cum.get(m) - v); changed = true; }
    }
  }
  const bounds = [...cum.keys()].sort((a, b) => a - b);
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const out = [];
  for (let i = 1; i < bounds.length; i++) {
    const [a, b] = [bounds[i - 1], bounds[i]];
    const label = b === a + 1 ? `${names[b - 1]} ${year}` : `${names[a]}–${names[b - 1]} ${year}`;
    const value = b === a + 1 && months.has(b) ? months.get(b) : cum.get(b) - cum.get(a);
    out.push([label, billionsText(value, 2)]);
  }
  return out;
}

for (const year of [2022, 2023, 2024]) {
  test(`the periods of ${year} are exactly those derived independently from the CSV`, async ({ page }) => {
    await openDashboard(page, `?partners=world&average=off&from=${year}-01&to=${year}-12`);
    const rows = await page.locator('table.values tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent.trim())));
    const shown = rows.filter((r) => r[1] === 'World').map((r) => [r[0], r[2]]);
    expect(shown).toEqual(expectedPeriods(year, 'world'));
  });
}

test('a server error offers a retry that recovers; a broken connection is named', async ({ page }) => {
  let fail = true;
  await page.route('**/data/xinjiang.json', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The dataset could not be loaded');
  await expect(alert).toContainText('data/xinjiang.json: the server answered HTTP 503');
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('main .chart-svg-host svg[role="img"]')).toBeVisible();
  await page.unroute('**/data/xinjiang.json');
  await page.route('**/data/xinjiang.json', (route) => route.abort('connectionreset'));
  await page.goto('./');
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('The dataset could not be fetched');
  await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a page served instead of the dataset is named as such, with no retry', async ({ page }) => {
  await page.route('**/data/xinjiang.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Login required</p>' }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('data/xinjiang.json is not valid JSON: expected value (line 1, column 1)');
  await expect(alert).toContainText('The server sent it as text/html, not as JSON.');
  await expect(alert.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('a dataset over 50 MB is refused before it is read', async ({ page }) => {
  await page.route('**/data/xinjiang.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: Buffer.alloc(51 * 1024 * 1024, 32) }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The dataset is too large');
  await expect(alert).toContainText('data/xinjiang.json is 51.0 MB; this page loads at most 50.0 MB so that it cannot freeze your browser.');
});

test('a slow answer shows the loading state, then the chart', async ({ page }) => {
  test.setTimeout(40_000);
  await page.route('**/data/xinjiang.json', async (route) => { await new Promise((r) => setTimeout(r, 10_000)); await route.continue(); });
  await page.goto('./');
  await expect(page.locator('p.status[role="status"]')).toHaveText(/^Loading dataset data\/xinjiang\.json…/);
  await expect(page.locator('p.status[role="status"]')).toBeVisible();
  await page.waitForTimeout(5_000);
  await expect(page.locator('p.status[role="status"]')).toBeVisible();
  await expect(page.locator('#static-view')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('main .chart-svg-host svg[role="img"]')).toBeVisible();
  await expect(page.locator('p.status[role="status"]')).toHaveCount(0);
});

test('no answer at all ends in a named timeout with a retry', async ({ page }) => {
  test.setTimeout(45_000);
  await page.route('**/data/xinjiang.json', () => { /* never answered */ });
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The dataset did not arrive', { timeout: 30_000 });
  await expect(alert).toContainText('data/xinjiang.json: no complete answer within 20 seconds.');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a byte-order mark is ignored with a note', async ({ page }) => {
  const dir = path.join(root, 'target/e2e-fixtures');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'bom-only.json'), '\ufeff' + fs.readFileSync(path.join(root, 'dist/data/xinjiang.json'), 'utf8'));
  await openDashboard(page, '?data=fixtures/bom-only.json');
  await expect(page.locator('.notice')).toContainText('fixtures/bom-only.json starts with a byte-order mark (U+FEFF); it was ignored');
});

test('a dataset that is not UTF-8 is refused, named', async ({ page }) => {
  // The bundled dataset with its title's "Xinjiang" spelt with a Latin-1 byte (0xE9).
  const dir = path.join(root, 'target/e2e-fixtures');
  fs.mkdirSync(dir, { recursive: true });
  const text = fs.readFileSync(path.join(root, 'dist/data/xinjiang.json'));
  const at = text.indexOf('Xinjiang');
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(path.join(dir, 'latin1.json'), Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at + 1)]));
  await page.goto('./?data=fixtures/latin1.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('fixtures/latin1.json is not UTF-8 text.');
  await expect(page.locator('.chart svg')).toHaveCount(0);
});

test('fuzzed URL parameters never break the page', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const params = ['flow', 'partners', 'measure', 'currency', 'from', 'to', 'chart', 'view', 'events', 'average', 'reporter', 'embed', 'controls', 'id', 'theme', 'transparent'];
  const values = ['', 'x'.repeat(3000), '%00%ff', '%E2%80%AE%3Cscript%3Ealert(1)%3C%2Fscript%3E', '..%2F..', '2023-99', '-1', 'null', 'world,,,,', '%25%25%25', 'ZZZ', '🚢'];
  let seed = 7;
  const pick = (list) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
  for (let round = 0; round < 12; round++) {
    const query = Array.from({ length: 5 }, () => `${pick(params)}=${pick(values)}`).join('&') + `&${pick(params)}=${pick(values)}`;
    await page.goto('./?' + query);
    await expect(page.locator('#static-view')).toHaveCount(0);
    // Either the chart (with notices naming what fell back) or, for a refused data path, a message.
    await expect(page.locator('main .chart-svg-host svg[role="img"], main [role="alert"]').first()).toBeVisible();
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  }
  expect(errors).toEqual([]);
});

test('a panic shows an error state with what to report, not a blank page', async ({ page }) => {
  await openDashboard(page);
  await page.evaluate(() => { try { window.wasmBindings.simulate_panic_for_tests(); } catch (e) { /* the trap after the hook */ } });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Something went wrong in Trade Trends');
  await expect(alert.locator('pre')).toContainText('simulated fault (called by a test)');
});
