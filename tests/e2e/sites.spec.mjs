// Injection sites: keyboard logging, rotation, flags, import/export, two
// instances in sync, printing and accessibility.
import { test, expect, widgetsReady, axeViolations, capturePrints, printFrameStyles } from './fixtures.mjs';

/** The focused element, looking through shadow roots. */
async function active(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return {
      action: a?.getAttribute('data-a') ?? '',
      value: a?.getAttribute('data-v') ?? '',
      text: (a?.textContent ?? '').trim(),
      label: a?.getAttribute('aria-label') ?? '',
    };
  });
}

/** Presses Tab (or Shift+Tab) until `pred(focused)` holds. */
async function tabTo(page, pred, shift = false) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const a = await active(page);
    if (pred(a)) return a;
  }
  throw new Error('focus never reached the target');
}

const isZone = (a) => a.action === 'zone' && a.label.length > 0;
const isLog = (a) => a.action === 'log';

/** The app page on empty storage, showing the injection-site tab. */
async function sitesPage(page, lang = 'en') {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  if (lang !== 'en') await w.evaluate((el, l) => el.setAttribute('lang', l), lang);
  await w.getByRole('tab').nth(1).click();
  await expect(w.locator('.kw-sites')).toBeVisible();
  return w;
}

async function logZone(w, name) {
  await w.getByRole('button', { name }).click();
  await w.getByRole('button', { name: 'Log injection' }).click();
}

test('log three injections with the keyboard only; they survive a reload', async ({ page }) => {
  const w = await sitesPage(page);
  await w.getByRole('tab', { name: 'Injection sites' }).focus();
  // 1: the first zone of the map (right abdomen), Enter, then the log button.
  let z = await tabTo(page, isZone);
  expect(z.value).toBe('abdomen-right');
  await page.keyboard.press('Enter');
  await tabTo(page, isLog);
  await page.keyboard.press('Enter');
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await expect(w.getByRole('status').filter({ hasText: 'Logged: Right abdomen' })).toHaveCount(1);
  // 2: back to the map, one arrow to the right (left abdomen), Space.
  z = await tabTo(page, isZone, true);
  await page.keyboard.press('ArrowRight');
  expect((await active(page)).value).toBe('abdomen-left');
  await page.keyboard.press(' ');
  await tabTo(page, isLog);
  await page.keyboard.press('Enter');
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  // 3: right thigh: down from the left abdomen is the left thigh, then left
  // (as drawn on the front view, the person's right is on the viewer's left).
  await tabTo(page, isZone, true);
  await page.keyboard.press('ArrowDown');
  expect((await active(page)).value).toBe('thigh-left');
  await page.keyboard.press('ArrowLeft');
  expect((await active(page)).value).toBe('thigh-right');
  await page.keyboard.press('Enter');
  await tabTo(page, isLog);
  await page.keyboard.press('Enter');
  await expect(w.locator('.kw-log li')).toHaveCount(3);

  await page.reload();
  await widgetsReady(page);
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  const rows = w.locator('.kw-log li');
  await expect(rows).toHaveCount(3);
  // Newest first.
  await expect(rows.nth(0)).toContainText('Right thigh');
  await expect(rows.nth(1)).toContainText('Left abdomen');
  await expect(rows.nth(2)).toContainText('Right abdomen');
  await expect(w.getByRole('button', { name: 'Right thigh, last used today' })).toBeVisible();
  // The new suggestion: the left thigh, never used.
  await expect(w.locator('.kw-suggest')).toContainText('Suggested next site: Left thigh');
  await expect(w.locator('.kw-suggest')).toContainText('Never used');
});

// Arrows follow the picture (core::sites::rotation::neighbour): a path
// through all eight zones for the figures side by side (this viewport) and
// one for the figures stacked (a phone: phone-sites.spec.mjs).
const PATHS = {
  sideBySide: [['ArrowDown', 'thigh-right'], ['ArrowRight', 'thigh-left'], ['ArrowUp', 'abdomen-left'],
    ['ArrowRight', 'buttock-left'], ['ArrowRight', 'buttock-right'], ['ArrowUp', 'arm-right'], ['ArrowLeft', 'arm-left']],
  stacked: [['ArrowRight', 'abdomen-left'], ['ArrowDown', 'thigh-left'], ['ArrowLeft', 'thigh-right'],
    ['ArrowDown', 'arm-left'], ['ArrowRight', 'arm-right'], ['ArrowDown', 'buttock-right'], ['ArrowLeft', 'buttock-left']],
};

for (const who of ['The patient injects themselves', 'Someone else gives it (parent, caregiver, nurse)']) {
  test(`arrow keys follow the drawn map through every zone, the suggested one included (${who})`, async ({ page }) => {
    const w = await sitesPage(page);
    await w.getByLabel(who).check();
    const suggested = await w.locator('.kw-suggest [data-a=zone]').getAttribute('data-v');
    const stacked = await w.locator('.kw-fig').evaluateAll((f) => f[1].offsetTop > f[0].offsetTop + 20);
    expect(stacked).toBe(false);
    await w.getByRole('tab', { name: 'Injection sites' }).focus();
    const first = await tabTo(page, isZone);
    expect(first.value).toBe('abdomen-right');
    const seen = [first.value];
    for (const [key, zone] of PATHS.sideBySide) {
      await page.keyboard.press(key);
      const a = await active(page);
      // A zone of the map (named), never the suggestion card's button.
      expect(isZone(a), `${key}: ${JSON.stringify(a)}`).toBe(true);
      expect(a.value, key).toBe(zone);
      seen.push(a.value);
    }
    expect(new Set(seen).size).toBe(8);
    expect(seen).toContain(suggested);
    // At the edge of the picture an arrow stays put (no wrapping).
    await page.keyboard.press('ArrowUp');
    expect((await active(page)).value).toBe('arm-left');
    await page.keyboard.press('Home');
    expect((await active(page)).value).toBe('abdomen-right');
    await page.keyboard.press('End');
    expect((await active(page)).value).toBe('buttock-right');
    // One zone in the tab order: the focused one.
    await expect(w.locator('g[data-a=zone][tabindex="0"]')).toHaveCount(1);
    await expect(w.locator('g[data-a=zone][data-v=buttock-right]')).toHaveAttribute('tabindex', '0');
  });
}

test('logging confirms visibly, closes the form and can be undone without losing anything', async ({ page }) => {
  const w = await sitesPage(page);
  await logZone(w, 'Left buttock, never used');
  await w.getByRole('button', { name: 'Right thigh, never used' }).click();
  await w.getByLabel('Other notes (optional)').fill('felt fine');
  await w.getByLabel('pain').check();
  await w.getByRole('button', { name: 'Log injection' }).click();
  const done = w.locator('#kw-logged');
  await expect(done).toBeVisible();
  await expect(done).toHaveText(/^Logged: Right thigh, .*\d.*Undo/);
  await expect(done).toBeFocused();
  await expect(w.getByRole('status').filter({ hasText: /^Logged: Right thigh, / })).toHaveCount(1);
  // The form closed: no zone chosen, no "Log injection" to press twice.
  await expect(w.getByRole('button', { name: 'Log injection' })).toHaveCount(0);
  await expect(w.locator('g[data-a=zone][aria-pressed=true]')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await page.keyboard.press(' ');
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  // Undo: that entry only is gone, here and in storage.
  await w.getByRole('button', { name: 'Undo' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await expect(w.locator('.kw-log li')).toContainText('Left buttock');
  await expect(done).toHaveCount(0);
  await expect(w.getByRole('status').filter({ hasText: 'Removed from the history: Right thigh' })).toHaveCount(1);
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('sites/entry'))
    .map((k) => JSON.parse(localStorage.getItem(k)).data.zone).sort());
  expect(await stored()).toEqual(['buttock-left']);
  // Nothing typed is lost: the zone is chosen again with its note and reaction.
  await expect(w.getByRole('button', { name: 'Right thigh, never used' })).toBeFocused();
  await expect(w.getByLabel('Other notes (optional)')).toHaveValue('felt fine');
  await expect(w.getByLabel('pain')).toBeChecked();
  await w.getByRole('button', { name: 'Log injection' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  expect(await stored()).toEqual(['buttock-left', 'thigh-right']);
  await page.reload();
  await widgetsReady(page);
  await w.getByRole('tab', { name: 'Injection sites' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  await expect(w.locator('.kw-log li').first()).toContainText('pain. felt fine');
});

test('forced colors: never used, recent and rested differ without colour, in the key and on the map', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const w = await sitesPage(page);
  const swatches = w.locator('.kw-key li .kw-swatch');
  const [never, recent, rested] = [await swatches.nth(0).screenshot(), await swatches.nth(1).screenshot(),
    await swatches.nth(2).screenshot()];
  expect(never.equals(recent) || never.equals(rested) || recent.equals(rested)).toBe(false);
  // Not just the sample number: stripes for recent, a heavier outline for rested.
  const look = (sel) => w.locator(sel).first().evaluate((el) => {
    const c = getComputedStyle(el);
    return `${c.display} ${c.strokeWidth}`;
  });
  expect(await look('.kw-key .kw-tone-recent .kw-zpat')).toMatch(/^inline /);
  expect(await look('.kw-key .kw-tone-rested .kw-zshape')).toBe('inline 3.5px');
  expect(await look('.kw-key .kw-tone-never .kw-zshape')).toBe('inline 1.5px');
  // The same on the map: one zone used today (recent), one never used.
  await logZone(w, 'Left thigh, never used');
  const zone = (v) => w.locator(`g[data-a=zone][data-v=${v}]`);
  await expect(zone('thigh-left')).toHaveClass(/kw-tone-recent/);
  expect(await zone('thigh-left').locator('.kw-zpat').evaluate((el) => getComputedStyle(el).display)).toBe('inline');
  expect(await zone('thigh-right').locator('.kw-zpat')).toHaveCount(0);
  await page.emulateMedia({ forcedColors: 'none' });
  expect(await zone('thigh-left').locator('.kw-zpat').evaluate((el) => getComputedStyle(el).display)).toBe('none');
});

test('back-dating: yesterday 8 pm in local time', async ({ page }) => {
  const w = await sitesPage(page);
  await w.getByRole('button', { name: 'Left buttock, never used' }).click();
  await w.getByLabel('Earlier').check();
  const yesterday = await page.evaluate(() => {
    const d = new Date(Date.now() - 864e5);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await w.getByLabel('Date').fill(yesterday);
  await w.getByLabel('Time').fill('20:00');
  await w.getByRole('button', { name: 'Log injection' }).click();
  await expect(w.locator('.kw-log li')).toContainText('8:00');
  await expect(w.getByRole('button', { name: 'Left buttock, last used yesterday' })).toBeVisible();
  const at = await page.evaluate(() => {
    const k = Object.keys(localStorage).find((k) => k.includes('sites/entry'));
    return JSON.parse(localStorage.getItem(k)).data.atMs;
  });
  const local = await page.evaluate((ms) => { const d = new Date(ms); return [d.getHours(), d.getMinutes()]; }, at);
  expect(local).toEqual([20, 0]);
  // A future time is refused with a linked error.
  await w.getByRole('button', { name: 'Right buttock, never used' }).click();
  await w.getByLabel('Earlier').check();
  await w.getByLabel('Date').fill('2999-01-01');
  await w.getByLabel('Time').fill('08:00');
  await w.getByRole('button', { name: 'Log injection' }).click();
  await expect(w.locator('#kw-log-err')).toHaveText(/That time is in the future/);
  await expect(w.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(w.locator('.kw-log li')).toHaveCount(1);
});

test('a flagged zone is skipped by the suggestion and logging into it asks first', async ({ page }) => {
  const w = await sitesPage(page);
  await expect(w.locator('.kw-suggest strong')).toHaveText('Right thigh');
  await w.getByRole('button', { name: 'Right thigh, never used' }).click();
  await w.getByLabel('Reason').selectOption('bruised');
  await w.getByRole('button', { name: 'Mark site' }).click();
  await expect(w.getByText('Marked: bruised, until you clear it.')).toBeVisible();
  await expect(w.locator('.kw-suggest strong')).toHaveText('Left thigh');
  const flagged = w.getByRole('button', { name: 'Right thigh, flagged: bruised' });
  await expect(flagged).toHaveClass(/kw-tone-flagged/);
  await expect(flagged.locator('xpath=following-sibling::*[1]')).toHaveText('!');
  // Logging into it needs a confirmation.
  await expect(w.getByText('You marked this site: bruised.')).toBeVisible();
  await w.getByRole('button', { name: 'Log injection' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(0);
  await expect(w.getByRole('button', { name: 'Log anyway' })).toBeFocused();
  await w.getByRole('button', { name: 'Cancel' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(0);
  // A flag until a past date is refused, with the error linked to the field.
  await w.getByRole('button', { name: 'Clear mark' }).click();
  await w.getByLabel(/^Until/).fill('2020-01-01');
  await w.getByRole('button', { name: 'Mark site' }).click();
  await expect(w.getByLabel(/^Until/)).toHaveAttribute('aria-describedby', 'kw-flag-err');
  await expect(w.locator('#kw-flag-err')).toHaveText(/Choose today or a later date/);
  await expect(w.locator('.kw-suggest strong')).toHaveText('Right thigh');
});

test('a malformed import is rejected and nothing changes', async ({ page }) => {
  const w = await sitesPage(page);
  await logZone(w, 'Left buttock, never used');
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  const input = w.getByLabel('Import a backup (JSON file)');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
  await expect(w.getByRole('alert')).toHaveText('This file is not a valid injection-site export.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAttribute('aria-describedby', 'kw-import-err');
  const wrongZone = JSON.stringify({
    format: 'kineret-widget-sites', version: 1, flags: [],
    entries: [{ id: 'x1', zone: 'knee-left', atMs: Date.now() - 1000, loggedMs: Date.now() - 1000, injector: 'caregiver', reactions: [], note: '' }],
  });
  await input.setInputFiles({ name: 'bad2.json', mimeType: 'application/json', buffer: Buffer.from(wrongZone) });
  await expect(w.getByRole('alert')).toContainText('Entry 1 in the file is not valid: unknown injection site');
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await expect(w.locator('.kw-log li')).toContainText('Left buttock');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('sites/entry')).length);
  expect(stored).toBe(1);
});

test('export JSON and import it back: no duplicates; CSV downloads too', async ({ page }) => {
  const w = await sitesPage(page);
  await logZone(w, 'Right thigh, never used');
  await logZone(w, 'Left thigh, never used');
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.getByRole('button', { name: 'Download a backup (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kineret-sites-\d{4}-\d\d-\d\d\.json$/);
  const path = await download.path();
  const json = JSON.parse(await (await import('node:fs/promises')).readFile(path, 'utf8'));
  expect(json.format).toBe('kineret-widget-sites');
  expect(json.entries).toHaveLength(2);
  await w.getByLabel('Import a backup (JSON file)').setInputFiles(path);
  await expect(w.getByText('Entries imported: 0. Already here: 2.')).toBeVisible();
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  // Into empty storage it restores both.
  await w.getByRole('button', { name: 'Delete all my injection-site data' }).click();
  await w.getByRole('button', { name: 'Delete everything' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(0);
  await expect(w.getByText('All injection-site data was deleted.')).toBeVisible();
  await w.getByLabel('Import a backup (JSON file)').setInputFiles(path);
  await expect(w.getByText('Entries imported: 2. Already here: 0.')).toBeVisible();
  await expect(w.locator('.kw-log li')).toHaveCount(2);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    w.getByRole('button', { name: 'Download for a spreadsheet (CSV)' }).click(),
  ]);
  const text = await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8');
  expect(text.split('\n')[0]).toBe(
    'id,zone,date-time (UTC),given by,reactions,note,date and time (local),site,who injected,skin reactions');
  // Machine columns kept; readable ones in the page's local time.
  const row = text.split('\n').find((l) => l.includes('thigh-left')).split(',');
  const local = await page.evaluate((iso) => {
    const d = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }, row[2]);
  expect(row.slice(1, 4)).toEqual(['thigh-left', row[2], 'selfInjecting']);
  expect(row[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(row.slice(6)).toEqual([local, 'Left thigh', 'The patient', '']);
  // In Spanish: headers and readable columns in Spanish, the codes unchanged.
  await page.locator('kineret-widget').evaluate((el) => el.setAttribute('lang', 'es'));
  const [csvEs] = await Promise.all([
    page.waitForEvent('download'),
    w.getByRole('button', { name: 'Descargar para hoja de cálculo (CSV)' }).click(),
  ]);
  const es = await (await import('node:fs/promises')).readFile(await csvEs.path(), 'utf8');
  expect(es.split('\n')[0]).toBe('id,zona,fecha y hora (UTC),administrada por,reacciones,nota,'
    + 'fecha y hora (local),zona de inyección,quién la puso,reacciones en la piel');
  expect(es).toContain(`,thigh-left,${row[2]},selfInjecting,,,${local},Muslo izquierdo,El (la) paciente,\n`);
});

test('two instances on one page see each other\'s log', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page, 2);
  await page.evaluate(() => {
    const el = document.createElement('kineret-widget');
    el.id = 'second-sites';
    el.setAttribute('view', 'sites');
    document.querySelector('main').append(el);
  });
  await widgetsReady(page, 3);
  const a = page.locator('#primary');
  const b = page.locator('#second-sites');
  await a.getByRole('tab', { name: 'Injection sites' }).click();
  await logZone(a, 'Right abdomen, never used');
  await expect(b.locator('.kw-log li')).toHaveCount(1);
  await expect(b.locator('.kw-log li')).toContainText('Right abdomen');
  await expect(b.getByRole('button', { name: 'Right abdomen, last used today' })).toBeVisible();
  await logZone(b, 'Left abdomen, never used');
  await expect(a.locator('.kw-log li')).toHaveCount(2);
  // Who is injecting is shared too.
  await b.getByLabel('Someone else gives it (parent, caregiver, nurse)').check();
  await expect(a.getByLabel('Someone else gives it (parent, caregiver, nurse)')).toBeChecked();
  await expect(a.getByRole('button', { name: 'Left arm, never used' })).toBeVisible();
});

test('another tab\'s change appears (storage event)', async ({ page, context }) => {
  const w = await sitesPage(page);
  const other = await context.newPage();
  await other.goto('/');
  await widgetsReady(other);
  const o = other.locator('kineret-widget');
  await o.getByRole('tab', { name: 'Injection sites' }).click();
  await logZone(o, 'Left thigh, never used');
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await other.close();
});

test('a failed write says so and keeps the entry in memory', async ({ page }) => {
  const w = await sitesPage(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await logZone(w, 'Left thigh, never used');
  await expect(w.locator('.kw-log li')).toHaveCount(1);
  await expect(w.getByText('This change was not saved.')).toBeVisible();
  await expect(w.getByText("Your last change was not saved: the browser's storage is full.")).toBeVisible();
});

test('edit an entry, delete it and undo', async ({ page }) => {
  const w = await sitesPage(page);
  await logZone(w, 'Left thigh, never used');
  await w.getByRole('button', { name: /^Edit Left thigh/ }).click();
  await expect(w.getByLabel('Site', { exact: true })).toBeFocused();
  await w.getByLabel('Site', { exact: true }).selectOption('buttock-right');
  await w.locator('.kw-edit').getByLabel('Other notes (optional)').fill('<b>sore</b>');
  await w.getByRole('button', { name: 'Save' }).click();
  const row = w.locator('.kw-log li');
  await expect(row).toContainText('Right buttock');
  await expect(row.locator('.kw-note')).toHaveText('<b>sore</b>');
  await expect(row.locator('b')).toHaveCount(0);
  await w.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toContainText('Left thigh');
  await w.getByRole('button', { name: /^Delete Left thigh/ }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(0);
  await w.getByRole('button', { name: 'Undo' }).click();
  await expect(w.locator('.kw-log li')).toHaveCount(1);
});

test('print shows only the last 30 days table', async ({ page }) => {
  const w = await sitesPage(page);
  await logZone(w, 'Left thigh, never used');
  await capturePrints(page);
  await w.getByRole('button', { name: 'Print the last 30 days' }).click();
  // Printed alone, from a hidden frame with the widget's stylesheet (the
  // table is display:none on screen there too), never the whole page.
  await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(1);
  const [frame] = await page.evaluate(() => window.printedFrames);
  expect(frame.title).toBe('Kineret injection log');
  // The printed log: title, dates covered, who injected in words.
  expect(frame.text).toContain('Kineret injection log');
  expect(frame.text).toMatch(/ to .* \(the last 30 days\)/);
  expect(frame.text).toContain('The patient');
  expect(frame.lang).toBe('en');
  expect(frame.text).toContain('Left thigh');
  expect(frame.html).toContain('<table');
  expect(frame.html).not.toContain('kw-map');
  expect(frame.sheets).toBe(1);
  expect(frame.font).toContain('sans-serif'); // the widget's sheet applies
  expect(frame.html).toMatch(/^<div class="kw-host"[^>]*><div class="kw-print">/);
  expect(await page.evaluate(() => window.printedPage)).toBe(0);
  // On paper the table shows (it is display:none on screen).
  expect((await printFrameStyles(page, ['.kw-print']))['.kw-print'].display).toBe('none');
  await page.emulateMedia({ media: 'print' });
  expect((await printFrameStyles(page, ['.kw-print']))['.kw-print'].display).toBe('block');
  await page.emulateMedia({ media: 'screen' });
  // The widget's own print CSS (the fallback when no frame can be made).
  await expect(w.locator('.kw-print')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(w.locator('.kw-print')).toBeVisible();
  await expect(w.locator('.kw-print tbody tr')).toHaveCount(1);
  await expect(w.locator('.kw-print')).toContainText('Left thigh');
  await expect(w.locator('.kw-map')).toBeHidden();
  await expect(w.getByRole('tab').first()).toBeHidden();
});

for (const lang of ['en', 'es']) {
  test(`zero axe violations in the injection-site view (${lang})`, async ({ page }) => {
    const w = await sitesPage(page, lang);
    expect(await axeViolations(page), 'empty').toEqual([]);
    const zones = w.locator('g[data-a=zone]');
    await zones.nth(0).click(); // right abdomen
    await w.locator('[data-a=log]').click();
    await expect(w.locator('#kw-logged')).toBeFocused();
    expect(await axeViolations(page), 'logged').toEqual([]);
    await zones.nth(0).click();
    await w.locator('input[name=when][value=earlier]').check();
    await w.locator('[data-a=log]').click(); // the same zone again: confirm step
    await expect(w.locator('[data-a=log-yes]')).toBeVisible();
    await w.getByLabel(lang === 'en' ? 'Date' : 'Fecha').first().fill('2001-01-01');
    expect(await axeViolations(page), 'logged, confirm step').toEqual([]);
    await w.locator('[data-a=log-no]').click();
    await w.locator('[data-a=log]').click(); // the date is checked first
    await expect(w.locator('#kw-log-err')).toBeVisible();
    await w.locator('[data-a=edit]').first().click();
    await w.locator('#kw-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('x') });
    await expect(w.locator('#kw-import-err')).toBeVisible();
    await w.locator('[data-a=wipe]').click();
    expect(await axeViolations(page), 'errors, edit form, confirm delete').toEqual([]);
  });
}

test('region eu in Spanish: the site view cites its facts and stays axe clean', async ({ page }) => {
  // SITE-ZONES, SITE-ROTATE: the same body map and rotation in the EU.
  const w = await sitesPage(page, 'es');
  await w.evaluate((el) => el.setAttribute('region', 'eu'));
  await expect(w.locator('g[data-a=zone]').first()).toBeVisible();
  await w.locator('g[data-a=zone]').nth(0).click();
  await w.locator('[data-a=log]').click();
  await expect(w.locator('#kw-logged')).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});
