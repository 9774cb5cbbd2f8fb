#!/usr/bin/env node
// Two builds' updates side by side: the time from window.benchUpdate() to the next
// `chart-rendered` mark (what the benchmark reports), 16 toggles per fresh browser,
// ROUNDS browsers per build, alternating which build loads first. Prints the pooled
// quartiles. A measuring aid for docs/performance.md, not a test.
//   node scripts/update-ab.mjs URL_A URL_B [ROUNDS]
import { withChart } from './chart-page.mjs';

const [a, b, rounds = '6'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/update-ab.mjs URL_A URL_B [ROUNDS]');
  process.exit(2);
}
const toggles = (page) => page.evaluate(async () => {
  const out = [];
  for (let i = 0; i < 16; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const before = performance.getEntriesByName('chart-rendered').length;
    const t0 = performance.now();
    window.benchUpdate();
    await new Promise((r) => {
      const check = () => (performance.getEntriesByName('chart-rendered').length > before ? r() : setTimeout(check, 5));
      check();
    });
    out.push(performance.getEntriesByName('chart-rendered')[before].startTime - t0);
  }
  return out;
});
const times = { A: [], B: [] };
for (let i = 0; i < Number(rounds); i++) {
  for (const [name, url] of i % 2 ? [['B', b], ['A', a]] : [['A', a], ['B', b]]) {
    times[name].push(...await withChart(url, toggles, { settle: 1000 }));
  }
}
const quantile = (x, p) => x.slice().sort((m, n) => m - n)[Math.floor(x.length * p)];
for (const name of ['A', 'B']) {
  const q = [0.25, 0.5, 0.75].map((p) => quantile(times[name], p).toFixed(1));
  console.log(`${name}: ${times[name].length} toggles, quartiles ${q.join(' / ')} ms`);
}
