// The full dashboard: every control by its role and label, the URL as public API,
// reading figures by pointer, touch and keyboard, downloads.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rates = parseCsv(fs.readFileSync(path.join(root, 'data/exchange_rates_fed_monthly.csv'), 'utf8'));
const rate = (month) => Number(rates.find((r) => r.period === month).cny_per_usd);

// Opens the page and waits for the app (not the static first paint) to have drawn.
async function open(page, query = '') {
  await page.goto('./' + query);
  await expect(page.locator('#static-view')).toHaveCount(0);
  await expect(page.locator('main .chart-svg-host svg[role="img"]').first()).toBeAttached();
}

const query = (page) => new URL(page.url()).searchParams;
// Under a chart, the table's rows follow once the chart is painted (until then the table
// is busy, holding the earlier view's rows): wait for them.
const tableCells = async (page) => {
  await expect(page.locator('table.values:not([aria-busy]) tbody tr').first()).toBeAttached();
  return page.locator('table.values tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
};

test('flow, measure, currency and chart type change the chart, the table and the URL', async ({ page }) => {
  await open(page);
  await page.getByLabel('Flow').selectOption('exports');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang: exports with the world and Central Asia (5)');
  await expect.poll(() => query(page).get('flow')).toBe('exports');

  await page.getByLabel('Flow').selectOption('total');
  // Multi-month periods: their total, or their average per month (the default), labelled.
  await page.getByLabel('Average per month over multi-month periods').uncheck();
  await expect.poll(() => query(page).get('average')).toBe('off');
  await expect(page.locator('figcaption.measure')).toHaveText('Value per period — billion yuan per period');
  let periodRows = await tableCells(page);
  expect(periodRows.find((r) => r[0] === 'Jan–Feb 2023' && r[1] === 'World')[2]).toBe('44.39');
  await page.getByLabel('Average per month over multi-month periods').check();
  periodRows = await tableCells(page);
  expect(periodRows.find((r) => r[0] === 'Jan–Feb 2023' && r[1] === 'World')[2]).toBe('22.20');
  await page.getByLabel('Measure').selectOption('ytd');
  await expect.poll(() => query(page).get('measure')).toBe('ytd');
  await expect(page.locator('table.values caption')).toContainText('Year to date, as published — billion yuan');
  let rows = await tableCells(page);
  expect(rows.find((r) => r[0] === 'Jan–Oct 2023' && r[1] === 'World')[2]).toBe('287.33');

  await page.getByLabel('US dollars (USD)').check();
  await expect.poll(() => query(page).get('currency')).toBe('USD');
  await expect(page.locator('figcaption.measure')).toHaveText('Year to date, as published — billion US dollars');
  rows = await tableCells(page);
  // Converted at the mean of the ten monthly rates, marked approximate, rate named.
  const mean = Array.from({ length: 10 }, (_, i) => rate(`2023-${String(i + 1).padStart(2, '0')}`)).reduce((a, b) => a + b) / 10;
  const janOct = rows.find((r) => r[0] === 'Jan–Oct 2023' && r[1] === 'World');
  expect(janOct[2]).toBe(`≈ ${(287.33 / mean).toFixed(2)}`);
  expect(janOct[3]).toContain(`converted from yuan at ${mean.toFixed(4)} yuan per US dollar (average of 10 monthly rates, Federal Reserve H.10`);

  const rectsBefore = await page.locator('.chart svg rect').count();
  await page.getByLabel('Bars').check();
  await expect.poll(() => query(page).get('chart')).toBe('bar');
  await expect.poll(() => page.locator('.chart svg rect').count()).toBeGreaterThan(rectsBefore + 20);
  await page.getByLabel('Stacked area').check();
  await expect.poll(() => query(page).get('chart')).toBe('area');
  await expect(page.locator('.chart svg title')).toContainText('Stacked area chart of');
  // The world total is not stacked on its own parts.
  await expect(page.locator('section.notes')).toContainText('the world total is left out of the stack');
  rows = await tableCells(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r[1] === 'Central Asia (5)')).toBe(true);
});

test('every measure draws and explains itself', async ({ page }) => {
  await open(page, '?partners=world,central_asia_5');
  const expectations = {
    yoy: ['Change on a year earlier, year to date — % change on a year earlier', 'Jan–Oct 2023', '+48.9%'],
    rolling12: ['Rolling 12-month sum — billion yuan, 12 months to date', null, null],
    share: ['Share of total trade with the world, year to date — % of the world total', 'Jan–Jun 2023', '80%'],
    contribution: ['Contribution to the growth of total trade with the world, year to date — percentage points', null, null],
  };
  for (const [measure, [caption, period, value]] of Object.entries(expectations)) {
    await page.getByLabel('Measure').selectOption(measure);
    await expect(page.locator('figcaption.measure')).toHaveText(caption);
    if (period) {
      const rows = await tableCells(page);
      const row = rows.find((r) => r[0] === period && (r[1] === 'World' || measure === 'share'));
      expect(row, `${measure} ${period}`).toBeTruthy();
      expect(row[2]).toBe(value);
    }
  }
  // Published growth is shown as published; a disagreeing computation is named.
  await page.getByLabel('Measure').selectOption('yoy');
  const rows = await tableCells(page);
  const janOct = rows.find((r) => r[0] === 'Jan–Oct 2023' && r[1] === 'World');
  expect(janOct[3]).toContain('published +48.9%; the first-release figures give +47.5%');
});

test('partners: type to search, check, and the URL lists them', async ({ page }) => {
  await open(page);
  await page.getByLabel('Filter partners').fill('kaz');
  const list = page.locator('.partner-list li');
  await expect(list).toHaveCount(1);
  await page.getByRole('checkbox', { name: /Kazakhstan/ }).check();
  await expect.poll(() => query(page).get('partners')).toBe('world,central_asia_5,KAZ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang: total trade with the world, Central Asia (5) and Kazakhstan');
  // Direct labels at line ends, not colour alone.
  await expect(page.locator('.chart svg text', { hasText: 'Kazakhstan' })).toHaveCount(1);
  await page.getByLabel('Filter partners').fill('');
  await expect(list).toHaveCount(11);
  await page.getByRole('checkbox', { name: /Central Asia \(5\)/ }).uncheck();
  await expect.poll(() => query(page).get('partners')).toBe('world,KAZ');
});

test('time range: presets and keyboard-operable handles', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Year to date' }).click();
  await expect.poll(() => query(page).get('from')).toBe('2025-01');
  let rows = await tableCells(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r[0].includes('2025'))).toBe(true);
  // All years: from the first month with a figure.
  await page.locator('#settings').getByRole('button', { name: 'All years' }).click();
  await expect.poll(() => query(page).get('from')).toBe('2011-01');
  const from = page.getByRole('slider', { name: 'From month' });
  await from.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => query(page).get('from')).toBe('2012-01');
  await expect(from).toHaveAttribute('aria-valuetext', 'Jan 2012');
  rows = await tableCells(page);
  expect(rows.some((r) => r[0] === '2011')).toBe(false);
  await page.getByRole('button', { name: 'Last 12 months' }).click();
  await expect.poll(() => query(page).get('from')).toBe('2025-01');
});

test('events and the table view', async ({ page }) => {
  await open(page);
  await page.getByLabel('Show events on the time axis').check();
  await expect.poll(() => query(page).get('events')).toBe('on');
  const events = page.getByRole('list', { name: 'Events on the time axis' });
  await expect(events).toContainText('Xinjiang Pilot Free Trade Zone officially opens in Urumqi');
  await expect(events.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect.poll(() => query(page).get('view')).toBe('table');
  await expect(page.locator('.chart-figure')).toBeHidden();
  await expect(page.getByRole('table')).toBeVisible();
});

test('a link with every parameter reproduces the view; Back and Forward restore views', async ({ page }) => {
  await open(page, '?reporter=xinjiang&flow=exports&partners=world&measure=ytd&currency=USD&from=2022-01&to=2023-12&chart=bar&view=table&events=on&average=off');
  await expect(page.getByLabel('Flow')).toHaveValue('exports');
  await expect(page.getByLabel('Measure')).toHaveValue('ytd');
  await expect(page.getByLabel('US dollars (USD)')).toBeChecked();
  await expect(page.getByLabel('Bars')).toBeChecked();
  await expect(page.getByLabel('Show events on the time axis')).toBeChecked();
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang: exports with the world');
  const rows = await tableCells(page);
  expect(rows.map((r) => r[0])).toEqual(['Jan–Apr 2022', 'Jan–Jul 2022', 'Jan–Aug 2022', 'Jan–Nov 2022', 'Jan–Feb 2023', 'Jan–Mar 2023', 'Jan–Jun 2023', 'Jan–Sep 2023']);
  await page.getByLabel('Measure').selectOption('monthly');
  await page.getByLabel('Yuan (CNY)').check();
  // The address is written once the view is painted (yuan, the default, drops the
  // parameter): Back goes from there.
  await expect.poll(() => query(page).get('currency')).toBeNull();
  await page.goBack();
  await expect(page.getByLabel('US dollars (USD)')).toBeChecked();
  await expect(page.getByLabel('Measure')).toHaveValue('monthly');
  await page.goBack();
  await expect(page.getByLabel('Measure')).toHaveValue('ytd');
  await page.goForward();
  await expect(page.getByLabel('Measure')).toHaveValue('monthly');
});

test('invalid parameters fall back with a notice naming each one', async ({ page }) => {
  await open(page, '?flow=sideways&measure=pie&currency=EUR&partners=XYZ,world&from=2023-13');
  const notice = page.locator('.notice');
  await expect(notice).toContainText('flow: "sideways" is not one of total, exports, imports, balance; the default is used');
  await expect(notice).toContainText('measure: "pie" is not one of monthly, ytd, yoy, rolling12, share, contribution');
  await expect(notice).toContainText('currency: "EUR" is not CNY or USD');
  await expect(notice).toContainText('from: "2023-13" is not a month YYYY-MM');
  await expect(notice).toContainText('partners: XYZ not in this dataset for xinjiang; left out');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang: total trade with the world');
  await expect(page.locator('.chart svg[role="img"]')).toBeVisible();
});

test('the key-figures line is the sentence a reporter would quote', async ({ page }) => {
  await open(page);
  const mean = Array.from({ length: 12 }, (_, i) => rate(`2025-${String(i + 1).padStart(2, '0')}`)).reduce((a, b) => a + b) / 12;
  await expect(page.locator('.key-figures')).toHaveText(
    `Total trade with the world, 2025: ¥520.37 bn (≈ $${(520.37 / mean).toFixed(1)} bn), +19.9% y/y — Xinhua, People's Daily`);
});

test('hover, tap and arrow keys read a figure with its provenance and source', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await open(page, '?partners=world&measure=ytd&from=2023-01&to=2023-12');
  const host = page.locator('.chart-svg-host');
  const box = await host.boundingBox();
  await host.hover({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('World');
  await expect(tooltip).toContainText('billion yuan');
  await expect(tooltip).toContainText('Official: published');
  await expect(tooltip.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await host.tap({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
  await expect(tooltip).toBeVisible();
  // Keyboard: the first point, then one to the right, announced politely.
  await host.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const live = page.locator('.chart-figure [aria-live="polite"]');
  await expect(live).toHaveText(/^Jan–Mar 2023, World: 68\.07 billion yuan\. Official: published \(Jan–Mar 2023 \(obs-0042\)\)\.$/);
  await context.close();
});

test('a click keeps a figure\'s tooltip open, so the mouse can reach its source link', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '?partners=world&measure=ytd&from=2023-01&to=2023-12');
  const host = page.locator('.chart-svg-host');
  const box = await host.boundingBox();
  // Where Jan–Sep 2023 is drawn (a figure printed by three sources), found by keyboard.
  const tooltip = page.getByRole('tooltip');
  await host.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 12 && (await tooltip.locator('.tt-period').textContent()) !== 'Jan–Sep 2023 · World'; i++) {
    await page.keyboard.press('ArrowRight');
  }
  const dot = await page.locator('.chart .dot').boundingBox();
  const at = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  await page.mouse.move(at.x, at.y);
  await expect(tooltip).toBeVisible();
  const period = await tooltip.locator('.tt-period').textContent();
  await expect(tooltip).not.toHaveClass(/pinned/);
  await page.mouse.click(at.x, at.y);
  await expect(tooltip).toHaveClass(/pinned/);
  await expect(tooltip.locator('.tt-pinned')).toHaveText('Kept open: click the point again or press Esc to close.');
  // Its sources are listed apart, each a link, and stay inside the tooltip.
  await expect(tooltip.locator('.tt-period')).toHaveText('Jan–Sep 2023 · World');
  const links = await tooltip.locator('.tt-src a').allTextContents();
  expect(links.length).toBe(3);
  await expect(tooltip.locator('.tt-src')).toHaveText(`Source: ${links.join(', ')}`);
  expect(await tooltip.locator('.tt-src').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  // The mouse goes over other figures and off the chart to the link: the same figure stays.
  const link = tooltip.locator('.tt-src a').first();
  const target = await link.boundingBox();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await expect(tooltip.locator('.tt-period')).toHaveText(period);
  const under = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.getAttribute('href'),
    [target.x + target.width / 2, target.y + target.height / 2]);
  expect(under).toMatch(/^https?:\/\//);
  expect(under).toBe(await link.getAttribute('href'));
  // Escape lets it go.
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  // A click outside the chart lets it go too.
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y);
  await expect(tooltip).toHaveClass(/pinned/);
  await page.mouse.click(5, 5);
  await expect(tooltip).toBeHidden();
  // A click on the pinned figure lets it go: the tooltip follows the mouse again.
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y);
  await expect(tooltip).toHaveClass(/pinned/);
  await page.mouse.click(at.x, at.y);
  await expect(tooltip).not.toHaveClass(/pinned/);
  await page.mouse.move(box.x + box.width * 0.4, at.y, { steps: 4 });
  await expect(tooltip.locator('.tt-period')).not.toHaveText(period);
  await page.mouse.move(0, box.y + box.height + 40);
  await expect(tooltip).toBeHidden();
});

test('on a phone, a tapped figure\'s tooltip stays on the screen wherever the point is', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await open(page, '?partners=world&measure=ytd&from=2023-01&to=2023-12');
  const host = page.locator('.chart-svg-host');
  await host.scrollIntoViewIfNeeded();
  const box = await host.boundingBox();
  const tooltip = page.getByRole('tooltip');
  const periods = new Set();
  for (const at of [0.15, 0.35, 0.5, 0.65, 0.85]) {
    await host.tap({ position: { x: box.width * at, y: box.height * 0.5 } });
    await expect(tooltip).toBeVisible();
    periods.add(await tooltip.locator('.tt-period').textContent());
    const tip = await tooltip.boundingBox();
    expect(tip.x, `tooltip at ${at} of the chart`).toBeGreaterThanOrEqual(0);
    expect(tip.x + tip.width, `tooltip at ${at} of the chart`).toBeLessThanOrEqual(390);
    // Over the chart, away from the point read.
    const dot = await page.locator('.chart .dot').boundingBox();
    const chart = await page.locator('.chart').boundingBox();
    expect(tip.y).toBeGreaterThanOrEqual(chart.y - 1);
    expect(tip.y + tip.height).toBeLessThanOrEqual(chart.y + chart.height + 1);
    const dotY = dot.y + dot.height / 2;
    expect(dotY < tip.y || dotY > tip.y + tip.height, `the point at ${at} is not under its tooltip`).toBe(true);
  }
  // Different points were read, not one tooltip checked five times.
  expect(periods.size).toBeGreaterThanOrEqual(4);
  await context.close();
});

test('the table sorts by each column', async ({ page }) => {
  await open(page, '?measure=ytd&partners=world&view=table');
  const valueHeader = page.getByRole('columnheader', { name: 'Value' });
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');
  let rows = await tableCells(page);
  const numbers = rows.map((r) => Number(r[2].replace(/[≈ ,]/g, '')));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  await valueHeader.getByRole('button').click();
  await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
  rows = await tableCells(page);
  expect(rows[0][0]).toBe('2025');
});

test('the CSV download equals the table; SVG and PNG downloads are valid files', async ({ page }) => {
  await open(page, '?measure=ytd&partners=world,central_asia_5');
  await page.getByRole('tab', { name: 'Download' }).click();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('xinjiang-total-ytd-CNY.csv');
  const csvText = fs.readFileSync(await csvDownload.path(), 'utf8');
  expect(csvText.split('\n')[0]).toBe('period_start,period_end,flow,partner,measure,value,unit,currency,provenance,source_url,publisher');
  const csv = parseCsv(csvText);
  const rows = (await tableCells(page)).filter((r) => true);
  expect(csv.length).toBe(rows.length);
  for (const r of csv) {
    const label = r.partner === 'world' ? 'World' : 'Central Asia (5)';
    const match = rows.find((t) => t[1] === label && t[2].replace(/[≈ ,]/g, '') === Number(r.value).toFixed(2));
    expect(match, `${r.period_start}..${r.period_end} ${r.partner} ${r.value}`).toBeTruthy();
    expect(r.unit).toBe('billion');
    expect(r.currency).toBe('CNY');
    expect(r.source_url).toMatch(/^https?:\/\//);
    // Publishers, one per address, never a bare host.
    const credits = r.publisher.split('; ');
    expect(credits.length).toBe(r.source_url.split(' ').length);
    for (const c of credits) expect(c).not.toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/i);
  }
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const svg = fs.readFileSync(await svgDownload.path(), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.texts).toContain('Xinjiang: total trade with the world and Central Asia (5)');
  expect(parsed.texts.some((t) => t.startsWith('Sources:'))).toBe(true);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG (2×)' }).click()]);
  const png = fs.readFileSync(await pngDownload.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const svgWidth = Number(/width="(\d+)"/.exec(svg)[1]);
  expect(width).toBe(svgWidth * 2);
});

test('the chart redraws when its container width changes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  const wide = await page.locator('.chart svg').getAttribute('width');
  await page.setViewportSize({ width: 400, height: 900 });
  await expect.poll(() => page.locator('.chart svg').getAttribute('width')).not.toBe(wide);
  const narrow = Number(await page.locator('.chart svg').getAttribute('width'));
  expect(narrow).toBeLessThan(400);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
