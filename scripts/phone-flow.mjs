// Phone usability flow: a parent's evening with the Kineret widget on a
// 390 × 844 touch phone (deviceScaleFactor 1, hasTouch, isMobile), app page `/`.
//
//   node scripts/phone-flow.mjs <baseURL> <outdir> [lang]      (lang: en | es)
//
// Four stages, each in one browser page, one after the other:
//   1. dose      calculator: NOMID, 22 kg, 3 mg/kg/day → "66 mg (0.44 mL)" seen
//   2. checklist storage tab: tick the preparation steps in order (the
//                suggested site when one must be chosen, the "already at room
//                temperature" override of the warm-up timer), record the dose
//   3. log       sites tab: log the suggested site, unless stage 2 already did
//   4. mishap    storage tab, "Something went wrong?": left out ~3 h at room
//                temperature → the answer
// plus `print`, not part of the flow or the totals: the pharmacist's print of
// the calculator (RA, Cockcroft–Gault: 60 kg, SCr 1.8 mg/dL, female, 72 y)
// under `print` media.
//
// For each stage it measures:
//   actions   taps, key presses and fills (a select counts as one)
//   scrollPx  sum of |Δ scroll| of the window and of any scrolled element in
//             the widget's shadow root, through the stage: the scrolling to
//             reach each control (Playwright's scroll-into-view before every
//             action, done explicitly so it can be told apart: `reachPx`) and
//             any scrolling during or after the action (`duringPx`: the app's
//             own scrolling or Playwright's retry scrolls), and, when the
//             stage's answer is not in view after the last action, the scroll
//             to bring it into view (`seePx`, the least scroll that shows
//             it: a reader stops once it appears). Scroll events and reads of
//             scrollY before and after each action both feed it.
//   answer    the stage's answer (every visible rendering of it): whether it
//             is in the viewport right after the action that produced it, and
//             its distance in px (edge to edge) from the control last acted on.
// Controls are found by role, label and text (English and Spanish), so the
// same script runs on builds whose wording and layout differ; a step found in
// only one build is handled with a fallback and listed under `notes`.
// Prints a JSON report and writes one full-page screenshot per stage to <outdir>.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, outdir, lang = 'en'] = process.argv.slice(2);
if (!base || !outdir || !['en', 'es'].includes(lang)) {
  console.error('usage: node scripts/phone-flow.mjs <baseURL> <outdir> [en|es]');
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });
const appUrl = new URL('/', base).href;

// Words of both languages; the widget's texts decide which one matches.
const RX = {
  tabCalc: /^(Dose calculator|Calculadora de dosis)$/,
  tabSites: /^(Injection sites|Zonas de inyección)$/,
  tabStorage: /^(Storage and preparation|Conservación y preparación)$/,
  indication: /^(Prescribed for|Recetado para)$/,
  weight: /^(Weight|Peso|Actual body weight|Peso corporal real)$/,
  kg: /^kg$/,
  dose: /^(Prescribed dose|Dosis recetada)/,
  more: /^(More \(optional\)|Más \(opcional\))/,
  age: /^(Age|Edad)/,
  kidneyEstimate: /^(Estimate it from serum creatinine|Estimarlo a partir de la creatinina sérica)$/,
  adult: /^(Adult|Adulto)/,
  female: /^(Female|Mujer)$/,
  scr: /^(Serum creatinine|Creatinina sérica)/,
  mgdl: /^mg\/dL$/,
  doseAnswer: /66\s*mg\s*(\(|=)\s*0[.,]44\s*mL/,
  checklist: /^(Dose checklist|Lista de verificación de la dosis)$/,
  startAnyway: /^(Start another dose anyway|Empezar otra dosis de todos modos)$/,
  override: /(already been at room temperature|Ya ha estado .* a temperatura ambiente)/,
  record: /^(Record this dose as taken|Registrar esta dosis como administrada)$/,
  recordAnyway: /^(Record another dose anyway|Registrar otra dosis de todos modos)/,
  recorded: /(Dose recorded as taken|Dosis registrada como administrada)/,
  suggestedNext: /^(Suggested next site|Próxima zona sugerida)/,
  useSuggested: /^(Choose this site|Elegir esta zona)$/,
  logButton: /^(Log injection|Registrar inyección)$/,
  logged: /^(Logged|Registrada): /,
  leftOut: /^(It was left out of the refrigerator|Se quedó fuera del refrigerador)/,
  hours: /^(Hours out of the refrigerator|Horas fuera del refrigerador)/,
  roomTemp: /^(Room temperature|Temperatura ambiente)/,
  tempNumber: /^(Temperature it was kept at|Temperatura a la que estuvo)/,
  check: /^(What should I do\?|¿Qué debo hacer\?)$/,
  print: /^(Print|Imprimir)$/,
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true,
  locale: lang === 'es' ? 'es-ES' : 'en-US',
});
const problems = [];
const report = { baseURL: appUrl, lang, viewport: '390x844', stages: [], notes: [], problems };

/** An evening: 8 PM today, local time (the clock keeps running). */
function evening() {
  const d = new Date();
  d.setHours(20, 0, 0, 0);
  return d;
}

async function openApp() {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  await page.clock.install({ time: evening() });
  await page.goto(appUrl);
  await page.locator('kineret-widget .kw-app').first().waitFor({ timeout: 20_000 });
  const w = page.locator('kineret-widget').first();
  if (lang !== 'en') {
    await w.evaluate((el, l) => el.setAttribute('lang', l), lang);
    await w.getByRole('tab', { name: RX.tabCalc }).waitFor();
  }
  await installScrollTracker(page);
  return { page, w };
}

/** Sums |Δ scroll| of the window and of every element in the widget's shadow
 *  roots (scroll events, plus `sync()` reads before and after each action). */
async function installScrollTracker(page) {
  await page.evaluate(() => {
    const last = new Map();
    const pos = (t) => (t === document || t === window ? window.scrollY : t.scrollTop);
    const t = { total: 0, window: 0, inner: 0, last };
    const add = (target) => {
      const key = target === window ? document : target;
      const now = pos(key);
      const before = last.has(key) ? last.get(key) : (key === document ? now : 0);
      const d = Math.abs(now - before);
      last.set(key, now);
      t.total += d;
      if (key === document) t.window += d; else t.inner += d;
    };
    const roots = () => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { out.push(el.shadowRoot); walk(el.shadowRoot); }
      };
      walk(document);
      return out;
    };
    const scrolled = () => {
      const out = [];
      for (const r of roots()) for (const el of r.querySelectorAll('*')) if (el.scrollTop !== 0 || last.has(el)) out.push(el);
      return out;
    };
    t.sync = () => { add(document); for (const el of scrolled()) add(el); };
    t.rebase = () => { last.set(document, window.scrollY); for (const el of scrolled()) last.set(el, el.scrollTop); };
    t.listen = () => {
      for (const r of [document, ...roots()]) {
        if (r.kwScrollListened) continue;
        r.kwScrollListened = true;
        r.addEventListener('scroll', (e) => add(e.target), { capture: true, passive: true });
      }
    };
    t.listen();
    t.rebase();
    window.kwScroll = t;
  });
}

/** Waits two frames and a little, then folds any scroll not yet seen into the sum. */
async function settle(page, ms = 150) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(ms);
  return page.evaluate(() => { window.kwScroll.listen(); window.kwScroll.sync(); return window.kwScroll.total; });
}

function newStage(name) {
  const s = { stage: name, actions: 0, scrollPx: 0, reachPx: 0, duringPx: 0, seePx: 0, steps: [], notes: [], answer: null, completed: false };
  report.stages.push(s);
  return s;
}

/** One user action on `loc`: scroll it into view (what the user must do),
 *  perform it, let the page settle; counts and measures it. */
async function act(page, stage, what, loc, kind, value) {
  const t0 = await settle(page, 0);
  const y0 = await page.evaluate(() => scrollY);
  await loc.scrollIntoViewIfNeeded({ timeout: 10_000 });
  const t1 = await settle(page, 50);
  const y1 = await page.evaluate(() => scrollY);
  const box = await loc.boundingBox();
  const doc = box && { x: box.x, y: box.y + y1, width: box.width, height: box.height };
  if (kind === 'tap') {
    try {
      await loc.tap({ timeout: 5_000 });
    } catch (e) {
      // A visually hidden input: tap its label instead (still one tap).
      const id = await loc.getAttribute('id');
      if (!id) throw e;
      await loc.locator('xpath=..').locator(`label[for="${id}"]`).tap({ timeout: 5_000 });
    }
  } else if (kind === 'fill') {
    await loc.fill(value);
  } else if (kind === 'select') {
    await loc.selectOption(value);
  } else if (kind === 'press') {
    await loc.press(value);
  }
  const t2 = await settle(page);
  const y2 = await page.evaluate(() => scrollY);
  const reach = Math.max(t1 - t0, Math.abs(y1 - y0));
  const during = Math.max(t2 - t1, Math.abs(y2 - y1));
  stage.actions += 1;
  stage.reachPx += reach;
  stage.duringPx += during;
  stage.scrollPx = stage.reachPx + stage.duringPx + (stage.seePx || 0);
  stage.steps.push({ what, kind, scrollY: [y0, y1, y2], reachPx: Math.round(reach), duringPx: Math.round(during) });
  stage.lastActed = { loc, doc, what };
  return loc;
}

/** Gap in px between two rectangles (0 when they overlap), and its vertical part. */
function gap(a, b) {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return { px: Math.round(Math.hypot(dx, dy)), verticalPx: Math.round(dy) };
}

/** Where the answer is, right after the action that produced it: every
 *  visible match of `loc` (a sticky summary and the full result both count). */
async function measureAnswer(page, stage, loc, label) {
  const vp = page.viewportSize();
  const y = await page.evaluate(() => scrollY);
  let acted = null;
  if (stage.lastActed) {
    const now = await stage.lastActed.loc.boundingBox().catch(() => null);
    acted = now || (stage.lastActed.doc && { ...stage.lastActed.doc, y: stage.lastActed.doc.y - y });
  }
  const found = [];
  for (const el of await loc.all()) {
    const b = await el.boundingBox().catch(() => null);
    if (!b || b.width < 2 || b.height < 2) continue; // hidden or visually hidden (status text)
    const inViewport = b.y < vp.height && b.y + b.height > 0 && b.x < vp.width && b.x + b.width > 0;
    const text = ((await el.innerText().catch(() => '')) || (await el.getAttribute('aria-label')) || '')
      .replace(/\s+/g, ' ').trim().slice(0, 120);
    found.push({ text, inViewport, top: Math.round(b.y), height: Math.round(b.height), distance: acted ? gap(b, acted) : null });
  }
  const best = found.find((f) => f.inViewport) || found[0] || null;
  // Not in view: the user has to scroll to it to read it (counted, no action).
  let seePx = 0;
  if (found.length && !found.some((f) => f.inViewport)) {
    const t0 = await settle(page, 0);
    for (const el of await loc.all()) {
      const b = await el.boundingBox().catch(() => null);
      // The least scrolling that shows it (a reader stops once it appears).
      if (b && b.width >= 2 && b.height >= 2) { await el.evaluate((e) => e.scrollIntoView({ block: 'nearest' })); break; }
    }
    seePx = (await settle(page, 50)) - t0;
    stage.seePx = (stage.seePx || 0) + seePx;
    stage.scrollPx = stage.reachPx + stage.duringPx + stage.seePx;
  }
  stage.answer = {
    label,
    seen: found.length > 0,
    inViewport: found.some((f) => f.inViewport),
    afterAction: stage.lastActed ? stage.lastActed.what : null,
    distancePx: best && best.distance ? best.distance.px : null,
    verticalDistancePx: best && best.distance ? best.distance.verticalPx : null,
    scrollToSeePx: Math.round(seePx),
    text: best ? best.text : null,
    renderings: found,
  };
  return stage.answer;
}

async function screenshot(page, stage, name) {
  const y = await page.evaluate(() => scrollY);
  const path = join(outdir, `${lang}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  // The full-page capture may move things: back where the user was, not counted.
  await page.evaluate((yy) => { window.scrollTo(0, yy); window.kwScroll.rebase(); }, y);
  if (stage) stage.screenshot = path;
  return path;
}

async function visible(loc, timeout = 1_500) {
  try {
    await loc.first().waitFor({ state: 'visible', timeout });
    return true;
  } catch {
    return false;
  }
}

async function openTab(page, w, stage, rx) {
  const tab = w.getByRole('tab', { name: rx });
  if ((await tab.getAttribute('aria-selected')) === 'true') {
    stage.notes.push(`tab ${rx.source} already selected: no tap`);
    return;
  }
  await act(page, stage, `tab ${await tab.innerText()}`, tab, 'tap');
}

// ---------------------------------------------------------------- stages

async function doseStage(page, w) {
  const s = newStage('dose');
  await openTab(page, w, s, RX.tabCalc);
  await act(page, s, 'Prescribed for: NOMID', w.getByRole('combobox', { name: RX.indication }), 'select', 'nomid');
  await act(page, s, 'weight 22', w.getByRole('textbox', { name: RX.weight }), 'fill', '22');
  const kg = w.getByRole('radio', { name: RX.kg });
  if ((await kg.count()) && !(await kg.isChecked())) await act(page, s, 'unit kg', kg, 'tap');
  await act(page, s, 'prescribed dose 3 mg/kg/day', w.getByRole('textbox', { name: RX.dose }), 'fill', '3');
  await measureAnswer(page, s, w.getByText(RX.doseAnswer), '66 mg (0.44 mL)');
  s.completed = s.answer.seen;
  await screenshot(page, s, '1-dose');
}

async function checklistStage(page, w) {
  const s = newStage('checklist');
  await openTab(page, w, s, RX.tabStorage);
  const anyway = w.getByRole('button', { name: RX.startAnyway });
  if (await visible(anyway, 500)) {
    s.notes.push('double-dose guard before the checklist: "Start another dose anyway"');
    await act(page, s, 'start another dose anyway', anyway, 'tap');
  }
  const list = w.getByRole('list', { name: RX.checklist });
  await list.waitFor();
  let overrideUsed = false;
  for (let guard = 0; guard < 30; guard++) {
    // The warm-up timer: use the "already at room temperature" override.
    const override = w.getByRole('button', { name: RX.override });
    if (!overrideUsed && (await override.count()) && (await override.first().isVisible())) {
      await act(page, s, 'warm-up override (already at room temperature)', override.first(), 'tap');
      overrideUsed = true;
      continue;
    }
    // The first step still to do, in order (one DOM read instead of many).
    const next = await list.evaluate((ol) => {
      const lis = [...ol.children].filter((li) => li.tagName === 'LI');
      for (let i = 0; i < lis.length; i++) {
        const radios = [...lis[i].querySelectorAll('input[type=radio]')];
        if (radios.length) {
          if (!radios.some((r) => r.checked) && !radios[0].disabled) return { i, kind: 'radio', id: radios[0].id };
          continue;
        }
        const box = lis[i].querySelector('input[type=checkbox]');
        if (!box || box.checked || box.disabled) continue;
        const sel = lis[i].querySelector('select');
        return { i, kind: 'checkbox', id: box.id, select: sel ? { id: sel.id, value: sel.value, text: sel.selectedOptions[0]?.textContent || '' } : null,
          text: lis[i].innerText };
      }
      return null;
    });
    if (!next) break;
    const { i } = next;
    if (next.kind === 'radio') {
      // The inspection: the first answer is "clear" (the normal one).
      await act(page, s, `step ${i + 1}: ${next.id || 'inspection'} (clear)`, list.locator(`[id="${next.id}"]`), 'tap');
      continue;
    }
    if (next.select) {
      // A site picker: keep the suggested site it shows (no action), or pick it.
      if (next.select.value) s.notes.push(`site picker in the checklist, suggested site preselected: ${next.select.text}`);
      else {
        const sug = next.text.match(/(?:Suggested site|Zona sugerida): ([^.]+)\./);
        await act(page, s, `site picker: ${sug ? sug[1] : 'first'}`, list.locator(`[id="${next.select.id}"]`), 'select',
          sug ? { label: sug[1] } : { index: 0 });
      }
    }
    const box = list.locator(`[id="${next.id}"]`);
    const name = (next.id || `step ${i + 1}`).replace(/^kw-ck-/, '');
    await act(page, s, `step ${i + 1}: ${name}`, box, 'tap');
    if (!(await box.isChecked())) {
      const err = await w.getByRole('alert').allInnerTexts();
      s.notes.push(`step ${i + 1} (${name}) did not tick: ${err.join(' | ') || 'no message'}`);
      return finishChecklist(page, w, s);
    }
  }
  if (!overrideUsed) s.notes.push('no warm-up timer override was needed/found');
  const record = w.getByRole('button', { name: RX.record });
  if (await visible(record)) await act(page, s, 'record this dose as taken', record, 'tap');
  else s.notes.push('no "Record this dose as taken" button');
  const again = w.getByRole('button', { name: RX.recordAnyway });
  if (await visible(again, 500)) {
    s.notes.push('double-dose guard at record: "Record another dose anyway"');
    await act(page, s, 'record another dose anyway', again, 'tap');
  }
  const alerts = (await w.getByRole('alert').allInnerTexts()).filter((t) => t.trim());
  if (alerts.length) s.notes.push(`alerts after recording: ${alerts.join(' | ')}`);
  return finishChecklist(page, w, s);
}

async function finishChecklist(page, w, s) {
  await measureAnswer(page, s, w.getByText(RX.recorded), 'Dose recorded as taken.');
  s.completed = s.answer.seen;
  await screenshot(page, s, '2-checklist');
}

async function logStage(page, w) {
  const s = newStage('log');
  await openTab(page, w, s, RX.tabSites);
  const today = await page.evaluate(() => {
    const day = new Date().toDateString();
    return Object.keys(localStorage)
      .filter((k) => k.includes('/sites/entry/'))
      .map((k) => JSON.parse(localStorage.getItem(k))?.data)
      .filter((e) => e && new Date(e.atMs).toDateString() === day)
      .map((e) => e.zone);
  });
  if (today.length) {
    s.notes.push(`the dose's site was already logged by the checklist (${today.join(', ')}): nothing to do`);
    // What shows it right away: the body map's zone "…, last used today";
    // the history entry further down is reported, not scrolled to.
    const zoneToday = w.getByRole('button', { name: /,[^,]*\b(today|hoy)\b/i });
    await measureAnswer(page, s, zoneToday, 'body-map zone marked as used today');
    const entry = await w.getByRole('region', { name: /^(History|Historial)$/ }).getByRole('listitem').first().boundingBox().catch(() => null);
    s.answer.historyEntryTop = entry ? Math.round(entry.y) : null;
    s.completed = true;
    await screenshot(page, s, '3-log');
    return;
  }
  // The suggestion, then its zone on the body map (fallback: "Choose this site").
  const sugLine = w.getByText(RX.suggestedNext).first();
  let zone = null;
  if (await sugLine.count()) {
    const p = await sugLine.evaluate((el) => (el.closest('p') || el.parentElement).innerText);
    const m = p.match(/:\s*(.+?)\s*$/m);
    zone = m ? m[1] : null;
  }
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mapButton = zone && w.getByRole('button', { name: new RegExp(`^${esc(zone)},`) }).first();
  if (mapButton && (await mapButton.count())) {
    await act(page, s, `body map: ${zone}`, mapButton, 'tap');
  } else {
    s.notes.push('suggested zone not found on the body map: used "Choose this site"');
    await act(page, s, 'choose this site', w.getByRole('button', { name: RX.useSuggested }), 'tap');
  }
  await act(page, s, 'log injection', w.getByRole('button', { name: RX.logButton }), 'tap');
  await measureAnswer(page, s, w.getByText(RX.logged), `Logged: ${zone}`);
  s.completed = s.answer.seen;
  const offer = w.getByRole('button', { name: /^(Also record today's dose|Registrar también la dosis de hoy)$/ });
  if (await offer.count()) s.notes.push('"Also record today\'s dose" offered after logging (not tapped: already recorded)');
  await screenshot(page, s, '3-log');
}

async function mishapStage(page, w) {
  const s = newStage('mishap');
  await openTab(page, w, s, RX.tabStorage);
  const form = w.getByRole('form', { name: /^(Something went wrong\?|¿Algo salió mal\?)$/ });
  await act(page, s, 'left out of the refrigerator', form.getByRole('radio', { name: RX.leftOut }), 'tap');
  await act(page, s, 'hours 3', form.getByRole('textbox', { name: RX.hours }), 'fill', '3');
  const room = form.getByRole('radio', { name: RX.roomTemp });
  if (await visible(room, 800)) {
    await act(page, s, `temperature: ${await room.first().getAttribute('id')}`, room.first(), 'tap');
  } else {
    const temp = form.getByRole('textbox', { name: RX.tempNumber });
    const label = (await temp.getAttribute('aria-label')) || (await form.innerText());
    const celsius = /°C/.test(label) && !/°F/.test(label);
    s.notes.push(`no temperature choices: typed room temperature as a number (${celsius ? '22 °C' : '72 °F'})`);
    await act(page, s, `temperature ${celsius ? '22 °C' : '72 °F'}`, temp, 'fill', celsius ? '22' : '72');
  }
  await act(page, s, 'what should I do?', form.getByRole('button', { name: RX.check }), 'tap');
  await measureAnswer(page, s, w.locator('.kw-mh-result .kw-notice').first(), 'mishap answer (first notice)');
  s.completed = s.answer.seen;
  await screenshot(page, s, '4-mishap');
}

/** The pharmacist's print: RA, Cockcroft–Gault, under print media. */
async function printStage() {
  const { page, w } = await openApp();
  const s = { stage: 'print', actions: 0, scrollPx: 0, reachPx: 0, duringPx: 0, steps: [], notes: [] };
  report.print = s;
  await act(page, s, 'Prescribed for: RA', w.getByRole('combobox', { name: RX.indication }), 'select', 'ra');
  const more = w.locator('summary').filter({ hasText: RX.more });
  if (await more.count()) {
    const open = await more.first().evaluate((el) => el.parentElement.open);
    if (!open) await act(page, s, 'More (optional)', more.first(), 'tap');
  } else s.notes.push('no "More (optional)": age and kidney fields are in the form');
  await act(page, s, 'kidney: estimate from serum creatinine', w.getByRole('radio', { name: RX.kidneyEstimate }), 'tap');
  const adult = w.getByRole('radio', { name: RX.adult });
  if ((await adult.count()) && !(await adult.first().isChecked())) await act(page, s, 'adult (Cockcroft–Gault)', adult.first(), 'tap');
  await act(page, s, 'weight 60', w.getByRole('textbox', { name: RX.weight }), 'fill', '60');
  await act(page, s, 'female', w.getByRole('radio', { name: RX.female }), 'tap');
  await act(page, s, 'age 72', w.getByRole('textbox', { name: RX.age }), 'fill', '72');
  await act(page, s, 'SCr 1.8', w.getByRole('textbox', { name: RX.scr }), 'fill', lang === 'es' ? '1,8' : '1.8');
  const mgdl = w.getByRole('radio', { name: RX.mgdl });
  if ((await mgdl.count()) && !(await mgdl.first().isChecked())) await act(page, s, 'unit mg/dL', mgdl.first(), 'tap');
  const cg = w.getByText(/Cockcroft–Gault/).filter({ hasText: /mL\/min/ });
  s.estimate = (await cg.count()) ? (await cg.first().innerText()).replace(/\s+/g, ' ').slice(0, 160) : null;
  if (!s.estimate) s.notes.push('no Cockcroft–Gault estimate line found');
  s.hasPrintButton = (await w.getByRole('button', { name: RX.print }).count()) > 0;
  s.screenScreenshot = await screenshot(page, null, '5-print-screen');
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(200);
  s.screenshot = join(outdir, `${lang}-5-print.png`);
  await page.screenshot({ path: s.screenshot, fullPage: true });
  await page.close();
}

// ---------------------------------------------------------------- run

const { page, w } = await openApp();
for (const [name, stage] of [['dose', doseStage], ['checklist', checklistStage], ['log', logStage], ['mishap', mishapStage]]) {
  try {
    await stage(page, w);
  } catch (e) {
    const s = report.stages.find((x) => x.stage === name) || newStage(name);
    s.error = e.message.split('\n').slice(0, 3).join(' ');
    s.completed = false;
    await screenshot(page, s, `${report.stages.indexOf(s) + 1}-${name}-error`).catch(() => {});
  }
}
await page.close();
try {
  await printStage();
} catch (e) {
  report.print = { ...(report.print || {}), error: e.message.split('\n').slice(0, 3).join(' ') };
}
await browser.close();

for (const s of [...report.stages, report.print].filter(Boolean)) {
  delete s.lastActed;
  for (const k of ['scrollPx', 'reachPx', 'duringPx', 'seePx']) s[k] = Math.round(s[k] || 0);
}
report.totals = {
  actions: report.stages.reduce((a, s) => a + s.actions, 0),
  scrollPx: report.stages.reduce((a, s) => a + s.scrollPx, 0),
  answersInViewport: report.stages.filter((s) => s.answer && s.answer.inViewport).length,
  stagesCompleted: report.stages.filter((s) => s.completed).length,
};
report.notes = report.stages.flatMap((s) => s.notes.map((n) => `${s.stage}: ${n}`));
writeFileSync(join(outdir, `${lang}-report.json`), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
