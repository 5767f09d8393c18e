// Safety view: monitoring schedule + calendar file, side-effect triage,
// before-starting screen. "Today" is fixed with Playwright's clock.
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';

const TODAY = new Date('2024-06-10T10:00:00'); // local time

async function open(page, { view = 'safety', lang = 'en', region } = {}) {
  await page.clock.install({ time: TODAY });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.evaluate((el, [v, l, r]) => {
    el.setAttribute('view', v);
    el.setAttribute('lang', l);
    if (r) el.setAttribute('region', r);
  }, [view, lang, region]);
  return w;
}

/** The text of each schedule row. */
const rows = (w) => w.locator('.kw-sf-checks li');

/** Minimal RFC 5545 reader: checks CRLF, unfolds, returns VEVENTs as maps. */
function parseIcs(text) {
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // every line ends in CRLF
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  const events = [];
  let cur = null;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = {};
    else if (l === 'END:VEVENT') { events.push(cur); cur = null; }
    else if (cur) {
      const i = l.indexOf(':');
      cur[l.slice(0, i).split(';')[0]] = { params: l.slice(0, i).split(';').slice(1).join(';'), value: l.slice(i + 1) };
    }
  }
  return events;
}

test('schedule: dated rows from the start date, due and overdue marks, done is kept', async ({ page }) => {
  const w = await open(page);
  await expect(rows(w)).toHaveCount(0);
  await w.getByLabel('Treatment start date').fill('2024-03-10');
  await expect(rows(w)).toHaveCount(7);
  const expected = [
    ['Before starting', 'Mar 10, 2024', 'Overdue'],
    ['Month 1', 'Apr 10, 2024', 'Overdue'],
    ['Month 2', 'May 10, 2024', 'Overdue'],
    ['Month 3', 'Jun 10, 2024', 'Due today'],
    ['Month 6', 'Sep 10, 2024', 'Upcoming'],
    ['Month 9', 'Dec 10, 2024', 'Upcoming'],
    ['Month 12', 'Mar 10, 2025', 'Upcoming'],
  ];
  for (const [i, [label, date, status]] of expected.entries()) {
    const row = rows(w).nth(i);
    await expect(row).toContainText(label);
    await expect(row).toContainText(date);
    await expect(row.locator('.kw-sf-badge')).toHaveText(status);
    await expect(row).toContainText('Source: US PI 5.x');
  }
  await expect(rows(w).nth(1)).toHaveClass('kw-st-overdue');
  await expect(rows(w).nth(3)).toHaveClass('kw-st-due');
  // Tick "before starting" as done with the keyboard: focus stays on it.
  const first = w.getByRole('checkbox', { name: 'Before starting Mar 10, 2024' });
  await first.focus();
  await page.keyboard.press('Space');
  await expect(rows(w).nth(0).locator('.kw-sf-badge')).toHaveText('Done');
  await expect(first).toBeFocused();
  // Kept in this browser: a reload shows the same schedule.
  await page.reload();
  await widgetsReady(page);
  const w2 = page.locator('kineret-widget');
  await w2.evaluate((el) => el.setAttribute('view', 'safety'));
  await expect(w2.getByLabel('Treatment start date')).toHaveValue('2024-03-10');
  await expect(rows(w2).nth(0).locator('.kw-sf-badge')).toHaveText('Done');
  await page.evaluate(() => localStorage.clear());
});

test('Spanish dates come from the browser (Intl) in the widget language', async ({ page }) => {
  const w = await open(page, { lang: 'es' });
  await w.getByLabel('Fecha de inicio del tratamiento').fill('2024-03-10');
  await expect(rows(w).nth(1)).toContainText('Mes 1');
  await expect(rows(w).nth(1)).toContainText('10 abr 2024');
  await expect(rows(w).nth(3).locator('.kw-sf-badge')).toHaveText('Toca hoy');
});

test('add to calendar: the .ics has the checks not done and the dose reminders', async ({ page }) => {
  const w = await open(page);
  await w.getByLabel('Treatment start date').fill('2024-03-10');
  await w.getByRole('checkbox', { name: 'Before starting Mar 10, 2024' }).check();
  await w.getByRole('radio', { name: 'Twice daily' }).check();
  await w.getByLabel('Morning dose time').fill('07:30');
  await w.getByLabel('Evening dose time').fill('19:45');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kineret-safety.ics');
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  const events = parseIcs(text);
  expect(events).toHaveLength(6 + 2);
  expect(events.map((e) => e.DTSTART.value)).toEqual([
    '20240410', '20240510', '20240610', '20240910', '20241210', '20250310', '20240610T073000', '20240610T194500',
  ]);
  expect(events.slice(0, 6).every((e) => e.DTSTART.params === 'VALUE=DATE' && !e.RRULE)).toBe(true);
  expect(events[0].SUMMARY.value).toBe('Neutrophil count blood test');
  expect(events[6].SUMMARY.value).toBe('Kineret dose (morning)');
  expect(events[6].RRULE.value).toBe('FREQ=DAILY');
  expect(new Set(events.map((e) => e.UID.value)).size).toBe(8);
  await expect(w.getByRole('region', { name: 'Safety' }).getByRole('status')).toContainText('Calendar file downloaded.');
  // Every other day: one reminder with INTERVAL=2; no reminders: checks only.
  await w.getByRole('radio', { name: 'Every other day' }).check();
  await expect(w.getByLabel('Evening dose time')).toHaveCount(0);
  const [d2] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: /Add to calendar/ }).click()]);
  const e2 = parseIcs(Buffer.concat(await (await d2.createReadStream()).toArray()).toString('utf8'));
  expect(e2).toHaveLength(7);
  expect(e2[6].RRULE.value).toBe('FREQ=DAILY;INTERVAL=2');
  expect(e2[6].DTSTART.value).toBe('20240610T073000');
  await page.evaluate(() => localStorage.clear());
});

test('the reminder schedule is preselected from the dose calculator', async ({ page }) => {
  const w = await open(page, { view: 'all' });
  await w.getByLabel('Prescribed for').selectOption('nomid');
  await w.getByLabel('Weight', { exact: true }).fill('20');
  await w.getByLabel('Prescribed dose (mg/kg/day)').fill('2');
  await w.getByRole('radio', { name: /twice daily/ }).check();
  await expect(w.locator('.kw-result')).toBeVisible();
  await w.getByRole('tab', { name: 'Safety' }).click();
  await w.getByLabel('Treatment start date').fill('2024-06-01');
  await expect(w.getByRole('radio', { name: 'Twice daily' })).toBeChecked();
  await expect(w.getByText('Preselected from the dose calculator.')).toBeVisible();
  await page.evaluate(() => localStorage.clear());
});

test('triage: emergency signs, call today, usually goes away; filter; MedWatch link', async ({ page }) => {
  const w = await open(page);
  const outcome = w.locator('.kw-sf-result');
  await expect(outcome).toHaveText('Select the side effects you notice.');
  await expect(outcome).toHaveAttribute('aria-live', 'polite');
  await w.getByRole('checkbox', { name: 'Difficulty with moving' }).check();
  await expect(outcome).toContainText('Usually goes away — tell your provider if it continues or bothers you');
  await w.getByRole('checkbox', { name: 'Nausea or vomiting' }).check();
  await expect(outcome).toContainText('Call your doctor immediately');
  // Keyboard: Space ticks the focused checkbox and focus stays on it.
  const breathing = w.getByRole('checkbox', { name: 'Trouble breathing' });
  await breathing.focus();
  await page.keyboard.press('Space');
  await expect(breathing).toBeChecked();
  await expect(breathing).toBeFocused();
  await expect(outcome).toContainText('Get emergency help now');
  await expect(outcome.locator('.kw-danger')).toHaveCount(1);
  await w.getByRole('checkbox', { name: 'Trouble breathing' }).uncheck();
  await expect(outcome).toContainText('Call your doctor immediately');
  // The filter hides what does not match; ticks stay.
  await w.getByLabel('Search the symptoms').fill('breath');
  await expect(w.getByRole('checkbox', { name: 'Nausea or vomiting' })).toBeHidden();
  await expect(w.getByRole('checkbox', { name: 'Trouble breathing' })).toBeVisible();
  await expect(outcome).toContainText('Call your doctor immediately');
  await w.getByLabel('Search the symptoms').fill('zzzz');
  await expect(w.getByText('No symptom in this list matches your search.')).toBeVisible();
  await w.getByLabel('Search the symptoms').fill('');
  await expect(w.getByText('This list does not diagnose anything')).toBeVisible();
  await expect(w.getByRole('link', { name: '1-800-FDA-1088' })).toHaveAttribute('href', 'tel:+18003321088');
});

test('triage: the allergic-emergency signs are one group at the top; no symptom is listed twice', async ({ page }) => {
  const w = await open(page);
  const groups = w.locator('.kw-sf-group');
  const first = groups.first();
  await expect(first.locator('legend')).toHaveText('Get emergency help now — signs of a severe allergic reaction');
  for (const sign of ['Dizziness', 'Trouble breathing', 'A choking feeling', 'Swelling of the face, lips, tongue or throat']) {
    await expect(first.getByRole('checkbox', { name: sign, exact: true })).toHaveCount(1);
  }
  // Not under "call your doctor" any more.
  const notKnown = groups.filter({ hasText: 'frequency not known' });
  await expect(notKnown.getByRole('checkbox', { name: 'Dizziness', exact: true })).toHaveCount(0);
  await expect(w.getByRole('checkbox', { name: 'Dizziness', exact: true })).toHaveCount(1);
  await expect(w.getByRole('checkbox', { name: /Swelling of the face or lips/ })).toHaveCount(0);
  const outcome = w.locator('.kw-sf-result');
  await w.getByRole('checkbox', { name: 'Dizziness', exact: true }).check();
  await expect(outcome).toContainText('Get emergency help now');
  await expect(outcome).toContainText('severe allergic reaction');
  await w.getByRole('checkbox', { name: 'Dizziness', exact: true }).uncheck();
  // Headache: once, with the doctor's answer; no note about the drug page's own list.
  await expect(w.getByRole('checkbox', { name: 'Headache', exact: true })).toHaveCount(1);
  await w.getByLabel('Search the symptoms').fill('headache');
  await expect(w.locator('.kw-sf-group li:not([hidden])')).toHaveCount(1);
  await w.getByLabel('Search the symptoms').fill('');
  await w.getByRole('checkbox', { name: 'Headache', exact: true }).check();
  await expect(outcome).toContainText('Call your doctor immediately');
  await expect(groups.last()).not.toContainText('drug page also lists');
  await expect(w.locator('.kw-sf-part:has(#kw-sf-tri-h)')).not.toContainText('shown once, above');
  await expect(w.locator('.kw-sf-part:has(#kw-sf-tri-h)')).toContainText('Source: Kineret drug page');
  await w.getByRole('checkbox', { name: 'Dizziness', exact: true }).check();
});

test('triage reporting: FDA MedWatch for region us, the national agency for region eu', async ({ page }) => {
  const w = await open(page, { region: 'eu' });
  const tri = w.locator('.kw-sf-part:has(#kw-sf-tri-h)');
  await expect(tri).toContainText("report side effects through your country's national reporting system");
  await expect(tri).toContainText('ask your doctor or pharmacist');
  await expect(tri).not.toContainText('FDA');
  await expect(tri).not.toContainText('1-800');
  await expect(w.locator('a[href^="tel:"]')).toHaveCount(0);
  await w.evaluate((el) => el.setAttribute('lang', 'es'));
  await expect(tri).toContainText('sistema nacional de notificación de su país');
  await expect(tri).not.toContainText('FDA');
  await w.evaluate((el) => { el.setAttribute('region', 'us'); el.setAttribute('lang', 'en'); });
  await expect(w.getByRole('link', { name: '1-800-FDA-1088' })).toHaveAttribute('href', 'tel:+18003321088');
  await expect(tri).not.toContainText('national reporting system');
});

test('screen: TNF blockers by brand and generic, sourced outcomes, live vaccines', async ({ page }) => {
  const w = await open(page);
  await expect(w.getByText('not a substitute for a clinician')).toBeVisible();
  const search = w.getByLabel('Check a medicine by name (brand or generic)');
  await search.fill('Humira');
  await expect(w.getByText('Humira is a TNF blocker (adalimumab). Using it with Kineret is not recommended.')).toBeVisible();
  await expect(w.locator('.kw-sf-questions').getByText('Source: US PI 5.2, 7')).toBeVisible();
  await search.fill('adalimumab-atto');
  await expect(w.getByText('adalimumab is a TNF blocker (adalimumab).', { exact: false })).toBeVisible();
  await search.fill('Enbrel');
  await expect(w.getByText(/Enbrel is a TNF blocker \(etanercept\)/)).toBeVisible();
  await search.fill('methotrexate');
  await expect(w.getByText('No TNF blocker in this list has that name.', { exact: false })).toBeVisible();
  for (const v of ['MMR', 'Chickenpox (varicella)', 'Nasal spray flu vaccine', 'Yellow fever', 'Oral typhoid', 'BCG']) {
    await expect(w.locator('.kw-sf-vaccines')).toContainText(v);
  }
  await w.getByRole('checkbox', { name: /allergic reaction to anakinra/ }).check();
  await expect(w.getByText('Do not use Kineret.', { exact: false })).toBeVisible();
  await expect(w.getByText('Source: US PI 4')).toBeVisible();
  await w.getByRole('checkbox', { name: /live \(attenuated\) vaccine/ }).check();
  await expect(w.getByText(/Do not get live \(attenuated\) vaccines, viral or bacterial .*Bring your vaccinations up to date/)).toBeVisible();
  await w.getByRole('checkbox', { name: /DIRA/ }).check();
  await expect(w.getByText('Source: US PI 5.3')).toBeVisible();
  await w.getByRole('checkbox', { name: /pregnant/ }).check();
  // PREG-US in region us.
  await expect(w.getByText('It is not known whether Kineret harms an unborn baby.', { exact: false })).toBeVisible();
  // CI-NEUTRO-EU is not asked in region us.
  await expect(w.getByRole('checkbox', { name: /neutropenia/ })).toHaveCount(0);
});

test('Spanish: TNF search and triage', async ({ page }) => {
  const w = await open(page, { lang: 'es' });
  await w.getByLabel('Compruebe un medicamento por su nombre (marca o genérico)').fill('Hadlima');
  await expect(w.getByText('Hadlima es un bloqueador del TNF (adalimumab).', { exact: false })).toBeVisible();
  await w.getByRole('checkbox', { name: 'Dificultad para respirar' }).check();
  await expect(w.locator('.kw-sf-result')).toContainText('Busque ayuda de emergencia ahora');
});

for (const lang of ['en', 'es']) {
  test(`safety view has zero axe violations (${lang})`, async ({ page }) => {
    const w = await open(page, { lang });
    expect(await axeViolations(page)).toEqual([]);
    await w.locator('#kw-sf-start').fill('2024-03-10');
    await w.locator('input[name=d]').first().check();
    await w.locator('input[name=p][value=twice]').check();
    await w.locator('input[name=y]').first().check();
    await w.locator('input[name=q]').first().check();
    await w.locator('#kw-sf-tnf').fill('Humira');
    await w.locator('#kw-sf-filter').fill('a');
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.clear());
  });
}

// Region eu (MON-ANC-EU, CI-NEUTRO-EU, WARN-DRESS, WARN-STILL-LUNG, MISSED,
// OVERDOSE), in English and Spanish.
for (const [lang, t] of [
  ['en', {
    start: 'Treatment start date', monthly6: 'monthly for the first 6 months', neutro: /low neutrophil count \(neutropenia\)/,
    neutroOut: 'Do not start Kineret with neutropenia', dress: 'DRESS', lung: "Still's disease, mainly in children",
    wrong: 'If something goes wrong', missed: 'If you forget a dose', month5: 'Month 5',
  }],
  ['es', {
    start: 'Fecha de inicio del tratamiento', monthly6: 'cada mes durante los primeros 6 meses', neutro: /recuento de neutrófilos bajo \(neutropenia\)/,
    neutroOut: 'No empiece Kineret si tiene neutropenia', dress: 'DRESS', lung: 'Enfermedad de Still, sobre todo en niños',
    wrong: 'Si algo sale mal', missed: 'Si olvida una dosis', month5: 'Mes 5',
  }],
]) {
  test(`region eu (${lang}): neutropenia question, DRESS and lung warnings, monthly checks for 6 months`, async ({ page }) => {
    const w = await open(page, { lang, region: 'eu' });
    await expect(w.locator('.kw-sf-part:has(#kw-sf-mon-h)')).toContainText(t.monthly6);
    await w.getByLabel(t.start).fill('2024-03-10');
    await expect(rows(w)).toHaveCount(9);
    await expect(rows(w).nth(5)).toContainText(t.month5);
    await expect(rows(w).nth(5)).toContainText('EU SmPC 4.4');
    const neutro = w.getByRole('checkbox', { name: t.neutro });
    await expect(neutro).toHaveCount(1);
    await neutro.check();
    await expect(w.locator('.kw-sf-questions')).toContainText(t.neutroOut);
    await expect(w.locator('.kw-sf-questions')).toContainText('EU SmPC 4.3; EU PL 2');
    const warn = w.locator('.kw-sf-warn').first();
    await expect(warn).toContainText(t.dress);
    await expect(warn).toContainText(t.lung);
    await expect(w.locator('.kw-sf-part:has(#kw-sf-wrong-h)')).toContainText(t.wrong);
    await expect(w.locator('.kw-sf-part:has(#kw-sf-wrong-h)')).toContainText(t.missed);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.clear());
  });
}

test('region us: no neutropenia question, no DRESS warning, 7 checks', async ({ page }) => {
  const w = await open(page);
  await expect(w.getByRole('checkbox', { name: /neutropenia/ })).toHaveCount(0);
  await expect(w.locator('.kw-sf-warn').first()).not.toContainText('DRESS');
  await w.getByLabel('Treatment start date').fill('2024-03-10');
  await expect(rows(w)).toHaveCount(7);
  await page.evaluate(() => localStorage.clear());
});

test('triage: blistering at the injection site or a cough means call your doctor (SE-CALL, WARN-INFECT)', async ({ page }) => {
  const w = await open(page);
  const outcome = w.locator('.kw-sf-result');
  const blister = w.getByRole('checkbox', { name: /blistering/ });
  await expect(blister).toHaveCount(1);
  await blister.check();
  await expect(outcome).toContainText('Call your doctor immediately');
  await expect(outcome).not.toContainText('Usually goes away');
  await blister.uncheck();
  await w.getByRole('checkbox', { name: /^Cough/ }).check();
  await expect(outcome).toContainText('Call your doctor immediately');
});
