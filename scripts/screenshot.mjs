// Screenshots of served pages for a human look: node scripts/screenshot.mjs URL OUT.png [width] [colorScheme]
import { chromium } from '@playwright/test';
const [url, out, width = '1000', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
page.on('console', (m) => console.log(`[${m.type()}] ${m.text()}`));
await page.goto(url);
await page.waitForSelector('kineret-widget >> .kw-app').catch(() => {});
if (process.env.CLICK) for (const name of process.env.CLICK.split('|')) await page.getByText(name, { exact: true }).first().click();
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
