#!/usr/bin/env node
// The WebAssembly memory's size at each User Timing mark of a page load (`data-ready`,
// `chart-rendered`) and after the first chart, in Debian's headless Chromium. WebAssembly
// memory only grows, so this is the peak the app reached. A measuring aid for
// docs/performance.md, not a test.
//   node scripts/wasm-memory.mjs 'http://127.0.0.1:8080/?data=bench/n1e6.json&…'
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';

const url = process.argv[2];
if (!url) {
  console.error('usage: node scripts/wasm-memory.mjs URL');
  process.exit(2);
}
const browser = await chromium.launch(launchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.__memory = [];
    const size = () => (window.__wasm ? window.__wasm.memory.buffer.byteLength : 0);
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__wasm = e.detail.wasm;
      window.__memory.push(['started', size()]);
    });
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      window.__memory.push([name, size()]);
      return mark(name, ...rest);
    };
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('chart-rendered').length > 0, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  for (const [name, bytes] of await page.evaluate(() => window.__memory)) {
    console.log(`${name.padEnd(16)} ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  }
} finally {
  await browser.close();
}
