// The installable app (manifest, service worker, offline, safe updates) and
// the CDN embed (no worker on host pages, SRI snippet). Tests that need a
// worker serve their own copy of dist/ on their own port, from a folder they
// can swap for a second build.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';
import { writeWorker } from '../../scripts/precache.mjs';
import { serve } from '../serve.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const cargoToml = new URL('../../Cargo.toml', import.meta.url).pathname;
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');

/** Two builds in a temp folder: `a` = dist/, `b` = the same with another
 *  version string in the entry (and so another worker and cache), served
 *  through the symlink `current`. */
function makeSite() {
  const root = mkdtempSync(join(tmpdir(), 'kw-pwa-'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  cpSync(dist, a, { recursive: true });
  cpSync(dist, b, { recursive: true });
  const entry = join(b, 'kineret-widget.js');
  // The entry is minified (the version constant is inlined), so every
  // occurrence of the version literal is replaced; one must exist.
  const text = readFileSync(entry, 'utf8');
  const version = JSON.stringify(/^version\s*=\s*"([^"]+)"/m.exec(readFileSync(cargoToml, 'utf8'))[1]);
  if (!text.includes(version)) throw new Error(`entry has no ${version}`);
  writeFileSync(entry, text.replaceAll(version, version.replace(/"$/, '+next"')));
  const caches = { a: writeWorker(a), b: writeWorker(b) };
  const current = join(root, 'current');
  symlinkSync(a, current);
  return {
    root,
    current,
    caches,
    swapTo(dir) {
      const tmp = join(root, 'current.new');
      symlinkSync(dir, tmp);
      renameSync(tmp, current); // atomic
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Loads the app online and reloads it once, so that the worker (installed
 *  and activated on the first load) controls the page. */
async function installed(page, url) {
  await page.goto(url);
  await widgetsReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await widgetsReady(page);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

const running = (page) => page.evaluate(async () => (await import('./kineret-widget.js')).version());
const cacheNames = (page) => page.evaluate(() => caches.keys());

async function calculatesRa(w) {
  await w.getByLabel('Prescribed for').selectOption({ label: 'Rheumatoid arthritis' });
  await expect(w.locator('.kw-dose')).toHaveText('100 mg (0.67 mL)');
}

test('the app works fully offline once installed', async ({ page, context }) => {
  const site = makeSite();
  const server = await serve(site.current);
  try {
    await installed(page, server.url);
    await context.setOffline(true);
    server.stop(); // no network at all, whatever the emulation covers
    await page.reload();
    await widgetsReady(page);
    const w = page.locator('kineret-widget');
    await calculatesRa(w);
    for (const name of ['Injection sites', 'Storage and preparation', 'Safety', 'Dose calculator']) {
      await w.getByRole('tab', { name }).click();
      await expect(w.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    }
    expect(await cacheNames(page)).toEqual([site.caches.a]);
  } finally {
    server.stop();
    site.remove();
  }
});

test('a new build waits: "Not now" keeps the old version, "Reload" loads the new one', async ({ page }) => {
  const site = makeSite();
  const server = await serve(site.current);
  try {
    await installed(page, server.url);
    const oldVersion = await running(page);
    const w = page.locator('kineret-widget');
    await expect(w.getByText('Update available')).toHaveCount(0);

    site.swapTo(join(site.root, 'b'));
    await page.reload(); // the browser checks sw.js on navigation: B installs and waits
    const banner = w.getByRole('status').filter({ hasText: 'Update available — reload' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);

    // Refuse: the banner goes, the old version keeps working.
    await banner.getByRole('button', { name: 'Not now' }).click();
    await expect(banner).toHaveCount(0);
    expect(await running(page)).toBe(oldVersion);
    await calculatesRa(w);

    // Still the old version on the next load (the new one waits); the banner
    // is offered again, in the widget's language.
    await page.reload();
    await widgetsReady(page);
    expect(await running(page)).toBe(oldVersion);
    await w.evaluate((el) => el.setAttribute('lang', 'es'));
    const es = w.getByRole('status').filter({ hasText: 'Actualización disponible' });
    await expect(es.getByRole('button', { name: 'Ahora no' })).toBeVisible();
    await w.evaluate((el) => el.setAttribute('lang', 'en'));

    // Accept: the new worker takes over and the page reloads into build B.
    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await widgetsReady(page);
    expect(await running(page)).toBe(`${oldVersion}+next`);
    await expect(w.getByText('Update available')).toHaveCount(0);
    await calculatesRa(w);
    await expect.poll(() => cacheNames(page)).toEqual([site.caches.b]); // old cache deleted
  } finally {
    server.stop();
    site.remove();
  }
});

test('an app update deletes only the app\'s own caches: a host page\'s caches survive', async ({ page }) => {
  const site = makeSite();
  const server = await serve(site.current);
  try {
    await installed(page, server.url);
    expect(site.caches.a).toMatch(/^kineret-app-[0-9a-f]{12}$/);
    // The host page's own caches on the same origin, README's example name
    // and the kineret-widget-* name earlier READMEs suggested included, and
    // a cache an earlier app build made (kineret-widget-<12 hex>).
    const host = ['kineret-widget-host', 'kineret-widget-0.1.0', 'my-pharmacy-kineret-0.2.0'];
    const legacy = 'kineret-widget-0123456789ab';
    await page.evaluate(async (names) => {
      for (const name of names) {
        const cache = await caches.open(name);
        await cache.put(new Request(`/host/${name}.txt`), new Response(`kept ${name}`));
      }
    }, [...host, legacy]);

    site.swapTo(join(site.root, 'b'));
    await page.reload();
    const w = page.locator('kineret-widget');
    const banner = w.getByRole('status').filter({ hasText: 'Update available — reload' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await widgetsReady(page);

    // The previous app cache and the legacy one go; the host's stay, whole.
    await expect.poll(async () => (await cacheNames(page)).sort()).toEqual([...host, site.caches.b].sort());
    const kept = await page.evaluate(async (names) => Promise.all(names.map(async (name) => {
      const hit = await (await caches.open(name)).match(`/host/${name}.txt`);
      return hit ? hit.text() : null;
    })), host);
    expect(kept).toEqual(host.map((name) => `kept ${name}`));
  } finally {
    server.stop();
    site.remove();
  }
});

test('the app is installable: manifest, icons, worker', async ({ page, context }) => {
  const site = makeSite();
  const server = await serve(site.current);
  try {
    await installed(page, server.url);
    const manifest = await (await page.request.get(server.url + 'manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ name: 'Kineret companion', short_name: 'Kineret', display: 'standalone',
      start_url: './', scope: './', theme_color: '#0b5cad', background_color: '#ffffff' });
    for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
      const png = await (await page.request.get(server.url + icon.src)).body();
      const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      expect(size, icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    // Chromium's own verdict. Playwright's contexts are off-the-record, where
    // Chromium never offers to install; `make bench` checks a real profile.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  } finally {
    server.stop();
    site.remove();
  }
});

test('the app runs under a strict CSP (no inline script or style)', async ({ page }) => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const violations = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.route('**/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  const response = await page.goto('/');
  expect(response.headers()['content-security-policy']).toBe(csp);
  await widgetsReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.locator('kineret-widget').getByLabel('Prescribed for').selectOption({ label: 'Rheumatoid arthritis' });
  await expect(page.locator('kineret-widget .kw-dose')).toHaveText('100 mg (0.67 mL)');
  expect(violations).toEqual([]);
});

test('kineret:ready fires once, with the first view on screen; the app registers its worker only after it', async ({ page }) => {
  // app.js arrives late (a slow disk or network): it must still hear the
  // event (index.html runs it first), not wait for its 10 s fallback.
  await page.route('**/app.js', async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__kwLog = [];
    document.addEventListener('kineret:ready', (e) => window.__kwLog.push(
      `ready ${e.detail.view} ${e.target.shadowRoot.querySelector('select') ? 'with its form' : 'without its form'}`));
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.__kwLog.push('register');
      return register(...args);
    };
  });
  await page.goto('/');
  await widgetsReady(page);
  await expect.poll(() => page.evaluate(() => window.__kwLog), { timeout: 5000 })
    .toEqual(['ready calculator with its form', 'register']);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Another tab shown later is no first view: no second event.
  const w = page.locator('kineret-widget');
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await expect(w.getByRole('tab', { name: 'Injection sites' })).toHaveAttribute('aria-selected', 'true');
  await widgetsReady(page);
  expect(await page.evaluate(() => window.__kwLog)).toEqual(['ready calculator with its form', 'register']);
});

test('the embed registers no service worker on the host page', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  // Whatever the page would fetch or register has happened once the network is idle.
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect(readFileSync(join(dist, 'kineret-widget.js'), 'utf8')).not.toContain('serviceWorker');
});

test('the embed snippet and precache.json carry the build\'s SRI hashes', async ({ page, baseURL }) => {
  const snippet = readFileSync(join(dist, 'embed-snippet.html'), 'utf8');
  const tag = /<script type="module" src="([^"]+)"\s+integrity="([^"]+)" crossorigin="anonymous"><\/script>/.exec(snippet);
  expect(tag, 'the snippet\'s script tag').not.toBeNull();
  expect(tag[2]).toBe(sri(readFileSync(join(dist, 'kineret-widget.js'))));
  const { files } = JSON.parse(readFileSync(join(dist, 'precache.json'), 'utf8'));
  expect(files.map((f) => f.url)).toContain('kineret-widget.js');
  for (const f of files) expect(f.integrity, f.url).toBe(sri(readFileSync(join(dist, f.url))));
  // The browser agrees: the snippet, pointed at this server, starts the widget.
  const body = snippet.replace(tag[1], `${baseURL}/kineret-widget.js`);
  await page.route('**/snippet-test.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>t</title>${body}</html>` }));
  await page.goto('/snippet-test.html');
  await widgetsReady(page);
});
