// Embedding: the static first paint, embed mode, themes, the self-resizing iframe and the
// one-tag script embed on a page of another origin, and the Embed dialog's code.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PORT } from './playwright.config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP = `http://127.0.0.1:${PORT}/`;
const HOST = `http://127.0.0.1:${PORT + 1}/`;

test('the built page carries the real chart as static SVG, and a PNG for og:image', () => {
  const html = fs.readFileSync(path.join(root, 'dist/index.html'), 'utf8');
  expect(html).toContain('<div id="static-view">');
  expect(html).toMatch(/<div id="static-view">[\s\S]*<svg [^>]*role="img"[\s\S]*<\/svg>/);
  expect(html).toContain('<meta property="og:image" content="og-index.png">');
  const png = fs.readFileSync(path.join(root, 'dist/og-index.png'));
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.readUInt32BE(16)).toBe(960);
  // A preset view has its own page with its own static chart.
  const preset = fs.readFileSync(path.join(root, 'dist/central-asia-share.html'), 'utf8');
  expect(preset).toContain('<meta name="trade-trends-view" content="measure=share&amp;partners=central_asia_5">');
  expect(preset).toContain('Share of total trade with the world, year to date');
});

test('with JavaScript off the static chart is visible', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(APP);
  const stat = page.locator('#static-view');
  await expect(stat.getByRole('heading', { level: 1 })).toHaveText('Xinjiang: total trade with the world and Central Asia (5)');
  await expect(stat.locator('svg[role="img"]')).toBeVisible();
  await expect(stat.locator('.key-figures')).toContainText('Total trade with the world, 2025: ¥520.37 bn');
  // (Playwright turns off script execution, not the parser's scripting flag, so <noscript>
  // content stays unrendered here; check that it is in the page.)
  expect(await page.content()).toContain('<noscript>This is a static picture of the chart; the interactive dashboard');
  await context.close();
});

test('the app replaces the static chart after it starts, in the same place', async ({ page }) => {
  for (const [width, query] of [[1280, ''], [390, ''], [768, '?embed=1']]) {
    await page.setViewportSize({ width, height: 900 });
    // The WebAssembly held back until the static chart has been measured.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(APP + query);
    const staticBox = await page.locator('#static-view .chart svg').boundingBox();
    release();
    await expect(page.locator('main .chart-svg-host svg[role="img"]')).toBeVisible();
    await expect(page.locator('#static-view')).toHaveCount(0);
    const appBox = await page.locator('main .chart-svg-host svg[role="img"]').boundingBox();
    // Beside the settings column on a desktop too: the chart neither moves nor resizes.
    expect(Math.abs(appBox.x - staticBox.x), `x at ${width} px`).toBeLessThanOrEqual(1);
    expect(Math.abs(appBox.width - staticBox.width), `width at ${width} px`).toBeLessThanOrEqual(1);
    await page.unroute('**/*_bg.wasm');
  }
  await expect(page.locator('main h1')).toBeVisible();
  // Preset pages start the app on their own view.
  await page.goto(APP + 'central-asia-share.html');
  await expect(page.locator('figcaption.measure')).toHaveText('Share of total trade with the world, year to date — % of the world total');
});

test('embed mode: chart, key figures, notes and a source line; no page chrome; links open a new tab', async ({ page }) => {
  await page.goto(APP + '?embed=1&controls=0');
  await expect(page.locator('main .chart-svg-host svg')).toBeVisible();
  await expect(page.locator('#static-view')).toHaveCount(0);
  await expect(page.locator('body > header.masthead')).toBeHidden();
  await expect(page.locator('.controls')).toHaveCount(0);
  await expect(page.locator('section.sources')).toBeHidden();
  await expect(page.locator('.key-figures')).toContainText('Total trade with the world, 2025');
  const line = page.locator('.source-line');
  await expect(line).toBeVisible();
  const targets = await line.getByRole('link').evaluateAll((as) => as.map((a) => a.target));
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.every((t) => t === '_blank')).toBe(true);
  await expect(page.locator('.embed-checks a')).toHaveAttribute('target', '_blank');
  await page.goto(APP + '?embed=1');
  await expect(page.locator('.controls')).toHaveCount(1);
});

test('themes: dark and transparent from the URL', async ({ page }) => {
  await page.goto(APP + '?theme=dark');
  await expect(page.locator('main .chart-svg-host svg')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(24, 26, 29)');
  expect(await page.locator('main .chart-svg-host svg').innerHTML()).toContain('fill="#181A1D"');
  await page.goto(APP + '?theme=light&transparent=1&embed=1');
  await expect(page.locator('main .chart-svg-host svg')).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  expect(await page.locator('main .chart-svg-host svg').innerHTML()).not.toContain('fill="#FFFFFF"');
});

test('auto theme follows the reader; the host can switch it by message, malformed ones are ignored', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(APP + '?embed=1');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto(HOST + 'host/blank.html');
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src; f.id = 'child'; f.style.cssText = 'width:600px;height:700px;border:0';
    document.getElementById('host').appendChild(f);
  }, APP + '?embed=1&theme=light&id=t1');
  const child = page.frameLocator('#child');
  await expect(child.locator('main .chart-svg-host svg')).toBeVisible();
  await expect(child.locator('html')).toHaveAttribute('data-theme', 'light');
  const send = (msg) => page.evaluate((m) => document.getElementById('child').contentWindow.postMessage(m, '*'), msg);
  await send({ type: 'trade-trends:theme', v: 2, theme: 'dark' });
  await send({ type: 'trade-trends:theme', v: 1, theme: 'dark', extra: true });
  await send({ type: 'trade-trends:theme', v: 1, theme: 'purple' });
  await send('{"type":"trade-trends:theme","v":1,"theme":"dark"}');
  await send({ type: 'trade-trends:theme', v: 1, theme: 'x'.repeat(5000) });
  await page.waitForTimeout(300);
  await expect(child.locator('html')).toHaveAttribute('data-theme', 'light');
  await send({ type: 'trade-trends:theme', v: 1, theme: 'dark' });
  await expect(child.locator('html')).toHaveAttribute('data-theme', 'dark');
  await context.close();
});

async function frameHeight(page, selector) {
  return page.locator(selector).evaluate((f) => f.getBoundingClientRect().height);
}

test('on a news page of another origin, both embeds size themselves to their content', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(HOST + 'article.html');
  const iframe = 'iframe[data-trade-trends-frame]';
  const scripted = 'div[data-trade-trends] iframe';
  await expect(page.locator(scripted)).toHaveCount(1);
  for (const sel of [iframe, scripted]) await page.locator(sel).scrollIntoViewIfNeeded();
  await expect(page.frameLocator(iframe).locator('main .chart-svg-host svg')).toBeVisible();
  await expect(page.frameLocator(scripted).locator('main .chart-svg-host svg')).toBeVisible();
  // The height follows the content exactly: no inner scrollbar, no gap.
  for (const sel of [iframe, scripted]) {
    await expect.poll(async () => {
      const outer = await frameHeight(page, sel);
      const inner = await page.frameLocator(sel).locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
      return Math.abs(outer - inner);
    }).toBeLessThanOrEqual(1);
    const scroll = await page.frameLocator(sel).locator('html').evaluate((h) => h.scrollHeight - h.clientHeight);
    expect(scroll).toBeLessThanOrEqual(1);
  }
  const wide = await frameHeight(page, iframe);
  expect(wide).not.toBe(640);
  // Narrower column: the chart is redrawn smaller, the text wraps, the frame follows.
  await page.setViewportSize({ width: 380, height: 900 });
  await expect.poll(() => frameHeight(page, iframe)).not.toBe(wide);
  await expect.poll(async () => {
    const outer = await frameHeight(page, iframe);
    const inner = await page.frameLocator(iframe).locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    return Math.abs(outer - inner);
  }).toBeLessThanOrEqual(1);
});

test('height messages from the wrong window, origin or shape are ignored', async ({ page }) => {
  await page.goto(HOST + 'article.html');
  const iframe = page.locator('iframe[data-trade-trends-frame]');
  await iframe.scrollIntoViewIfNeeded();
  await expect(page.frameLocator('iframe[data-trade-trends-frame]').locator('main .chart-svg-host svg')).toBeVisible();
  await page.waitForTimeout(500);
  const before = await frameHeight(page, 'iframe[data-trade-trends-frame]');
  await page.evaluate(() => {
    // From the host page itself (wrong source and origin), and malformed.
    window.postMessage({ type: 'trade-trends:height', v: 1, id: 'article-iframe', height: 50 }, '*');
    window.postMessage({ type: 'trade-trends:height', v: 2, id: 'article-iframe', height: 50 }, '*');
    window.postMessage({ type: 'trade-trends:height', v: 1, id: 'article-iframe', height: '50' }, '*');
    window.postMessage('trade-trends:height', '*');
  });
  // From inside the frame but with a bad shape (the right window and origin).
  await page.frameLocator('iframe[data-trade-trends-frame]').locator('html').evaluate(() => {
    parent.postMessage({ type: 'trade-trends:height', v: 1, id: 'article-iframe', height: -5 }, '*');
    parent.postMessage({ type: 'trade-trends:height', v: 1, id: 'article-iframe', height: 1e9 }, '*');
    parent.postMessage({ type: 'trade-trends:height', v: 1, id: 'someone-else', height: 77 }, '*');
  });
  await page.waitForTimeout(300);
  expect(await frameHeight(page, 'iframe[data-trade-trends-frame]')).toBe(before);
});

test("the Embed dialog's code, pasted into a blank page, reproduces the view", async ({ page, context }) => {
  await page.goto(APP + '?flow=exports&partners=world&measure=ytd');
  await page.getByRole('tab', { name: 'Download' }).click();
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this chart' });
  await expect(dialog).toBeVisible();
  const iframeCode = await dialog.getByLabel('Iframe').inputValue();
  const scriptCode = await dialog.getByLabel('Script (one tag and a div)').inputValue();
  // Pinned to the dataset's dated copy (the figures the article is written with), on the
  // chart whatever tab the dialog was opened from.
  const { vintage } = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/xinjiang.json'), 'utf8'));
  const pinned = `data=data/xinjiang-${vintage}.json`;
  expect(iframeCode).toContain(`${pinned}&amp;flow=exports&amp;partners=world&amp;measure=ytd&amp;embed=1&amp;id=trade-trends-1`);
  // The code pins the language the journalist sees: an article is in one language,
  // whatever its readers' browsers prefer.
  expect(iframeCode).toContain('&amp;id=trade-trends-1&amp;lang=en"');
  expect(scriptCode).toContain('data-trade-trends="' + APP + `?${pinned}&amp;flow=exports&amp;partners=world&amp;measure=ytd&amp;lang=en"`);
  // Or always the latest figures.
  await dialog.getByLabel('Always show the latest figures').check();
  await expect(dialog.getByLabel('Iframe')).toHaveValue(/\?flow=exports&amp;partners=world&amp;measure=ytd&amp;embed=1/);
  await dialog.getByLabel('Always show the latest figures').uncheck();
  await expect(dialog.locator('.preview iframe')).toBeVisible();
  for (const code of [iframeCode, scriptCode]) {
    const host = await context.newPage();
    await host.goto(HOST + 'host/blank.html');
    await host.evaluate((html) => {
      const main = document.getElementById('host');
      main.innerHTML = html;
      // Scripts inserted with innerHTML do not run; re-create them as a CMS would.
      for (const old of main.querySelectorAll('script')) {
        const s = document.createElement('script');
        s.src = old.src; s.async = true; old.replaceWith(s);
      }
    }, code);
    const frame = host.frameLocator('iframe');
    await expect(frame.locator('main h1')).toHaveText('Xinjiang: exports with the world');
    await expect(frame.locator('figcaption.measure')).toHaveText('Year to date, as published — billion yuan');
    await expect.poll(() => host.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)).not.toBe(640);
    await host.close();
  }
});

test('embed.js stays under 2 KiB gzip', () => {
  const size = zlib.gzipSync(fs.readFileSync(path.join(root, 'dist/embed.js')), { level: 9 }).length;
  expect(size).toBeLessThanOrEqual(2048);
});

// WCAG contrast of two CSS colours "rgb(r, g, b)".
function contrastOf(fg, bg) {
  const lum = (c) => {
    const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

for (const theme of ['light', 'dark']) {
  test(`page text passes contrast in the ${theme} theme`, async ({ page }) => {
    await page.goto(APP + `?theme=${theme}&events=on`);
    await expect(page.locator('#static-view')).toHaveCount(0);
    await expect(page.locator('main .chart-svg-host svg')).toBeVisible();
    // The settings and the other tabs are made after the chart, the downloads last.
    await expect(page.locator('#panel-download > *').first()).toBeAttached();
    const samples = await page.evaluate(() => {
      const bg = getComputedStyle(document.documentElement).backgroundColor;
      const pick = ['h1', '.key-figures', 'figcaption.measure', '.notes p', '.checks li', '.sources li a', 'table.values td', '.events li', 'label.control', 'button'];
      return pick.map((sel) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        let back = getComputedStyle(el).backgroundColor;
        for (let p = el; back === 'rgba(0, 0, 0, 0)' && p; p = p.parentElement) back = getComputedStyle(p).backgroundColor;
        return { sel, fg: getComputedStyle(el).color, bg: back === 'rgba(0, 0, 0, 0)' || !back ? bg : back };
      }).filter(Boolean);
    });
    expect(samples.length).toBeGreaterThan(7);
    for (const s of samples) expect(contrastOf(s.fg, s.bg), `${theme} ${s.sel} ${s.fg} on ${s.bg}`).toBeGreaterThanOrEqual(4.5);
  });
}

test('printing shows the chart, notes and table without controls', async ({ page }) => {
  await page.goto(APP);
  await expect(page.locator('main .chart-svg-host svg')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.controls')).toBeHidden();
  await expect(page.locator('.downloads')).toBeHidden();
  await expect(page.locator('main .chart-svg-host svg')).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
});
