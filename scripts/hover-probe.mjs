#!/usr/bin/env node
// Pointer moves over the chart, measured in the page (Debian's headless Chromium): the
// handler's own time and the time to the next frame after each move, medians of 39 moves
// (the first move, which places the reachable points, is reported apart). A measuring aid
// for docs/performance.md, not a test.
//   node scripts/hover-probe.mjs 'http://127.0.0.1:8080/?data=bench/n1e5.json&…'
import { urls, withChart } from './chart-page.mjs';

const [url] = urls('hover-probe.mjs');
await withChart(url, async (page) => {
  // A real pointer over the chart first (for :hover), then the measured moves.
  const box = await page.locator('.chart-svg-host').first().boundingBox();
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.5);
  await page.waitForTimeout(300);
  const result = await page.evaluate(async () => {
    const host = document.querySelector('.chart-svg-host');
    const box = host.getBoundingClientRect();
    const handler = [];
    const frame = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      host.dispatchEvent(new PointerEvent('pointermove', {
        clientX: box.left + box.width * (0.1 + 0.02 * i), clientY: box.top + box.height * 0.5,
        pointerType: 'mouse', bubbles: true,
      }));
      await Promise.resolve();
      handler.push(performance.now() - t0);
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      frame.push(performance.now() - t0);
    }
    const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
    return {
      firstMove: +handler[0].toFixed(1),
      handlerMedian: +median(handler.slice(1)).toFixed(2),
      toNextFrameMedian: +median(frame.slice(1)).toFixed(1),
      tooltip: document.querySelector('[role=tooltip]')?.textContent.slice(0, 60) ?? null,
    };
  });
  console.log(JSON.stringify(result));
}, { settle: 500, timeout: 90000 });
