// The page in Simplified Chinese: chosen by the link, by the reader's browser, or by the
// language switch; labels, periods and units as customs writes them (亿元, 2023年1–10月),
// with the same figures as the English page.
import { test, expect } from '@playwright/test';

async function open(page, query = '') {
  await page.goto('./' + query);
  await expect(page.locator('#static-view')).toHaveCount(0);
  await expect(page.locator('main .chart-svg-host svg[role="img"]').first()).toBeAttached();
}

// Under a chart, the table's rows follow once the chart is painted (until then the table
// is busy, holding the earlier view's rows): wait for them.
const tableCells = async (page) => {
  await expect(page.locator('table.values:not([aria-busy]) tbody tr').first()).toBeAttached();
  return page.locator('table.values tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
};
const number = (text) => Number(text.replace(/[≈ ,+%]/g, '').replace('−', '-'));

test('lang=zh shows Chinese labels and 亿元 values equal to the English values × 10', async ({ page }) => {
  const view = '?measure=ytd&partners=world,central_asia_5';
  await open(page, view);
  const english = await tableCells(page);
  await open(page, view + '&lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新疆与世界和中亚五国的进出口');
  await page.getByRole('tab', { name: '表格' }).click();
  await expect(page.getByRole('heading', { name: '数据表' })).toBeVisible();
  await expect(page.getByLabel('流向')).toBeVisible();
  await expect(page.locator('.measure')).toHaveText('年初至今累计，按公布数 — 亿元');
  const chinese = await tableCells(page);
  expect(chinese.length).toBe(english.length);
  expect(chinese.length).toBeGreaterThan(40);
  // The same figures ten times over (1 billion = 10 亿), compared in value order (partner
  // names sort differently in the two languages).
  const zhValues = chinese.map((r) => number(r[2])).sort((a, b) => a - b);
  const enValues = english.map((r) => number(r[2])).sort((a, b) => a - b);
  enValues.forEach((v, i) => expect(Math.abs(zhValues[i] - 10 * v)).toBeLessThan(1e-6));
  expect(chinese.filter((r) => r[2].startsWith('≈')).length).toBe(english.filter((r) => r[2].startsWith('≈')).length);
  const periods = chinese.map((r) => r[0]);
  expect(periods).toContain('2023年1–10月');
  expect(periods).toContain('2023年1–2月');
  expect(chinese.find((r) => r[0] === '2023年1–10月' && r[1] === '世界')[2]).toBe('2,873.3');
  await expect(page.locator('.key-figures')).toHaveText(/^2025年与世界的进出口：5,203\.7亿元（≈ 724亿美元），同比\+19\.9%/);
  // The chart's text alternative and axis are Chinese too.
  await expect(page.locator('main .chart-svg-host svg title')).toHaveText(/^折线图：新疆与世界和中亚五国的进出口，年初至今累计，按公布数，2021年1月至2025年12月，单位：亿元。/);
  await expect(page.locator('main .chart-svg-host svg text', { hasText: '亿元' }).first()).toBeAttached();
  await expect(page).toHaveTitle('新疆与世界和中亚五国的进出口 — Trade Trends 贸易趋势');
});

test('a Chinese browser gets the Chinese page without a parameter; the switch changes it and the URL', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新疆与世界和中亚五国的进出口');
  expect(new URL(page.url()).search).toBe('');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinjiang: total trade with the world and Central Asia (5)');
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新疆与世界和中亚五国的进出口');
  await context.close();
});

test('errors and link notices are told in Chinese', async ({ page }) => {
  await page.goto('./?lang=zh&data=fixtures/missing.json');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('找不到数据集');
  await expect(alert).toContainText('服务器上找不到 fixtures/missing.json（HTTP 404）');
  await open(page, '?lang=zh&chart=pie');
  await expect(page.locator('.notice')).toContainText('chart: “pie”不是line、bar、area 之一；使用默认值');
});

test('the keyboard reads each figure in Chinese through the live region', async ({ page }) => {
  await open(page, '?lang=zh&measure=ytd&partners=world&from=2023-01&to=2023-12');
  await page.locator('main .chart-svg-host').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const live = page.locator('.chart-figure [aria-live="polite"]');
  await expect(live).toHaveText('2023年1–3月，世界：680.7亿元。官方：公布数（2023年1–3月（obs-0042））。');
});

test('the Rust formatting agrees with the browser\'s Intl for every number and month in both languages', async ({ page }) => {
  // The formatting is written in Rust (it also runs natively, for tests and the static first
  // paint); here it is checked against Chromium's own Intl for each value shown.
  for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']]) {
    await open(page, `?lang=${lang}&partners=world,central_asia_5&view=table`);
    await expect(page.locator('table.values:not([aria-busy]) tbody tr').first()).toBeAttached();
    const { mismatches, months: checkedMonths, numbers } = await page.evaluate((locale) => {
      const out = [];
      let checkedMonths = 0;
      let numbers = 0;
      const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale === 'en-US' ? 'short' : 'long' });
      for (const tr of document.querySelectorAll('table.values tbody tr')) {
        const [period, , value] = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
        const shown = value.replace(/^≈ /, '');
        const decimals = (shown.split('.')[1] || '').length;
        const n = Number(shown.replace(/,/g, ''));
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
        if (intl !== shown) out.push(`${shown} vs Intl ${intl}`);
        numbers += 1;
        const single = period.match(/^(\d{4})年(\d{1,2})月$/) || period.match(/^([A-Z][a-z]{2}) (\d{4})$/);
        if (single) {
          const date = locale === 'zh-CN' ? new Date(Number(single[1]), Number(single[2]) - 1, 15) : new Date(`${single[1]} 15, ${single[2]}`);
          if (months.format(date) !== period) out.push(`${period} vs Intl ${months.format(date)}`);
          checkedMonths += 1;
        }
      }
      return { mismatches: out, months: checkedMonths, numbers };
    }, locale);
    expect(mismatches, lang).toEqual([]);
    expect(checkedMonths, lang).toBeGreaterThan(10);
    expect(numbers, lang).toBeGreaterThan(40);
  }
});

test('switching the language back and forth at once never leaves an error state', async ({ page }) => {
  // Each switch re-makes the dashboard while the last one's paint callbacks are pending.
  await open(page, '?lang=en');
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const lang of ['zh', 'en', 'zh', 'en', 'zh']) {
    await page.getByRole('combobox').first().selectOption(lang);
  }
  // The address is written once each view is painted: Back goes from the last.
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh');
  await page.goBack();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新疆与世界和中亚五国的进出口');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.waitForTimeout(300);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});
