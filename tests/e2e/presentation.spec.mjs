// The graphic as a reader meets it: chart first on a phone, a desktop and in embeds; the
// plot taking a phone's width with a legend that overlaps nothing; the range it opens on
// and why; the figure check's marks by keyboard and touch; the credit line in the page,
// the embed and the downloaded SVG; a pinned embed when newer figures are out; the
// example article from the app's own origin.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function open(page, query = '') {
  await page.goto('./' + query);
  await expect(page.locator('#static-view')).toHaveCount(0);
  await expect(page.locator('main .chart-svg-host svg[role="img"]')).toBeVisible();
}

// The boxes of the chart SVG's text, in page pixels.
const textBoxes = (page) => page.locator('main .chart-svg-host svg').evaluate((svg) =>
  [...svg.querySelectorAll('text')].map((t) => {
    const r = t.getBoundingClientRect();
    return { text: t.textContent.trim(), x: r.x, y: r.y, right: r.right, bottom: r.bottom };
  }));
const overlap = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;

for (const [name, width, query] of [
  ['a phone', 390, ''], ['a desktop', 1280, ''], ['an embed at 640 px', 640, '?embed=1'], ['an embed at 768 px', 768, '?embed=1'],
]) {
  test(`chart first on ${name}: its top edge is on the first screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, query);
    const chart = await page.locator('main .chart-svg-host').boundingBox();
    expect(chart.y, 'top of the chart').toBeLessThan(800 - 200);
    // Nothing but the title, key figures and the bar of tabs or settings above it.
    const settings = page.locator('#settings');
    if (width < 900 || query) await expect(settings).toBeHidden();
    else await expect(settings).toBeVisible();
  });
}

test('on a phone the plot takes the width; the legend sits above it and overlaps nothing', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const svg = await page.locator('main .chart-svg-host svg').boundingBox();
  expect(svg.width / 390).toBeGreaterThanOrEqual(0.85);
  const boxes = await textBoxes(page);
  const legend = boxes.filter((b) => b.text === 'World' || b.text === 'Central Asia (5)');
  expect(legend.map((b) => b.text)).toEqual(['World', 'Central Asia (5)']);
  // Above the plot (the first value-axis grid label is below them), apart from each other
  // and from every other text of the chart.
  const axis = boxes.filter((b) => /^\d+$/.test(b.text));
  const top = Math.min(...axis.map((b) => b.y));
  for (const l of legend) {
    expect(l.bottom).toBeLessThan(top);
    for (const other of boxes.filter((b) => b !== l)) {
      expect(overlap(l, other), `${l.text} overlaps ${other.text}`).toBe(false);
    }
  }
  // Two-digit years, and no rotated axis title taking width.
  expect(boxes.map((b) => b.text)).toContain('’22');
  expect(boxes.map((b) => b.text)).not.toContain('billion yuan per month');
});

test('touch: a tap shows a figure, a tap elsewhere hides it', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await open(page, '?partners=world&measure=ytd&from=2023-01&to=2023-12');
  const host = page.locator('main .chart-svg-host');
  const box = await host.boundingBox();
  await host.tap({ position: { x: box.width * 0.5, y: box.height * 0.6 } });
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.locator('h1').tap();
  await expect(page.getByRole('tooltip')).toBeHidden();
  await context.close();
});

test('the default view opens where the releases are, says why, and all years are one tap away', async ({ page }) => {
  await open(page);
  const note = page.locator('.range-note');
  await expect(note).toContainText('Showing 2021–2025: earlier years have fewer than 4 releases a year.');
  await expect(page.locator('main .chart-svg-host svg title')).toContainText('Jan 2021 to Dec 2025');
  await note.getByRole('button', { name: 'All years' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2011-01');
  await expect(page.locator('main .chart-svg-host svg title')).toContainText('Jan 2011 to Dec 2025');
  await expect(note).toHaveCount(0);
});

test('the figure check marks are labelled, reached by keyboard, and open their notes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  const marks = page.locator('.mark-button');
  await expect(marks).toHaveCount(5);
  // Each mark's label is written in the chart, and its button names it.
  const labels = await page.locator('main .chart-svg-host svg text').allTextContents();
  expect(labels.map((l) => l.trim())).toEqual(expect.arrayContaining(['✗ Claim: $409 bn +6', 'Figures disagree', 'Revised']));
  const claim = page.getByRole('button', { name: '✗ Claim: $409 bn +6 — figure check, 7 note(s)' });
  await page.locator('main .chart-svg-host').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(claim).toBeFocused();
  await page.keyboard.press('Enter');
  const note = page.locator('#mark-note');
  await expect(note).toBeVisible();
  await expect(note.locator('li')).toHaveCount(7);
  await expect(note.locator('li').first()).toContainText('wrong flow · off by ×10');
  await page.keyboard.press('Escape');
  await expect(note).toHaveCount(0);
  // Its link opens the full figure check.
  await claim.click();
  await page.getByRole('button', { name: 'See the full figure check' }).click();
  await expect(page.getByRole('tab', { name: 'Figure check' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('section.checks ul.claims > li')).toHaveCount(7);
});

test('a credit line under every chart: the page, an embed and the downloaded SVG', async ({ page }) => {
  const credit = /^Sources: Xinhua, .*\. Chart: Trade Trends\. Figures: published statistics, quoted with attribution to each source\. Compilation: CC BY 4\.0\.$/;
  await open(page);
  await expect(page.locator('.source-line')).toHaveText(credit);
  await page.getByRole('tab', { name: 'Download' }).click();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const svg = fs.readFileSync(await svgDownload.path(), 'utf8');
  expect(svg).toContain('Chart: Trade Trends.');
  await open(page, '?embed=1&controls=0&lang=zh');
  await expect(page.locator('.source-line')).toBeVisible();
  await expect(page.locator('.source-line')).toContainText('来源：Xinhua');
  await expect(page.locator('.source-line')).toContainText('图表：Trade Trends');
});

test.describe('pinned vintages', () => {
  let vintage;
  test.beforeAll(() => {
    const dir = path.join(root, 'target/e2e-fixtures');
    fs.mkdirSync(dir, { recursive: true });
    const current = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/xinjiang.json'), 'utf8'));
    vintage = current.vintage;
    // An older vintage, as an article of January 2025 pinned it.
    fs.writeFileSync(path.join(dir, 'xinjiang-2025-01-24.json'), JSON.stringify({ ...current, vintage: '2025-01-24' }));
    fs.writeFileSync(path.join(dir, 'xinjiang.vintages.json'), JSON.stringify({ latest: vintage, vintages: [vintage, '2025-01-24'] }));
  });

  test('a pinned embed says newer figures exist, with a link to the latest view', async ({ page }) => {
    await open(page, '?data=fixtures/xinjiang-2025-01-24.json&embed=1&partners=world');
    const notice = page.locator('.vintage-notice');
    await expect(notice).toHaveText('These figures are as published up to 24 Jan 2025; newer figures were published on 10 Mar 2026. See the latest view');
    await expect(notice.getByRole('link')).toHaveAttribute('href', /\/\?data=fixtures\/xinjiang\.json&partners=world&lang=en$/);
  });

  test('the current vintage pinned says nothing', async ({ page }) => {
    await open(page, `?data=data/xinjiang-${vintage}.json&embed=1`);
    await page.waitForTimeout(500);
    await expect(page.locator('.vintage-notice')).toHaveCount(0);
  });
});

test('the example article works from the app\'s own origin, at its sub-path', async ({ page }) => {
  await page.goto('./examples/article.html');
  const iframe = page.frameLocator('iframe[data-trade-trends-frame]');
  await page.locator('iframe[data-trade-trends-frame]').scrollIntoViewIfNeeded();
  await expect(iframe.locator('main .chart-svg-host svg')).toBeVisible();
  const scripted = page.frameLocator('div[data-trade-trends] iframe');
  await page.locator('div[data-trade-trends]').scrollIntoViewIfNeeded();
  await expect(scripted.locator('main .chart-svg-host svg')).toBeVisible();
});

test('a toggled partner leaves every other line its colour, and in place when the scale holds', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '?partners=world,central_asia_5,KAZ&measure=ytd&from=2022-01&to=2024-12');
  const colours = () => page.locator('main .chart-svg-host svg g.series').evaluateAll((gs) =>
    Object.fromEntries(gs.map((g) => [g.dataset.style, g.querySelector('[stroke]')?.getAttribute('stroke')])));
  const before = await colours();
  expect(Object.keys(before)).toEqual(['0', '1', '3']);
  // Mark the world's drawn group: a group redrawn would be a new element.
  await page.locator('main .chart-svg-host svg g.series[data-style="0"]').evaluate((g) => { g.__kept = true; });
  await page.locator('#settings').getByRole('checkbox', { name: /Central Asia \(5\)/ }).uncheck();
  await expect.poll(() => page.locator('main .chart-svg-host svg g.series').count()).toBe(2);
  const after = await colours();
  expect(after).toEqual({ 0: before[0], 3: before[3] });
  expect(await page.locator('main .chart-svg-host svg g.series[data-style="0"]').evaluate((g) => g.__kept === true)).toBe(true);
  await expect(page.locator('main .chart-svg-host svg title')).not.toContainText('Central Asia');
  // Shown again: the same colour as before.
  await page.locator('#settings').getByRole('checkbox', { name: /Central Asia \(5\)/ }).check();
  await expect.poll(colours).toEqual(before);
});

test('a toggle re-makes the hidden tabs\' lists after the new chart is painted, and they show the new view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '');
  const sourcesOf = async (p) => {
    await p.getByRole('tab', { name: 'Sources' }).click();
    return p.locator('section.sources ol li').allTextContents();
  };
  const before = await sourcesOf(page);
  await page.getByRole('tab', { name: 'Chart' }).click();
  await expect(page.locator('main .chart-svg-host svg')).toBeVisible();
  // When the lists' items leave the page, against the new chart's mark.
  await page.evaluate(() => {
    window.__ttRemoved = [];
    new MutationObserver((ms) => {
      if (ms.some((m) => [...m.removedNodes].some((n) => n.nodeName === 'LI'))) {
        window.__ttRemoved.push(performance.now());
      }
    }).observe(document.querySelector('#panel-sources'), { childList: true, subtree: true });
    window.__ttMarks = performance.getEntriesByName('chart-rendered').length;
  });
  await page.locator('#settings').getByRole('checkbox', { name: /Central Asia \(5\)/ }).uncheck();
  await expect.poll(() => page.evaluate(() => window.__ttRemoved.length)).toBeGreaterThan(0);
  const [removed, mark] = await page.evaluate(() => [window.__ttRemoved[0], performance.getEntriesByName('chart-rendered').slice(window.__ttMarks)[0]?.startTime]);
  expect(mark).toBeDefined();
  expect(removed).toBeGreaterThan(mark);
  // The list is the new view's: as a fresh load of its address shows it.
  const after = await sourcesOf(page);
  expect(after).not.toEqual(before);
  // The address is written once the view is painted.
  await expect(page).toHaveURL(/[?&]partners=world(&|$)/);
  const fresh = await page.context().newPage();
  await fresh.setViewportSize({ width: 1280, height: 900 });
  await fresh.goto(page.url());
  await expect(fresh.locator('section.sources ol li').first()).toBeAttached();
  expect(await sourcesOf(fresh)).toEqual(after);
});
