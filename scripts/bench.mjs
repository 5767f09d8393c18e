// `make bench`: a benchmark, not a test (it never fails on its numbers).
// In one run, for the split build (dist/) and the same code built as one
// module (build/unsplit/dist, "before the split"), per view and language:
// the files a page downloads before that view is interactive (gzip and
// brotli), and the median time from module import to the view interactive
// over LOADS cold loads in headless Chromium; the same for the headless API
// alone (import -> first calculateDose result), every view's files together,
// a bare Yew counter built by the same pipeline, and the API's speed.
import { readFileSync, readdirSync, mkdirSync, cpSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { featureSizes } from './wasm-sizes.mjs';

const root = new URL('..', import.meta.url).pathname;
const LOADS = Number(process.env.LOADS || 15);
const PORT = Number(process.env.BENCH_PORT || 8097);
const site = join(root, 'build', 'bench-site');

const cache = new Map();
const sizes = (file) => {
  if (!cache.has(file)) {
    const buf = readFileSync(file);
    cache.set(file, {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return cache.get(file);
};
const sum = (dir, files) => files.reduce((t, f) => {
  const s = sizes(join(dir, f));
  return { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli };
}, { raw: 0, gzip: 0, brotli: 0 });
const kib = (n) => (n / 1024).toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// --- the site: dist/, the unsplit build under unsplit/, the counter --------
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'counter'), { recursive: true });
cpSync(join(root, 'dist'), site, { recursive: true });
cpSync(join(root, 'build', 'unsplit', 'dist'), join(site, 'unsplit'), { recursive: true });
for (const f of readdirSync(join(root, 'bench', 'pages'))) {
  copyFileSync(join(root, 'bench', 'pages', f), join(site, f));
  copyFileSync(join(root, 'bench', 'pages', f), join(site, 'unsplit', f));
}
copyFileSync(join(root, 'build', 'counter', 'opt', 'bench_counter_bg.wasm'), join(site, 'counter', 'bench_counter_bg.wasm'));
copyFileSync(join(root, 'build', 'counter', 'opt', 'bench_counter.js'), join(site, 'counter', 'bench_counter.js'));

const split = JSON.parse(readFileSync(join(root, 'build', 'views.json'), 'utf8'));
const unsplit = JSON.parse(readFileSync(join(root, 'build', 'unsplit', 'views.json'), 'utf8'));
const dist = join(root, 'dist');
const udist = join(root, 'build', 'unsplit', 'dist');
const counterFiles = ['bench_counter.js', 'bench_counter_bg.wasm'];
const counter = sum(join(site, 'counter'), counterFiles);

// --- timings ------------------------------------------------------------------
const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), site, String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
/** Median import -> ready of LOADS cold loads, and the files the first load fetched. */
async function loads(path) {
  const times = [];
  let files = null;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext(); // cold HTTP cache every load
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${PORT}/${path}`);
    await p.waitForFunction(() => window.__benchMs !== undefined, null, { timeout: 20_000 });
    times.push(await p.evaluate(() => window.__benchMs));
    files ??= await p.evaluate(() => window.__benchFiles);
    await context.close();
  }
  return { ms: median(times), files };
}

const rows = [];
// `all+remember`: the app page's widget (view="all" remember), whose first
// view also loads the calculator's `remember` code.
const VIEWS = ['calculator', 'sites', 'storage', 'safety', 'all', 'all+remember'];
try {
  for (const lang of ['en', 'es']) {
    for (const view of [...VIEWS, 'api']) {
      const remember = view === 'all+remember';
      const page = view === 'api' ? `api.html?lang=${lang}` : `widget.html?view=${remember ? 'all' : view}&lang=${lang}${remember ? '&remember' : ''}`;
      const key = view.startsWith('all') ? 'calculator' : view; // view="all" opens on the calculator
      const files = [...new Set([...split.core, ...split.views[key][lang], ...(remember ? split.remember : [])])];
      const s = await loads(page);
      const u = await loads(`unsplit/${page}`);
      // What the page really fetched must be what views.json says.
      const fetched = s.files.filter((f) => /^kw-|^kineret-widget\.js$/.test(f));
      const extra = fetched.filter((f) => !files.includes(f));
      rows.push({ lang, view, files, size: sum(dist, files), ms: s.ms, usize: sum(udist, unsplit.core), ums: u.ms, extra });
    }
  }
  const c = await loads('counter.html');

  const pad = (x, n) => String(x).padStart(n);
  console.log(`\nBefore the view is interactive: files, bytes and import -> interactive (median of ${LOADS} cold loads, localhost, headless Chromium)`);
  console.log('  lang view          | split: files   gzip B  brotli B   ms | one module: gzip B  brotli B   ms | gzip vs one module');
  for (const r of rows) {
    const d = r.size.gzip - r.usize.gzip;
    console.log(`  ${r.lang}   ${r.view.padEnd(13)} | ${pad(r.files.length, 12)} ${pad(r.size.gzip, 8)} ${pad(r.size.brotli, 9)} ${pad(r.ms.toFixed(0), 4)} |` +
      ` ${pad(r.usize.gzip, 17)} ${pad(r.usize.brotli, 9)} ${pad(r.ums.toFixed(0), 4)} | ${d > 0 ? '+' : ''}${d} (${kib(r.size.gzip)} KiB)` +
      (r.extra.length ? `  [also fetched: ${r.extra.join(' ')}]` : ''));
  }
  console.log(`  bare Yew counter: ${counterFiles.length} files, ${counter.gzip} B gzip, ${counter.brotli} B brotli, ${c.ms.toFixed(0)} ms`);
  for (const lang of ['en', 'es']) {
    const every = [...new Set([...split.core, ...['calculator', 'sites', 'storage', 'safety'].flatMap((v) => split.views[v][lang])])];
    const t = sum(dist, every);
    console.log(`  all four views loaded (${lang}): ${every.length} files, ${t.gzip} B gzip, ${t.brotli} B brotli (one module: ${sum(udist, unsplit.core).gzip} B gzip)`);
  }
  // Which cargo built the shipped wasm (Makefile `ship_cargo`: the pinned
  // nightly, or stable where it could not be installed).
  const built = join(root, 'build', 'opt', 'toolchain.txt');
  if (existsSync(built)) console.log(`  shipped wasm built by: ${readFileSync(built, 'utf8').trim()}`);
  const main = sizes(join(dist, split.core.find((f) => f.endsWith('.wasm'))));
  console.log(`  main module alone: ${main.gzip} B gzip; JS (entry, glue, loader): ${sum(dist, split.core.filter((f) => f.endsWith('.js'))).gzip} B gzip`);

  // Headless API speed.
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`http://127.0.0.1:${PORT}/embed-demo.html`);
  const api = await p.evaluate(async () => {
    // Median of 10 batches of 1000 awaited calls (10 000 calls in all).
    const m = await import('./kineret-widget.js');
    await m.ready;
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

// Code per feature, from the names in the one-module build's wasm-bindgen
// output (before wasm-opt: read them as proportions).
console.log('\nCode per feature (one-module build, pre-wasm-opt code bytes)');
const features = featureSizes(join(root, 'build', 'unsplit', 'wb', 'kineret_widget_bg.wasm'));
const codeTotal = [...features.values()].reduce((a, b) => a + b, 0);
for (const [f, s] of features) console.log(`  ${f.padEnd(34)} ${String(s).padStart(8)}  ${(100 * s / codeTotal).toFixed(1).padStart(5)} %`);
