import { test, expect, widgetsReady, axeViolations, capturePrints, printFrameStyles } from './fixtures.mjs';

async function open(page, view = 'calculator', lang = 'en') {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.evaluate((el, [v, l]) => { el.setAttribute('view', v); el.setAttribute('lang', l); }, [view, lang]);
  return w;
}

/** Opens "More (optional)" (age, kidney function) unless it is open. */
async function more(w) {
  const details = w.locator('details.kw-more');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

test('RA: 100 mg once daily with no other input (US PI 2.1)', async ({ page }) => {
  const w = await open(page);
  await expect(w.getByText('To see the dose: choose what Kineret is prescribed for.')).toBeVisible();
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-dose')).toHaveText('100 mg (0.67 mL)');
  await expect(w.locator('.kw-instructions')).toHaveText('100 mg (0.67 mL) under the skin once daily');
  await expect(w.getByText('Nothing to discard')).toBeVisible();
  // Under 18 warns (not an approved use) but still computes.
  await more(w);
  await w.getByLabel('Age (years, optional)').fill('16');
  await expect(w.locator('.kw-notice.kw-danger')).toContainText('18');
});

test('NOMID weight in lb, decimal comma, twice daily; show your work with sources', async ({ page }) => {
  const w = await open(page);
  await w.getByLabel('Prescribed for').selectOption('nomid');
  await expect(w.getByText(/To see the dose: enter the weight; enter the prescribed dose/)).toBeVisible();
  await w.getByLabel('Weight', { exact: true }).fill('44');
  await w.getByRole('radio', { name: 'lb' }).check();
  await w.getByLabel('Prescribed dose (mg/kg/day)').fill('2,5');
  await expect(w.locator('.kw-dose')).toHaveText('49.8 mg (0.33 mL)');
  await w.getByRole('radio', { name: /twice daily/ }).check();
  await expect(w.locator('.kw-instructions')).toHaveText('24.9 mg (0.17 mL) under the skin twice daily');
  await expect(w.getByText('Discard 75.1 mg left in the last syringe.')).toBeVisible();
  await expect(w.getByRole('img', { name: 'Syringe 1: keep 24.9 mg (0.17 mL), push out 75.1 mg (0.5 mL)' })).toBeVisible();
  await w.getByText('Show your work').click();
  await expect(w.locator('.kw-steps li').first()).toContainText('44 lb × 0.45359237 kg/lb = 19.95 kg (rounded down to 0.01 kg)');
  await expect(w.locator('.kw-steps')).not.toContainText('Source:'); // gathered under "Sources"
  await w.getByText('Sources', { exact: true }).click();
  await expect(w.locator('.kw-source-list')).toContainText('US PI 2.2 (DOSE-NOMID-US');
  // Titration helper (for prescribers) sets the field.
  await w.getByText('For prescribers').click();
  await w.getByRole('button', { name: 'Use 3 mg/kg/day' }).click();
  await expect(w.getByLabel('Prescribed dose (mg/kg/day)')).toHaveValue('3');
  await expect(w.locator('.kw-dose')).toHaveText('29.9 mg (0.2 mL)');
});

test('each bad input gets a message beside its field and no number', async ({ page }) => {
  const w = await open(page);
  await w.getByLabel('Prescribed for').selectOption('dira');
  const weight = w.getByLabel('Weight', { exact: true });
  const dose = w.getByLabel('Prescribed dose (mg/kg/day)');
  await dose.fill('2');
  for (const [value, message] of [
    ['20 kg', 'Enter a number only'],
    ['-5', 'The weight must be a number more than 0'],
    ['500', '300'],
    ['abc', 'Enter a number only'],
    ['1,000', 'may be a thousands separator'],
  ]) {
    await weight.fill(value);
    await expect(weight).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await weight.getAttribute('aria-describedby')).split(' ').pop();
    await expect(w.locator(`#${errorId}`)).toContainText(message);
    await expect(w.locator('.kw-result')).toHaveCount(0);
    await expect(w.getByText('Correct the highlighted fields to see the dose.')).toBeVisible();
  }
  await weight.fill('20');
  await dose.fill('8.5');
  await expect(dose).toHaveAttribute('aria-invalid', 'true');
  await expect(w.locator('.kw-result')).toHaveCount(0);
  await dose.fill('8');
  await expect(w.locator('.kw-dose')).toHaveText('160 mg (1.07 mL)');
  await expect(w.getByText('Syringe 2: give 60 mg (0.4 mL)')).toBeVisible();
  await dose.fill('1.3');
  await expect(w.locator('.kw-notice').filter({ hasText: '0.5' })).toBeVisible(); // dose_step warning
});

test('renal: entered CrCl below 30 and ESRD give every other day; COVID-19 is 5 doses', async ({ page }) => {
  const w = await open(page);
  await w.getByLabel('Prescribed for').selectOption('covid19');
  await expect(w.locator('.kw-notice.kw-danger').first()).toContainText(/hospital/i);
  await expect(w.getByText('Course: 10 doses over 10 days')).toBeVisible();
  await more(w);
  await w.getByLabel('Enter creatinine clearance').check();
  await w.getByLabel('Creatinine clearance (mL/min)').fill('25');
  await expect(w.getByText('Course: 5 doses over 10 days')).toBeVisible();
  await expect(w.locator('.kw-instructions')).toContainText('every other day');
  await w.getByLabel('Creatinine clearance (mL/min)').fill('0');
  await expect(w.locator('.kw-result')).toHaveCount(0);
  await w.getByLabel('End-stage kidney disease or dialysis').check();
  await expect(w.getByText('Course: 5 doses over 10 days')).toBeVisible();
});

test('renal schedule: every other day is the default suggestion, daily can be kept (RENAL-EOD, RENAL-SPLIT)', async ({ page }) => {
  const w = await open(page);
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.getByRole('radio', { name: /label suggestion: consider/ })).toHaveCount(0);
  await more(w);
  await w.getByLabel('Enter creatinine clearance').check();
  await w.getByLabel('Creatinine clearance (mL/min)').fill('20');
  await expect(w.getByRole('radio', { name: 'Every other day (label suggestion: consider)' })).toBeChecked();
  await expect(w.locator('.kw-instructions')).toHaveText('100 mg (0.67 mL) under the skin every other day');
  await w.getByRole('radio', { name: 'Keep the prescribed daily schedule' }).check();
  await expect(w.locator('.kw-instructions')).toHaveText('100 mg (0.67 mL) under the skin once daily');
  await expect(w.locator('.kw-notice.kw-caution')).toContainText('consider giving the dose every other day');
  // Twice daily: kept by default, never "twice daily, every other day" unless chosen.
  await w.getByLabel('Prescribed for').selectOption('nomid');
  await w.getByLabel('Weight', { exact: true }).fill('20');
  await w.getByLabel('Prescribed dose (mg/kg/day)').fill('4');
  await w.getByRole('radio', { name: /twice daily/ }).check();
  await w.getByRole('radio', { name: 'Every other day (label suggestion: consider)' }).check();
  await expect(w.locator('.kw-instructions')).toHaveText('40 mg (0.27 mL) under the skin twice daily, every other day');
  await expect(w.locator('.kw-notice.kw-danger')).toContainText('no label describes this regimen');
});

for (const [lang, t] of [
  ['en', { for: 'Prescribed for', weight: 'Weight', dose: 'Prescribed dose (mg/kg/day)', once: 'once daily', fmf: '60 mg (0.4 mL)', caps: '40 mg (0.27 mL)' }],
  ['es', { for: 'Recetado para', weight: 'Peso', dose: 'Dosis recetada (mg/kg/día)', once: 'una vez al día', fmf: '60 mg (0,4 mL)', caps: '40 mg (0,27 mL)' }],
]) {
  test(`EU label: FMF, Still's and CAPS (${lang}) (DOSE-FMF-EU, DOSE-STILL-EU, DOSE-CAPS-EU)`, async ({ page }) => {
    const w = await open(page, 'calculator', lang);
    await w.evaluate((el) => el.setAttribute('region', 'eu'));
    const indication = w.getByLabel(t.for);
    await expect(indication.locator('option[value="dira"]')).toHaveCount(0);
    await indication.selectOption('fmf');
    await w.getByLabel(t.weight, { exact: true }).fill('30');
    await w.getByLabel(t.dose).fill('2');
    await expect(w.locator('.kw-dose')).toHaveText(t.fmf);
    await expect(w.locator('.kw-instructions')).toContainText(t.once);
    await indication.selectOption('stills');
    await w.getByLabel(t.weight, { exact: true }).fill('60');
    await expect(w.getByLabel(t.dose)).toHaveCount(0); // 100 mg fixed from 50 kg
    await expect(w.locator('.kw-dose')).toHaveText(lang === 'en' ? '100 mg (0.67 mL)' : '100 mg (0,67 mL)');
    await indication.selectOption('caps');
    await w.getByLabel(t.weight, { exact: true }).fill('20');
    await w.getByLabel(t.dose).fill('2');
    await expect(w.locator('.kw-dose')).toHaveText(t.caps);
    await expect(w.locator('.kw-steps')).toContainText(lang === 'en' ? '3–4 mg/kg/day' : '3–4 mg/kg/día');
  });
}

test('adult Cockcroft–Gault estimate feeds the dose', async ({ page }) => {
  const w = await open(page);
  await w.getByLabel('Prescribed for').selectOption('ra');
  await more(w);
  await w.getByLabel('Estimate it from serum creatinine').check();
  await expect(w.locator('.kw-result')).toHaveCount(0);
  await w.getByLabel('Age (years)').fill('80');
  await w.getByLabel('Actual body weight').fill('50');
  await w.getByLabel('Female').check();
  await w.getByLabel('Serum creatinine', { exact: true }).fill('2.5');
  await expect(w.getByText('Estimated creatinine clearance: 14.1 mL/min (Cockcroft–Gault)')).toBeVisible();
  await expect(w.locator('.kw-instructions')).toHaveText('100 mg (0.67 mL) under the skin every other day');
});

test('Spanish: labels, decimal comma in results, frequencies spelled out', async ({ page }) => {
  const w = await open(page, 'calculator', 'es');
  await w.getByLabel('Recetado para').selectOption('nomid');
  await w.getByLabel('Peso', { exact: true }).fill('20');
  await w.getByLabel('Dosis recetada (mg/kg/día)').fill('1,5');
  await expect(w.locator('.kw-dose')).toHaveText('30 mg (0,2 mL)');
  await expect(w.locator('.kw-instructions')).toContainText('una vez al día');
});

test('kineret:dose event carries the API result; inputs are not stored without remember (embed)', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  const w = page.locator('#primary');
  await w.evaluate((el) => el.setAttribute('view', 'calculator'));
  await page.evaluate(() => {
    window.__doses = [];
    document.addEventListener('kineret:dose', (e) => window.__doses.push(e.detail));
  });
  await w.getByLabel('Prescribed for').selectOption('ra');
  await expect(w.locator('.kw-result')).toBeVisible();
  const detail = await page.evaluate(() => window.__doses.at(-1));
  expect(detail).toMatchObject({ ok: true, dailyDoseMg: 100, intervalDays: 1, volumeMlPerAdministration: 0.67 });
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kineret-widget/')));
  expect(keys.filter((k) => k.includes('calculator'))).toEqual([]);
});

test('the remember attribute keeps the form across a reload', async ({ page }) => {
  const w = await open(page);
  await w.evaluate((el) => el.setAttribute('remember', ''));
  await w.getByLabel('Prescribed for').selectOption('nomid');
  await w.getByLabel('Weight', { exact: true }).fill('31');
  await page.reload();
  await widgetsReady(page);
  const w2 = page.locator('kineret-widget');
  await w2.evaluate((el) => el.setAttribute('remember', ''));
  await expect(w2.getByLabel('Weight', { exact: true })).toHaveValue('31');
  // An element mounted with `remember` already set loads the saved form and
  // never writes its empty form over it first.
  await page.evaluate(() => {
    const el = document.createElement('kineret-widget');
    el.id = 'second';
    el.setAttribute('view', 'calculator');
    el.setAttribute('remember', '');
    document.body.append(el);
  });
  await expect(page.locator('#second').getByLabel('Weight', { exact: true })).toHaveValue('31');
  const saved = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes('calculator/form'))?.[1] ?? '');
  expect(saved).toContain('"weight":"31"');
  await page.evaluate(() => localStorage.clear());
});

test('headless API: calculateDose, estimateCrCl, estimateEgfrSchwartz from a page', async ({ page }) => {
  await page.goto('/embed-demo.html');
  const r = await page.evaluate(async () => {
    const m = await import('./kineret-widget.js');
    await m.ready;
    return {
      version: m.version(),
      ok: await m.calculateDose({ indication: 'nomid', weightKg: 20, mgPerKgPerDay: 2, split: 'twice' }),
      renal: await m.calculateDose({ indication: 'covid19', esrd: true }),
      tooHigh: await m.calculateDose({ indication: 'dira', weightKg: 20, mgPerKgPerDay: 9 }),
      strings: await m.calculateDose({ indication: 'nomid', weightKg: '20', mgPerKgPerDay: 2 }),
      notObject: await m.calculateDose('nomid'),
      es: await m.calculateDose({ indication: 'ra', ageYears: 12, lang: 'es' }),
      crcl: await m.estimateCrCl({ ageYears: 60, sex: 'male', weightKg: 72, serumCreatinineMgDl: 1 }),
      child: await m.estimateCrCl({ ageYears: 10, sex: 'male', weightKg: 30, serumCreatinineMgDl: 0.5 }),
      schwartz: await m.estimateEgfrSchwartz({ heightCm: 110, serumCreatinineUmolL: 88.4 }),
    };
  });
  expect(r.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(r.ok).toMatchObject({ ok: true, dailyDoseMg: 40, doseMgPerAdministration: 20, administrationsPerDay: 2,
    intervalDays: 1, volumeMlPerAdministration: 0.13, syringesPerAdministration: 1, discardMgPerAdministration: 80,
    weightKg: 20, instructions: '20 mg (0.13 mL) under the skin twice daily' });
  expect(r.ok.steps.every((s) => s.text && s.source)).toBe(true);
  expect(r.renal).toMatchObject({ ok: true, intervalDays: 2, courseDays: 10, totalDoses: 5 });
  expect(r.renal.warnings.map((w) => w.code).sort()).toEqual(['hospital_only', 'renal_every_other_day']);
  expect(r.tooHigh.ok).toBe(false);
  expect(r.tooHigh.errors[0]).toMatchObject({ field: 'mgPerKgPerDay', code: 'above_max_dose' });
  expect(r.tooHigh.dailyDoseMg).toBeUndefined();
  expect(r.strings.errors.map((e) => e.code)).toEqual(['invalid_weight']);
  expect(r.notObject.errors[0].code).toBe('invalid_request');
  expect(r.es.warnings.find((w) => w.code === 'not_approved_under_18').message).toMatch(/18/);
  expect(r.es.instructions).toContain('una vez al día');
  expect(r.crcl).toMatchObject({ ok: true, crClMlMin: 80, method: 'cockcroft-gault' });
  expect(r.child.errors[0].code).toBe('pediatric_use_schwartz');
  expect(r.schwartz).toMatchObject({ ok: true, egfr: 45.4, method: 'bedside-schwartz' });
});

for (const lang of ['en', 'es']) {
  test(`calculator with a result has zero axe violations (${lang})`, async ({ page }) => {
    test.slow(); // three axe runs over the whole card (disclosures open) on a shared CPU
    const w = await open(page, 'calculator', lang);
    await w.locator('select').first().selectOption('nomid');
    await w.locator('#kw-calc-weight').fill('20');
    await w.locator('#kw-calc-dose').fill('9'); // error state
    expect(await axeViolations(page)).toEqual([]);
    await w.locator('#kw-calc-dose').fill('2');
    await more(w);
    await w.locator('input[name=kw-calc-renal]').nth(1).check();
    await w.locator('#kw-calc-crcl').fill('25'); // result with a caution notice
    await w.locator('details.kw-work summary').click();
    await w.locator('details.kw-sources summary').click();
    await w.locator('details.kw-prescribers summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await w.locator('input[name=kw-calc-renal]').nth(2).check(); // estimate panel, incomplete
    await w.locator('input[name=kw-calc-method]').nth(1).check();
    expect(await axeViolations(page)).toEqual([]);
  });
}

// A host page prints its own content too when the widget calls
// window.print(); the result is printed alone from a hidden frame instead,
// also under a strict CSP.
async function dose(w, indication, kg, rate) {
  await w.locator('select').first().selectOption(indication);
  await w.locator('input[inputmode=decimal]').first().fill(kg);
  await w.locator('input[inputmode=decimal]').nth(1).fill(rate);
}

for (const [pageUrl, count] of [['/embed-demo.html', 2], ['/csp-demo.html', 1]]) {
  test(`Print prints the result card alone on ${pageUrl}`, async ({ page }) => {
    await page.goto(pageUrl);
    await widgetsReady(page, count);
    const w = page.locator('kineret-widget').first();
    await w.evaluate((el) => { el.setAttribute('view', 'calculator'); el.setAttribute('lang', 'en'); el.style.setProperty('--kw-font-size', '20px'); });
    await w.getByLabel('Prescribed for').selectOption('dira');
    await w.getByLabel('Weight', { exact: true }).fill('20');
    await w.getByLabel('Prescribed dose (mg/kg/day)').fill('8');
    await expect(w.locator('.kw-dose')).toHaveText('160 mg (1.07 mL)');
    await capturePrints(page);
    await w.getByRole('button', { name: 'Print' }).click();
    await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(1);
    const [frame] = await page.evaluate(() => window.printedFrames);
    expect(frame.title).toBe('Kineret (anakinra): dose');
    expect(frame.text).toContain('160 mg (1.07 mL)');
    expect(frame.text).toContain('Syringe 2: give 60 mg (0.4 mL)');
    expect(frame.text).toContain('Daily dose: 8 mg/kg/day × 20 kg');
    // Header (Kineret · indication · date) and the inputs, on paper.
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    expect(frame.text).toContain(`Kineret · DIRA · ${today}`);
    expect(frame.text).toContain('Weight: 20 kg');
    expect(frame.text).toContain('Kidney function: normal or not known');
    expect(frame.text).toContain('Total per day: 160 mg (8 mg/kg/day × 20 kg)');
    expect(frame.html).toMatch(/<details class="kw-work" open/); // show-your-work printed open
    expect(frame.html).toMatch(/^<div class="kw-host"[^>]*><section [^>]*class="kw-card kw-result"/);
    expect(frame.html).not.toContain('kw-tabs');
    expect(frame.text).not.toContain('Prescribed for');
    expect(frame.sheets).toBe(1);
    expect(frame.font).toContain('sans-serif'); // the widget's sheet applies
    expect(frame.fontSize).toBe('20px'); // the host's theming carries over
    expect(await page.evaluate(() => window.printedPage)).toBe(0);
    // On paper, in dark mode too: controls hidden, text dark on white.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const styles = await printFrameStyles(page, ['.kw-actions', '.kw-titration', '.kw-dose', '.kw-steps', '.kw-report-head']);
    expect(styles['.kw-actions'].display).toBe('none');
    expect(styles['.kw-titration'].display).toBe('none');
    expect(styles['.kw-dose'].color).toBe('rgb(0, 0, 0)');
    expect(styles['.kw-steps'].display).not.toBe('none');
    expect(styles['.kw-report-head'].display).toBe('block');
    // The frame stays until the next print replaces it (one per page).
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await w.getByRole('button', { name: 'Print' }).click();
    await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(2);
    await expect(page.locator('#kineret-widget-print')).toHaveCount(1);
  });
}

test('Print from the second widget prints its own result, in its language', async ({ page }) => {
  await page.goto('/embed-demo.html');
  await widgetsReady(page, 2);
  const [first, second] = [page.locator('#primary'), page.locator('#secondary')];
  await dose(first, 'dira', '20', '8');
  // The second widget is region="eu": CAPS (IND-EU-CAPS), not NOMID.
  await dose(second, 'caps', '10', '2');
  await expect(first.locator('.kw-dose')).toHaveText('160 mg (1.07 mL)');
  await expect(second.locator('.kw-dose')).toHaveText('20 mg (0,13 mL)');
  await capturePrints(page);
  await second.getByRole('button', { name: 'Imprimir' }).click();
  await expect.poll(() => page.evaluate(() => window.printedFrames.length)).toBe(1);
  const [frame] = await page.evaluate(() => window.printedFrames);
  expect(frame.title).toBe('Kineret (anakinra): dosis');
  expect(frame.lang).toBe('es');
  expect(frame.text).toContain('20 mg (0,13 mL)');
  expect(frame.text).not.toContain('160 mg');
});

test('Print falls back to the whole page when no frame can be used', async ({ page }) => {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await dose(w, 'nomid', '10', '2');
  await capturePrints(page);
  await page.evaluate(() => {
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', { configurable: true, get: () => null });
  });
  await w.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate(() => window.printedPage)).toBe(1);
  await expect(page.locator('#kineret-widget-print')).toHaveCount(0);
});
