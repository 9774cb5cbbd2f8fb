// Screenshots of the dashboard for looking at it: phone and desktop widths.
//   node tests/e2e/shoot.mjs [URL] [OUTDIR]
import { chromium } from 'playwright';
import { launchOptions } from './browser.mjs';

const url = process.argv[2] || 'http://127.0.0.1:8080/';
const out = process.argv[3] || 'target/shots';
const browser = await chromium.launch(launchOptions());
for (const [name, width] of [['phone', 375], ['desktop', 1280]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.chart svg, .error', { timeout: 20000 });
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  await page.screenshot({ path: `${out}/${name}-top.png` });
  const chart = await page.$('.chart-figure');
  if (chart) await chart.screenshot({ path: `${out}/${name}-chart.png` });
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
