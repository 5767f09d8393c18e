// Storage and preparation on a 390 × 844 phone, in English and Spanish: the
// partial-dose syringe picture, the double-dose guard, the warm-up override,
// the missing step, the mishap form without a thermometer, one dose one record.
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';

const T = {
  en: {
    storageTab: 'Storage and preparation',
    picture: 'Syringe 1: keep 66 mg (0.44 mL), push out 34 mg (0.23 mL)',
    scale: ['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', 'mL'],
    discard: '34 mg (0.23 mL)',
    already: /Today's dose was already recorded at 7:49\sAM\./,
    startAnyway: 'Start another dose anyway',
    override: /already been at room temperature for 30 minutes/,
    record: 'Record this dose as taken',
    missing: /Not ticked yet: step 1, “Expiration date checked/,
    leftOut: 'It was left out of the refrigerator',
    hours: 'Hours out of the refrigerator',
    dontKnow: "I don't know",
    colder: /^Colder than the refrigerator/,
    check: 'What should I do?',
    unknownAnswer: 'Do not use it until you have talked to your pharmacist',
    tonight: 'Use a new syringe from the refrigerator for this dose, and keep this one to show your pharmacist.',
    frozenAnswer: 'it may have frozen',
    taken: 'Taken',
  },
  es: {
    storageTab: 'Conservación y preparación',
    picture: 'Jeringa 1: conserve 66 mg (0,44 mL), expulse 34 mg (0,23 mL)',
    scale: ['0,1', '0,2', '0,3', '0,4', '0,5', '0,6', 'mL'],
    discard: '34 mg (0,23 mL)',
    already: /La dosis de hoy ya se registró a las 7:49\./,
    startAnyway: 'Empezar otra dosis de todos modos',
    override: /Ya ha estado 30 minutos a temperatura ambiente/,
    record: 'Registrar esta dosis como administrada',
    missing: /Aún sin marcar: paso 1, «Fecha de caducidad comprobada/,
    leftOut: 'Se quedó fuera del refrigerador (nevera)',
    hours: 'Horas fuera del refrigerador (nevera)',
    dontKnow: 'No lo sé',
    colder: /^Más frío que el refrigerador/,
    check: '¿Qué debo hacer?',
    unknownAnswer: 'No la use hasta hablar con su farmacéutico(a)',
    tonight: 'Use una jeringa nueva del refrigerador (nevera) para esta dosis y guarde esta para mostrársela a su farmacéutico(a).',
    frozenAnswer: 'pudo congelarse',
    taken: 'Administrada',
  },
};

/** A dose completed at `iso` (local time), stored the way the widget stores it. */
async function seedDose(page, iso) {
  await page.evaluate((at) => {
    const done = new Date(at).getTime();
    const steps = ['expiryChecked', 'outOfFridge', 'laidFlat', 'inspected', 'handsWashed', 'siteChosen', 'injected',
      'sharpsDisposed', 'remainderDiscarded'].map((step) => ({ step, tickedMs: done }));
    const run = { id: `run-${done}`, startedMs: done - 1800000, steps, outOfFridgeMs: done - 1800000, inspection: 'clearOk',
      warmUpOverridden: true, completedMs: done, stopped: null, discardMg: null };
    localStorage.setItem(`kineret-widget/v1/checklist/run/run-${done}`, JSON.stringify({ v: 1, data: run }));
  }, iso);
}

async function open(page, lang) {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.evaluate((el, l) => el.setAttribute('lang', l), lang);
  return w;
}

async function storageTab(w, lang) {
  const tab = w.getByRole('tab', { name: T[lang].storageTab });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

for (const lang of ['en', 'es']) {
  const t = T[lang];
  test.describe(`phone, ${lang}`, () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test.beforeEach(async ({ page }) => {
      await page.clock.install({ time: new Date('2025-03-10T20:00:00') });
    });

    test('a 66 mg partial dose: one syringe picture marks what to keep and what to push out', async ({ page }) => {
      // PREP-PARTIAL, PROD-SYR, PROD-GRAD: 22 kg × 3 mg/kg/day.
      const w = await open(page, lang);
      await w.locator('#kw-calc-indication').selectOption('nomid');
      await w.locator('#kw-calc-weight').fill('22');
      await w.locator('#kw-calc-dose').fill('3');
      await expect(w.locator('.kw-dose')).toHaveText(lang === 'es' ? '66 mg (0,44 mL)' : '66 mg (0.44 mL)');
      await expect(w.locator('.kw-result .kw-syringe')).toHaveCount(1);
      await expect(w.locator('.kw-result').getByRole('img', { name: t.picture })).toBeVisible();
      await storageTab(w, lang);
      const pic = w.locator('.kw-ck-steps').getByRole('img', { name: t.picture });
      await pic.scrollIntoViewIfNeeded();
      await expect(pic).toBeInViewport();
      await expect(pic.locator('.kw-syringe-scale')).toHaveText(t.scale);
      // Readable: every label at least 12 px tall on the phone.
      const heights = await pic.locator('text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      for (const h of heights) expect(h).toBeGreaterThanOrEqual(12);
      await expect(w.locator('.kw-ck-discard')).toContainText(t.discard);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('the double-dose guard: today\'s dose was already recorded', async ({ page }) => {
      // MISSED (never double up on your own); RENAL-EOD: the schedule chosen.
      await page.goto('/');
      await seedDose(page, '2025-03-10T07:49:00');
      const w = await open(page, lang);
      await storageTab(w, lang);
      const guard = w.locator('.kw-ck-guard');
      await expect(guard).toContainText(t.already);
      await expect(w.locator('#kw-ck-expiry')).toHaveCount(0);
      await expect(w.locator('.kw-strip li').last()).toContainText(t.taken);
      expect(await axeViolations(page)).toEqual([]);
      const start = guard.getByRole('button', { name: t.startAnyway });
      await start.scrollIntoViewIfNeeded();
      await start.click();
      await expect(w.locator('#kw-ck-title')).toBeFocused();
      await expect(w.locator('#kw-ck-expiry')).toBeInViewport();
      await expect(w.locator('#kw-ck-expiry')).not.toBeChecked();
    });

    test('warm-up override ticks the step; recording early names and focuses the missing step', async ({ page }) => {
      // PREP-WARM.
      const w = await open(page, lang);
      await storageTab(w, lang);
      await w.locator('#kw-ck-out').check();
      await expect(w.getByRole('timer')).toBeVisible();
      await w.getByRole('button', { name: t.override }).click();
      await expect(w.locator('#kw-ck-flat')).toBeChecked();
      await expect(w.locator('#kw-ck-flat')).toBeFocused();
      await expect(w.getByRole('timer')).toHaveCount(0);
      const record = w.getByRole('button', { name: t.record });
      await record.scrollIntoViewIfNeeded();
      await record.click();
      await expect(record).toHaveAccessibleDescription(t.missing);
      await expect(w.locator('#kw-ck-expiry')).toBeFocused();
      await expect(w.locator('#kw-ck-expiry')).toBeInViewport();
    });

    test('left out, temperature unknown: not before the pharmacist, and what to do for this dose', async ({ page }) => {
      // STORE-HOT and STORE-FROZEN (don't know: the most cautious answer); PROD-SINGLE.
      const w = await open(page, lang);
      await w.evaluate((el) => el.setAttribute('region', 'eu'));
      await storageTab(w, lang);
      await w.getByLabel(t.leftOut).check();
      await w.getByLabel(t.hours).fill('2');
      await w.getByLabel(t.dontKnow).check();
      await expect(w.locator('#kw-mh-temp')).toHaveCount(0);
      await w.getByRole('button', { name: t.check }).click();
      const result = w.locator('.kw-mh-result');
      await expect(result.locator('.kw-danger')).toContainText(t.unknownAnswer);
      await expect(result.locator('.kw-mh-tonight')).toContainText(t.tonight);
      await expect(result.locator('.kw-danger')).toBeInViewport();
      await w.getByLabel(t.colder).check();
      await w.getByRole('button', { name: t.check }).click();
      await expect(result.locator('.kw-danger')).toContainText(t.frozenAnswer);
      await expect(result).toContainText('EU PL 5');
      await expect(result.locator('.kw-mh-tonight')).toContainText(t.tonight);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test.describe('phone, one dose one record', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: new Date('2025-03-10T20:00:00') });
  });

  test('a site logged in the injection log today is the day\'s dose: never "Due today"', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => {
      const at = new Date('2025-03-10T08:15:00').getTime();
      const entry = { id: `${at}-00000001`, zone: 'thigh-left', atMs: at, loggedMs: at, injector: 'selfInjecting', reactions: [], note: '' };
      localStorage.setItem(`kineret-widget/v1/sites/entry/${entry.id}`, JSON.stringify({ v: 1, data: entry }));
    });
    const w = await open(page, 'en');
    await storageTab(w, 'en');
    const today = w.locator('.kw-strip li').last();
    await expect(today).toContainText('Taken');
    await expect(today).not.toContainText('Due today');
    await expect(w.locator('.kw-ck-guard')).toContainText(/Today's dose was already recorded at 8:15\sAM\./);
  });

  test('twice daily: two doses today show a visible count; every other day warns on an off day', async ({ page }) => {
    // RENAL-EOD: the guard follows the schedule chosen.
    await page.goto('/');
    await seedDose(page, '2025-03-10T08:00:00');
    const w = await open(page, 'en');
    await storageTab(w, 'en');
    await w.getByLabel('Twice daily', { exact: true }).check();
    await expect(w.locator('.kw-ck-guard')).toHaveCount(0);
    await expect(w.locator('#kw-ck-expiry')).toBeVisible();
    await seedDose(page, '2025-03-10T19:30:00');
    await page.reload();
    await widgetsReady(page);
    const again = page.locator('kineret-widget');
    await storageTab(again, 'en');
    await expect(again.locator('.kw-ck-guard')).toContainText(/Today's 2 doses were already recorded, the last at 7:30\sPM\./);
    const cell = again.locator('.kw-strip li').last().locator('.kw-day-count');
    await expect(cell).toHaveText('×2');
    await expect(cell).toBeVisible();
    // Every other day, the first dose yesterday: today is not a dose day.
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.includes('checklist/')) localStorage.removeItem(k);
    });
    await seedDose(page, '2025-03-09T08:00:00');
    await page.reload();
    await widgetsReady(page);
    const eod = page.locator('kineret-widget');
    await storageTab(eod, 'en');
    await eod.getByLabel('Every other day', { exact: true }).check();
    await expect(eod.locator('.kw-ck-guard')).toContainText('Today is not a dose day in your schedule (Every other day).');
    await expect(eod.getByRole('button', { name: 'Start another dose anyway' })).toBeVisible();
  });
});
