// The user's data: "Delete all my data" (every feature, set-aside items
// included, nothing of the host page's storage) and an import file that is
// too large, refused by its size before it is read.
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';

const OURS = 'kineret-widget/';

test('"Delete all my data" asks first, removes every feature\'s data and set-aside items, keeps the page\'s, and says so', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('host-cart', '[1,2]');
    localStorage.setItem('kineret-widgetX/host', 'not ours');
    // An unreadable record: the sites view sets it aside (quarantine).
    localStorage.setItem('kineret-widget/v1/sites/entry/999-00000001', '{not json');
  });
  await page.reload();
  await widgetsReady(page);
  const w = page.locator('kineret-widget');

  // A checklist step (storage; first: a logged injection counts as today's
  // dose), an injection (sites), a start date (safety).
  await w.getByRole('tab', { name: 'Storage and preparation' }).click();
  await w.getByLabel('Expiration date checked').check();
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await w.getByRole('button', { name: 'Left buttock, never used' }).click();
  await w.getByRole('button', { name: 'Log injection' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await expect(w.locator('.kw-set-aside')).toBeVisible();
  await w.getByRole('tab', { name: 'Safety' }).click();
  await w.getByLabel('Treatment start date').fill('2026-01-05');
  const keys = () => page.evaluate(() => Object.keys(localStorage).sort());
  await expect.poll(async () => (await keys()).filter((k) => k.startsWith(OURS)).map((k) => k.split('/')[2]).sort())
    .toEqual(expect.arrayContaining(['checklist', 'safety', 'sites']));
  expect((await keys()).some((k) => k.startsWith(OURS + 'quarantine/'))).toBe(true);

  // Ask, then cancel: nothing is deleted, focus returns to the button.
  const del = w.getByRole('button', { name: 'Delete all my data' });
  await del.click();
  const ask = w.getByRole('group').filter({ hasText: 'This cannot be undone' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(del).toBeFocused();
  expect((await keys()).filter((k) => k.startsWith(OURS)).length).toBeGreaterThan(2);

  // Ask, then delete.
  await del.click();
  await ask.getByRole('button', { name: 'Yes, delete all my data' }).click();
  const said = w.locator('.kw-footer [role=status]');
  await expect(said).toHaveText('All your data on this device was deleted.');
  await expect(del).toBeFocused();
  expect(await keys()).toEqual(['host-cart', 'kineret-widgetX/host']);
  // Every view starts afresh: nothing of the deleted data stays on screen.
  await expect(w.getByLabel('Treatment start date')).toHaveValue('');
  await expect(w.locator('.kw-set-aside')).toHaveCount(0);
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(0);
  await w.getByRole('tab', { name: 'Storage and preparation' }).click();
  await expect(w.getByLabel('Expiration date checked')).not.toBeChecked();
  expect(await keys()).toEqual(['host-cart', 'kineret-widgetX/host']);
  expect(await axeViolations(page)).toEqual([]);
  // The message follows the widget's language.
  await w.evaluate((el) => el.setAttribute('lang', 'es'));
  await expect(said).toHaveText('Se eliminaron todos sus datos de este dispositivo.');
  await expect(w.getByRole('button', { name: 'Eliminar todos mis datos' })).toBeVisible();
});

test('"Delete all my data" in one widget empties the other widgets on the page too', async ({ page }) => {
  await page.route('**/two-widgets.html', (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="en"><title>two</title><script type="module" src="./kineret-widget.js"></script>' +
    '<main><kineret-widget id="a" view="sites"></kineret-widget><kineret-widget id="b" view="storage"></kineret-widget></main></html>' }));
  await page.goto('/two-widgets.html');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page, 2);
  const a = page.locator('#a');
  const b = page.locator('#b');
  await b.getByLabel('Expiration date checked').check();
  await a.getByRole('button', { name: 'Left buttock, never used' }).click();
  await a.getByRole('button', { name: 'Log injection' }).click();
  await expect(a.locator('.kw-log li')).toHaveCount(1);
  await a.getByRole('button', { name: 'Delete all my data' }).click();
  await a.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await expect(a.locator('.kw-footer [role=status]')).toHaveText('All your data on this device was deleted.');
  await expect(a.locator('.kw-log li')).toHaveCount(0);
  await expect(b.getByLabel('Expiration date checked')).not.toBeChecked();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
});

test('an import file over 4 MiB is refused by its size, without being read', async ({ page }) => {
  await page.addInitScript(() => {
    window.__reads = 0;
    for (const m of ['text', 'arrayBuffer', 'stream', 'bytes']) {
      const orig = Blob.prototype[m];
      if (orig) Blob.prototype[m] = function (...args) { window.__reads++; return orig.apply(this, args); };
    }
    for (const m of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']) {
      const orig = FileReader.prototype[m];
      FileReader.prototype[m] = function (...args) { window.__reads++; return orig.apply(this, args); };
    }
  });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  const input = w.getByLabel('Import a backup (JSON file)');
  // The counter sees reads: a small (malformed) file is read once.
  await input.setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
  await expect(w.getByRole('alert')).toHaveText('This file is not a valid injection-site export.');
  expect(await page.evaluate(() => window.__reads)).toBe(1);
  // 4 MiB + 1 byte: refused at once, never read.
  const big = Buffer.alloc(4 * 1024 * 1024 + 1, 0x20);
  await input.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: big });
  await expect(w.getByRole('alert')).toHaveText('This file is too large.');
  expect(await page.evaluate(() => window.__reads)).toBe(1);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('sites/entry')).length)).toBe(0);
});
