// Issue 16, the dose calculator on a phone (390 × 844), in English and
// Spanish: no accidental dose change (titration for prescribers, fixed slots,
// Undo, a double click is one step), the compact result that stays in view,
// "More (optional)", the app page remembering the inputs, and what the
// pharmacist gets (the estimate's formula, Copy/Print header and inputs).
import { test, expect, widgetsReady, axeViolations, capturePrints } from './fixtures.mjs';

const T = {
  en: {
    for: 'Prescribed for', weight: 'Weight', dose: 'Prescribed dose (mg/kg/day)', compact: '66 mg = 0.44 mL',
    prescribers: 'For prescribers', use: (v) => `Use ${v} mg/kg/day`, changed: (a, b) => `Dose changed ${a} → ${b} mg/kg/day`,
    undo: 'Undo', full: 'See the full result', more: 'More (optional): age, kidney function', age: 'Age (years, optional)',
    steps: ['2', '2.5', '3.5', '4'], total: 'Total per day: 66 mg (3 mg/kg/day × 22 kg)',
  },
  es: {
    for: 'Recetado para', weight: 'Peso', dose: 'Dosis recetada (mg/kg/día)', compact: '66 mg = 0,44 mL',
    prescribers: 'Para quien prescribe', use: (v) => `Usar ${v} mg/kg/día`, changed: (a, b) => `Dosis cambiada ${a} → ${b} mg/kg/día`,
    undo: 'Deshacer', full: 'Ver el resultado completo', more: 'Más (opcional): edad, función renal', age: 'Edad (años, opcional)',
    steps: ['2', '2,5', '3,5', '4'], total: 'Total al día: 66 mg (3 mg/kg/día × 22 kg)',
  },
};

async function open(page, lang, url = '/') {
  await page.goto(url);
  await widgetsReady(page, url === '/' ? 1 : 2);
  const w = page.locator('kineret-widget').first();
  await w.evaluate((el, l) => { el.setAttribute('view', 'calculator'); el.setAttribute('lang', l); }, lang);
  return w;
}

/** A parent preparing 66 mg for a 22 kg child (NOMID, 3 mg/kg/day). */
async function child66(w, t) {
  await w.getByLabel(t.for).selectOption('nomid');
  await w.getByLabel(t.weight, { exact: true }).fill('22');
  await w.getByLabel(t.dose).fill('3');
}

test.describe('phone 390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const lang of ['en', 'es']) {
    const t = T[lang];

    test(`compact result in view after the last field, links to the full card; optional fields folded (${lang})`, async ({ page }) => {
      const w = await open(page, lang);
      // Age and kidney function are under "More (optional)", closed.
      await expect(w.getByText(t.more)).toBeVisible();
      await expect(w.getByLabel(t.age)).toBeHidden();
      await child66(w, t);
      const compact = w.locator('.kw-compact');
      await expect(compact).toContainText(t.compact);
      await expect(compact).toBeInViewport();
      // It does not cover the field just typed in.
      const dose = w.getByLabel(t.dose);
      await expect(dose).toBeFocused();
      await expect(dose).toBeInViewport();
      const [f, c] = [await dose.boundingBox(), await compact.boundingBox()];
      expect(f.y + f.height <= c.y + 1 || c.y + c.height <= f.y + 1, `field ${JSON.stringify(f)} under ${JSON.stringify(c)}`).toBe(true);
      // The link moves focus to the full result card.
      await compact.getByRole('button', { name: t.full }).click();
      const card = w.locator('.kw-result');
      await expect(card).toBeFocused();
      await expect(card).toBeInViewport();
      await expect(card).toContainText(t.total);
      expect(await axeViolations(page)).toEqual([]);
    });

    test(`titration: closed "For prescribers", fixed slots, a double click is one step, Undo (${lang})`, async ({ page }) => {
      // DOSE-NOMID-US: 0.5–1 mg/kg steps.
      const w = await open(page, lang);
      await child66(w, t);
      const dose = w.getByLabel(t.dose);
      const section = w.locator('details.kw-prescribers');
      await expect(section).not.toHaveAttribute('open', /.*/);
      await expect(w.getByRole('button', { name: t.use(t.steps[0]) })).toBeHidden();
      await section.locator('summary').click();
      const slots = w.locator('.kw-titration button');
      await expect(slots).toHaveCount(4);
      const boxes = await slots.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      for (const v of t.steps) {
        const button = w.getByRole('button', { name: t.use(v) });
        await button.dblclick();
        await expect(dose).toHaveValue(v); // one step, not two
        // The step in use is marked, by its state, not a class (10-calculator.css).
        await expect(button).toHaveAttribute('aria-current', 'true');
        await expect(button).toHaveCSS('outline-style', 'double');
        await expect(w.locator('.kw-titration button[aria-current]')).toHaveCount(1);
        await expect(w.locator('.kw-dose-change [role=status]')).toHaveText(t.changed('3', v));
        // Nothing moved under the finger.
        expect(await slots.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))).toEqual(boxes);
        await w.getByRole('button', { name: t.undo }).click();
        await expect(dose).toHaveValue('3');
      }
      // Enter pressed twice: one step too.
      await w.getByRole('button', { name: t.use(t.steps[2]) }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect(dose).toHaveValue(t.steps[2]);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('the app page remembers the inputs across a reload; "More" opens by itself with a value', async ({ page }) => {
    const t = T.en;
    const w = await open(page, 'en');
    await w.getByLabel(t.for).selectOption('ra');
    await w.getByText(t.more).click();
    await w.getByLabel(t.age).fill('16');
    await page.reload();
    await widgetsReady(page);
    const w2 = page.locator('kineret-widget');
    await w2.evaluate((el) => el.setAttribute('view', 'calculator'));
    await expect(w2.getByLabel(t.for)).toHaveValue('ra');
    await expect(w2.getByLabel(t.age)).toHaveValue('16'); // visible: "More" is open
    await expect(w2.locator('.kw-notice.kw-danger')).toContainText('18');
    await page.evaluate(() => localStorage.clear());
  });

  test('the embed without remember forgets the inputs on reload', async ({ page }) => {
    const w = await open(page, 'en', '/embed-demo.html');
    await w.getByLabel('Prescribed for').selectOption('ra');
    await expect(w.locator('.kw-dose')).toBeVisible();
    await page.reload();
    await widgetsReady(page, 2);
    await expect(page.locator('#primary').getByLabel('Prescribed for')).toHaveValue('');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('calculator')));
    expect(keys).toEqual([]);
  });

  test('pharmacist: the Cockcroft–Gault formula with its inputs, rounded down on purpose (RENAL-CG)', async ({ page }) => {
    const w = await open(page, 'en');
    await w.getByLabel('Prescribed for').selectOption('ra');
    await w.getByText(T.en.more).click();
    await w.getByLabel('Estimate it from serum creatinine').check();
    await w.getByLabel('Age (years)').fill('72');
    await w.getByLabel('Actual body weight').fill('60');
    await w.getByLabel('Female').check();
    await w.getByLabel('Serum creatinine', { exact: true }).fill('1.8');
    await w.getByText('Show your work').click();
    await expect(w.locator('.kw-steps')).toContainText(
      'Cockcroft–Gault: (140 − 72) × 60 kg / (72 × 1.8 mg/dL) × 0.85 = 26.7 mL/min, rounded down to 0.1 mL/min on purpose');
  });

  test('Print of a COVID-19 course carries the header, the kidney input and the dosing days (RENAL-COVID)', async ({ page }) => {
    const w = await open(page, 'en');
    await w.getByLabel('Prescribed for').selectOption('covid19');
    await w.getByText(T.en.more).click();
    await w.getByLabel('End-stage kidney disease or dialysis').check();
    await expect(w.locator('.kw-dosing-days')).toHaveText('Dosing days: days 1, 3, 5, 7, 9');
    await expect(w.locator('.kw-report-head')).toBeHidden(); // on paper only
    await capturePrints(page);
    await w.getByRole('button', { name: 'Print' }).click();
    await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(1);
    const [frame] = await page.evaluate(() => window.printedFrames);
    expect(frame.text).toMatch(/Kineret · COVID-19 · \d{4}-\d\d-\d\d/);
    expect(frame.text).toContain('Kidney function: end-stage kidney disease or dialysis');
    expect(frame.text).toContain('Dosing days: days 1, 3, 5, 7, 9');
  });
});
