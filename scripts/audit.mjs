// Lighthouse accessibility audit of the built app (`make audit`): every state a reader can
// reach, in Debian's headless Chromium, on 127.0.0.1 only. Prints each state's score and
// every failing audit with its elements, writes the reports to target/audit/, and exits
// non-zero if any score is below 100.
//
//   node scripts/audit.mjs [--root dist] [--url http://127.0.0.1:8080/] [--out target/audit]
//                          [--only name,name] [--form-factor mobile|desktop|both]
//
// Without --url it serves --root itself (tests/e2e/serve.mjs) on a free port.
// Each URL state is audited twice in one Lighthouse user flow: as a navigation (the usual
// Lighthouse run, which audits the page as soon as it has loaded) and as a snapshot once the
// app has rendered; interactive states (the open Embed dialog) as a snapshot only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startFlow, desktopConfig } from 'lighthouse';
import { serve } from '../tests/e2e/serve.mjs';
import { launchOptions } from '../tests/e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The app has rendered: the static first paint was replaced and the chart is in the page.
const APP_READY = '!document.querySelector("#static-view") && !!document.querySelector("main .chart-svg-host svg")';

// Every state to audit; add a state here and nothing else. `query` is the URL's query
// (parameter names in src/urlstate.rs), `ready` a JS expression true once it has rendered,
// `open` an action on the Puppeteer page that reaches an interactive state from there.
const STATES = [
  { name: 'full-page', query: '' },
  { name: 'embed', query: '?embed=1' },
  { name: 'table', query: '?view=table' },
  { name: 'check', query: '?view=check' },
  { name: 'sources', query: '?view=sources' },
  { name: 'download', query: '?view=download' },
  { name: 'theme-dark', query: '?theme=dark' },
  { name: 'theme-light', query: '?theme=light' },
  { name: 'lang-zh', query: '?lang=zh' },
  { name: 'error', query: '?data=data/missing.json', ready: '!!document.querySelector("[role=alert]")' },
  {
    name: 'embed-dialog', query: '', snapshotOnly: true,
    open: async (page) => {
      await page.locator('::-p-aria(Download[role="tab"])').click();
      await page.locator('::-p-aria(Embed[role="button"])').click();
      await page.waitForFunction('!!document.querySelector("dialog[open]")', { timeout: 10_000 });
    },
  },
];

function parseArgs(argv) {
  const opt = { root: 'dist', url: null, out: 'target/audit', only: null, formFactor: 'both' };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--root') opt.root = value;
    else if (key === '--url') opt.url = value.endsWith('/') ? value : value + '/';
    else if (key === '--out') opt.out = value;
    else if (key === '--only') opt.only = value.split(',');
    else if (key === '--form-factor') opt.formFactor = value;
    else { console.error(`audit: unknown argument ${key}`); process.exit(2); }
  }
  if (!['mobile', 'desktop', 'both'].includes(opt.formFactor)) {
    console.error('audit: --form-factor is mobile, desktop or both');
    process.exit(2);
  }
  return opt;
}

// Accessibility only, nothing that needs the network, no throttling, no storage reset.
function config(formFactor) {
  const settings = {
    onlyCategories: ['accessibility'],
    throttlingMethod: 'provided',
    disableStorageReset: true,
    disableFullPageScreenshot: true,
    skipAboutBlank: true,
  };
  if (formFactor === 'desktop') {
    return { extends: 'lighthouse:default', settings: { ...desktopConfig.settings, ...settings } };
  }
  return { extends: 'lighthouse:default', settings };
}

function clip(text, n = 160) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
}

// The failing audits of the accessibility category, with their elements.
function failures(lhr) {
  const out = [];
  for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    const items = (audit.details?.items ?? []).map((item) => {
      const node = item.node ?? {};
      return {
        selector: node.selector ?? '',
        label: node.nodeLabel ?? '',
        snippet: node.snippet ?? '',
        explanation: node.explanation ?? '',
        related: (item.subItems?.items ?? []).map((s) => s.relatedNode?.selector ?? s.relatedNode?.snippet ?? '').filter(Boolean),
      };
    });
    out.push({ id: ref.id, weight: ref.weight, title: audit.title, items });
  }
  return out;
}

async function waitReady(page, expr, what) {
  try {
    await page.waitForFunction(expr, { timeout: 15_000 });
    return true;
  } catch {
    console.error(`audit: ${what} did not render within 15 s (${expr})`);
    return false;
  }
}

async function auditFormFactor(browser, base, formFactor, states, outDir) {
  const page = await browser.newPage();
  const flow = await startFlow(page, { config: config(formFactor), name: `Trade Trends accessibility (${formFactor})` });
  const steps = [];
  for (const state of states) {
    const url = base + state.query;
    const ready = state.ready ?? APP_READY;
    if (!state.snapshotOnly) {
      await flow.navigate(url, { name: `${state.name}: navigation` });
      const readyAtOnce = await page.evaluate(ready).catch(() => false);
      steps.push({ state: state.name, mode: 'navigation', readyAtOnce });
    } else {
      await page.goto(url, { waitUntil: 'load' });
    }
    const ok = await waitReady(page, ready, `${state.name} (${formFactor})`);
    let opened = true;
    if (ok && state.open) {
      try {
        await state.open(page);
      } catch (err) {
        console.error(`audit: could not open ${state.name}: ${err.message}`);
        opened = false;
      }
    }
    await flow.snapshot({ name: `${state.name}: snapshot` });
    steps.push({ state: state.name, mode: 'snapshot', ready: ok && opened });
  }
  const result = await flow.createFlowResult();
  fs.writeFileSync(path.join(outDir, `flow-${formFactor}.html`), await flow.generateReport());
  fs.writeFileSync(path.join(outDir, `flow-${formFactor}.json`), JSON.stringify(result));
  await page.close();
  return result.steps.map((step, i) => {
    const lhr = step.lhr;
    const info = steps[i];
    const file = `${formFactor}-${info.state}-${info.mode}.json`;
    fs.writeFileSync(path.join(outDir, file), JSON.stringify(lhr, null, 1));
    const score = lhr.categories.accessibility?.score;
    return {
      ...info,
      formFactor,
      url: lhr.finalDisplayedUrl,
      score: score == null ? null : Math.round(score * 100),
      runtimeError: lhr.runtimeError?.message ?? null,
      failures: failures(lhr),
      report: path.join(outDir, file),
    };
  });
}

// Elements printed per failing audit; the JSON report has them all.
const SHOWN = 5;

function print(results) {
  for (const r of results) {
    const notes = [];
    if (r.readyAtOnce === false) notes.push('app not yet rendered when the navigation finished');
    if (r.ready === false) notes.push('state NOT reached');
    if (r.runtimeError) notes.push(`runtime error: ${r.runtimeError}`);
    const score = r.score == null ? '  —' : String(r.score).padStart(3);
    console.log(`${score}  ${r.formFactor.padEnd(7)} ${r.state.padEnd(13)} ${r.mode.padEnd(10)} ${r.url}${notes.length ? '  [' + notes.join('; ') + ']' : ''}`);
    for (const f of r.failures) {
      console.log(`       ✗ ${f.id} (weight ${f.weight}): ${f.title}`);
      for (const item of f.items.slice(0, SHOWN)) {
        console.log(`           ${item.selector}${item.label ? `  “${clip(item.label, 60)}”` : ''}`);
        if (item.snippet) console.log(`             ${clip(item.snippet)}`);
        if (item.explanation) console.log(`             ${clip(item.explanation, 400)}`);
        if (item.related.length) console.log(`             related: ${item.related.join(', ')}`);
      }
      if (f.items.length > SHOWN) {
        const selectors = [...new Set(f.items.slice(SHOWN).map((i) => i.selector))];
        console.log(`           … and ${f.items.length - SHOWN} more (${selectors.slice(0, 4).join('; ')}${selectors.length > 4 ? '; …' : ''}), all in ${r.report}`);
      }
    }
  }
}

const opt = parseArgs(process.argv.slice(2));
const states = opt.only ? STATES.filter((s) => opt.only.includes(s.name)) : STATES;
if (opt.only && states.length !== opt.only.length) {
  console.error(`audit: --only names states among: ${STATES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const outDir = path.resolve(root, opt.out);
fs.mkdirSync(outDir, { recursive: true });

let server = null;
let base = opt.url;
if (!base) {
  const dir = path.resolve(root, opt.root);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`audit: ${dir}/index.html is missing; run make build first`);
    process.exit(2);
  }
  server = await serve({ root: dir, port: 0 });
  base = `http://127.0.0.1:${server.address().port}/`;
}

const browser = await puppeteer.launch(launchOptions());
let results = [];
try {
  const factors = opt.formFactor === 'both' ? ['mobile', 'desktop'] : [opt.formFactor];
  for (const ff of factors) results = results.concat(await auditFormFactor(browser, base, ff, states, outDir));
} finally {
  await browser.close();
  server?.close();
}

print(results);
fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(results, null, 1));
const bad = results.filter((r) => r.score !== 100 || r.ready === false || r.runtimeError);
console.log(`\nLighthouse accessibility: ${results.length - bad.length} of ${results.length} audits scored 100; reports in ${path.relative(root, outDir) || '.'}/`);
process.exit(bad.length ? 1 : 0);
