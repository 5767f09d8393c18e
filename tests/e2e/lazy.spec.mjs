// Every view renders lazily (src/shell/lazy.rs, src/shell/texts.rs): a page
// fetches the core plus exactly the modules of the views it shows, in its
// language (build/views.json); other tabs come on hover, focus or idle; a
// slow module shows a translated "Loading…" after 400 ms; a failed one an
// alert with "Try again"; a live `lang` change fetches only the missing pack;
// the headless API fetches no view; a strict CSP host and the offline app
// load every tab.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test, expect, widgetsReady, capturePrints, axeViolations } from './fixtures.mjs';
import { serve } from '../serve.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const { core, views, remember } = JSON.parse(readFileSync(new URL('../../build/views.json', import.meta.url), 'utf8'));
const TABS = ['calculator', 'sites', 'storage', 'safety'];

/** A heading each view shows from its own language pack (not from the core). */
const MARKER = {
  calculator: { en: 'Dose calculator', es: 'Calculadora de dosis' },
  sites: { en: 'History', es: 'Historial' },
  storage: { en: 'Dose checklist', es: 'Lista de verificación de la dosis' },
  safety: { en: 'Neutrophil count checks', es: 'Controles del recuento de neutrófilos' },
};
const TAB_NAME = {
  calculator: { en: 'Dose calculator', es: 'Calculadora de dosis' },
  sites: { en: 'Injection sites', es: 'Zonas de inyección' },
  storage: { en: 'Storage and preparation', es: 'Conservación y preparación' },
  safety: { en: 'Safety', es: 'Seguridad' },
};
const marker = (w, view, lang) => w.getByRole('heading', { name: MARKER[view][lang], exact: true });
/** The view's own code module, e.g. kw-sites.<hash>.wasm. */
const codeOf = (view) => views[view].en[0];
/** The texts module every view reads in `lang` (src/shell/texts.rs; the
 *  sites and safety views also read their own, kw-texts-<view>-<lang>). */
const packOf = (view, lang) => views[view][lang].find((f) => f.startsWith(`kw-texts-${lang}.`));
const MODULE = /^\/(kineret-widget\.js|kw-[a-z0-9-]+\.[0-9a-f]{12}\.(js|wasm))$/;
const sorted = (a) => [...a].sort();
const union = (...lists) => sorted(new Set(lists.flat()));

/** Console errors fail the test, except the given patterns (a module whose
 *  fetch the test makes fail logs the network error). */
function tolerate(...patterns) {
  test.info().annotations.push({ type: 'expects-console-errors' });
  return (page) => expect(page.problems.filter((p) => !patterns.some((re) => re.test(p))), 'console errors / page errors').toEqual([]);
}

/** Every embed module the page requests, by file name, in order (a file
 *  fetched twice appears twice). */
function recordModules(page) {
  const list = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (MODULE.test(path)) list.push(path.slice(1));
  });
  return list;
}

/** Serves `body` as a same-origin page at /lazy-test.html and opens it. */
async function hostPage(page, body, head = '<script type="module" src="./kineret-widget.js"></script>') {
  await page.route('**/lazy-test.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lazy</title>${head}</head><body>${body}</body></html>`,
  }));
  await page.goto('/lazy-test.html');
}

/** Idle prefetch off, so a view's module arrives only on hover, focus or
 *  click: an idle callback asked without a deadline (the widget's prefetch)
 *  never runs. One with a deadline still does: the installed app's worker
 *  registration (www/app.js) asks for one after `kineret:ready`. Were the
 *  widget to ask with a deadline too, its prefetch would run and the specs
 *  that count fetched modules would fail, not pass silently. */
const noIdle = (page) => page.addInitScript(() => {
  const idle = window.requestIdleCallback;
  window.requestIdleCallback = (f, options) => (options?.timeout ? idle(f, options) : 1);
});

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Inputs the `remember` specs save and expect back: NOMID, 31 kg at
 *  2 mg/kg/day, 62 mg (DOSE-NOMID-US, under DOSE-MAX). */
async function enterNomid31kg(w) {
  await w.getByLabel('Prescribed for').selectOption('nomid');
  await w.getByLabel('Weight', { exact: true }).fill('31');
  await w.getByLabel('Prescribed dose (mg/kg/day)').fill('2');
  await expect(w.locator('.kw-dose')).toContainText('62 mg');
}

/** Returns once no module request has started for 300 ms. (Playwright's
 *  'networkidle' fires once per navigation, so it cannot wait for later
 *  fetches, such as a hover's.) */
async function quiet(fetched) {
  let n;
  do {
    n = fetched.length;
    await delay(300);
  } while (fetched.length !== n);
}

/** Lets whatever the page would still fetch (idle prefetch) start and end. */
async function settled(page, fetched) {
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 100))));
  await quiet(fetched);
}

// 1. One view per page: the core and that view's files in that language only.
for (const [view, lang] of [...TABS.map((v) => [v, 'en']), ['calculator', 'es'], ['sites', 'es'], ['safety', 'es']]) {
  test(`view="${view}" lang="${lang}" fetches the core and only its own modules and texts`, async ({ page }) => {
    const check = tolerate();
    const fetched = recordModules(page);
    await hostPage(page, `<kineret-widget view="${view}" lang="${lang}"></kineret-widget>`);
    await widgetsReady(page);
    const w = page.locator('kineret-widget');
    await expect(marker(w, view, lang)).toBeVisible();
    await expect(w.getByRole('tab')).toHaveCount(0);
    await settled(page, fetched);
    expect(sorted(fetched)).toEqual(union(core, views[view][lang]));
    check(page);
  });
}

// 1b. Each view's CSS is in its own module (build.rs, src/shell/styles.rs):
// a widget has the frame's sheet and one per view it has shown, each made
// once per page and shared by every widget.
test("each view's stylesheet comes with its module: a widget adopts the frame's and its views' only, a tab adds its own, two widgets share them", async ({ page }) => {
  const check = tolerate();
  await noIdle(page);
  await hostPage(page, '<kineret-widget id="a" view="all"></kineret-widget><kineret-widget id="b" view="storage"></kineret-widget>');
  await widgetsReady(page, 2);
  const a = page.locator('#a');
  await expect(marker(a, 'calculator', 'en')).toBeVisible();
  await expect(marker(page.locator('#b'), 'storage', 'en')).toBeVisible();
  // Per widget, per adopted sheet: its rules' text.
  const sheets = () => page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).shadowRoot.adoptedStyleSheets
    .map((s) => [...s.cssRules].map((r) => r.cssText).join('\n'))));
  let [sa, sb] = await sheets();
  expect(sa).toHaveLength(2);
  expect(sb).toHaveLength(2);
  expect(sa[0]).toBe(sb[0]); // the frame's, from the entry
  expect(sa[0]).toContain('.kw-host');
  // The calculator's (with the syringe picture it shares with storage) and
  // nothing of the other views.
  expect(sa[1]).toContain('.kw-titration');
  expect(sa[1]).toContain('.kw-syringe-barrel');
  for (const other of ['.kw-zshape', '.kw-ck-step', '.kw-sf-badge']) expect(sa[1]).not.toContain(other);
  expect(sb[1]).toContain('.kw-ck-step');
  expect(sb[1]).toContain('.kw-syringe-barrel');
  for (const other of ['.kw-titration', '.kw-zshape', '.kw-sf-badge']) expect(sb[1]).not.toContain(other);
  // The frame's delete button keeps its danger style on a page without the
  // sites view (its rule is the frame's).
  const del = a.getByRole('button', { name: 'Delete all my data', exact: true });
  await expect(del).toHaveCSS('color', 'rgb(164, 22, 26)');
  // A tab shows: its sheet is added, before its markup shows styled.
  await a.getByRole('tab', { name: TAB_NAME.sites.en }).click();
  await expect(marker(a, 'sites', 'en')).toBeVisible();
  await expect(a.locator('.kw-zone').first()).toHaveCSS('cursor', 'pointer');
  await a.getByRole('tab', { name: TAB_NAME.storage.en }).click();
  await expect(marker(a, 'storage', 'en')).toBeVisible();
  [sa, sb] = await sheets();
  expect(sa).toHaveLength(4);
  expect(sa[2]).toContain('.kw-zshape');
  expect(sa[3]).toBe(sb[1]);
  expect(sb).toHaveLength(2);
  // The same sheet object, not a copy.
  expect(await page.evaluate(() => document.getElementById('a').shadowRoot.adoptedStyleSheets[3]
    === document.getElementById('b').shadowRoot.adoptedStyleSheets[1])).toBe(true);
  check(page);
});

// 1c. A view's own texts pack is on its own page only, and the calculator's
// page and the API read the Base pack alone (src/shell/texts.rs).
test("the sites and safety views' own texts packs are listed for their own pages only; Care for every view but the calculator", () => {
  for (const lang of ['en', 'es']) {
    const pack = (v, name) => views[v][lang].filter((f) => f.startsWith(`kw-texts-${name ? `${name}-` : ''}${lang}.`));
    for (const own of ['sites', 'safety']) {
      expect(pack(own, own), `views.${own}.${lang}`).toHaveLength(1);
      for (const v of [...TABS, 'api'].filter((v) => v !== own)) expect(pack(v, own), `views.${v}.${lang}`).toEqual([]);
    }
    for (const v of [...TABS, 'api']) {
      expect(pack(v), `views.${v}.${lang} has Base`).toHaveLength(1);
      expect(pack(v, 'care'), `views.${v}.${lang} and Care`).toHaveLength(['sites', 'storage', 'safety'].includes(v) ? 1 : 0);
    }
    expect(views.calculator[lang].filter((f) => f.startsWith('kw-texts-')), `views.calculator.${lang}: Base only`).toEqual(pack('calculator'));
  }
});

// 1d. The calculator's `remember` code (src/shell/services/remember.rs) is
// fetched with the calculator only where the widget has `remember`, so the
// saved inputs are there when it shows; if it cannot be fetched the view
// offers a retry (never a calculator that would forget, or overwrite, them).
test('view="calculator" remember: its remember module comes with the view, never without the attribute; a failed fetch offers "Try again", then the saved inputs show', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  expect(remember.length).toBeGreaterThan(0);
  for (const v of [...TABS, 'api']) for (const lang of ['en', 'es']) expect(views[v][lang]).not.toContain(remember[0]);
  let fail = false;
  await page.route(`**/${remember[0]}`, (route) => (fail ? route.abort() : route.continue()));
  const fetched = recordModules(page);
  await hostPage(page, '<kineret-widget view="calculator" remember></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await enterNomid31kg(w);
  await settled(page, fetched);
  expect(sorted(new Set(fetched))).toEqual(union(core, views.calculator.en, remember));
  fail = true;
  await page.reload();
  await widgetsReady(page);
  await expect(w.getByRole('alert')).toContainText('could not be loaded');
  await expect(w.getByLabel('Weight', { exact: true })).toHaveCount(0);
  fail = false;
  await w.getByRole('button', { name: 'Try again' }).click();
  await expect(w.getByLabel('Weight', { exact: true })).toHaveValue('31');
  await expect(w.locator('.kw-dose')).toContainText('62 mg');
  await page.evaluate(() => localStorage.clear());
  check(page);
});

// 1e. `remember` switched on while the calculator shows (its module not yet
// here): the form is inert until the module arrives, then the saved inputs
// load and each change is saved; a failed fetch leaves the form usable and
// offers "Try again".
test('a live remember switch: the form waits (inert) for the remember module, then loads the saved inputs and saves; a failed fetch offers "Try again"', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  await hostPage(page, '<kineret-widget view="calculator" remember></kineret-widget>');
  await widgetsReady(page);
  let w = page.locator('kineret-widget');
  await enterNomid31kg(w);
  await page.unroute('**/lazy-test.html');

  // The module held back: the form is inert meanwhile, then the saved inputs.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`**/${remember[0]}`, async (route) => { await held; await route.continue(); });
  await hostPage(page, '<kineret-widget view="calculator"></kineret-widget>');
  await widgetsReady(page);
  w = page.locator('kineret-widget');
  await expect(w.getByLabel('Prescribed for')).toHaveValue('');
  await w.evaluate((el) => el.setAttribute('remember', ''));
  await expect(w.locator('form.kw-form')).toHaveAttribute('inert');
  await expect(w.getByText('Loading your saved entries')).toBeVisible();
  release();
  await expect(w.getByLabel('Weight', { exact: true })).toHaveValue('31');
  await expect(w.locator('form.kw-form')).not.toHaveAttribute('inert');
  await w.getByLabel('Weight', { exact: true }).fill('33');
  await expect.poll(() => page.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes('calculator/form'))?.[1] ?? '')).toContain('"weight":"33"');
  await page.unroute(`**/${remember[0]}`);
  await page.unroute('**/lazy-test.html');

  // The module cannot be fetched: the form stays usable, a notice offers a retry.
  let fail = true;
  await page.route(`**/${remember[0]}`, (route) => (fail ? route.abort() : route.continue()));
  await hostPage(page, '<kineret-widget view="calculator"></kineret-widget>');
  await widgetsReady(page);
  w = page.locator('kineret-widget');
  await w.evaluate((el) => el.setAttribute('remember', ''));
  await expect(w.getByText('Your saved entries could not be loaded')).toBeVisible();
  await expect(w.locator('form.kw-form')).not.toHaveAttribute('inert');
  await expect(w.getByLabel('Prescribed for')).toHaveValue('');
  fail = false;
  await w.getByRole('button', { name: 'Try again' }).click();
  await expect(w.getByLabel('Weight', { exact: true })).toHaveValue('33');
  await expect(w.getByText('Your saved entries could not be loaded')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => localStorage.clear());
  check(page);
});

// 2. Two instances, one page: both render, every module fetched once.
test('two instances (all/en, calculator/es) render and share every module, each fetched once', async ({ page }) => {
  const check = tolerate();
  const fetched = recordModules(page);
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  await expect(marker(page.locator('#primary'), 'calculator', 'en')).toBeVisible();
  await expect(marker(page.locator('#secondary'), 'calculator', 'es')).toBeVisible();
  // #primary prefetches its other tabs (English) when idle; nothing in
  // Spanish beyond the calculator, never the API.
  const every = union(core, views.calculator.es, ...TABS.map((v) => views[v].en));
  await expect.poll(() => new Set(fetched).size, { timeout: 15_000 }).toBe(every.length);
  await quiet(fetched);
  expect(sorted(fetched)).toEqual(every);
  check(page);
});

// 3. Tabs: hover and focus prefetch, click shows; nothing before it is needed.
test('view="all": hovering or focusing a tab prefetches it, clicking each tab shows its view', async ({ page }) => {
  const check = tolerate();
  await noIdle(page);
  const fetched = recordModules(page);
  await hostPage(page, '<kineret-widget view="all" lang="en"></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await expect(marker(w, 'calculator', 'en')).toBeVisible();
  await quiet(fetched);
  expect(sorted(fetched)).toEqual(union(core, views.calculator.en)); // the first tab only

  const tab = (view) => w.getByRole('tab', { name: TAB_NAME[view].en });
  await tab('sites').hover();
  await expect.poll(() => fetched.includes(codeOf('sites')) && fetched.includes(packOf('sites', 'en'))).toBe(true);
  await tab('storage').focus();
  await expect.poll(() => fetched.includes(codeOf('storage')) && fetched.includes(packOf('storage', 'en'))).toBe(true);
  // Prefetched, not opened; safety neither hovered nor focused: not fetched.
  await expect(tab('calculator')).toHaveAttribute('aria-selected', 'true');
  expect(fetched).not.toContain(codeOf('safety'));
  await quiet(fetched);
  expect(sorted(fetched)).toEqual(union(core, views.calculator.en, views.sites.en, views.storage.en));

  for (const view of ['sites', 'storage', 'safety', 'calculator']) {
    await tab(view).click();
    await expect(tab(view)).toHaveAttribute('aria-selected', 'true');
    await expect(marker(w, view, 'en')).toBeVisible();
    await expect(w.locator('.kw-load-failed')).toHaveCount(0);
  }
  await quiet(fetched);
  expect(sorted(fetched)).toEqual(union(core, ...TABS.map((v) => views[v].en)));
  check(page);
});

// 4. A slow module: an empty status first, the translated text after 400 ms.
test('a slow view module shows an empty status region, then "Cargando …" after 400 ms, then the view', async ({ page }) => {
  const check = tolerate();
  // The module is held until the test has seen the loading text (at most
  // 5 s): as slow as needed on a busy machine, no longer.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`**/${codeOf('sites')}`, async (route) => {
    await Promise.race([held, delay(5000)]);
    await route.continue();
  });
  // Watches the loading region from inside the page (a MutationObserver on
  // the widget's shadow root: timestamps in the task that changed the DOM,
  // not across the test's round trips, which a busy machine stretches).
  await page.addInitScript(() => {
    const seen = (window.__loading = { first: null, text: null, textAt: null, role: null, live: null });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      const observer = new MutationObserver(() => {
        const el = root.querySelector('.kw-loading');
        if (!el) return;
        const now = performance.now();
        if (seen.first === null) Object.assign(seen, { first: now, role: el.getAttribute('role'), live: el.getAttribute('aria-live') });
        if (seen.textAt === null && el.textContent.trim()) {
          Object.assign(seen, { textAt: now, text: el.textContent.trim() });
          observer.disconnect();
        }
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      return root;
    };
  });
  await hostPage(page, '<kineret-widget view="sites" lang="es"></kineret-widget>');
  const w = page.locator('kineret-widget');
  const loading = w.locator('.kw-loading');
  await expect(loading).toHaveText('Cargando Zonas de inyección…');
  await expect(loading).toHaveAttribute('role', 'status');
  await expect(marker(w, 'sites', 'es')).toHaveCount(0);
  release();
  await expect(marker(w, 'sites', 'es')).toBeVisible();
  await expect(loading).toHaveCount(0);
  const seen = await page.evaluate(() => window.__loading);
  expect(seen).toMatchObject({ role: 'status', live: 'polite', text: 'Cargando Zonas de inyección…' });
  expect(seen.textAt - seen.first, 'empty for 400 ms first').toBeGreaterThanOrEqual(350);
  check(page);
});

// 4b. The page's first view paints whole: no empty frame (and no layout
// shift when the view arrives) on a normal connection; a slow one shows the
// frame with its loading text; a later tab never hides the frame.
test('while the first view loads the frame is invisible, it shows once slow, and a tab switch never hides it', async ({ page }) => {
  const check = tolerate();
  await noIdle(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`**/${codeOf('calculator')}`, async (route) => {
    await Promise.race([held, delay(5000)]);
    await route.continue();
  });
  let releaseSites;
  const heldSites = new Promise((r) => { releaseSites = r; });
  await page.route(`**/${codeOf('sites')}`, async (route) => {
    await Promise.race([heldSites, delay(5000)]);
    await route.continue();
  });
  // The frame's visibility while the first view loads, read in the task
  // that rendered it (a busy machine may pass 400 ms between test steps).
  await page.addInitScript(() => {
    window.__first = null;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      const observer = new MutationObserver(() => {
        const app = root.querySelector('.kw-app');
        if (app && root.querySelector('.kw-loading-first') && window.__first === null) {
          window.__first = getComputedStyle(app).visibility;
          observer.disconnect();
        }
      });
      observer.observe(root, { childList: true, subtree: true });
      return root;
    };
  });
  await hostPage(page, '<kineret-widget view="all" lang="en"></kineret-widget>');
  const w = page.locator('kineret-widget');
  const frame = w.locator('.kw-app');
  const visibility = () => frame.evaluate((el) => getComputedStyle(el).visibility);
  await expect.poll(() => page.evaluate(() => window.__first)).toBe('hidden');
  // Slow (400 ms): the frame and the loading text show.
  await expect(w.locator('.kw-loading')).toHaveText('Loading Dose calculator…');
  await expect(w.locator('.kw-loading-first')).toHaveCount(0);
  expect(await visibility()).toBe('visible');
  release();
  await expect(marker(w, 'calculator', 'en')).toBeVisible();
  // A tab whose module is still on its way: the frame never hides (watched
  // in the page, so a slow step of the test cannot miss it).
  await w.evaluate((el) => {
    window.__hidAgain = false;
    new MutationObserver(() => {
      if (el.shadowRoot.querySelector('.kw-loading-first')) window.__hidAgain = true;
    }).observe(el.shadowRoot, { childList: true, subtree: true, attributes: true });
  });
  await w.getByRole('tab', { name: TAB_NAME.sites.en }).click();
  await expect(w.locator('.kw-loading')).toHaveCount(1);
  expect(await visibility()).toBe('visible');
  releaseSites();
  await expect(marker(w, 'sites', 'en')).toBeVisible();
  expect(await page.evaluate(() => window.__hidAgain)).toBe(false);
  check(page);
});

// 5. A failing module: an alert with "Try again", which retries.
for (const [lang, failed, retry] of [
  ['en', 'Dose calculator could not be loaded. Check your connection and try again.', 'Try again'],
  ['es', 'No se pudo cargar Calculadora de dosis. Compruebe su conexión e inténtelo de nuevo.', 'Reintentar'],
]) {
  test(`a view module that fails shows an alert, and "${retry}" loads it (${lang})`, async ({ page }) => {
    // The aborted fetch is logged (by the browser and the split loader).
    test.info().annotations.push({ type: 'expects-console-errors' });
    let fail = true;
    let aborted = 0;
    let served = 0;
    await page.route(`**/${codeOf('calculator')}`, (route) => {
      if (fail) {
        aborted++;
        return route.abort('internetdisconnected');
      }
      served++;
      return route.continue();
    });
    await hostPage(page, `<kineret-widget view="calculator" lang="${lang}"></kineret-widget>`);
    const w = page.locator('kineret-widget');
    const alert = w.getByRole('alert').filter({ hasText: failed });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert).toHaveClass(/kw-load-failed/);
    await expect(w.locator('.kw-loading')).toHaveCount(0);
    await expect(marker(w, 'calculator', lang)).toHaveCount(0);
    expect(aborted).toBeGreaterThan(0);

    fail = false;
    await alert.getByRole('button', { name: retry }).click();
    await expect(marker(w, 'calculator', lang)).toBeVisible();
    await expect(w.getByRole('alert').filter({ hasText: failed })).toHaveCount(0);
    expect(served).toBe(1);
    // Only the failed fetch was logged, nothing else went wrong.
    expect(page.problems.filter((p) => !/^console\.error: (Failed to load resource: net::ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch)/.test(p))).toEqual([]);
  });
}

// 5b. The texts pack fails on the first load (the view's code arrives): the
// same alert and retry as a failed view module, never a view without text.
test('a texts pack that fails on first load shows the alert, and "Try again" shows the view with its texts', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  let fail = true;
  let served = 0;
  await page.route(`**/${packOf('sites', 'en')}`, (route) => {
    if (fail) return route.abort();
    served++;
    return route.continue();
  });
  await hostPage(page, '<kineret-widget view="sites" lang="en"></kineret-widget>');
  const w = page.locator('kineret-widget');
  const alert = w.getByRole('alert').filter({ hasText: 'Injection sites could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(marker(w, 'sites', 'en')).toHaveCount(0);
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(marker(w, 'sites', 'en')).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(served).toBe(1);
  check(page);
});

// 5c. A hover prefetch that fails is silent; the click that follows fetches
// anew and shows the view (a failed fetch is never remembered).
test('a failed hover prefetch is silent, and clicking the tab then loads the view', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  await noIdle(page);
  let fail = true;
  let aborted = 0;
  await page.route(`**/${codeOf('safety')}`, (route) => {
    if (fail) {
      aborted++;
      return route.abort();
    }
    return route.continue();
  });
  await hostPage(page, '<kineret-widget view="all" lang="en"></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  const tab = w.getByRole('tab', { name: TAB_NAME.safety.en });
  await tab.hover();
  await expect.poll(() => aborted).toBeGreaterThan(0);
  // The prefetch has settled (the loader logged its failure): a click now
  // starts a new load instead of joining the failing one.
  await expect.poll(() => page.problems.some((p) => /Failed to fetch/.test(p))).toBe(true);
  // Still on the calculator, no alert from a prefetch nobody asked to see.
  await expect(marker(w, 'calculator', 'en')).toBeVisible();
  await expect(w.getByRole('alert')).toHaveCount(0);
  fail = false;
  await tab.click();
  await expect(marker(w, 'safety', 'en')).toBeVisible();
  await expect(w.locator('.kw-load-failed')).toHaveCount(0);
  check(page);
});

// 6. A live `lang` change: only the missing pack, the form's state kept.
test('setting lang="es" live fetches only the Spanish pack, then switches, keeping the typed inputs', async ({ page }) => {
  const check = tolerate();
  const fetched = recordModules(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`**/${packOf('calculator', 'es')}`, async (route) => {
    await held;
    await route.continue();
  });
  await hostPage(page, '<kineret-widget view="calculator" lang="en"></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByLabel('Prescribed for').selectOption('dira');
  await w.getByLabel('Weight', { exact: true }).fill('20');
  await w.getByLabel('Prescribed dose (mg/kg/day)').fill('8');
  await expect(w.locator('.kw-dose')).toHaveText('160 mg (1.07 mL)');
  await quiet(fetched);
  const before = fetched.length;

  await w.evaluate((el) => el.setAttribute('lang', 'es'));
  // While the Spanish texts are on their way: still the English view, with
  // its inputs, never a loading state.
  await expect.poll(() => fetched.includes(packOf('calculator', 'es'))).toBe(true);
  await expect(marker(w, 'calculator', 'en')).toBeVisible();
  await expect(w.getByLabel('Weight', { exact: true })).toHaveValue('20');
  await expect(w.locator('.kw-loading')).toHaveCount(0);
  release();

  await expect(marker(w, 'calculator', 'es')).toBeVisible();
  await expect(w.getByLabel('Peso', { exact: true })).toHaveValue('20');
  await expect(w.locator('.kw-dose')).toContainText('160 mg');
  await quiet(fetched);
  const missing = views.calculator.es.filter((f) => !views.calculator.en.includes(f));
  expect(sorted(fetched.slice(before))).toEqual(sorted(missing));
  check(page);
});

// 6a. The safety view reads three packs (src/shell/texts.rs): Base, Care and
// its own. A live change fetches all three in the new language; if its own
// pack fails, the view stays English until a retry.
test('the safety view: lang="es" live fetches its three Spanish packs; its own failing keeps English until "Reintentar"', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  const own = views.safety.es.find((f) => f.startsWith('kw-texts-safety-es.'));
  expect(own, 'views.safety.es has kw-texts-safety-es').toBeTruthy();
  expect(views.safety.es).toContain(packOf('safety', 'es'));
  for (const v of ['calculator', 'sites', 'storage', 'api']) expect(views[v].es.some((f) => f.startsWith('kw-texts-safety-'))).toBe(false);
  let fail = true;
  await page.route(`**/${own}`, (route) => (fail ? route.abort() : route.continue()));
  const fetched = recordModules(page);
  await hostPage(page, '<kineret-widget view="safety" lang="en"></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await expect(marker(w, 'safety', 'en')).toBeVisible();
  await quiet(fetched);
  const before = fetched.length;
  await w.evaluate((el) => el.setAttribute('lang', 'es'));
  await expect(w.getByRole('alert')).toBeVisible();
  await expect(marker(w, 'safety', 'en')).toBeVisible();
  fail = false;
  await w.getByRole('button', { name: 'Reintentar' }).click();
  await expect(marker(w, 'safety', 'es')).toBeVisible();
  await quiet(fetched);
  const missing = views.safety.es.filter((f) => !views.safety.en.includes(f));
  expect(sorted(new Set(fetched.slice(before)))).toEqual(sorted(missing));
  expect(fetched.slice(before).filter((f) => f === packOf('safety', 'es'))).toHaveLength(1);
  check(page);
});

// 6b. A live `lang` change whose pack cannot be fetched: the view stays in
// English with its state, a Spanish alert says so, and "Reintentar" switches.
test('a Spanish pack that fails on a live lang change: the view stays English, an alert offers a retry', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  let fail = true;
  await page.route(`**/${packOf('calculator', 'es')}`, (route) => (fail ? route.abort() : route.continue()));
  await hostPage(page, '<kineret-widget view="calculator" lang="en"></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByLabel('Prescribed for').selectOption('dira');
  await w.getByLabel('Weight', { exact: true }).fill('20');
  await w.evaluate((el) => el.setAttribute('lang', 'es'));
  const alert = w.getByRole('alert').filter({ hasText: 'No se pudieron cargar los textos en español' });
  await expect(alert).toBeVisible();
  await expect(marker(w, 'calculator', 'en')).toBeVisible();
  await expect(w.getByLabel('Weight', { exact: true })).toHaveValue('20');
  fail = false;
  await alert.getByRole('button', { name: 'Reintentar' }).click();
  await expect(marker(w, 'calculator', 'es')).toBeVisible();
  await expect(w.getByLabel('Peso', { exact: true })).toHaveValue('20');
  await expect(alert).toHaveCount(0);
  check(page);
});

// 7b. The API's module cannot be fetched: the call rejects (no result at
// all), and the next call fetches it and answers.
test('the headless API rejects when its module cannot be fetched, and the next call works', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  let fail = true;
  await page.route(`**/${codeOf('api')}`, (route) => (fail ? route.abort() : route.continue()));
  await hostPage(page, '', '');
  const first = await page.evaluate(async () => {
    const { calculateDose } = await import('./kineret-widget.js');
    return calculateDose({ indication: 'ra' }).then((r) => ({ resolved: r }), (e) => ({ rejected: String(e) }));
  });
  expect(first.resolved).toBeUndefined();
  expect(first.rejected).toContain('could not be loaded');
  fail = false;
  const second = await page.evaluate(async () => (await import('./kineret-widget.js')).calculateDose({ indication: 'ra' }));
  expect(second).toMatchObject({ ok: true, dailyDoseMg: 100 });
  check(page);
});

/** A module fetched on a user's action (`kw-<name>.<hash>.wasm`): no view
 *  lists it; its fetches fail until `ok()`. */
async function actionModule(page, name) {
  const file = readdirSync(dist).find((f) => new RegExp(`^kw-${name}\\.[0-9a-f]{12}\\.wasm$`).test(f));
  expect(file, `dist/kw-${name}.<hash>.wasm`).toBeTruthy();
  for (const v of Object.values(views)) for (const files of Object.values(v)) expect(files).not.toContain(file);
  let fail = true;
  await page.route(`**/${file}`, (route) => (fail ? route.abort() : route.continue()));
  return { file, ok: () => { fail = false; } };
}

// Printing's code is its own module, fetched on the first Print click (no
// view lists it: src/shell/services/print.rs); if it cannot be fetched the
// page prints, as when no frame can be made, and the next click fetches it.
test('Print fetches the print module on the first click only; when it cannot be fetched the page prints, and the next click prints the card alone', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  const { file: PRINT, ok } = await actionModule(page, 'print');
  const fetched = recordModules(page);
  await hostPage(page, '<kineret-widget view="calculator" lang="en"></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-dose')).toHaveText('100 mg (0.67 mL)');
  await settled(page, fetched);
  expect(fetched).not.toContain(PRINT);
  await capturePrints(page);
  await w.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate(() => window.printedPage)).toBe(1);
  expect(await page.evaluate(() => window.printedFrames.length)).toBe(0);
  ok();
  await w.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(1);
  expect((await page.evaluate(() => window.printedFrames))[0].text).toContain('100 mg (0.67 mL)');
  expect(await page.evaluate(() => window.printedPage)).toBe(1);
  expect(fetched.filter((f) => f === PRINT)).toHaveLength(2);
  check(page);
});

// The sites view's import and downloads are their own module too
// (src/shell/components/sites/io.rs), fetched on the first Import or Download.
test('the sites view fetches its file module only on first use; when it cannot be fetched, import and download say so, and the next try works', async ({ page }) => {
  const check = tolerate(/^console\.error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
  const { file: SITES_IO, ok } = await actionModule(page, 'sites-io');
  const fetched = recordModules(page);
  await hostPage(page, '<kineret-widget view="sites" lang="en"></kineret-widget>');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await expect(marker(w, 'sites', 'en')).toBeVisible();
  await settled(page, fetched);
  expect(fetched).not.toContain(SITES_IO);
  const backup = { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'kineret-widget-sites', version: 1, entries: [], flags: [] })) };
  const input = w.getByLabel('Import a backup (JSON file)');
  const failed = w.getByRole('status').filter({ hasText: 'This part of the companion could not be loaded. Check your connection and try again.' });
  const tries = () => fetched.filter((f) => f === SITES_IO).length;
  await w.getByRole('button', { name: 'Download a backup (JSON)' }).click();
  await expect(failed).toBeVisible();
  expect(tries()).toBe(1);
  await input.setInputFiles(backup);
  await expect.poll(tries).toBe(2);
  await expect(failed).toBeVisible();
  await expect(input).not.toHaveAttribute('aria-invalid'); // not the file's fault
  ok();
  const [download] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: 'Download a backup (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^kineret-sites-\d{4}-\d\d-\d\d\.json$/);
  await input.setInputFiles(backup);
  await expect(w.getByText('Entries imported: 0. Already here: 0.')).toBeVisible();
  expect(tries()).toBe(3); // a module that arrived is kept
  check(page);
});

// A text reached only through a relative `use` (the region's name in a
// warning) once missed the pack: the API's warning names the region.
test('IND-EU-FMF (CLINICAL.md, Indications by region): an FMF dose with region "us" warns that FMF is not in the US label (the region name from the pack)', async ({ page }) => {
  const check = tolerate();
  await hostPage(page, '', '');
  const [en, es] = await page.evaluate(async () => {
    const { calculateDose } = await import('./kineret-widget.js');
    const req = { indication: 'fmf', region: 'us', weightKg: 30, mgPerKgPerDay: 2 };
    return [await calculateDose(req), await calculateDose({ ...req, lang: 'es' })];
  });
  const text = (r) => r.warnings.find((x) => x.code === 'not_in_region_label')?.message ?? '';
  expect(text(en)).toContain('not in the US label');
  expect(text(es)).toContain('EE. UU.');
  check(page);
});

// 7. The headless API alone: the core and the API's modules, no view.
for (const [lang, request, expected] of [
  ['en', { indication: 'nomid', weightKg: 20, mgPerKgPerDay: 2, split: 'twice' }, { ok: true, dailyDoseMg: 40, instructions: '20 mg (0.13 mL) under the skin twice daily' }],
  ['es', { indication: 'ra', lang: 'es' }, { ok: true, dailyDoseMg: 100 }],
]) {
  test(`the headless API alone fetches the core and views.api.${lang} only`, async ({ page }) => {
    const check = tolerate();
    const fetched = recordModules(page);
    await hostPage(page, '', `<script type="module">
      import { calculateDose } from './kineret-widget.js';
      calculateDose(${JSON.stringify(request)}).then((r) => { window.__result = r; });
    </script>`);
    await expect.poll(() => page.evaluate(() => window.__result ?? null), { timeout: 15_000 }).toMatchObject(expected);
    if (lang === 'es') expect((await page.evaluate(() => window.__result)).instructions).toContain('una vez al día');
    await quiet(fetched);
    const files = union(core, views.api[lang]);
    expect(sorted(fetched)).toEqual(files);
    const size = (f) => readFileSync(dist + f).length;
    const gz = (f) => gzipSync(readFileSync(dist + f), { level: 9 }).length;
    const total = (list, f) => list.reduce((n, x) => n + f(x), 0);
    const api = views.api[lang];
    test.info().annotations.push({ type: 'api-only size', description:
      `core ${total(core, gz)} B gzip (${total(core, size)} B raw) + api.${lang} ${total(api, gz)} B gzip (${total(api, size)} B raw) ` +
      `= ${total(files, gz)} B gzip in ${files.length} files` });
    check(page);
  });
}

// 8. The strict-CSP host: every tab loads its module on demand, no violation.
test('the strict-CSP demo loads every tab lazily with no CSP violation', async ({ page }) => {
  const check = tolerate();
  await noIdle(page);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const fetched = recordModules(page);
  await page.goto('/csp-demo.html');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await expect(marker(w, 'calculator', 'en')).toBeVisible();
  for (const view of ['sites', 'storage', 'safety']) {
    expect(fetched, `${view} before its tab is opened`).not.toContain(codeOf(view));
    await w.getByRole('tab', { name: TAB_NAME[view].en }).click();
    await expect(marker(w, view, 'en')).toBeVisible();
  }
  await quiet(fetched);
  expect(sorted(fetched)).toEqual(union(core, ...TABS.map((v) => views[v].en)));
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  check(page);
});

// 9. The installed app offline: every tab's modules and both languages'
// texts come from the worker's precache. The page itself never fetched the
// other tabs online (no idle prefetch), so only the precache can serve them.
test('offline, the installed app renders every tab and switches to Spanish from the precache', async ({ page, context }) => {
  const check = tolerate();
  await noIdle(page);
  const server = await serve(dist);
  try {
    const fetched = recordModules(page);
    await page.goto(server.url);
    await widgetsReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await widgetsReady(page);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    expect(fetched).not.toContain(codeOf('sites'));

    await context.setOffline(true);
    server.stop();
    await page.reload();
    await widgetsReady(page);
    const w = page.locator('kineret-widget');
    for (const view of ['sites', 'storage', 'safety', 'calculator']) {
      await w.getByRole('tab', { name: TAB_NAME[view].en }).click();
      await expect(marker(w, view, 'en')).toBeVisible();
      await expect(w.locator('.kw-load-failed')).toHaveCount(0);
    }
    await w.getByRole('tab', { name: TAB_NAME.safety.en }).click();
    await w.evaluate((el) => el.setAttribute('lang', 'es'));
    await expect(marker(w, 'safety', 'es')).toBeVisible();
    check(page);
  } finally {
    server.stop();
  }
});

// Found by this spec: a view shown alone must have every text its own files
// show (the storage pack once lacked CalcUi, the checklist's "Sources"; the
// safety pack WarningMsg, two headings). tests/module_graph.rs checks the
// pack lists; this checks the page.
for (const [view, check] of [
  ['storage', (w) => expect(w.locator('details.kw-sources summary').first()).toHaveText('Sources')],
  ['safety', async (w) => {
    await expect(w.getByRole('heading', { name: 'Warnings to know' })).toBeVisible();
    await expect(w.getByRole('heading', { name: 'If something goes wrong' })).toBeVisible();
  }],
]) {
  test(`view="${view}" alone has all its texts`, async ({ page }) => {
    await hostPage(page, `<kineret-widget view="${view}" lang="en"></kineret-widget>`);
    await widgetsReady(page);
    await check(page.locator('kineret-widget'));
    expect(page.problems.filter((p) => /texts missing/.test(p))).toEqual([]);
  });
}

// 10. `kineret:ready`: once per element, with the view it shows first, when
// that view's markup is in its shadow root; not again on a tab switch.
test('kineret:ready fires once per element, with its first view on screen', async ({ page }) => {
  await page.addInitScript(() => {
    window.__ready = [];
    document.addEventListener('kineret:ready', (e) => window.__ready.push(
      `${e.target.id} ${e.detail.view} ${e.target.shadowRoot.querySelector('.kw-loading') ? 'loading' : 'shown'}`));
  });
  await hostPage(page, '<kineret-widget id="a" view="all"></kineret-widget><kineret-widget id="b" view="safety" lang="es"></kineret-widget>');
  await widgetsReady(page, 2);
  const a = page.locator('#a');
  await a.getByRole('tab', { name: TAB_NAME.storage.en }).click();
  await expect(marker(a, 'storage', 'en')).toBeVisible();
  expect((await page.evaluate(() => window.__ready)).sort()).toEqual(['a calculator shown', 'b safety shown']);
});
