// What the measuring scripts share: the addresses they are given, a fresh headless
// Chromium with the project's flags, and a 1280×800 page that has drawn its first chart.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser.mjs';

/** The addresses given (one, or all with `many`); the usage line and exit 2 without. */
export function urls(script, many = false) {
  const given = process.argv.slice(2);
  if (!given.length) {
    console.error(`usage: node scripts/${script} URL${many ? ' [URL…]' : ''}`);
    process.exit(2);
  }
  return many ? given : given.slice(0, 1);
}

/** `use(page, browser)` once `url` has drawn its first chart and `settle` ms more have
 *  passed, in a fresh browser closed afterwards; `before` runs in the page before its own
 *  scripts. */
export async function withChart(url, use, { before, settle = 500, timeout = 60000 } = {}) {
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (before) await page.addInitScript(before);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('chart-rendered').length > 0, null, { timeout });
    await page.waitForTimeout(settle);
    return await use(page, browser);
  } finally {
    await browser.close();
  }
}

/** The process id of the page's renderer: of the browser's renderers, the one with the
 *  most CPU time, leaving out the renderer of Chromium's own interface
 *  (`--top-chrome-webui` in its command line, whose arguments a renderer forked from the
 *  zygote joins with spaces), which in a page's first second uses about as much. */
export async function pageRendererPid(browser) {
  const { processInfo } = await (await browser.newBrowserCDPSession()).send('SystemInfo.getProcessInfo');
  const ui = (pid) => /(^|[\s\0])--top-chrome-webui(?=[\s\0]|$)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  return processInfo.filter((p) => p.type === 'renderer' && !ui(p.id)).sort((a, b) => b.cpuTime - a.cpuTime)[0].id;
}
