// Injection sites on a 390 × 844 phone, in English and Spanish (issue 16):
// tapping a site brings its form into view and focus; the key folds away;
// arrows follow the picture (figures stacked); "Today / 1 d" cues; logging a
// site offers to record today's dose once; tap targets; axe.
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';

const T = {
  en: { tab: 'Injection sites', key: 'Key', today: 'Today', offer: "Also record today's dose",
    recorded: "Today's dose is recorded in the dose history.", logged: /^Logged: Left thigh/ },
  es: { tab: 'Zonas de inyección', key: 'Leyenda', today: 'Hoy', offer: 'Registrar también la dosis de hoy',
    recorded: 'La dosis de hoy quedó registrada en el historial de dosis.', logged: /^Registrada: Muslo izquierdo/ },
};

/** The focused element's data-v, looking through shadow roots. */
const focusedZone = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a?.getAttribute('data-v') ?? '';
});

async function sitesPage(page, lang) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.evaluate((el, l) => el.setAttribute('lang', l), lang);
  await w.getByRole('tab').nth(1).click();
  await expect(w.locator('.kw-sites')).toBeVisible();
  return w;
}

for (const lang of ['en', 'es']) {
  const t = T[lang];
  test.describe(`phone 390 × 844 (${lang})`, () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('tapping a site brings its log form into view with focus; the key is a closed disclosure', async ({ page }) => {
      const w = await sitesPage(page, lang);
      // The key folds away on a phone, and opens.
      const key = w.locator('details.kw-keybox');
      await expect(key).not.toHaveAttribute('open', '');
      await expect(w.locator('.kw-key')).toBeHidden();
      await key.locator('summary').click();
      await expect(w.locator('.kw-key')).toBeVisible();
      await key.locator('summary').click();
      await w.locator('g[data-a=zone][data-v=thigh-left]').click();
      const first = w.locator('.kw-detail [data-d=log] input').first();
      await expect(first).toBeInViewport();
      await expect(first).toBeFocused();
      await expect(w.locator('.kw-detail h4')).toBeInViewport();
      expect(await axeViolations(page), 'form open').toEqual([]);
    });

    test('arrow keys follow the stacked figures: up from the left thigh is the left abdomen', async ({ page }) => {
      const w = await sitesPage(page, lang);
      const stacked = await w.locator('.kw-fig').evaluateAll((f) => f[1].offsetTop > f[0].offsetTop + 20);
      expect(stacked).toBe(true);
      await w.locator('g[data-a=zone][data-v=thigh-left]').focus();
      await page.keyboard.press('ArrowUp');
      expect(await focusedZone(page)).toBe('abdomen-left');
      await page.keyboard.press('ArrowLeft');
      expect(await focusedZone(page)).toBe('abdomen-right');
      // All eight zones, the figures one under the other.
      const path = [['ArrowRight', 'abdomen-left'], ['ArrowDown', 'thigh-left'], ['ArrowLeft', 'thigh-right'],
        ['ArrowDown', 'arm-left'], ['ArrowRight', 'arm-right'], ['ArrowDown', 'buttock-right'], ['ArrowLeft', 'buttock-left']];
      const seen = ['abdomen-right'];
      for (const [k, zone] of path) {
        await page.keyboard.press(k);
        expect(await focusedZone(page), k).toBe(zone);
        seen.push(zone);
      }
      expect(new Set(seen).size).toBe(8);
      // Focus (dashed two-colour ring) is not the "your choice" outline.
      const ring = await w.locator('g[data-v=buttock-left] .kw-zring2').evaluate((e) => getComputedStyle(e).strokeDasharray);
      expect(ring).not.toBe('none');
    });

    test('logging a site shows "Today" on the map and offers to record today\'s dose once', async ({ page }) => {
      const w = await sitesPage(page, lang);
      await w.locator('g[data-a=zone][data-v=thigh-left]').click();
      await w.locator('[data-a=log]').click();
      const done = w.locator('#kw-logged');
      await expect(done).toBeFocused();
      await expect(done).toContainText(t.logged);
      await expect(w.locator('g[data-v=thigh-left] ~ text.kw-zcue').first()).toHaveText(t.today);
      const offer = w.getByRole('button', { name: t.offer });
      await expect(offer).toBeInViewport();
      expect((await offer.boundingBox()).height).toBeGreaterThanOrEqual(44);
      await offer.click();
      await expect(w.locator('#kw-dose-msg')).toHaveText(t.recorded);
      await expect(w.locator('#kw-dose-msg')).toBeFocused();
      const runs = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('checklist/run')).length);
      expect(runs).toBe(1);
      // Another site the same day: today's dose is recorded, no offer.
      await w.locator('g[data-a=zone][data-v=thigh-right]').click();
      await w.locator('[data-a=log]').click();
      await expect(w.locator('#kw-logged')).toBeFocused();
      await expect(w.getByRole('button', { name: t.offer })).toHaveCount(0);
      // Every button of the view is a 44 px tap target.
      for (const b of await w.locator('.kw-sites button:visible').all()) {
        expect((await b.boundingBox()).height, await b.textContent()).toBeGreaterThanOrEqual(44);
      }
      expect(await axeViolations(page), 'logged').toEqual([]);
    });
  });
}
