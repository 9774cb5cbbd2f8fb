// The long tasks of a page's main thread as a slow phone runs them: a fresh Chromium with
// the CPU slowed down RATE times (Lighthouse's mobile preset uses 4), a trace of the
// page's first seconds, and for each task over 50 ms (after the slowdown) its start, its
// length, what it did by trace event and, from the CPU profile, the functions it spent the
// most time in. Serve a build with WebAssembly names (scripts/named-build.sh) to see Rust
// functions instead of `wasm-function[N]`.
//   node scripts/long-tasks.mjs URL [--rate 4] [--wait 6000]
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';

const url = process.argv[2];
if (!url) {
  console.error('usage: node scripts/long-tasks.mjs URL [--rate 4] [--wait 6000]');
  process.exit(2);
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rate = arg('--rate', 4);
const wait = arg('--wait', 6000);

const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {
  categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,disabled-by-default-v8.cpu_profiler,blink.user_timing,loading',
  transferMode: 'ReportEvents',
});
await page.goto(url);
await page.waitForTimeout(wait);
await cdp.send('Tracing.end');
await done;
await browser.close();

// The renderer's main thread: the thread named CrRendererMain with the most events.
const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const count = (e) => events.filter((x) => x.pid === e.pid && x.tid === e.tid).length;
const main = names.sort((a, b) => count(b) - count(a))[0];
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
const nav = onMain.find((e) => e.name === 'navigationStart' || e.name === 'markAsMainFrame')?.ts
  ?? Math.min(...onMain.filter((e) => e.ts > 0).map((e) => e.ts));
const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur > 50000);

// CPU profile samples of the main thread: node id -> function name, and sample times.
const nodes = new Map();
const parents = new Map();
const samples = [];
// The main thread's profile: its chunks' first time delta counts from its start time.
const profile = events.find((x) => x.pid === main.pid && x.tid === main.tid && x.name === 'Profile');
let last = profile?.args?.data?.startTime;
for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.pid === main.pid && x.id === profile?.id)) {
  const c = e.args.data.cpuProfile;
  for (const n of c?.nodes ?? []) {
    nodes.set(n.id, n.callFrame.functionName || n.callFrame.url || '(anon)');
    if (n.parent) parents.set(n.id, n.parent);
  }
  const deltas = e.args.data.timeDeltas ?? [];
  (c?.samples ?? []).forEach((id, i) => {
    last = (last ?? e.ts) + deltas[i];
    samples.push({ id, ts: last });
  });
}

const ms = (us) => (us / 1000).toFixed(0);
for (const t of tasks) {
  const inside = onMain.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.ph === 'X' && e !== t);
  const by = {};
  for (const e of inside) by[e.name] = (by[e.name] ?? 0) + e.dur;
  const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${ms(d)}`).join(', ');
  console.log(`task at ${ms(t.ts - nav)} ms, ${ms(t.dur)} ms: ${top}`);
  // Time in each function and what it called (a function counted once per sample).
  const fn = {};
  for (const s of samples.filter((s) => s.ts >= t.ts && s.ts <= t.ts + t.dur)) {
    const seen = new Set();
    for (let id = s.id; id !== undefined; id = parents.get(id)) {
      const name = nodes.get(id) ?? '?';
      if (!seen.has(name)) fn[name] = (fn[name] ?? 0) + 1;
      seen.add(name);
    }
  }
  const total = fn['(root)'] ?? 1;
  Object.entries(fn).filter(([n]) => !/^\((root|program|idle)\)$/.test(n) && /trade_trends|tachys::view|set_innerHTML|Layout/.test(n))
    .sort((a, b) => b[1] - a[1]).slice(0, 14)
    .forEach(([n, c]) => console.log(`    ${String(Math.round((100 * c) / total)).padStart(3)}%  ${n.slice(0, 110)}`));
}
const marks = onMain.filter((e) => e.cat?.includes('blink.user_timing') && e.ph !== 'X');
for (const m of marks) console.log(`mark ${m.name} at ${ms(m.ts - nav)} ms`);
