// The engines suite (`make test-engines`): the wasm-bindgen tests in headless
// Firefox ESR, then the core end-to-end flows in Firefox ESR (geckodriver)
// and in WebKitGTK, Safari's engine (WebKitWebDriver driving MiniBrowser; it
// needs a display: run under `xvfb-run -a`). One line per test, a count per
// engine and a closing `N passed, N failed` line; exits non-zero on failure.
//
//   node tests/engines/run.mjs [firefox] [webkit] [--no-wasm] [--only=SUBSTRING]
//
// Nothing is downloaded: geckodriver, Firefox ESR, WebKitWebDriver and
// MiniBrowser are the ones `make tools-engines` installed (apt, crates.io),
// given to selenium-webdriver by path, so Selenium Manager never runs.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { writeWorker } from '../../scripts/precache.mjs';
import { Page } from './lib.mjs';
import { serve } from '../serve.mjs';

process.env.SE_OFFLINE = 'true'; // Selenium never fetches anything

const repo = new URL('../../', import.meta.url).pathname;
const dist = join(repo, 'dist');
const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length);
const engines = args.filter((a) => !a.startsWith('--'));
const wanted = engines.length ? engines : ['firefox', 'webkit'];
const started = Date.now();

const groups = ['calculator', 'sites', 'storage', 'safety', 'pages', 'pwa'];
const flows = [];
for (const g of groups) {
  for (const f of (await import(`./${g}.mjs`)).flows) flows.push({ ...f, group: g });
}

/** Copy of dist/ with probe.js first in every page (and the worker's
 *  precache list regenerated to match), a blank page for clearing storage,
 *  and nowasm/: the same without the .wasm file. */
function makeSite() {
  const root = mkdtempSync(join(tmpdir(), 'kw-engines-'));
  const site = join(root, 'site');
  cpSync(dist, site, { recursive: true });
  cpSync(new URL('probe.js', import.meta.url).pathname, join(site, 'engines-probe.js'));
  for (const f of ['index.html', 'embed-demo.html', 'csp-demo.html']) {
    const file = join(site, f);
    const html = readFileSync(file, 'utf8');
    if (!html.includes('<head>')) throw new Error(`${f}: no <head>`);
    writeFileSync(file, html.replace('<head>', '<head>\n  <script src="./engines-probe.js"></script>'));
  }
  writeFileSync(join(site, 'blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  writeWorker(site);
  const nowasm = join(root, 'nowasm');
  cpSync(site, nowasm, { recursive: true, filter: (src) => !src.endsWith('.wasm') && !src.endsWith('sw.js') });
  cpSync(nowasm, join(site, 'nowasm'), { recursive: true });
  return { root, site, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function miniBrowser() {
  const r = spawnSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  const path = (r.stdout || '').split('\n').find((l) => l.endsWith('/MiniBrowser'));
  if (!path) throw new Error('MiniBrowser not found (dpkg -L libwebkit2gtk-4.1-0): run make tools-engines');
  return path;
}

async function firefoxDriver() {
  const gecko = which('geckodriver');
  if (!gecko) throw new Error('geckodriver not found: run make tools-engines');
  const options = new firefox.Options().setBinary('/usr/bin/firefox-esr').addArguments('-headless');
  options.setPreference('browser.shell.checkDefaultBrowser', false);
  const driver = firefox.Driver.createSession(options, new firefox.ServiceBuilder(gecko).build());
  await driver.getSession();
  return { driver, stop: async () => { await driver.quit(); } };
}

async function webkitDriver() {
  if (!process.env.DISPLAY) throw new Error('WebKitGTK needs a display: run under xvfb-run -a');
  const port = await freePort();
  const child = spawn(which('WebKitWebDriver') || '/usr/bin/WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch { /* not listening yet */ }
    if (i > 100 || child.exitCode !== null) throw new Error('WebKitWebDriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const driver = await new Builder().usingServer(url).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
  }).build();
  return {
    driver,
    stop: async () => {
      try { await driver.quit(); } finally { child.kill(); }
    },
  };
}

const ENGINES = {
  firefox: { title: 'Firefox ESR', start: firefoxDriver },
  webkit: { title: 'WebKitGTK', start: webkitDriver },
};

const totals = [];
let passed = 0;
let failed = 0;

/** The wasm-bindgen tests (tests/browser*.rs) in headless Firefox. */
function wasmInFirefox() {
  const tests = readdirSync(join(repo, 'tests')).filter((f) => /^browser.*\.rs$/.test(f)).flatMap((f) => ['--test', f.slice(0, -3)]);
  console.log(`==> wasm-bindgen tests in Firefox ESR: cargo test --target wasm32-unknown-unknown ${tests.join(' ')}`);
  const r = spawnSync('cargo', ['test', '--no-fail-fast', '--target', 'wasm32-unknown-unknown', ...tests], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GECKODRIVER: which('geckodriver') || 'geckodriver', WASM_BINDGEN_TEST_TIMEOUT: '120' },
    maxBuffer: 64 << 20,
  });
  const out = `${r.stdout}${r.stderr}`;
  process.stdout.write(out);
  let p = 0;
  let f = 0;
  for (const m of out.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    p += Number(m[1]);
    f += Number(m[2]);
  }
  if (r.status !== 0 && f === 0) f = 1; // did not build or run
  totals.push(['Firefox ESR, wasm-bindgen tests', p, f]);
  passed += p;
  failed += f;
}

async function runEngine(name, site) {
  const { title, start } = ENGINES[name];
  const t0 = Date.now();
  let p = 0;
  let f = 0;
  let session;
  const server = await serve(site.site);
  try {
    session = await start();
  } catch (e) {
    console.log(`${title}  FAIL  starting the browser: ${e.message.split('\n')[0]}`);
    totals.push([`${title}, WebDriver flows`, 0, 1]);
    failed += 1;
    server.stop();
    return;
  }
  const { driver } = session;
  await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
  await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  for (const flow of flows) {
    if (flow.engines && !flow.engines.includes(name)) continue;
    if (only && !`${flow.group} ${flow.name}`.includes(only)) continue;
    const page = new Page(driver, server.url);
    const t = Date.now();
    try {
      await flow.run({ page, driver, engine: name, site, serve });
      const problems = flow.problemsOk ? [] : await page.problems();
      if (problems.length) throw new Error(`page problems: ${problems.join(' | ')}`);
      p += 1;
      console.log(`${title}  ok    ${flow.group}: ${flow.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    } catch (e) {
      f += 1;
      // The flow's own line (WebDriver errors often carry no message).
      const at = String(e.stack || '').split('\n').find((l) => /tests\/engines\/(?!(?:lib|run)\.mjs)\w+\.mjs/.test(l));
      console.log(`${title}  FAIL  ${flow.group}: ${flow.name}: ${String(e.message || e).split('\n')[0]}${at ? ` (${at.trim()})` : ''}`);
    }
  }
  await session.stop().catch(() => {});
  server.stop();
  console.log(`${title}: flows took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  totals.push([`${title}, WebDriver flows`, p, f]);
  passed += p;
  failed += f;
}

if (!existsSync(join(dist, 'kineret-widget.js'))) {
  console.error('dist/ is missing: run make dist first');
  process.exit(2);
}
if (!args.includes('--no-wasm') && wanted.includes('firefox') && !only) wasmInFirefox();
const site = makeSite();
try {
  for (const name of wanted) {
    if (!ENGINES[name]) throw new Error(`unknown engine ${name} (firefox, webkit)`);
    await runEngine(name, site);
  }
} finally {
  site.remove();
}
console.log(`\nEngines (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const [what, p, f] of totals) console.log(`${what}: ${p} passed, ${f} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
