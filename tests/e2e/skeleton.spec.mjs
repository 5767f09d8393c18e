import { readFileSync } from 'node:fs';
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';

test('the app page renders the widget with tabs', async ({ page }) => {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await expect(w.getByRole('heading', { name: 'Kineret companion', level: 2 })).toBeVisible();
  await expect(w.getByRole('tab')).toHaveCount(4);
  await expect(w.getByRole('tab', { name: 'Dose calculator' })).toHaveAttribute('aria-selected', 'true');
});

test('the app page preloads the glue, the loader, the main module and the first tab\'s modules, compressed, each fetched once', async ({ page }) => {
  const fetched = [];
  page.on('response', async (r) => {
    if (/kw-[a-z0-9-]+\.[0-9a-f]{12}\.(js|wasm)$/.test(r.url())) fetched.push([r.url().split('/').pop(), (await r.allHeaders())['content-encoding']]);
  });
  await page.goto('/');
  await widgetsReady(page, 1);
  const hints = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')]
    .map((l) => l.getAttribute('href').replace('./', '')));
  const { core, views, remember } = JSON.parse(readFileSync(new URL('../../build/views.json', import.meta.url), 'utf8'));
  // The entry is the <script> itself; the rest of the core, and the
  // calculator's own modules (the first tab) with its `remember` code (the
  // app's widget remembers), are hinted, and only once.
  expect(remember.length).toBeGreaterThan(0);
  expect([...hints].sort()).toEqual([...new Set([...core.filter((f) => f !== 'kineret-widget.js'), ...views.calculator.en, ...remember])].sort());
  // The other tabs are fetched when the browser is idle, with their English
  // texts: wait for them all. Never a Spanish text, never the API.
  const every = new Set([...core.filter((f) => f !== 'kineret-widget.js'), ...remember, ...Object.entries(views).filter(([v]) => v !== 'api').flatMap(([, f]) => f.en)]);
  await expect.poll(() => fetched.length, { timeout: 15000 }).toBe(every.size);
  // A second fetch would come before the network goes idle.
  await page.waitForLoadState('networkidle');
  // Used, not fetched a second time (a preload whose mode differs from the
  // real request would be), and never the API's own module.
  expect(fetched.map(([f]) => f).sort()).toEqual([...every].sort());
  expect(fetched.every(([, enc]) => enc === 'gzip')).toBe(true);
});

test('the embed demo renders despite hostile host CSS', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  const primary = page.locator('#primary');
  // The host's `button { display: none !important }` must not hide our tabs.
  const tab = primary.getByRole('tab', { name: 'Injection sites' });
  await expect(tab).toBeVisible();
  // The host's `* { font: 28px serif; color: red }` must not reach inside.
  const style = await primary.locator('.kw-title').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, family: s.fontFamily, size: s.fontSize };
  });
  expect(style.color).not.toBe('rgb(255, 0, 0)');
  expect(style.family).not.toMatch(/^serif$/);
  expect(parseFloat(style.size)).toBeLessThan(28);
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  // The host page's own styles are untouched by ours.
  const hostColor = await page.locator('header h1').evaluate((el) => getComputedStyle(el).color);
  expect(hostColor).toBe('rgb(255, 0, 0)');
});

test('two instances are independent', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  const primary = page.locator('#primary');
  const secondary = page.locator('#secondary');
  await expect(secondary.getByRole('tab')).toHaveCount(0); // view="calculator": no tabs
  await expect(secondary.getByRole('heading', { name: 'Asistente de Kineret' })).toBeVisible();
  await primary.getByRole('tab', { name: 'Safety' }).click();
  await expect(primary.getByRole('tab', { name: 'Safety' })).toHaveAttribute('aria-selected', 'true');
  await expect(secondary.getByRole('heading', { name: 'Calculadora de dosis' })).toBeVisible();
});

test('switching lang re-renders live in Spanish and back', async ({ page }) => {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await w.evaluate((el) => el.setAttribute('lang', 'es'));
  await expect(w.getByRole('tab', { name: 'Zonas de inyección' })).toHaveAttribute('aria-selected', 'true');
  await expect(w.getByRole('heading', { name: 'Asistente de Kineret' })).toBeVisible();
  await w.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(w.getByRole('tab', { name: 'Injection sites' })).toBeVisible();
});

test('tabs work with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  const tabs = w.getByRole('tab');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(0)).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(tabs.nth(3)).toBeFocused();
  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(tabs.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  // Tab from the tab list moves into the panel, not to the next tab.
  await page.keyboard.press('Tab');
  await expect(tabs.nth(1)).not.toBeFocused();
  const panel = w.getByRole('tabpanel');
  await expect(panel).toHaveAttribute('aria-labelledby', await tabs.nth(0).getAttribute('id'));
});

test('an unknown attribute value falls back to the default with one warning', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.setContent('<!doctype html><html lang="en"><title>t</title><body></body></html>');
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  await page.evaluate(() => {
    const el = document.createElement('kineret-widget');
    el.id = 'bad';
    el.setAttribute('lang', 'xx');
    el.setAttribute('view', 'nope');
    document.body.append(el);
  });
  await widgetsReady(page, 3);
  const bad = page.locator('#bad');
  await expect(bad.getByRole('tab')).toHaveCount(4); // view fell back to "all"
  await expect(bad.getByRole('heading', { name: 'Kineret companion' })).toBeVisible(); // lang fell back to en
  expect(warnings.filter((w) => w.includes('lang="xx"'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('view="nope"'))).toHaveLength(1);
  // Live: a valid region set to an unknown value warns once, although its
  // fallback (us) is what was already shown; later changes don't repeat it.
  await page.evaluate(() => {
    const el = document.querySelector('#bad');
    el.setAttribute('region', 'us');
    el.setAttribute('region', 'zz');
    el.setAttribute('lang', 'es');
    el.setAttribute('region', 'zz');
  });
  await expect(bad.getByRole('heading', { name: 'Asistente de Kineret' })).toBeVisible();
  expect(warnings.filter((w) => w.includes('region="zz"'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('lang="xx"'))).toHaveLength(1);
});

test('removing an element tears its app down without errors', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  await page.evaluate(() => document.querySelector('#secondary').remove());
  await widgetsReady(page, 1);
  // Moving an element keeps it working (disconnect + connect in one task).
  await page.evaluate(() => document.querySelector('footer').append(document.querySelector('#primary')));
  const primary = page.locator('#primary');
  await primary.getByRole('tab', { name: 'Safety' }).click();
  await expect(primary.getByRole('tab', { name: 'Safety' })).toHaveAttribute('aria-selected', 'true');
  // Re-adding after removal mounts a fresh app.
  await page.evaluate(() => {
    const el = document.querySelector('#primary');
    el.remove();
    setTimeout(() => document.body.append(el), 0);
  });
  await widgetsReady(page, 1);
});

test('when WebAssembly cannot load, the fallback content shows', async ({ page }) => {
  test.info().annotations.push({ type: 'expects-console-errors' });
  await page.route(/kw-core\..*\.wasm$/, (route) => route.abort());
  await page.goto('/');
  const w = page.locator('kineret-widget');
  await expect(w.getByText('This tool needs a browser with JavaScript and WebAssembly')).toBeVisible();
  await page.evaluate(() => document.body.append(document.createElement('kineret-widget')));
  await expect(page.locator('kineret-widget').nth(1).getByText('could not start in this browser')).toBeVisible();
});

test('the widget fetches nothing beyond its own files', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  for (const name of ['Injection sites', 'Storage and preparation', 'Safety', 'Dose calculator']) {
    await page.locator('#primary').getByRole('tab', { name }).click();
  }
  await page.waitForLoadState('networkidle');
  const foreign = requests.filter((u) => !u.startsWith(baseURL + '/'));
  expect(foreign).toEqual([]);
  const own = new Set(requests.map((u) => new URL(u).pathname));
  const allowed = /^\/(embed-demo\.html|hostile\.css|kineret-widget\.js|kw-[a-z0-9-]+\.[0-9a-f]{12}\.(js|wasm)|icon\.svg)$/;
  expect([...own].filter((p) => !allowed.test(p))).toEqual([]);
});

for (const lang of ['en', 'es']) {
  test(`zero axe violations in every view (${lang})`, async ({ page }) => {
    await page.goto('/');
    await widgetsReady(page);
    const w = page.locator('kineret-widget');
    await w.evaluate((el, l) => el.setAttribute('lang', l), lang);
    const tabs = w.getByRole('tab');
    for (let i = 0; i < 4; i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      expect(await axeViolations(page), `tab ${i}`).toEqual([]);
    }
  });
}
