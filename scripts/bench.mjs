// `make bench`: a benchmark, not a test. Prints sizes of every file the embed
// downloads, the median time from module import to first interactive render
// over LOADS cold loads in headless Chromium, the same for a bare Yew counter
// built by the same pipeline, and the widget's headless API speed.
import { readFileSync, readdirSync, mkdirSync, cpSync, rmSync, copyFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { featureSizes } from './wasm-sizes.mjs';

const root = new URL('..', import.meta.url).pathname;
const LOADS = Number(process.env.LOADS || 15);
const PORT = Number(process.env.BENCH_PORT || 8097);
const site = join(root, 'build', 'bench-site');

const sizes = (file) => {
  const buf = readFileSync(file);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const kib = (n) => (n / 1024).toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function table(title, files, note = '') {
  console.log(`\n${title}`);
  console.log('  file                                   raw B   gzip B  brotli B');
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [name, path] of files) {
    const s = sizes(path);
    for (const k of Object.keys(total)) total[k] += s[k];
    console.log(`  ${name.padEnd(34)} ${String(s.raw).padStart(9)} ${String(s.gzip).padStart(8)} ${String(s.brotli).padStart(9)}`);
  }
  console.log(`  ${'TOTAL'.padEnd(34)} ${String(total.raw).padStart(9)} ${String(total.gzip).padStart(8)} ${String(total.brotli).padStart(9)}` +
    `   (${kib(total.gzip)} KiB gzip${note})`);
  return total;
}

// --- the site: dist/ + bench pages + the counter ---------------------------
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'counter'), { recursive: true });
cpSync(join(root, 'dist'), site, { recursive: true });
for (const f of readdirSync(join(root, 'bench', 'pages'))) copyFileSync(join(root, 'bench', 'pages', f), join(site, f));
copyFileSync(join(root, 'build', 'counter', 'opt', 'bench_counter_bg.wasm'), join(site, 'counter', 'bench_counter_bg.wasm'));
copyFileSync(join(root, 'build', 'counter', 'opt', 'bench_counter.js'), join(site, 'counter', 'bench_counter.js'));

const embedFiles = readdirSync(join(root, 'dist'))
  .filter((f) => f === 'kineret-widget.js' || /^kw-core\./.test(f))
  .sort()
  .map((f) => [f, join(root, 'dist', f)]);
// No whole-widget budget (the 120 KiB one is retired, docs/SIZE.md): the
// next budget is the first view's download (issue #13).
const widget = table('Embed download (every file <kineret-widget> fetches)', embedFiles,
  '; no whole-widget budget, the first view\'s download is issue #13');
const counter = table('Bare Yew counter, same pipeline', [
  ['bench_counter.js', join(site, 'counter', 'bench_counter.js')],
  ['bench_counter_bg.wasm', join(site, 'counter', 'bench_counter_bg.wasm')],
]);
console.log(`\n  widget / counter (gzip): ${(widget.gzip / counter.gzip).toFixed(2)}x; the widget adds ${kib(widget.gzip - counter.gzip)} KiB gzip`);

// Code per feature, from the names in wasm-bindgen's output (before wasm-opt,
// so these are unoptimised code bytes: read them as proportions).
console.log('\nCode per feature (pre-wasm-opt code bytes, names from build/wb)');
const features = featureSizes(join(root, 'build', 'wb', 'kineret_widget_bg.wasm'));
const codeTotal = [...features.values()].reduce((a, b) => a + b, 0);
for (const [f, s] of features) console.log(`  ${f.padEnd(34)} ${String(s).padStart(8)}  ${(100 * s / codeTotal).toFixed(1).padStart(5)} %`);

// --- timings ------------------------------------------------------------------
const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), site, String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
async function loads(page) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext(); // cold HTTP cache every load
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${PORT}/${page}`);
    await p.waitForFunction(() => window.__benchMs !== undefined, null, { timeout: 20_000 });
    times.push(await p.evaluate(() => window.__benchMs));
    await context.close();
  }
  return times;
}
try {
  const w = await loads('widget.html');
  const c = await loads('counter.html');
  console.log(`\nImport -> first interactive render, median of ${LOADS} cold loads (localhost, headless Chromium)`);
  console.log(`  widget:  ${median(w).toFixed(1)} ms   (min ${Math.min(...w).toFixed(1)}, max ${Math.max(...w).toFixed(1)})`);
  console.log(`  counter: ${median(c).toFixed(1)} ms   (min ${Math.min(...c).toFixed(1)}, max ${Math.max(...c).toFixed(1)})`);
  console.log(`  widget / counter: ${(median(w) / median(c)).toFixed(2)}x`);

  // Headless API speed, when the API exists in this build.
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`http://127.0.0.1:${PORT}/embed-demo.html`);
  const api = await p.evaluate(async () => {
    // Median of 10 batches of 1000 awaited calls (10 000 calls in all).
    const m = await import('./kineret-widget.js');
    await m.ready;
    if (typeof m.calculateDose !== 'function') return null;
    const req = { indication: 'nomid', weightKg: 20, mgPerKgPerDay: 2, split: 'twice', crClMlMin: 25 };
    const probe = await m.calculateDose(req);
    if (!probe || !probe.ok) return { error: JSON.stringify(probe) };
    const batches = [];
    for (let b = 0; b < 10; b++) {
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) await m.calculateDose(req);
      batches.push(((performance.now() - t0) * 1000) / 1000);
    }
    batches.sort((a, b) => a - b);
    return { us: (batches[4] + batches[5]) / 2, N: 10000 };
  });
  if (api?.us) console.log(`\ncalculateDose: ${api.us.toFixed(1)} µs per call (median of 10 batches of 1000; ${api.N} awaited calls, incl. JS<->wasm conversion)`);
  else if (api?.error) console.log(`\ncalculateDose probe failed: ${api.error}`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
