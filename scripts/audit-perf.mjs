// Lighthouse performance audit of the built app as a phone loads it (`make audit-perf`):
// the mobile preset (simulated slow 4G, 4× CPU slowdown), `dist/` served with gzip as a
// static host serves it. Three pages: the default page, an embed of it, and an embed of a
// view with no static first paint. Each is loaded RUNS times; the medians of the score,
// LCP, TBT and CLS are printed, and the largest paint's element. Exits non-zero unless
// every median meets the targets (score 100, LCP <= 1.5 s, TBT <= 50 ms, CLS 0).
//
// With --peers, the same audit also loads two reference pages of the benchmark (no target
// applies to them): uPlot's page and the fixed stack's floor (bench/stack-floor, built
// by make bench-floor), both drawing the harness's 1e3 dataset (make bench writes it).
//
//   node scripts/audit-perf.mjs [--root dist] [--runs 3] [--out target/audit-perf] [--peers]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';
import { serve } from '../tests/e2e/serve.mjs';
import { launchOptions } from '../tests/e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dist = path.resolve(root, arg('--root', 'dist'));
const runs = Number(arg('--runs', '3'));
const out = path.resolve(root, arg('--out', 'target/audit-perf'));
fs.mkdirSync(out, { recursive: true });

const PAGES = [
  { name: 'default page', query: '' },
  { name: 'embed', query: '?embed=1' },
  { name: 'embed, no static paint', query: '?embed=1&measure=yoy&partners=world,central_asia_5' },
];
const TARGET = { score: 100, lcp: 1500, tbt: 50, cls: 0 };

const server = await serve({ root: dist, port: 0, gzip: true });
const base = `http://127.0.0.1:${server.address().port}/`;
const peers = process.argv.includes('--peers') ? await peerServer() : null;
if (peers) {
  PAGES.push(
    { name: 'ref: uPlot', url: `${peers.base}peers/uplot.html?data=/data/n1e3.json`, reference: true },
    { name: 'ref: the stack floor', url: `${peers.base}floor/index.html?data=/data/n1e3.json`, reference: true },
  );
}

/** The benchmark's own server (gzip) with the stack floor mounted, as `make bench` runs it. */
async function peerServer() {
  const bench = path.join(root, 'bench');
  for (const need of ['harness/data/n1e3.json', 'stack-floor/dist/index.html']) {
    if (!fs.existsSync(path.join(bench, need))) {
      console.error(`audit-perf --peers: bench/${need} is missing (run make bench-floor, then make bench or node gen-data.mjs in bench/harness)`);
      process.exit(2);
    }
  }
  const { startServer } = await import('../bench/harness/server.mjs');
  const s = await startServer({ root: path.join(bench, 'harness'), mounts: { '/floor/': path.join(bench, 'stack-floor/dist') } });
  return { server: s, base: `${s.origin}/` };
}
const browser = await puppeteer.launch({ ...launchOptions(), args: [...(launchOptions().args ?? []), '--remote-debugging-port=0'] });
const port = Number(new URL(browser.wsEndpoint()).port);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let failed = false;
for (const p of PAGES) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(p.url ?? base + p.query, { port, output: 'json', onlyCategories: ['performance'], formFactor: 'mobile' });
    const lhr = result.lhr;
    fs.writeFileSync(path.join(out, `${p.name.replace(/\W+/g, '-')}-${i}.json`), JSON.stringify(lhr));
    const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? '?';
    samples.push({
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      lcp: value('largest-contentful-paint'), tbt: value('total-blocking-time'), cls: value('cumulative-layout-shift'),
      fcp: value('first-contentful-paint'), si: value('speed-index'), lcpElement,
    });
  }
  const m = (k) => median(samples.map((s) => s[k]));
  const row = { score: m('score'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), fcp: m('fcp'), si: m('si') };
  const ok = row.score >= TARGET.score && row.lcp <= TARGET.lcp && row.tbt <= TARGET.tbt && row.cls <= TARGET.cls;
  failed ||= !ok && !p.reference;
  console.log(`${String(row.score).padStart(3)}  ${p.name.padEnd(24)} LCP ${(row.lcp / 1000).toFixed(2)} s  TBT ${Math.round(row.tbt)} ms  CLS ${row.cls.toFixed(3)}  FCP ${(row.fcp / 1000).toFixed(2)} s  SI ${(row.si / 1000).toFixed(2)} s  largest paint: ${samples[0].lcpElement}${ok || p.reference ? '' : '  (target not met)'}`);
}
await browser.close();
server.close();
peers?.server.close();
console.log(`targets: score ${TARGET.score}, LCP <= ${TARGET.lcp / 1000} s, TBT <= ${TARGET.tbt} ms, CLS ${TARGET.cls}; medians of ${runs} loads; reports in ${path.relative(root, out)}/`);
process.exit(failed ? 1 : 0);
