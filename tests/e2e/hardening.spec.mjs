// Hostile hosts: strict CSP, a page that already defined the element, polluted
// prototypes, markup in attributes; small screens, zoom, forced colours.
import { test, expect, widgetsReady, axeViolations, reportRow } from './fixtures.mjs';

const VIEWS = ['Dose calculator', 'Injection sites', 'Storage and preparation', 'Safety'];

test('strict CSP: works fully and no securitypolicyviolation fires', async ({ page }) => {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/csp-demo.html');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-dose')).toHaveText('100 mg (0.67 mL)');
  for (const name of VIEWS) {
    await w.getByRole('tab', { name }).click();
    await expect(w.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
  // Styles applied (constructable stylesheet is allowed by style-src 'self').
  const border = await w.locator('.kw-app').evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(border).toBe('solid');
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  reportRow('hostile host', 'strict CSP page (no unsafe-inline): every view, securitypolicyviolation events', VIEWS.length);
});

test('another definition of <kineret-widget> already on the page: a warning, not a crash', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => {
    customElements.define('kineret-widget', class extends HTMLElement {
      connectedCallback() { this.textContent = 'other version'; }
    });
  });
  await page.goto('/');
  await expect(page.locator('kineret-widget')).toContainText('other version');
  await page.waitForFunction(() => window.performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')));
  await expect.poll(() => warnings.some((w) => w.includes('already on this page'))).toBe(true);
  reportRow('hostile host', 'customElements already holding kineret-widget', 1);
});

test('a polluted Object.prototype cannot supply API fields; throwing getters are refused', async ({ page }) => {
  await page.goto('/embed-demo.html');
  const r = await page.evaluate(async () => {
    const m = await import('./kineret-widget.js');
    await m.ready;
    Object.prototype.indication = 'ra';
    Object.prototype.value = 'ra';
    try {
      return {
        empty: await m.calculateDose({}),
        getter: await m.calculateDose({ get indication() { throw new Error('boom'); } }),
        proxy: await m.calculateDose(new Proxy({}, { getOwnPropertyDescriptor() { throw new Error('trap'); } })),
        array: await m.calculateDose(['ra']),
        nul: await m.calculateDose(null),
      };
    } finally {
      delete Object.prototype.indication;
      delete Object.prototype.value;
    }
  });
  expect(r.empty.ok).toBe(false);
  expect(r.empty.errors.map((e) => e.code)).toContain('unknown_indication');
  expect(r.getter.ok).toBe(false);
  expect(r.proxy.ok).toBe(false);
  expect(r.array.errors[0].code).toBe('invalid_request');
  expect(r.nul.errors[0].code).toBe('invalid_request');
  reportRow('hostile host', 'polluted Object.prototype, throwing getters and proxies in API requests', 5);
});

test('markup in attributes is never run or rendered as HTML', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  await page.evaluate(() => {
    const el = document.createElement('kineret-widget');
    el.id = 'x';
    el.setAttribute('lang', '<img src=x onerror="window.__pwned=1">');
    el.setAttribute('view', '<script>window.__pwned=2</script>');
    document.body.append(el);
  });
  await widgetsReady(page, 3);
  // An injected <img src=x> would have been fetched and failed by the time the network is idle.
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('#x').evaluate((el) => el.shadowRoot.querySelectorAll('img, script').length)).toBe(0);
  await expect(page.locator('#x').getByRole('tab')).toHaveCount(4);
  reportRow('hostile host', 'markup (<script>, <img onerror>) in attributes', 2);
});

for (const width of [320, 640]) {
  test(`usable at ${width} px wide (${width === 640 ? '200 % zoom of 1280' : 'small phone'}): no horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await widgetsReady(page);
    const w = page.locator('kineret-widget');
    await w.getByLabel('Prescribed for').selectOption('nomid');
    await w.getByLabel('Weight', { exact: true }).fill('20');
    await w.getByLabel('Prescribed dose (mg/kg/day)').fill('2');
    for (const name of VIEWS) {
      await w.getByRole('tab', { name }).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
}

test('forced colours and reduced motion: still readable, zero axe violations', async ({ page }) => {
  // Four full axe runs (one per view): on a loaded 2-core machine this takes
  // longer than the default 30 s, with nothing wrong.
  test.setTimeout(90_000);
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce', colorScheme: 'dark' });
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-dose')).toBeVisible();
  for (const name of VIEWS) {
    await w.getByRole('tab', { name }).click();
    expect(await axeViolations(page), name).toEqual([]);
  }
});
