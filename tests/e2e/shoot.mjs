// Screenshots of the dashboard for looking at it: phone and desktop widths, for a few
// views.   node tests/e2e/shoot.mjs [BASE_URL] [OUTDIR] [QUERY ...]
import { chromium } from 'playwright';
import { launchOptions } from './browser.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080/';
const out = process.argv[3] || 'target/shots';
const queries = process.argv.length > 4 ? process.argv.slice(4) : [''];
const browser = await chromium.launch(launchOptions());
for (const query of queries) {
  const tag = query.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'default';
  for (const [name, width] of [['phone', 375], ['desktop', 1280]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(base + (query ? `?${query}` : ''));
    await page.waitForSelector('.chart svg, .error', { timeout: 20000 });
    await page.waitForTimeout(300);
    const prefix = tag === 'default' ? name : `${tag}-${name}`;
    await page.screenshot({ path: `${out}/${prefix}.png`, fullPage: true });
    await page.screenshot({ path: `${out}/${prefix}-top.png` });
    const chart = await page.$('.chart-figure');
    if (chart) await chart.screenshot({ path: `${out}/${prefix}-chart.png` });
    await page.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}/`);
