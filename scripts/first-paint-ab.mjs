#!/usr/bin/env node
// Two builds' pages side by side: time from navigation to the first `chart-rendered` mark,
// and to `data-ready` and from it to the chart where the page marks it, N fresh browsers
// each, alternating which loads first within a pair (the second of a pair is slower on
// this machine, whichever it is). A measuring aid for docs/performance.md, not a test.
//   node scripts/first-paint-ab.mjs URL_A URL_B [N]
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';

const [a, b, n = '12'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/first-paint-ab.mjs URL_A URL_B [N]');
  process.exit(2);
}
// Per build, one [chart, data-ready] pair of mark times per load (data-ready NaN without).
const times = { A: [], B: [] };
for (let i = 0; i < Number(n); i++) {
  const pair = i % 2 ? [['B', b], ['A', a]] : [['A', a], ['B', b]];
  for (const [name, url] of pair) {
    const browser = await chromium.launch(launchOptions());
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('chart-rendered').length > 0, null, { timeout: 30000 });
      times[name].push(await page.evaluate(() => ['chart-rendered', 'data-ready']
        .map((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN)));
    } finally {
      await browser.close();
    }
  }
}
const median = (x) => x.slice().sort((p, q) => p - q)[Math.floor(x.length / 2)];
for (const name of ['A', 'B']) {
  const chart = times[name].map((t) => t[0]);
  const ready = times[name].map((t) => t[1]);
  const after = ready.some(Number.isNaN) ? ''
    : `; data-ready ${median(ready).toFixed(0)} ms, after it ${median(times[name].map((t) => t[0] - t[1])).toFixed(0)} ms`;
  console.log(`${name}: median ${median(chart).toFixed(0)} ms${after} (${chart.map((t) => t.toFixed(0)).join(' ')})`);
}
