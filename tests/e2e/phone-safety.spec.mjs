// Safety on a 390 × 844 phone, in English and Spanish (issue 16, item 5):
// ticking an emergency sign shows its answer right under the group and a
// banner with a tap-to-call link in sight; every link and button in the
// view is at least 44 px tall; axe stays at zero.
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';

const T = {
  en: { breathing: 'Trouble breathing', call: 'Call 911', head: 'Get emergency help now' },
  es: { breathing: 'Dificultad para respirar', call: 'Llame al 911', head: 'Busque ayuda de emergencia ahora' },
};

async function open(page, lang, region) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.evaluate((el, [l, r]) => {
    el.setAttribute('view', 'safety');
    el.setAttribute('lang', l);
    if (r) el.setAttribute('region', r);
  }, [lang, region]);
  await expect(w.locator('.kw-safety')).toBeVisible();
  return w;
}

for (const lang of ['en', 'es']) {
  const t = T[lang];
  test.describe(`phone 390 × 844 (${lang})`, () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('ticking "trouble breathing": the answer under its group and the call banner are in view', async ({ page }) => {
      const w = await open(page, lang);
      await expect(w.locator('.kw-sf-banner')).toHaveCount(0);
      await w.getByRole('checkbox', { name: t.breathing }).check();
      const answer = w.locator('.kw-sf-emergency .kw-sf-answer');
      await expect(answer).toContainText(t.head);
      await expect(answer).toBeInViewport();
      const banner = w.locator('.kw-sf-banner');
      await expect(banner).toBeInViewport();
      const call = banner.getByRole('link', { name: t.call });
      await expect(call).toHaveAttribute('href', 'tel:911');
      await expect(call).toBeInViewport();
      const box = await call.boundingBox();
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      // Every link and button of the view, the FDA MedWatch number included.
      const targets = await w.locator('.kw-safety a:visible, .kw-safety button:visible').all();
      expect(targets.length).toBeGreaterThanOrEqual(3);
      for (const el of targets) {
        expect((await el.boundingBox()).height, await el.textContent()).toBeGreaterThanOrEqual(44);
      }
      expect(await axeViolations(page)).toEqual([]);
      // Unticked: the banner goes.
      await w.getByRole('checkbox', { name: t.breathing }).uncheck();
      await expect(w.locator('.kw-sf-banner')).toHaveCount(0);
    });

    test('region eu: the banner offers 112', async ({ page }) => {
      const w = await open(page, lang, 'eu');
      await w.getByRole('checkbox', { name: t.breathing }).check();
      const call = w.locator('.kw-sf-banner a[href="tel:112"]');
      await expect(call).toBeInViewport();
      expect((await call.boundingBox()).height).toBeGreaterThanOrEqual(44);
      await expect(w.locator('a[href^="tel:+1"]')).toHaveCount(0);
    });
  });
}
