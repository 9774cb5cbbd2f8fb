#!/usr/bin/env node
// The WebAssembly memory's size at each User Timing mark of a page load (`data-ready`,
// `chart-rendered`) and after the first chart, in Debian's headless Chromium. WebAssembly
// memory only grows, so this is the peak the app reached. A measuring aid for
// docs/performance.md, not a test.
//   node scripts/wasm-memory.mjs 'http://127.0.0.1:8080/?data=bench/n1e6.json&…'
import { urls, withChart } from './chart-page.mjs';

const [url] = urls('wasm-memory.mjs');
const before = () => {
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
};
await withChart(url, async (page) => {
  for (const [name, bytes] of await page.evaluate(() => window.__memory)) {
    console.log(`${name.padEnd(16)} ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  }
}, { before, settle: 1000 });
