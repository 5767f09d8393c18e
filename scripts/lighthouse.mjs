// `make bench`, second part: Lighthouse (bench/package.json, installed by the
// bench target only) on the app page with the mobile profile, then what
// Lighthouse 12 no longer reports (it dropped the PWA category): Chromium's
// own installability verdict, the manifest as Chromium parsed it, and the
// service worker (controls the page, precache size, offline reload).
// Figures, not pass/fail.
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, readdirSync, statSync, rmSync, mkdtempSync, existsSync } from 'node:fs';
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

function serve(dir = dist) {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /app:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
  });
}

/** One Lighthouse run (mobile profile) of the app page served from `dir`. */
async function lighthouse(dir) {
  const srv = await serve(dir);
  try {
    mkdirSync(join(root, 'build'), { recursive: true });
    const report = join(root, 'build', 'lighthouse.json');
    await run(join(root, 'bench', 'node_modules', '.bin', 'lighthouse'), [
      srv.url,
      '--only-categories=performance,accessibility,best-practices',
      '--form-factor=mobile',
      '--output=json', `--output-path=${report}`,
      `--chrome-flags=${FLAGS.join(' ')}`,
      '--quiet',
    ], { CHROME_PATH: CHROME });
    return JSON.parse(readFileSync(report, 'utf8'));
  } finally {
    srv.stop();
  }
}

// Lighthouse varies from run to run on a shared machine (the split build
// bimodally, docs/SIZE.md): RUNS runs of each build, alternating, and the
// median of each figure. "one module" is the
// same code without split points (build/unsplit/dist, made by make bench;
// the same app page and service worker).
const RUNS = Number(process.env.LH_RUNS || 5);
const unsplitDist = join(root, 'build', 'unsplit', 'dist');
const runs = { split: [], unsplit: [] };
for (let i = 0; i < RUNS; i++) {
  runs.split.push(await lighthouse(dist));
  if (existsSync(unsplitDist)) runs.unsplit.push(await lighthouse(unsplitDist));
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };
const lhr = runs.split[0];
console.log(`\nLighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} profile (simulated throttling), app page, median of ${RUNS} runs each`);
console.log('                             split     one module');
const row = (name, f) => console.log(`  ${name.padEnd(26)} ${String(med(runs.split.map(f))).padStart(6)}  ${runs.unsplit.length ? String(med(runs.unsplit.map(f))).padStart(12) : ''}`);
for (const id of ['performance', 'accessibility', 'best-practices']) row(lhr.categories[id].title, (r) => Math.round(r.categories[id].score * 100));
row('First Contentful Paint ms', (r) => Math.round(r.audits['first-contentful-paint'].numericValue));
row('Largest Contentful Paint ms', (r) => Math.round(r.audits['largest-contentful-paint'].numericValue));
row('Total Blocking Time ms', (r) => Math.round(r.audits['total-blocking-time'].numericValue));
row('Cumulative Layout Shift', (r) => r.audits['cumulative-layout-shift'].numericValue.toFixed(3));

const server = await serve();
try {
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
