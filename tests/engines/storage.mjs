// Storage and preparation: the whole checklist to "taken", and mishaps
// (tests/e2e/storage.spec.mjs runs the timer on Playwright's fake clock; here
// the warm-up is confirmed with the override, as a user who waited would).
import { assert, equal } from './lib.mjs';

async function openStorage(page, attrs = {}) {
  await page.open('/');
  const w = page.widget();
  await w.attrs(attrs);
  const tab = await w.role('tab', { exact: 'Storage and preparation' });
  await w.click(tab);
  await w.waitAttr(tab, 'aria-selected', 'true');
  return w;
}

async function outOfFridge(w, hours, temp) {
  await w.check(await w.label('It was left out of the refrigerator'));
  await w.fill(await w.label('Hours out of the refrigerator'), hours);
  await w.fill(await w.label(/^Temperature it was kept at/), temp);
  await w.click(await w.role('button', { exact: 'What should I do?' }));
}

export const flows = [
  {
    name: 'storage checklist: every step ticked, the dose recorded as taken, kineret:dose-prepared fired',
    async run({ page }) {
      const w = await openStorage(page);
      await page.eval(() => {
        window.__doses = [];
        document.addEventListener('kineret:dose-prepared', (e) => window.__doses.push(e.detail));
      });
      await w.waitContains('.kw-strip li:last-child', 'Due today');
      await w.check(await w.label('Expiration date checked'));
      await w.check(await w.label('taken out of the refrigerator'));
      await w.role('timer');
      // Ticking "laid flat" before 30 minutes is refused.
      const flat = await w.label('Laid flat at room temperature');
      await w.click(flat);
      assert(!(await flat.isSelected()), '"laid flat" ticked before the warm-up');
      await w.click(await w.role('button', /already been at room temperature for 30 minutes/));
      await w.css('.kw-ck', 'You confirmed it is already at room temperature.');
      assert(await (await w.label('Laid flat at room temperature')).isSelected(), 'override ticks "laid flat"');
      for (const step of ['Clear and colorless', 'Hands washed', 'Injection site chosen', 'Injected under the skin',
        'sharps container', 'Any medicine left in the syringe thrown away']) {
        await w.check(await w.label(step));
      }
      await w.click(await w.role('button', { exact: 'Record this dose as taken' }));
      await w.css('.kw-ck', 'Dose recorded as taken.');
      await w.waitContains('.kw-strip li:last-child', 'Taken');
      const doses = await page.eval(() => window.__doses);
      equal(doses.length, 1, 'kineret:dose-prepared events');
      assert(/^run-\d+$/.test(doses[0].runId), `runId ${doses[0].runId}`);
      // Kept in storage: a reload shows today as taken.
      await page.reload();
      await w.click(await w.role('tab', { exact: 'Storage and preparation' }));
      await w.waitContains('.kw-strip li:last-child', 'Taken');
    },
  },
  {
    name: 'storage mishaps (EU, °C): 6 hours at 22 °C usable, 0 °C counts as frozen, "It was frozen" answers at once',
    async run({ page }) {
      const w = await openStorage(page, { region: 'eu', units: 'c' });
      await outOfFridge(w, '6', '22');
      await w.waitContains('.kw-mh-result', 'You may use it');
      await w.waitContains('.kw-mh-result', 'within 72 hours');
      await w.waitContains('.kw-mh-result', 'Source: EU PL 5');
      await outOfFridge(w, '2', '0');
      await w.waitContains('.kw-mh-result', 'Do not use it: it was at 0 °C or colder, so it counts as frozen');
      await w.waitCount('.kw-mh-result .kw-danger', 1);
      await w.check(await w.label('It was frozen'));
      await w.waitContains('.kw-mh-result', 'Do not use a syringe that has been frozen');
    },
  },
];
