// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on every state a
// reader can reach.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, query] of [
  ['the full page', ''], ['the dark theme', '?theme=dark'], ['embed mode', '?embed=1'],
  ['the table view', '?view=table'], ['bars with events', '?chart=bar&events=on'],
  ['the figure check', '?view=check'], ['the sources', '?view=sources&theme=dark'], ['the downloads', '?view=download'],
  ['the Chinese page', '?lang=zh'], ['the Chinese table in the dark theme', '?lang=zh&view=table&theme=dark'],
]) {
  test(`axe finds no violations on ${name}`, async ({ page }) => {
    await page.goto('./' + query);
    await expect(page.locator('#static-view')).toHaveCount(0);
    await expect(page.locator('main .chart-svg-host svg').first()).toBeAttached();
    expect(await violations(page)).toEqual([]);
  });
}

test('axe finds no violations on the error state and in the open embed dialog', async ({ page }) => {
  await page.goto('./?data=missing.json');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto('./');
  await expect(page.locator('#static-view')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Download' }).click();
  await page.getByRole('button', { name: 'Embed' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('axe finds no violations in the settings drawer on a phone; Esc closes it and the focus returns', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.locator('#static-view')).toHaveCount(0);
  const opener = page.getByRole('button', { name: 'Chart settings' });
  await opener.click();
  await expect(page.locator('#settings')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Reporter', exact: true })).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('#settings')).toBeHidden();
  await expect(opener).toBeFocused();
});

// What the keyboard reaches, in order: role or tag, and the accessible name.
async function focusWalk(page, presses) {
  const seen = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.textContent.trim();
      const style = getComputedStyle(el);
      return {
        what: (el.getAttribute('role') || el.type || el.tagName).toLowerCase(),
        name: label.replace(/\s+/g, ' ').slice(0, 60),
        outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (info) seen.push(info);
  }
  return seen;
}

test('the keyboard alone reaches every control in reading order with a visible focus, then every figure', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./?partners=world,central_asia_5&measure=ytd&from=2023-01&to=2023-12');
  await expect(page.locator('#static-view')).toHaveCount(0);
  const walk = await focusWalk(page, 45);
  const names = walk.map((w) => w.name);
  // Chart first: the open tab, the chart, its marks; then the settings beside it.
  const order = ['Language', 'Chart', 'Line chart of', '✗ Claim: $409 bn +6 — figure check', 'Revised — figure check',
    'Reporter', 'Compare with', 'Flow', 'Measure', 'Yuan (CNY)', 'Line', 'Show events on the time axis',
    'Filter partners', 'From month', 'To month', 'Last 12 months', 'Year to date', 'All years'];
  let at = -1;
  for (const want of order) {
    const found = names.findIndex((n, i) => i > at && n.startsWith(want));
    expect(found, `${want} after ${names[at]} in ${names.join(' | ')}`).toBeGreaterThan(at);
    at = found;
  }
  const chartAt = walk.findIndex((w) => w.what === 'application');
  expect(walk[chartAt - 1].what).toBe('tab');
  expect(walk.slice(0, chartAt + 4).filter((w) => !w.outlined)).toEqual([]);
  // On the chart: left and right step through periods, down and up through series.
  await page.locator('main .chart-svg-host').focus();
  const live = page.locator('.chart-figure [aria-live="polite"]');
  await page.keyboard.press('Home');
  await expect(live).toHaveText('Jan–Feb 2023, World: 44.39 billion yuan. Official: published (Jan–Feb 2023 (obs-0039)).');
  await page.keyboard.press('End');
  await expect(live).toHaveText('2023, World: 357.33 billion yuan. Official: published (2023 (obs-0061)).');
  // Down to Central Asia's figure for the same period (the full year, China News Service).
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText('2023, Central Asia (5): 283.67 billion yuan. Official: published (2023 (obs-0319)).');
  await page.keyboard.press('ArrowUp');
  await expect(live).toHaveText(/^2023, World: [\d.]+ billion yuan\. Official: published/);
  await page.keyboard.press('ArrowLeft');
  await expect(live).toHaveText(/^Jan–Nov 2023, World: [\d.]+ billion yuan\./);
});

test('targets are at least 24 px and the page reflows at 200% zoom without sideways scrolling', async ({ page }) => {
  // 200% zoom of a 1280 px window is a 640 px layout; 400% (WCAG reflow) is 320 px.
  for (const width of [640, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('./?events=on');
    await expect(page.locator('#static-view')).toHaveCount(0);
    await page.getByRole('button', { name: 'Chart settings' }).click();
    await expect(page.locator('#settings')).toBeVisible();
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
    expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('button, select, input, summary, .chart-svg-host, a.src, [role="tab"]')) {
        if (el.closest('dialog:not([open])') || el.offsetParent === null) continue;
        // A checkbox or radio is operated through its label, which is the target.
        const target = ['checkbox', 'radio'].includes(el.type) ? el.closest('label') : el;
        const r = target.getBoundingClientRect();
        if (r.width < 24 || r.height < 24) out.push(`${el.tagName} ${el.type || ''} ${(el.getAttribute('aria-label') || target.textContent).trim().slice(0, 30)} ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
      }
      return out;
    });
    expect(small, `at ${width} px`).toEqual([]);
  }
});

test('with reduced motion the loading spinner stands still', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  const still = await page.evaluate(() => {
    const s = document.createElement('span');
    s.className = 'spinner';
    document.body.append(s);
    return getComputedStyle(s).animationName;
  });
  expect(still).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const moving = await page.evaluate(() => getComputedStyle(document.querySelector('body > .spinner')).animationName);
  expect(moving).toBe('spin');
});
