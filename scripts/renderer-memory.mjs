#!/usr/bin/env node
// The renderer process's private memory after a page's first chart (as the benchmark
// harness reads it: Private_Clean + Private_Dirty of /proc/PID/smaps_rollup, after a
// forced GC), with the page's DOM node count and JS heap, in Debian's headless Chromium.
// Several addresses in one go, each in a fresh browser, to see what a page's parts cost.
// A measuring aid for docs/performance.md, not a test.
//   node scripts/renderer-memory.mjs URL [URL…]
import { readFileSync } from 'node:fs';
import { pageRendererPid, urls, withChart } from './chart-page.mjs';

const privateMiB = (pid) => {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kib = (k) => Number((text.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) || [])[1] || 0);
  return (kib('Private_Clean') + kib('Private_Dirty')) / 1024;
};
for (const url of urls('renderer-memory.mjs', true)) {
  await withChart(url, async (page, browser) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    console.log(`${privateMiB(await pageRendererPid(browser)).toFixed(1).padStart(7)} MiB private  ${String(m.Nodes).padStart(6)} nodes  ` +
      `${(m.JSHeapUsedSize / 2 ** 20).toFixed(1)} MiB JS heap  ${url}`);
  });
}
