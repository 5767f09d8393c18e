// Trusted Types: a host enforcing `require-trusted-types-for 'script'` that
// allows only the widget's policy (`kineret-widget`, README "Trusted Types").
// Every view, the print frame and the no-wasm fallback work there with no
// violation; where a browser has no Trusted Types nothing changes; and a
// backup whose note is markup stays text everywhere (markup by construction).
import { test, expect, widgetsReady, capturePrints, reportRow } from './fixtures.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types kineret-widget";
const PAGE = '/trusted-types.html';
const NOTE = `<img src=x onerror=window.__x=1>"'`;

/** Opens the Trusted Types host page with the CSP sent as a response header
 *  too (the page also carries it as a meta tag, for `make serve`), recording
 *  every CSP violation in `window.__csp`. */
async function ttPage(page, { ready = true } = {}) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.sample}`));
  });
  await page.route(`**${PAGE}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': CSP };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ response, headers });
  });
  const response = await page.goto(PAGE);
  expect(response.headers()['content-security-policy']).toBe(CSP);
  if (ready) await widgetsReady(page);
  return page.locator('kineret-widget');
}

/** No CSP violation so far (the fixture fails the test on console errors). */
async function noViolations(page) {
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
}

test('the page really enforces Trusted Types, and the widget made its policy once', async ({ page }) => {
  // This test provokes two violations on purpose, to show the others would see them.
  test.info().annotations.push({ type: 'expects-console-errors' });
  const w = await ttPage(page);
  // A result: markup-built parts, so the widget has created its policy (lazily).
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-dose')).toHaveText('100 mg (0.67 mL)');
  expect(page.problems).toEqual([]);
  await noViolations(page);
  const r = await page.evaluate(() => {
    const tryIt = (f) => { try { f(); return 'allowed'; } catch (e) { return e.name; } };
    return {
      tt: typeof window.trustedTypes,
      stringSink: tryIt(() => { document.createElement('div').innerHTML = '<b>x</b>'; }),
      // The name is taken: the widget created it (no 'allow-duplicates').
      samePolicy: tryIt(() => window.trustedTypes.createPolicy('kineret-widget', { createHTML: (s) => s })),
    };
  });
  expect(r).toEqual({ tt: 'object', stringSink: 'TypeError', samePolicy: 'TypeError' });
  // Each is reported once per policy (the header and the page's meta tag).
  await expect.poll(() => page.evaluate(() => [...new Set(window.__csp.map((c) => c.split(':')[0]))].sort()))
    .toEqual(['require-trusted-types-for', 'trusted-types']);
});

test('calculator: a result with syringe pictures and show-your-work, no violation', async ({ page }) => {
  const w = await ttPage(page);
  await w.getByLabel('Prescribed for').selectOption('dira');
  await w.getByLabel('Weight', { exact: true }).fill('20');
  await w.getByLabel('Prescribed dose (mg/kg/day)').fill('8');
  await expect(w.locator('.kw-dose')).toHaveText('160 mg (1.07 mL)');
  await expect(w.locator('svg.kw-syringe')).toHaveCount(2);
  const work = w.locator('details.kw-work');
  await work.locator('summary').click();
  await expect(work).toHaveAttribute('open', '');
  // Another input re-renders the form; the markup-built parts are kept.
  await w.getByLabel('Weight', { exact: true }).fill('21');
  await expect(w.locator('.kw-dose')).toHaveText('168 mg (1.13 mL)');
  await expect(work).toHaveAttribute('open', '');
  await noViolations(page);
  reportRow('hostile host', 'Trusted Types enforced (require-trusted-types-for): calculator, sites, storage, safety, print, fallback', 6);
});

test('injection sites: the body map (SVG), logging and the history, no violation', async ({ page }) => {
  const w = await ttPage(page);
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await expect(w.locator('.kw-sites')).toBeVisible();
  // Markup placed inside the <svg> is parsed as SVG (drawn, not unknown HTML).
  const shapes = await w.locator('.kw-zshape').evaluateAll((els) => els.map((e) => `${e.namespaceURI} ${e.getBBox().width > 0}`));
  expect(shapes.length).toBeGreaterThan(0);
  expect(new Set(shapes)).toEqual(new Set(['http://www.w3.org/2000/svg true']));
  await w.getByRole('button', { name: 'Left thigh, never used' }).click();
  await w.getByRole('button', { name: 'Log injection' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await expect(w.locator('.kw-log li')).toContainText('Left thigh');
  await noViolations(page);
});

test('storage: the checklist and the warm-up timer, no violation', async ({ page }) => {
  const w = await ttPage(page);
  await w.getByRole('tab', { name: 'Storage and preparation' }).click();
  await w.getByLabel('taken out of the refrigerator').check();
  await expect(w.getByRole('timer')).toBeVisible();
  await w.getByRole('button', { name: /already been at room temperature/ }).click();
  await expect(w.getByText('You confirmed it is already at room temperature.')).toBeVisible();
  await noViolations(page);
});

test('safety: triage answers and the monitoring schedule, no violation', async ({ page }) => {
  const w = await ttPage(page);
  await w.getByRole('tab', { name: 'Safety' }).click();
  await w.getByRole('checkbox', { name: 'Trouble breathing' }).check();
  await expect(w.getByText('Get emergency help now').first()).toBeVisible();
  await w.getByLabel('Search the symptoms').fill('zzzz');
  await expect(w.getByText('No symptom in this list matches your search.')).toBeVisible();
  await w.getByLabel('Treatment start date').fill('2024-03-10');
  await expect(w.getByRole('checkbox', { name: 'Before starting Mar 10, 2024' })).toBeVisible();
  await noViolations(page);
});

test('print: the dose result is copied into the print frame, no violation', async ({ page }) => {
  const w = await ttPage(page);
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-dose')).toHaveText('100 mg (0.67 mL)');
  await capturePrints(page);
  await w.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(1);
  const [frame] = await page.evaluate(() => window.printedFrames);
  expect(frame.text).toContain('100 mg (0.67 mL)');
  expect(frame.html).toMatch(/^<div class="kw-host"[^>]*><section [^>]*class="kw-card kw-result"/);
  expect(frame.html).toMatch(/<details class="kw-work" open/);
  expect(frame.sheets).toBe(1);
  expect(await page.evaluate(() => window.printedPage)).toBe(0);
  await noViolations(page);
});

test('fallback: WebAssembly blocked, the message shows, no violation', async ({ page }) => {
  test.info().annotations.push({ type: 'expects-console-errors' });
  await page.route(/\.wasm$/, (route) => route.abort());
  const w = await ttPage(page, { ready: false });
  await expect(w.getByText('could not start in this browser')).toBeVisible();
  await expect(w.locator('.kw-fallback')).toHaveCount(1);
  await noViolations(page);
  // The only console errors are the failed load, none of Trusted Types.
  expect(page.problems.filter((p) => /Trusted|TrustedHTML|Content Security/i.test(p))).toEqual([]);
});

test('without Trusted Types in the browser nothing changes', async ({ page }) => {
  await page.addInitScript(() => { delete window.trustedTypes; });
  await page.goto('/csp-demo.html');
  await widgetsReady(page);
  expect(await page.evaluate(() => typeof window.trustedTypes)).toBe('undefined');
  const w = page.locator('kineret-widget');
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-dose')).toHaveText('100 mg (0.67 mL)');
  await expect(w.locator('svg.kw-syringe')).toHaveCount(1);
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await expect(w.locator('.kw-zshape').first()).toBeVisible();
});

for (const [name, open] of [['Trusted Types host', ttPage], ['app page', async (page) => {
  await page.goto('/');
  await widgetsReady(page);
  return page.locator('kineret-widget');
}]]) {
  test(`an imported backup whose note is markup stays text: history, print, no script (${name})`, async ({ page }) => {
    const w = await open(page);
    await w.getByRole('tab', { name: 'Injection sites' }).click();
    const now = Date.now() - 60_000;
    const backup = JSON.stringify({
      format: 'kineret-widget-sites', version: 1, flags: [],
      entries: [{ id: 'xss1', zone: 'thigh-left', atMs: now, loggedMs: now, injector: 'caregiver', reactions: [], note: NOTE }],
    });
    await w.getByLabel('Import a backup (JSON file)').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect(w.getByText('Entries imported: 1. Already here: 0.')).toBeVisible();
    const note = w.locator('.kw-log li .kw-note');
    await expect(note).toHaveText(NOTE);
    expect(await w.evaluate((el) => el.shadowRoot.querySelectorAll('img, script, [onerror]').length)).toBe(0);
    await capturePrints(page);
    await w.getByRole('button', { name: 'Print the last 30 days' }).click();
    await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(1);
    const [frame] = await page.evaluate(() => window.printedFrames);
    expect(frame.text).toContain(NOTE);
    expect(frame.html).not.toMatch(/<img|onerror="/);
    expect(await page.evaluate(() => document.getElementById('kineret-widget-print').contentDocument.querySelectorAll('img, [onerror]').length)).toBe(0);
    expect(await page.evaluate(() => window.__x)).toBeUndefined();
    if (open === ttPage) await noViolations(page);
    reportRow('bad input', `imported backup note "<img onerror>\\"'" shown and printed as text (${name})`, 1);
  });
}
