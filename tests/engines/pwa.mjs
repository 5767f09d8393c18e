// The installed app offline (tests/e2e/pwa.spec.mjs has updates and
// installability in Chromium): the worker installs and controls the page,
// then the server stops and a reload still renders every view.
import { equal } from './lib.mjs';

// Each view, by its tab: its heading (the tab's name) and something only that
// view renders, so a panel left empty or showing the fallback message fails.
const VIEWS = [
  { tab: 'Injection sites', heading: '#kw-sites-title', own: (w) => w.role('button', 'Right thigh') },
  { tab: 'Storage and preparation', heading: '#kw-st-title', own: (w) => w.css('.kw-ck', 'Dose checklist') },
  { tab: 'Safety', heading: '#kw-sf-h', own: (w) => w.css('[role=tabpanel]', 'Blood-test dates, what to do about side effects') },
  { tab: 'Dose calculator', heading: '#kw-calc-h', own: (w) => w.label('Prescribed for') },
];

export const flows = [
  {
    name: 'installed app offline: the worker controls the page, the server stops, every view still renders',
    async run({ page, driver, site, serve }) {
      const server = await serve(site.site); // its own origin, so its own worker
      try {
        await driver.get(`${server.url}blank.html`);
        await driver.executeScript('localStorage.clear()');
        await driver.get(server.url);
        await page.ready();
        await driver.executeAsyncScript('const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true), (e) => done(String(e)));');
        // Opened again as a user does (geckodriver's Refresh is a forced
        // reload, which bypasses service workers, as Shift+Reload does).
        await driver.get(server.url);
        await page.ready();
        const w = page.widget();
        await w.until(() => driver.executeScript('return Boolean(navigator.serviceWorker.controller)'), 'a controlling worker');
        server.stop();
        await w.until(async () => {
          try {
            await fetch(server.url);
            return false;
          } catch {
            return true;
          }
        }, 'the server to stop');
        await driver.get(server.url);
        await page.ready();
        equal(await driver.executeScript('return location.href'), server.url, 'page');
        await w.select(await w.label('Prescribed for'), 'ra');
        await w.waitText('.kw-dose', '100 mg (0.67 mL)');
        for (const view of VIEWS) {
          const tab = await w.role('tab', { exact: view.tab });
          await w.click(tab);
          await w.waitAttr(tab, 'aria-selected', 'true');
          await w.css('[role=tabpanel]');
          await w.waitText(`[role=tabpanel] ${view.heading}`, view.tab);
          await view.own(w);
        }
      } finally {
        server.stop();
      }
    },
  },
];
