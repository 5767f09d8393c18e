import { appendFileSync, mkdirSync } from 'node:fs';
// Shared test fixtures: every page records console errors, page errors and
// requests, and each test fails if the widget logged an error.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    page.problems = problems;
    await use(page);
    if (!testInfo.annotations.some((a) => a.type === 'expects-console-errors')) {
      expect(problems, 'console errors / page errors').toEqual([]);
    }
  },
});
export { expect };

/** Waits until every <kineret-widget> on the page has rendered its app. */
export async function widgetsReady(page, count = 1) {
  await expect(page.locator('kineret-widget .kw-app')).toHaveCount(count, { timeout: 15_000 });
  // Each view's code is its own module (src/shell/lazy.rs): ready once no
  // panel is still waiting for it.
  await expect(page.locator('kineret-widget .kw-loading')).toHaveCount(0, { timeout: 15_000 });
}

/** axe-core, WCAG 2.1 A/AA, including inside open shadow roots. One scan
 * takes 2-4 s on a busy 2-core machine, so each scan adds 15 s to the test's
 * time budget (a test with four scans is not a slow test; a hang still fails). */
export async function axeViolations(page, include = 'kineret-widget') {
  base.info().setTimeout(base.info().timeout + 15_000);
  const results = await new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Appends one measured row to README's hardening table (see scripts/hardening-report.mjs). */
export function reportRow(kind, what, cases, lost = 0) {
  const dir = new URL('../../build/hardening-report/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  appendFileSync(`${dir}e2e.tsv`, `${kind}\t${what}\t${cases}\t${lost}\n`);
}

/** Records what the widget prints instead of opening a print dialog: the
 *  page's own `window.print` (counted in `printedPage`) and each print of the
 *  hidden frame (`printedFrames`: its text, markup, title, lang, stylesheets
 *  and the computed `font-family` of its first element). */
export async function capturePrints(page) {
  await page.evaluate(() => {
    window.printedPage = 0;
    window.print = () => { window.printedPage++; };
    window.printedFrames = [];
    const desc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get() {
        const w = desc.get.call(this);
        if (w && !w.kwPatched) {
          w.kwPatched = true;
          w.print = () => {
            const d = w.document;
            const first = d.body.firstElementChild;
            window.printedFrames.push({
              text: d.body.textContent,
              html: d.body.innerHTML,
              title: d.title,
              lang: d.documentElement.lang,
              sheets: d.adoptedStyleSheets.length,
              font: first ? w.getComputedStyle(first).fontFamily : '',
              fontSize: first ? w.getComputedStyle(first).fontSize : '',
            });
          };
        }
        return w;
      },
    });
  });
}

/** Computed `display` and `color` of elements in the print frame, under the
 *  page's current media emulation (e.g. print, dark). */
export async function printFrameStyles(page, selectors) {
  return page.evaluate((sels) => {
    const f = document.getElementById('kineret-widget-print');
    const d = f.contentDocument;
    return Object.fromEntries(sels.map((sel) => {
      const el = d.querySelector(sel);
      const cs = el && f.contentWindow.getComputedStyle(el);
      return [sel, cs ? { display: cs.display, color: cs.color } : null];
    }));
  }, selectors);
}
