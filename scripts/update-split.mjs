#!/usr/bin/env node
// Where a partner toggle's time goes, measured in the page (Debian's headless Chromium):
// how long window.benchUpdate() itself runs (the app's synchronous work), when the next
// task and the next animation frame come, and when the `chart-rendered` mark lands
// (what the benchmark reports). Ten toggles, 200 ms apart. A measuring aid for
// docs/performance.md, not a test.
//   node scripts/update-split.mjs 'http://127.0.0.1:8080/?data=bench/n1e3.json&…'
import { urls, withChart } from './chart-page.mjs';
const [url] = urls('update-split.mjs');
await withChart(url, async (page) => {
  const r = await page.evaluate(async () => {
    const out = [];
    for (let i = 0; i < 10; i++) {
      await new Promise(r => setTimeout(r, 200));
      const before = performance.getEntriesByName('chart-rendered').length;
      const t0 = performance.now();
      window.benchUpdate();
      const tCall = performance.now() - t0;
      await new Promise(r => setTimeout(r, 0));
      const tTask = performance.now() - t0;
      let tRaf1;
      await new Promise(r => requestAnimationFrame(() => { tRaf1 = performance.now() - t0; r(); }));
      await new Promise(r => { const c = () => performance.getEntriesByName('chart-rendered').length > before ? r() : requestAnimationFrame(c); c(); });
      const m = performance.getEntriesByName('chart-rendered')[before].startTime - t0;
      out.push([tCall, tTask, tRaf1, m].map(x => x.toFixed(1)).join('/'));
    }
    return out.join('  ');
  });
  console.log('call / first task / first rAF / mark (ms):', r);
}, { settle: 1500 });
