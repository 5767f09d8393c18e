// `make bench`, second part: Lighthouse (bench/package.json, installed by the
// bench target only) on the app page with the mobile profile, then what
// Lighthouse 12 no longer reports (it dropped the PWA category): Chromium's
// own installability verdict, the manifest as Chromium parsed it, and the
// service worker (controls the page, precache size, offline reload).
// Figures, not pass/fail.
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, readdirSync, statSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
  });
}

function serve() {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), dist, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /app:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
  });
}

const server = await serve();
try {
  // --- Lighthouse, mobile profile (its default) ------------------------------
  mkdirSync(join(root, 'build'), { recursive: true });
  const report = join(root, 'build', 'lighthouse.json');
  await run(join(root, 'bench', 'node_modules', '.bin', 'lighthouse'), [
    server.url,
    '--only-categories=performance,accessibility,best-practices',
    '--form-factor=mobile',
    '--output=json', `--output-path=${report}`,
    `--chrome-flags=${FLAGS.join(' ')}`,
    '--quiet',
  ], { CHROME_PATH: CHROME });
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\nLighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} profile (simulated throttling), ${server.url}`);
  for (const c of Object.values(lhr.categories)) console.log(`  ${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']) {
    const a = lhr.audits[id];
    if (a) console.log(`  ${a.title.padEnd(26)} ${a.displayValue}`);
  }

  // --- Installability and the worker, from Chromium itself -------------------
  // A persistent (non-incognito) profile: Chromium never offers to install
  // from an incognito context.
  const profile = mkdtempSync(join(tmpdir(), 'kw-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME, args: FLAGS.filter((f) => !f.startsWith('--headless')),
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const { errors, parsed } = await cdp.send('Page.getAppManifest').then(async (m) => ({ errors: m.errors, parsed: JSON.parse(m.data || '{}') }));
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys[0]);
      return { keys, files: (await cache.keys()).length };
    });
    await context.setOffline(true);
    await page.reload();
    const offline = await page.locator('kineret-widget .kw-app').count().then(async (n) => n > 0 ||
      page.locator('kineret-widget .kw-app').waitFor({ timeout: 10_000 }).then(() => true, () => false));
    // The files the worker precaches (its FILES list), not all of dist/ (which
    // also holds the npm package's README, types and licence).
    const precached = [...readFileSync(join(dist, 'sw.js'), 'utf8').matchAll(/^\s*\["([^"]+)","sha384-/gm)].map((m) => m[1]);
    const bytes = precached.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
    console.log('\nInstallable app (Chromium, not Lighthouse)');
    console.log(`  installability errors:  ${installabilityErrors.length ? installabilityErrors.map((e) => e.errorId).join(', ') : 'none'}`);
    console.log(`  manifest:               ${errors.length ? errors.map((e) => e.message).join('; ') : 'no errors'}; ` +
      `"${parsed.name}", ${parsed.display}, ${(parsed.icons || []).map((i) => `${i.sizes}${i.purpose === 'maskable' ? ' maskable' : ''}`).join(', ')}`);
    console.log(`  service worker:         controls the page; cache ${cached.keys.join(', ')} (${cached.files} files, ${(bytes / 1024).toFixed(1)} KiB raw)`);
    console.log(`  offline reload:         ${offline ? 'the widget renders' : 'FAILED'}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
} finally {
  server.stop();
}
