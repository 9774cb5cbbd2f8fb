// The app runs under its strict Content-Security-Policy (no 'unsafe-inline', no
// 'unsafe-eval'; only 'wasm-unsafe-eval'), and its scripts carry subresource integrity.
import { test, expect } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the built page declares a strict policy and loads scripts with integrity', () => {
  const html = fs.readFileSync(path.join(root, 'dist/index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  // The only inline scripts and style are the head's start (early dataset request), the
  // static paint's mark and the stylesheet (inline so the first paint waits for no
  // request), each allowed by its exact hash.
  const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
  const directive = (name) => csp.split('; ').find((d) => d.startsWith(name + ' '));
  const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inlineScripts).toHaveLength(2);
  expect(inlineScripts[0]).toContain('window.__ttPrefetch');
  expect(inlineScripts[1]).toContain("performance.mark('chart-rendered')");
  for (const code of inlineScripts) expect(directive('script-src').split(' ')).toContain(hash(code));
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?!>)[^>]*>/);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  expect(styles).toHaveLength(1);
  expect(directive('style-src').split(' ')).toContain(hash(styles[0]));
  // Hosts sending the policy as a header copy it from csp.txt: the same policy.
  expect(fs.readFileSync(path.join(root, 'dist/csp.txt'), 'utf8').trim()).toBe(csp);
  // Every external script and preload carries an integrity hash.
  const tags = html.match(/<(script|link)[^>]*(src|href)="\.\/[^"]+\.(js|wasm)"[^>]*>/g);
  expect(tags.length).toBeGreaterThanOrEqual(3);
  for (const tag of tags) expect(tag, tag).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+"/);
});

for (const query of ['', '?chart=bar&events=on', '?embed=1&theme=dark']) {
  test(`no policy violations while the app works (${query || 'default'})`, async ({ page }) => {
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto('./' + query);
    await expect(page.locator('#static-view')).toHaveCount(0);
    const host = page.locator('main .chart-svg-host');
    await expect(host.locator('svg')).toBeVisible();
    const box = await host.boundingBox();
    await host.hover({ position: { x: box.width * 0.6, y: box.height * 0.5 } });
    await expect(page.getByRole('tooltip')).toBeVisible();
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    expect(violations).toEqual([]);
  });
}
