// Every <summary> in the widget shows a disclosure marker (▸ closed, ▾ open)
// drawn by CSS (00-base.css), not text in the DOM, with a pointer cursor, in
// light, dark and forced-colors modes.
import { test, expect, widgetsReady } from './fixtures.mjs';

/** The summary's ::before content, colour and the summary's cursor. */
const marker = (summary) => summary.evaluate((el) => {
  const b = getComputedStyle(el, '::before');
  return { content: b.content, color: b.color, display: b.display, cursor: getComputedStyle(el).cursor };
});

async function sitesTips(page) {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.evaluate((el) => el.setAttribute('view', 'sites'));
  const summary = w.locator('summary').filter({ hasText: 'Rotation tips' });
  await expect(summary).toBeVisible();
  return summary;
}

for (const mode of [{}, { colorScheme: 'dark' }, { forcedColors: 'active' }]) {
  test(`summaries show a ▸/▾ marker and a pointer (${JSON.stringify(mode)})`, async ({ page }) => {
    await page.emulateMedia(mode);
    const summary = await sitesTips(page);
    const closed = await marker(summary);
    expect(closed.content).toMatch(/^"▸"/);
    expect(closed.display).not.toBe('none');
    expect(closed.cursor).toBe('pointer');
    // Same colour as the summary's text: visible wherever the text is.
    expect(closed.color).toBe(await summary.evaluate((el) => getComputedStyle(el).color));
    // Not in the DOM text, nor in the accessible name.
    await expect(summary).toHaveText('Rotation tips');
    await expect(summary).toHaveAccessibleName('Rotation tips');
    await summary.click();
    expect((await marker(summary)).content).toMatch(/^"▾"/);
    await summary.click();
    expect((await marker(summary)).content).toMatch(/^"▸"/);
  });
}

test('the calculator\'s "Show your work" has the marker too', async ({ page }) => {
  await page.goto('/');
  await widgetsReady(page);
  const w = page.locator('kineret-widget');
  await w.getByLabel('Prescribed for').selectOption('nomid');
  await w.getByLabel('Weight', { exact: true }).fill('20');
  await w.getByLabel('Prescribed dose (mg/kg/day)').fill('2');
  const summary = w.locator('summary').filter({ hasText: 'Show your work' });
  await expect(summary).toBeVisible();
  const m = await marker(summary);
  expect(m.content).toMatch(/^"[▸▾]"/);
  expect(m.cursor).toBe('pointer');
});
