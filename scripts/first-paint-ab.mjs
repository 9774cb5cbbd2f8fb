#!/usr/bin/env node
// Two builds' pages side by side: time from navigation to the first `chart-rendered` mark,
// N fresh browsers each, alternating which loads first within a pair (the second of a
// pair is slower on this machine, whichever it is). A measuring aid for
// docs/performance.md, not a test.
//   node scripts/first-paint-ab.mjs URL_A URL_B [N]
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';

const [a, b, n = '12'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/first-paint-ab.mjs URL_A URL_B [N]');
  process.exit(2);
}
const times = { A: [], B: [] };
for (let i = 0; i < Number(n); i++) {
  const pair = i % 2 ? [['B', b], ['A', a]] : [['A', a], ['B', b]];
  for (const [name, url] of pair) {
    const browser = await chromium.launch(launchOptions());
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('chart-rendered').length > 0, null, { timeout: 30000 });
      times[name].push(await page.evaluate(() => performance.getEntriesByName('chart-rendered')[0].startTime));
    } finally {
      await browser.close();
    }
  }
}
const median = (x) => x.slice().sort((p, q) => p - q)[Math.floor(x.length / 2)];
for (const name of ['A', 'B']) {
  console.log(`${name}: median ${median(times[name]).toFixed(0)} ms (${times[name].map((t) => t.toFixed(0)).join(' ')})`);
}
