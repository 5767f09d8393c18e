// Storage faults injected in the real browser: the widget keeps working,
// tells the user, and loses nothing that was saved (issue: hardening).
import { test, expect, widgetsReady, reportRow, axeViolations } from './fixtures.mjs';
import { readFileSync } from 'node:fs';

const PREFIX = 'kineret-widget/v1/sites/entry/';

async function sitesTab(page) {
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await expect(w.locator('.kw-sites')).toBeVisible();
  return w;
}

async function log(w, zone) {
  await w.getByRole('button', { name: new RegExp(`^${zone},`) }).click();
  await w.getByRole('button', { name: 'Log injection' }).click();
  // A recently used zone asks for confirmation first.
  const again = w.getByRole('button', { name: /Log anyway/ });
  if (await again.count()) await again.click();
}

const entryKeys = (page) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).sort(), PREFIX);

async function fresh(page) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return sitesTab(page);
}

test('storage unavailable: works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('denied', 'SecurityError'); },
    });
  });
  await page.goto('/');
  const w = await sitesTab(page);
  await expect(w.getByText(/not letting the widget save/).first()).toBeVisible();
  await log(w, 'Left thigh');
  await log(w, 'Right abdomen');
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  await w.getByRole('tab', { name: 'Storage and preparation' }).click();
  // One dose, one record: the sites logged today (in memory) are today's
  // doses, so the checklist first asks before another dose.
  await w.getByRole('button', { name: 'Start another dose anyway' }).click();
  await w.getByRole('checkbox').first().check();
  await expect(w.getByRole('checkbox').first()).toBeChecked();
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  const shown = await w.locator('.kw-log li').count();
  reportRow('storage fault', 'storage unavailable (sandboxed iframe, blocked by settings)', 1, 2 - shown);
  expect(shown).toBe(2);
});

test('the storage notice follows a live lang change (issue #14: no translated text kept in state)', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('denied', 'SecurityError'); },
    });
  });
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByRole('tab', { name: 'Storage and preparation' }).click();
  const notice = w.locator('.kw-st-notice').first();
  await expect(notice).toContainText('This browser is not letting the widget save.');
  await w.evaluate((el) => el.setAttribute('lang', 'es'));
  await expect(notice).toContainText('Este navegador no permite que el widget guarde datos.');
  await expect(notice).not.toContainText('This browser');
});

test('quota exceeded: the failed change is reported; everything saved before survives a reload', async ({ page }) => {
  const w = await fresh(page);
  await log(w, 'Left thigh');
  await log(w, 'Right thigh');
  const saved = await entryKeys(page);
  expect(saved).toHaveLength(2);
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await log(w, 'Left abdomen');
  await expect(w.getByText('This change was not saved.')).toBeVisible();
  await expect(w.locator('.kw-log li')).toHaveCount(3); // kept in memory
  await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
  await page.reload();
  const w2 = await sitesTab(page);
  const after = await entryKeys(page);
  const lost = saved.filter((k) => !after.includes(k)).length;
  reportRow('storage fault', 'quota exceeded on write', 1, lost);
  expect(lost).toBe(0);
  await expect(w2.locator('.kw-log li')).toHaveCount(2);
});

test('corrupt JSON and newer-schema records are set aside, shown, and downloadable byte for byte', async ({ page }) => {
  const w = await fresh(page);
  await log(w, 'Left thigh');
  await log(w, 'Right thigh');
  await log(w, 'Left abdomen');
  const keys = await entryKeys(page);
  const corrupt = '{"v":1,"data":{"id":"oops"'; // truncated write
  await page.evaluate(([a, b, bad]) => {
    localStorage.setItem(a, bad);
    localStorage.setItem(b, localStorage.getItem(b).replace('"v":1', '"v":7'));
  }, [keys[0], keys[1], corrupt]);
  await page.reload();
  const w2 = await sitesTab(page);
  await expect(w2.locator('.kw-log li')).toHaveCount(1);
  const notice = w2.locator('.kw-set-aside');
  await expect(notice).toContainText('2 stored item(s) could not be read and were set aside');
  expect(await axeViolations(page)).toEqual([]);
  const download = page.waitForEvent('download');
  await notice.getByRole('button').click();
  const file = await (await download).path();
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  const values = backup.items.map((i) => i.value);
  expect(backup.format).toBe('kineret-widget-backup');
  expect(values).toContain(corrupt);
  expect(values.some((v) => v.includes('"v":7'))).toBe(true);
  // Nothing dropped: the 3 records are 1 loaded + 2 in quarantine.
  const lost = 3 - (await w2.locator('.kw-log li').count()) - backup.items.filter((i) => i.key.includes('/quarantine/')).length;
  reportRow('storage fault', 'corrupt JSON and newer-schema records in the browser', 2, lost);
  expect(lost).toBe(0);
});

test('an unversioned record from an older version is migrated and shown', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((p) => {
    localStorage.clear();
    localStorage.setItem(`${p}legacy1`, JSON.stringify({ id: 'legacy1', site: 'left-thigh', time: Date.now() - 86400000, note: 'from v0' }));
  }, PREFIX);
  await page.reload();
  const w = await sitesTab(page);
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await expect(w.locator('.kw-log')).toContainText('from v0');
  reportRow('storage fault', 'data from an older version (v0) in the browser', 1, 1 - (await w.locator('.kw-log li').count()));
});

test('two tabs writing at once lose nothing', async ({ page, context }) => {
  const w1 = await fresh(page);
  const page2 = await context.newPage();
  await page2.goto('/');
  const w2 = await sitesTab(page2);
  await Promise.all([log(w1, 'Left thigh'), log(w2, 'Right buttock')]);
  await Promise.all([log(w1, 'Right thigh'), log(w2, 'Left buttock')]);
  await expect(w1.locator('.kw-log li')).toHaveCount(4);
  await expect(w2.locator('.kw-log li')).toHaveCount(4);
  const keys = await entryKeys(page);
  reportRow('storage fault', 'two tabs writing at once (browser)', 1, 4 - keys.length);
  expect(keys).toHaveLength(4);
  await page2.close();
});
