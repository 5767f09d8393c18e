// The npm package in a consumer's app (examples/, README "Framework
// recipes"): each example is built from the packed tarball by
// scripts/examples.mjs (React: tsc --strict, then esbuild; Vue: esbuild with
// the runtime template compiler; plain HTML: no build), served on its own
// port, and must render the widget and hand a `kineret:dose` event to the
// framework, which renders it on the page.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, widgetsReady, axeViolations } from './fixtures.mjs';
import { buildExample } from '../../scripts/examples.mjs';
import { serve } from '../serve.mjs';

const root = new URL('../../', import.meta.url).pathname;

test('the npm tarball holds the embed, its types, README, CHANGELOG and LICENSE, and none of the app', () => {
  const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(`${root}Cargo.toml`, 'utf8'))[1];
  expect(readdirSync(`${root}build/pkg`)).toEqual([`kineret-widget-${version}.tgz`]);
  const tgz = `${root}build/pkg/kineret-widget-${version}.tgz`;
  const files = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  // The split build (docs/SIZE.md): glue and main module (kw-core), the
  // loader (kw-split), one module per view, the API's, printing's, the
  // sites view's file work's (kw-sites-io), the texts, and shared chunks.
  const core = files.filter((f) => /^kw-[a-z0-9-]+\.[0-9a-f]{12}\.(js|wasm)$/.test(f));
  const kinds = [...new Set(core.map((f) => f.replace(/-\d+\./, '.').replace(/\.[0-9a-f]{12}\./, '.')))].sort();
  const views = ['calculator', 'safety', 'sites', 'storage'];
  expect(kinds).toEqual(['kw-api.wasm', 'kw-print.wasm', 'kw-remember.wasm', 'kw-sites-io.wasm', ...views.map((v) => `kw-${v}.wasm`), 'kw-texts-care-en.wasm', 'kw-texts-care-es.wasm', 'kw-texts-en.wasm', 'kw-texts-es.wasm', 'kw-texts-safety-en.wasm', 'kw-texts-safety-es.wasm', 'kw-texts-sites-en.wasm', 'kw-texts-sites-es.wasm',
    'kw-core.js', 'kw-core.wasm', 'kw-shared.wasm', 'kw-split.js'].sort());
  expect(files).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'kineret-widget.d.ts', 'kineret-widget.js', ...core, 'package.json', 'precache.json', 'react.d.ts'].sort());
  // The packed README links only to URLs, its own anchors and packed files
  // (scripts/package-readme.mjs): no docs/… or examples/… link left dangling.
  const readme = execFileSync('tar', ['-xzOf', tgz, 'package/README.md'], { encoding: 'utf8' });
  const targets = [...readme.replace(/^```[\s\S]*?^```/gm, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.filter((t) => !/^(https?:|#)/.test(t) && !files.includes(t.split('#')[0]))).toEqual([]);
  const license = execFileSync('tar', ['-xzOf', tgz, 'package/LICENSE'], { encoding: 'utf8' });
  expect(license).toContain('MIT License');
  expect(license).toContain('The Kineret widget authors');
  const pkg = JSON.parse(execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }));
  expect(pkg).toMatchObject({
    name: 'kineret-widget', version, type: 'module', license: 'MIT', sideEffects: ['./kineret-widget.js'],
    exports: { '.': { types: './kineret-widget.d.ts', default: './kineret-widget.js' }, './react': { types: './react.d.ts' } },
  });
  // The packed entry loads exactly the packed core.
  const entry = execFileSync('tar', ['-xzOf', tgz, 'package/kineret-widget.js'], { encoding: 'utf8' });
  // …names the glue and the main module; the glue names the loader, and the
  // loader every other module.
  const text = (f) => execFileSync('tar', ['-xzOf', tgz, `package/${f}`], { encoding: 'utf8' });
  const named = (f) => core.filter((c) => text(f).includes(`./${c}`) || text(f).includes(`"${c}"`));
  const glue = core.find((f) => /^kw-core\..*\.js$/.test(f));
  const loader = core.find((f) => /^kw-split\./.test(f));
  expect(named('kineret-widget.js')).toEqual(expect.arrayContaining([glue, core.find((f) => /^kw-core\..*\.wasm$/.test(f))]));
  expect(named(glue)).toContain(loader);
  expect([...named('kineret-widget.js'), ...named(glue), ...named(loader)].filter((f, i, a) => a.indexOf(f) === i).sort()).toEqual(core);
});

for (const [name, label] of [['react', 'React received'], ['vue', 'Vue received'], ['html', 'The page received']]) {
  test.describe(`${name} example`, () => {
    test.describe.configure({ mode: 'serial' });
    let server;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      server = await serve(await buildExample(name));
    });
    test.afterAll(() => server?.stop());

    test(`${name}: the built app renders the widget and receives kineret:dose`, async ({ page }) => {
      const requests = [];
      page.on('request', (r) => r.url().startsWith('http') && requests.push(new URL(r.url()).origin));
      await page.goto(server.url);
      await widgetsReady(page);
      const status = page.locator('#last-dose');
      await expect(status).toHaveText('No dose yet');
      const w = page.locator('kineret-widget');
      if (name === 'vue') {
        // region="eu": FMF from 50 kg is 100 mg once daily.
        await w.getByLabel('Prescribed for').selectOption('fmf');
        await w.getByLabel('Weight', { exact: true }).fill('60');
        await expect(status).toHaveText(`${label} kineret:dose: 100 mg`);
      } else {
        await w.getByLabel('Prescribed for').selectOption('nomid');
        await w.getByLabel('Weight', { exact: true }).fill('20');
        await w.getByLabel('Prescribed dose (mg/kg/day)').fill('2');
        await expect(status).toHaveText(name === 'react'
          ? `${label} kineret:dose: 40 mg, 0.27 mL`
          : `${label} kineret:dose: 40 mg (0.27 mL) under the skin once daily`);
      }
      if (name === 'react') {
        // The headless API from the same import, and a live attribute from React state.
        await expect(page.locator('#headless')).toHaveText('Headless API: 40 mg (0.27 mL) under the skin once daily');
        await page.getByRole('button', { name: 'Widget language: en' }).click();
        await expect(w).toHaveAttribute('lang', 'es');
        await expect(w.getByLabel('Recetado para')).toBeVisible();
      }
      expect(await axeViolations(page)).toEqual([]);
      expect([...new Set(requests)]).toEqual([new URL(server.url).origin]);
    });
  });
}
