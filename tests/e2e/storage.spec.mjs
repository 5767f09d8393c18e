// Storage and preparation view, end to end, with Playwright's fake clock.
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';

const OUT = 'taken out of the refrigerator';
const FLAT = 'Laid flat at room temperature';

/** Opens the app (optionally with attributes set on the element) on the storage tab. */
async function openStorage(page, attrs = {}) {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.evaluate((el, a) => {
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
  }, attrs);
  const tab = w.getByRole('tab', { name: attrs.lang === 'es' ? 'Conservación y preparación' : 'Storage and preparation' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return w;
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2025-03-10T09:00:00') });
});

test('warm-up: early "ready" needs the override; 30 minutes later it says ready', async ({ page }) => {
  const w = await openStorage(page);
  await w.getByLabel(OUT).check();
  const timer = w.getByRole('timer');
  await expect(timer).toHaveText(/^(30:00|29:5\d) left$/);
  // Ticking "laid flat" now is refused, explained, and the box stays unticked.
  const flat = w.getByLabel(FLAT);
  await flat.click();
  await expect(flat).not.toBeChecked();
  await expect(flat).toHaveAccessibleDescription(/not been at room temperature for 30 minutes/);
  await expect(w.getByRole('button', { name: /already been at room temperature for 30 minutes/ })).toBeVisible();
  // No other warming method is suggested; the reason is given.
  await expect(w.getByText('Do not warm it any other way: a microwave or hot water can damage the medicine.', { exact: false })).toBeVisible();
  await page.clock.fastForward('10:00');
  await expect(timer).toHaveText(/^(20:00|19:5\d) left$/);
  await page.clock.fastForward('20:00');
  const live = w.locator('.kw-ck-ready');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText('Ready: the syringe has been out of the refrigerator for 30 minutes.');
  await expect(w.getByRole('timer')).toHaveCount(0);
  await flat.check();
  await expect(flat).toBeChecked();
});

test('the override ticks "laid flat" before the timer ends and stops the timer', async ({ page }) => {
  // PREP-WARM: "It has already been at room temperature for 30 minutes".
  const w = await openStorage(page);
  await w.getByLabel(OUT).check();
  await expect(w.getByRole('timer')).toBeVisible();
  await w.getByRole('button', { name: /already been at room temperature/ }).click();
  await expect(w.getByText('You confirmed it is already at room temperature.')).toBeVisible();
  await expect(w.getByLabel(FLAT)).toBeChecked();
  await expect(w.getByLabel(FLAT)).toBeFocused();
  await expect(w.getByRole('timer')).toHaveCount(0);
});

test('a reload mid warm-up continues from the stored start time', async ({ page }) => {
  const w = await openStorage(page);
  await w.getByLabel(OUT).check();
  await page.clock.fastForward('12:00');
  await expect(w.getByRole('timer')).toHaveText(/^(18:00|17:5\d) left$/);
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('kineret-widget/v1/checklist/run/')).map((k) => localStorage.getItem(k)));
  expect(stored).toHaveLength(1);
  expect(stored[0]).toContain('"outOfFridgeMs":');
  await page.reload();
  const again = await openStorage(page);
  await expect(again.getByLabel(OUT)).toBeChecked();
  await expect(again.getByRole('timer')).toHaveText(/^(18:00|17:5\d) left$/);
  await page.clock.fastForward('18:00');
  await expect(again.locator('.kw-ck-ready')).toHaveText(/^Ready/);
});

test('a cloudy or discoloured liquid stops the run, under step 4, and the later steps do not apply', async ({ page }) => {
  const w = await openStorage(page);
  await w.getByLabel('Expiration date checked').check();
  await w.getByLabel('Cloudy, discolored, or with many particles or chunks').check();
  const stop = w.getByRole('alert').filter({ hasText: 'Stop: do not use this syringe' });
  await expect(stop).toBeVisible();
  // PREP-INSPECT: "do not use" + ask (no unsupported "take a new syringe").
  await expect(stop).toContainText('Do not use this syringe. Ask your pharmacist or healthcare provider.');
  await expect(stop).not.toContainText('new syringe');
  // Right under the step that caused it, and focused (the radio is disabled).
  const steps = w.locator('.kw-ck-steps > li');
  await expect(steps.nth(3).locator('.kw-ck-stop')).toHaveCount(1);
  await expect(stop).toBeFocused();
  const stopBox = await stop.boundingBox();
  const step5 = await steps.nth(4).boundingBox();
  expect(stopBox.y + stopBox.height).toBeLessThanOrEqual(step5.y);
  await expect(w.locator('.kw-ck-end')).toBeEmpty();
  // Steps 5–9: not applicable, disabled, and say why.
  for (let i = 4; i < 9; i++) {
    await expect(steps.nth(i)).toHaveClass('kw-ck-step kw-ck-na');
    await expect(steps.nth(i)).toContainText('Not applicable: this syringe must not be used (step 4).');
    await expect(steps.nth(i).locator('input')).toBeDisabled();
  }
  await expect(steps.nth(0)).toHaveClass('kw-ck-step kw-ck-done');
  await expect(steps.nth(3)).toHaveClass('kw-ck-step kw-ck-stopped');
  await expect(w.getByLabel(OUT)).toBeDisabled();
  // Only one way on: a new dose (from the stop box) clears all of it.
  await expect(w.getByRole('button', { name: 'Start a new dose' })).toHaveCount(1);
  await stop.getByRole('button', { name: 'Start a new dose' }).click();
  await expect(w.getByLabel(OUT)).toBeEnabled();
  await expect(stop).toHaveCount(0);
  await expect(w.locator('.kw-ck-na')).toHaveCount(0);
  await expect(w.getByRole('button', { name: 'Record this dose as taken' })).toBeVisible();
});

async function outOfFridge(w, hours, temp) {
  await w.getByLabel('It was left out of the refrigerator').check();
  await w.getByLabel('Hours out of the refrigerator').fill(hours);
  await w.getByLabel(/Temperature it was kept at/).fill(temp);
  await w.getByRole('button', { name: 'What should I do?' }).click();
  return w.locator('.kw-mh-result');
}

test('EU: 6 hours at 22 °C is the allowed once-only period, never back in the fridge', async ({ page }) => {
  const w = await openStorage(page, { region: 'eu', units: 'c' });
  await expect(w.locator('.kw-st-card')).toContainText('2–8 °C');
  const result = await outOfFridge(w, '6', '22');
  await expect(w.getByLabel('Temperature it was kept at (°C)')).toHaveValue('22');
  await expect(result).toContainText('You may use it');
  await expect(result).toContainText('Do not put it back in the refrigerator');
  await expect(result).toContainText('within 72 hours');
  await expect(result).toContainText('Source: EU PL 5');
  // 73 hours is too long (STORE-EU-RT: 72 hours).
  const late = await outOfFridge(w, '73', '22');
  await expect(late).toContainText('Do not use it');
  await expect(late).toContainText('more than 72 hours');
});

test('EU: 30 hours at 22 °C is still usable within 72 hours; a frozen reading is "Do not use"', async ({ page }) => {
  // STORE-EU-RT (72 hours, not 12) and STORE-FROZEN (at or below 0 °C).
  const w = await openStorage(page, { region: 'eu', units: 'c' });
  let result = await outOfFridge(w, '30', '22');
  await expect(result).toContainText('You may use it');
  await expect(result).toContainText('within 72 hours');
  await expect(result.locator('.kw-danger')).toHaveCount(0);
  result = await outOfFridge(w, '2', '0');
  await expect(result.locator('.kw-danger')).toHaveCount(1);
  await expect(result).toContainText('Do not use it: it was at 0 °C or colder, so it counts as frozen');
  await expect(result).not.toContainText('Check first');
  await expect(result).toContainText('Source: EU PL 5');
  // Frozen AND 80 hours: both rules are listed, the worst first.
  result = await outOfFridge(w, '80', '-2');
  await expect(result.locator('.kw-danger')).toContainText('counts as frozen');
  await expect(result.locator('.kw-mh-also')).toContainText('more than 72 hours');
});

test('US: the same mishap sends the user to the pharmacist', async ({ page }) => {
  const w = await openStorage(page, { region: 'us', units: 'c' });
  const result = await outOfFridge(w, '6', '22');
  await expect(result).toContainText('The US label gives no time it may stay out of the refrigerator');
  await expect(result).toContainText('talked to your pharmacist');
  await expect(result).toContainText('Source: AHFS');
  // Other mishaps answer at once, each with a source.
  await w.getByLabel('It was frozen').check();
  await expect(result).toContainText('Do not use a syringe that has been frozen');
  await expect(result).toContainText('Source: US PI 16');
  await w.getByLabel('It was left in the light or out of its carton').check();
  await expect(result).toContainText('Contact your pharmacist');
  await w.getByLabel('It is past its expiration date').check();
  await expect(result).toContainText('Do not use it after the expiration date');
  await expect(result).toContainText('Source: US PI');
});

test('too hot is "Do not use it" in both regions, in °F and °C', async ({ page }) => {
  const us = await openStorage(page, { region: 'us', units: 'f' });
  let result = await outOfFridge(us, '2', '200');
  await expect(result.locator('.kw-danger')).toHaveCount(1);
  await expect(result).toContainText('Do not use it');
  await expect(result).toContainText('it was kept above 77 °F, warmer than room temperature');
  await expect(result).toContainText('Ask your pharmacist');
  await expect(result).toContainText('Source: USP 659');
  await expect(result).not.toContainText('Check first');
  // Up to room temperature the US answer is still: not before the pharmacist.
  result = await outOfFridge(us, '2', '77');
  await expect(result).toContainText('Check first');
  await expect(result).toContainText('Do not use it until you have talked to your pharmacist');
  await us.evaluate((el) => { el.setAttribute('region', 'eu'); el.setAttribute('units', 'c'); });
  result = await outOfFridge(us, '2', '25.5');
  await expect(result.locator('.kw-danger')).toHaveCount(1);
  await expect(result).toContainText('Do not use it: it was kept above 25 °C');
  result = await outOfFridge(us, '2', '25');
  await expect(result).toContainText('You may use it');
});

test('an impossible or implausible temperature gets a field message and no verdict', async ({ page }) => {
  const w = await openStorage(page, { region: 'us', units: 'f' });
  const result = await outOfFridge(w, '2', '-500');
  const temp = w.getByLabel(/Temperature it was kept at/);
  await expect(temp).toHaveAttribute('aria-invalid', 'true');
  await expect(temp).toHaveAccessibleDescription(/below absolute zero/);
  await expect(result).toBeEmpty();
  await expect(w.getByLabel('Hours out of the refrigerator')).not.toHaveAttribute('aria-invalid', 'true');
  await outOfFridge(w, '2', '300');
  await expect(temp).toHaveAccessibleDescription(/Enter a temperature a home, a car or hot water can have: from -58 °F to 212 °F\. Check the number and the unit\.$/);
  await expect(result).toBeEmpty();
  // Fixing the entry gives the verdict.
  await outOfFridge(w, '2', '212');
  await expect(temp).not.toHaveAttribute('aria-invalid', 'true');
  await expect(result).toContainText('Do not use it');
});

test('the storage card and mishap answers cite the region label', async ({ page }) => {
  const w = await openStorage(page, { region: 'eu', units: 'c' });
  const card = w.locator('.kw-st-card');
  await expect(card).toContainText('Source: EU PL 5');
  await expect(card).toContainText('out of the sight and reach of children');
  await expect(card).not.toContainText('US PI');
  await w.getByLabel('It was frozen').check();
  await expect(w.locator('.kw-mh-result')).toContainText('Source: EU PL 5');
  // The answer cites the EU label only (the note on this dose's new syringe,
  // PROD-SINGLE, cites the one source the register has for it).
  await expect(w.locator('.kw-mh-result .kw-danger')).not.toContainText('US PI');
  await w.evaluate((el) => el.setAttribute('region', 'us'));
  await expect(card).toContainText('Source: US PI 16; EU PL 5');
  await w.getByLabel('It was left in the light or out of its carton').check();
  await expect(w.locator('.kw-mh-result')).toContainText('Source: US PI 16');
});

test('an invalid entry is flagged on its field', async ({ page }) => {
  const w = await openStorage(page);
  await outOfFridge(w, 'six', '');
  const hours = w.getByLabel('Hours out of the refrigerator');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expect(hours).toHaveAccessibleDescription(/Enter a number only/);
  await expect(w.getByLabel(/Temperature it was kept at/)).toHaveAccessibleDescription(/Enter a number\.$/);
});

test('completing a run records today as taken and emits kineret:dose-prepared', async ({ page }) => {
  const w = await openStorage(page);
  await page.evaluate(() => {
    window.__doses = [];
    document.addEventListener('kineret:dose-prepared', (e) => window.__doses.push(e.detail));
  });
  const today = w.locator('.kw-strip li').last();
  await expect(today).toContainText('Due today');
  await w.getByLabel('Expiration date checked').check();
  await w.getByLabel(OUT).check();
  await page.clock.fastForward('30:00');
  await w.getByLabel(FLAT).check();
  await w.getByLabel('Clear and colorless').check();
  await w.getByLabel('Hands washed').check();
  await w.getByLabel('Injection site chosen').check();
  // Completing early is refused, naming the missing step, and focus moves to it.
  await w.getByRole('button', { name: 'Record this dose as taken' }).click();
  await expect(w.getByRole('button', { name: 'Record this dose as taken' }))
    .toHaveAccessibleDescription(/Not ticked yet: step 7, “Injected under the skin \(subcutaneous\)”\.$/);
  await expect(w.getByLabel('Injected under the skin')).toBeFocused();
  await w.getByLabel('Injected under the skin').check();
  await w.getByLabel('sharps container').check();
  await w.getByLabel('Any medicine left in the syringe thrown away').check();
  await w.getByRole('button', { name: 'Record this dose as taken' }).click();
  await expect(w.getByText('Dose recorded as taken.')).toBeVisible();
  await expect(today).toContainText('✓');
  await expect(today).toContainText('Taken');
  const doses = await page.evaluate(() => window.__doses);
  expect(doses).toHaveLength(1);
  expect(doses[0].runId).toMatch(/^run-\d+$/);
  expect(typeof doses[0].completedMs).toBe('number');
  // One dose, one record: the site shown in the picker went into the injection log.
  const entries = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('sites/entry'))
    .map((k) => JSON.parse(localStorage.getItem(k)).data));
  expect(entries).toHaveLength(1);
  expect(entries[0].zone).toBe('thigh-right');
  expect(entries[0].atMs).toBe(doses[0].completedMs);
  // A new dose: today's dose is already recorded (MISSED: never double up),
  // so the checklist waits for an explicit confirmation.
  await w.getByRole('button', { name: 'Start a new dose' }).click();
  await expect(w.locator('.kw-ck-guard')).toContainText(/Today's dose was already recorded at 9:3\d\sAM\./);
  await expect(w.getByLabel('Expiration date checked')).toHaveCount(0);
  await w.getByRole('button', { name: 'Start another dose anyway' }).click();
  await expect(w.getByLabel('Expiration date checked')).not.toBeChecked();
  await page.reload();
  const again = await openStorage(page);
  await expect(again.locator('.kw-strip li').last()).toContainText('Taken');
  await expect(again.getByLabel('Expiration date checked')).not.toBeChecked();
});

test('a missed day says to contact the provider, never to double up', async ({ page }) => {
  // A dose completed two days ago, stored the way the widget stores it.
  await page.goto('/');
  await page.evaluate(() => {
    const now = Date.now();
    const done = now - 2 * 86400000;
    const steps = ['expiryChecked', 'outOfFridge', 'laidFlat', 'inspected', 'handsWashed', 'siteChosen', 'injected',
      'sharpsDisposed', 'remainderDiscarded'].map((step) => ({ step, tickedMs: done }));
    const run = { id: `run-${done}`, startedMs: done, steps, outOfFridgeMs: done, inspection: 'clearOk',
      warmUpOverridden: true, completedMs: done, stopped: null, discardMg: null };
    localStorage.setItem(`kineret-widget/v1/checklist/run/run-${done}`, JSON.stringify({ v: 1, data: run }));
  });
  const w = await openStorage(page);
  await expect(w.locator('.kw-strip li').filter({ hasText: 'Missed' })).toHaveCount(1);
  // MISSED (EU PL 3): contact the doctor about the next one; never double up.
  await expect(w.getByText('Contact your doctor to discuss when to take the next one', { exact: false })).toBeVisible();
  await expect(w.getByText('Never take a double dose on your own', { exact: false })).toBeVisible();
  await expect(w.locator('.kw-hi-missed')).toContainText('Source: EU PL 3');
  // Every other day: the day after the dose was not due, so nothing was missed.
  await w.getByLabel('Every other day', { exact: true }).check();
  await expect(w.locator('.kw-strip li').filter({ hasText: 'Missed' })).toHaveCount(0);
  await expect(w.getByText('Never take a double dose', { exact: false })).toHaveCount(0);
  // The choice is saved with the shared storage.
  await page.reload();
  const again = await openStorage(page);
  await expect(again.getByLabel('Every other day', { exact: true })).toBeChecked();
});

for (const lang of ['en', 'es']) {
  test(`zero axe violations in the storage view (${lang})`, async ({ page }) => {
    const w = await openStorage(page, { lang });
    expect(await axeViolations(page), 'initial').toEqual([]);
    await w.locator('#kw-ck-out').check();
    await w.locator('#kw-ck-flat').click(); // refused: error shown
    await w.locator('#kw-mh-out').check();
    await w.getByRole('button', { name: lang === 'es' ? '¿Qué debo hacer?' : 'What should I do?' }).click();
    expect(await axeViolations(page), 'timer, refusal, form errors').toEqual([]);
    await w.locator('#kw-mh-hours').fill('2');
    await w.locator('#kw-mh-temp').fill('20');
    await w.getByRole('button', { name: lang === 'es' ? '¿Qué debo hacer?' : 'What should I do?' }).click();
    await w.locator('#kw-ck-insp-bad').check();
    await expect(w.locator('.kw-ck-stop')).toBeVisible();
    expect(await axeViolations(page), 'outcome and stop box').toEqual([]);
  });
}

test('an allowed browser notification says when the syringe is ready', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  await page.addInitScript(() => {
    window.__notes = [];
    const Real = window.Notification;
    class Recording extends Real {
      constructor(title, opts) {
        super(title, opts);
        window.__notes.push({ title, body: opts && opts.body });
      }
    }
    window.Notification = Recording;
  });
  const w = await openStorage(page);
  await w.getByLabel(OUT).check();
  await w.getByRole('button', { name: 'Notify me when it is ready' }).click();
  await expect(w.getByText('A browser notification will tell you when it is ready.')).toBeVisible();
  await page.clock.fastForward('30:00');
  await expect(w.locator('.kw-ck-ready')).toHaveText(/^Ready/);
  const notes = await page.evaluate(() => window.__notes);
  expect(notes).toHaveLength(1);
  expect(notes[0].body).toMatch(/^Ready: the syringe has been out of the refrigerator for 30 minutes/);
});

test('a denied or missing Notification API degrades to the on-page message', async ({ page }) => {
  await page.addInitScript(() => {
    delete window.Notification;
  });
  const w = await openStorage(page);
  await w.getByLabel(OUT).check();
  await expect(w.getByRole('timer')).toBeVisible();
  await expect(w.getByRole('button', { name: 'Notify me when it is ready' })).toHaveCount(0);
  await page.clock.fastForward('30:00');
  await expect(w.locator('.kw-ck-ready')).toHaveText(/^Ready/);
});

/** Opens the app, computes a dose in the calculator tab, then opens the storage tab (same widget: LastDose). */
async function storageAfterDose(page, fill) {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await fill(w);
  const tab = w.getByRole('tab', { name: 'Storage and preparation' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return w;
}

test('a 160 mg dose: the checklist takes 2 syringes and prepares the last one before injecting', async ({ page }) => {
  // PREP-COUNT and PREP-PARTIAL (not "one syringe"; mg first, then mL).
  const w = await storageAfterDose(page, async (w) => {
    await w.getByLabel('Prescribed for').selectOption('dira');
    await w.getByLabel('Weight', { exact: true }).fill('20');
    await w.getByLabel('Prescribed dose (mg/kg/day)').fill('8');
    await expect(w.locator('.kw-dose')).toHaveText('160 mg (1.07 mL)');
  });
  await expect(w.getByLabel('2 prefilled syringes taken out of the refrigerator (your dose needs 2)')).toBeVisible();
  await expect(w.locator('.kw-ck-steps')).not.toContainText('One prefilled syringe');
  await expect(w.getByLabel(/^All 2 syringes laid flat at room temperature/)).toBeVisible();
  const partial = w.locator('#kw-ck-partial');
  await expect(partial).toBeVisible();
  await expect(w.getByLabel(/^Before injecting the last syringe: keep 60 mg \(0\.4 mL\) and push out 40 mg \(0\.27 mL\)/)).toBeVisible();
  await expect(w.getByText('Your prescriber, nurse or pharmacist shows you the method.')).toBeVisible();
  // The partial step comes before the injection.
  const ids = await w.locator('.kw-ck-steps input[type=checkbox]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.indexOf('kw-ck-partial')).toBeLessThan(ids.indexOf('kw-ck-injected'));
  // One "Sources" toggle for the checklist, not a source after every step (PREP-HANDS, PREP-PARTIAL).
  await expect(w.locator('.kw-ck-steps')).not.toContainText('Source:');
  const sources = w.locator('.kw-ck > .kw-sources');
  await sources.locator('summary').click();
  await expect(sources).toContainText('US IFU; EU PL (PREP-HANDS)');
  await expect(sources).toContainText('PREP-PARTIAL');
  await expect(w.locator('.kw-ck-discard')).toHaveText('Your dose does not use all of the last syringe: throw away the 40 mg (0.27 mL) left in it.');
  // The syringe being prepared, its target and what to push out (PREP-PARTIAL).
  await expect(w.locator('.kw-ck-steps').getByRole('img', { name: 'Syringe 2: keep 60 mg (0.4 mL), push out 40 mg (0.27 mL)' })).toBeVisible();
});

test('COVID-19: hospital use only, no home checklist, timer or history', async ({ page }) => {
  // DOSE-COVID-HOSP.
  const w = await storageAfterDose(page, async (w) => {
    await w.getByLabel('Prescribed for').selectOption('covid19');
    await expect(w.getByText('Course: 10 doses over 10 days')).toBeVisible();
  });
  await expect(w.locator('.kw-st-hospital')).toContainText('COVID-19 treatment with Kineret is given in hospital');
  await expect(w.locator('.kw-st-hospital')).toContainText('Source: seed, EUA'.replace('seed', 'Kineret drug page'));
  await expect(w.locator('.kw-st-card')).toBeVisible();
  await expect(w.locator('.kw-ck')).toHaveCount(0);
  await expect(w.locator('.kw-hi')).toHaveCount(0);
  await expect(w.getByRole('timer')).toHaveCount(0);
});

test('EU in Spanish: 30 hours at 22 °C is usable within 72 hours; frozen is "No la use"; axe clean', async ({ page }) => {
  // STORE-EU-RT (72 horas), STORE-FROZEN, in region eu and Spanish.
  const w = await openStorage(page, { region: 'eu', lang: 'es', units: 'c' });
  await w.locator('#kw-mh-out').check();
  await w.locator('#kw-mh-hours').fill('30');
  await w.locator('#kw-mh-temp').fill('22');
  await w.getByRole('button', { name: '¿Qué debo hacer?' }).click();
  const result = w.locator('.kw-mh-result');
  await expect(result).toContainText('Aún puede usarla');
  await expect(result).toContainText('72 horas');
  await expect(result).toContainText('EU PL 5');
  await w.locator('#kw-mh-temp').fill('0');
  await w.getByRole('button', { name: '¿Qué debo hacer?' }).click();
  await expect(result.locator('.kw-danger')).toHaveCount(1);
  await expect(result).not.toContainText('Aún puede usarla');
  expect(await axeViolations(page)).toEqual([]);
});
