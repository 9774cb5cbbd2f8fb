// The screenshots of docs/design.md, from the built dist/ (`make design-shots`): phone
// (390 px) and desktop (1280 px), light and dark, English and Chinese; an embed at 640 px;
// a mark's notes opened on a phone. Served here on a free port; Debian's Chromium.
//   node scripts/design-shots.mjs [--root dist] [--out docs/design]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { serve } from '../tests/e2e/serve.mjs';
import { launchOptions } from '../tests/e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dist = path.resolve(root, arg('--root', 'dist'));
const out = path.resolve(root, arg('--out', 'docs/design'));
fs.mkdirSync(out, { recursive: true });

const server = await serve({ root: dist, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(launchOptions());

async function shot(name, query, width, scheme, action) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, hasTouch: true });
  const page = await context.newPage();
  await page.goto(base + query);
  await page.waitForFunction(() => !document.getElementById('static-view') && document.querySelector('main .chart-svg-host svg'));
  await page.waitForTimeout(300);
  const target = action ? await action(page) : page;
  await target.screenshot({ path: path.join(out, `${name}.png`) });
  await context.close();
}

for (const [device, width] of [['phone', 390], ['desktop', 1280]]) {
  for (const lang of ['en', 'zh']) {
    for (const scheme of ['light', 'dark']) await shot(`${device}-${lang}-${scheme}`, `?lang=${lang}`, width, scheme);
  }
}
await shot('embed-640-en-light', '?embed=1', 640, 'light');
await shot('phone-en-light-mark-open', '', 390, 'light', async (page) => {
  await page.locator('.mark-button').nth(1).tap();
  return page.locator('.chart-figure');
});
await browser.close();
server.close();
console.log(`screenshots in ${path.relative(root, out)}/`);
