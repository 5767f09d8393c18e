// The installed app offline (tests/e2e/pwa.spec.mjs has updates and
// installability in Chromium): the worker installs and controls the page,
// then the server stops and a reload still renders every view.
import { equal } from './lib.mjs';

const VIEWS = ['Injection sites', 'Storage and preparation', 'Safety', 'Dose calculator'];

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
        for (const name of VIEWS) {
          const tab = await w.role('tab', { exact: name });
          await w.click(tab);
          await w.waitAttr(tab, 'aria-selected', 'true');
          await w.css('[role=tabpanel]');
        }
      } finally {
        server.stop();
      }
    },
  },
];
