// Dose calculator, found by its labels in English and Spanish
// (tests/e2e/calculator.spec.mjs has the full matrix in Chromium).

async function openCalculator(page, lang) {
  await page.open('/');
  const w = page.widget();
  await w.attrs({ view: 'calculator', lang });
  return w;
}

export const flows = [
  {
    name: 'calculator by its labels (en): RA fixed dose, NOMID in lb with a decimal comma, twice daily',
    async run({ page }) {
      const w = await openCalculator(page, 'en');
      await w.css('.kw-app', 'To see the dose: choose what Kineret is prescribed for.');
      await w.select(await w.label('Prescribed for'), 'ra');
      await w.waitText('.kw-dose', '100 mg (0.67 mL)');
      await w.waitText('.kw-instructions', '100 mg (0.67 mL) under the skin once daily');
      await w.select(await w.label('Prescribed for'), 'nomid');
      await w.fill(await w.label({ exact: 'Weight' }), '44');
      await w.check(await w.role('radio', { exact: 'lb' }));
      await w.fill(await w.label('Prescribed dose (mg/kg/day)'), '2,5');
      await w.waitText('.kw-dose', '49.8 mg (0.33 mL)');
      await w.check(await w.role('radio', /twice daily/));
      await w.waitText('.kw-instructions', '24.9 mg (0.17 mL) under the skin twice daily');
      await w.role('img', { exact: 'Syringe 1: keep 24.9 mg (0.17 mL), push out 75.1 mg (0.5 mL)' });
      // A bad entry: a message beside the field and no number.
      const weight = await w.label({ exact: 'Weight' });
      await w.fill(weight, '20 kg');
      await w.waitAttr(weight, 'aria-invalid', 'true');
      await w.waitCount('.kw-result', 0);
      await w.css('.kw-app', 'Correct the highlighted fields to see the dose.');
    },
  },
  {
    name: 'calculator by its labels (es): decimal comma in, decimal comma out, frequency spelled out',
    async run({ page }) {
      const w = await openCalculator(page, 'es');
      await w.select(await w.label('Recetado para'), 'nomid');
      await w.fill(await w.label({ exact: 'Peso' }), '20');
      await w.fill(await w.label('Dosis recetada (mg/kg/día)'), '1,5');
      await w.waitText('.kw-dose', '30 mg (0,2 mL)');
      await w.waitContains('.kw-instructions', 'una vez al día');
    },
  },
];
