// Host pages: the fallback without WebAssembly, two instances on one page
// (the embed demo, hostile CSS), and a strict-CSP host (tests/e2e/
// skeleton.spec.mjs and hardening.spec.mjs in Chromium).
import { assert, equal } from './lib.mjs';

const VIEWS = ['Dose calculator', 'Injection sites', 'Storage and preparation', 'Safety'];

export const flows = [
  {
    name: 'fallback without wasm: the host\'s content shows, a later element says it could not start',
    problemsOk: true, // the failed load is logged by the widget, on purpose
    async run({ page }) {
      await page.open('/nowasm/', 0); // a copy of dist/ without the .wasm file
      const w = page.widget();
      // The element's own children, slotted into the widget's status box, and visible.
      await w.until(() => page.eval(() => {
        const el = document.querySelector('kineret-widget');
        const p = el.querySelector('p');
        return Boolean(el.shadowRoot?.querySelector('[role=status] slot') && p.assignedSlot && p.offsetHeight > 0
          && p.textContent.includes('This tool needs a browser with JavaScript and WebAssembly'));
      }), 'the host\'s fallback content, shown');
      equal(await w.count('.kw-app'), 0, 'apps rendered');
      // An element without children: the widget's own message.
      await page.eval(() => { const el = document.createElement('kineret-widget'); el.id = 'later'; document.body.append(el); });
      const later = page.widget('#later');
      await later.until(() => page.eval(() => {
        const p = document.querySelector('#later').shadowRoot?.querySelector('.kw-fallback');
        return Boolean(p && p.offsetHeight > 0 && p.textContent.includes('could not start in this browser'));
      }), 'the later element\'s message');
      const problems = await page.problems();
      assert(problems.some((p) => p.includes('WebAssembly could not load')), `the failure is logged: ${problems.join(' | ')}`);
    },
  },
  {
    name: 'two instances on the embed demo: independent views and languages, each computes its own dose',
    async run({ page }) {
      await page.open('/embed-demo.html', 2);
      const a = page.widget('#primary');
      const b = page.widget('#secondary');
      equal(await b.count('[role=tab]'), 0, 'tabs in the calculator-only instance');
      await b.role('heading', { exact: 'Asistente de Kineret' });
      const safety = await a.role('tab', { exact: 'Safety' });
      await a.click(safety);
      await a.waitAttr(safety, 'aria-selected', 'true');
      await b.role('heading', { exact: 'Calculadora de dosis' });
      // Hostile host CSS (button { display: none !important }, red serif text) stays outside.
      const style = await page.eval(() => {
        const title = document.querySelector('#primary').shadowRoot.querySelector('.kw-title');
        const s = getComputedStyle(title);
        return { color: s.color, family: s.fontFamily, host: getComputedStyle(document.querySelector('header h1')).color };
      });
      assert(style.color !== 'rgb(255, 0, 0)' && style.family !== 'serif', `host CSS reached inside: ${JSON.stringify(style)}`);
      equal(style.host, 'rgb(255, 0, 0)', 'host heading colour');
      const calc = await a.role('tab', { exact: 'Dose calculator' });
      await a.click(calc);
      await a.select(await a.label('Prescribed for'), 'dira');
      await a.fill(await a.label({ exact: 'Weight' }), '20');
      await a.fill(await a.label('Prescribed dose (mg/kg/day)'), '8');
      // region="eu": CAPS, in Spanish.
      await b.select(await b.label('Recetado para'), 'caps');
      await b.fill(await b.label({ exact: 'Peso' }), '10');
      await b.fill(await b.label('Dosis recetada (mg/kg/día)'), '2');
      await a.waitText('.kw-dose', '160 mg (1.07 mL)');
      await b.waitText('.kw-dose', '20 mg (0,13 mL)');
    },
  },
  {
    name: 'strict CSP host: every view renders, styles apply, no securitypolicyviolation',
    async run({ page }) {
      await page.open('/csp-demo.html');
      const w = page.widget();
      await w.select(await w.label('Prescribed for'), 'ra');
      await w.waitText('.kw-dose', '100 mg (0.67 mL)');
      for (const name of VIEWS) {
        const tab = await w.role('tab', { exact: name });
        await w.click(tab);
        await w.waitAttr(tab, 'aria-selected', 'true');
        await w.css('[role=tabpanel]');
      }
      const border = await page.eval(() => getComputedStyle(document.querySelector('kineret-widget').shadowRoot.querySelector('.kw-app')).borderTopStyle);
      equal(border, 'solid', 'the constructed stylesheet applies');
      // probe.js listened from the first byte; run.mjs fails the flow on any violation.
    },
  },
];
