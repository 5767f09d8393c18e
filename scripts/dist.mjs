// Assembles dist/ from the optimised wasm-bindgen output (build/opt) and www/.
// Content-hashes every file except the stable entry and the HTML pages, fills
// the entry's placeholders, draws the app's PNG icons, writes the SRI embed
// snippet, the service worker and precache list (precache.mjs) and, last,
// makes dist/ an npm package (package.json, types, README) and packs it into
// build/pkg/kineret-widget-<version>.tgz (never published from here).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeIcons } from './icons.mjs';
import { minify } from 'terser';
import { writeWorker, sri } from './precache.mjs';
import { packageReadme } from './package-readme.mjs';
import { packSplits } from './packs.mjs';

const root = new URL('..', import.meta.url).pathname;
// KW_UNSPLIT=1 (make bench only): the same code built as one module, no
// split points (build/unsplit/opt), assembled into build/unsplit/dist with
// the same entry, pages and worker: the benchmark's "before the split"
// column. No package.
const UNSPLIT = process.env.KW_UNSPLIT === '1';
const out = UNSPLIT ? join(root, 'build', 'unsplit', 'dist') : join(root, 'dist');
const opt = UNSPLIT ? join(root, 'build', 'unsplit', 'opt') : join(root, 'build', 'opt');
const www = join(root, 'www');

const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 12);

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The split build (Makefile, docs/SIZE.md): the main module and its glue,
// the loader wasm-split-cli wrote (__wasm_split.js), one module per view
// (split_kw_<view>.wasm) and the chunks several views share (chunk_<n>.wasm).
// Every file gets a content hash; the loader and the glue import each other,
// so both take one hash of the pair.
const wasm = readFileSync(join(opt, 'kineret_widget_bg.wasm'));
const wasmName = `kw-core.${hash(wasm)}.wasm`;
writeFileSync(join(out, wasmName), wasm);

const chunks = new Map(); // build name -> dist name
const views = {};
// The calculator's `remember` code (src/shell/services/remember.rs): fetched
// with the calculator only where the widget has `remember`.
let remember = [];
let glueName;
let loaderName = null;
if (UNSPLIT) {
  const glue = readFileSync(join(opt, 'kineret_widget.js'));
  glueName = `kw-core.${hash(glue)}.js`;
  writeFileSync(join(out, glueName), glue);
} else {
  const chunkName = (f) => {
    const view = /^split_kw_([a-z_]+)\.wasm$/.exec(f);
    if (view) return `kw-${view[1].replace(/_/g, '-')}`;
    const shared = /^chunk_(\d+)\.wasm$/.exec(f);
    if (shared) return `kw-shared-${shared[1]}`;
    throw new Error(`build/opt/${f}: not a module wasm-split-cli writes`);
  };
  for (const f of readdirSync(opt).filter((f) => f.endsWith('.wasm') && f !== 'kineret_widget_bg.wasm').sort()) {
    const buf = readFileSync(join(opt, f));
    const name = `${chunkName(f)}.${hash(buf)}.wasm`;
    chunks.set(f, name);
    writeFileSync(join(out, name), buf);
  }
  let loader = readFileSync(join(opt, '__wasm_split.js'), 'utf8');
  for (const [from, to] of chunks) {
    const literal = JSON.stringify('./' + from);
    if (!loader.includes(literal)) throw new Error(`__wasm_split.js does not fetch ${from}`);
    loader = loader.replaceAll(literal, JSON.stringify('./' + to));
  }
  if (/\.\/(chunk_\d+|split_[a-z_]+)\.wasm/.test(loader)) throw new Error('__wasm_split.js fetches a module dist/ does not have');
  const glueText = readFileSync(join(opt, 'kineret_widget.js'), 'utf8');
  const pairHash = hash(glueText + '\0' + loader);
  glueName = `kw-core.${pairHash}.js`;
  loaderName = `kw-split.${pairHash}.js`;
  // Only the import specifiers: the glue's import object keeps the module
  // name the wasm imports from ("./__wasm_split.js").
  const renameImport = (text, from, to, file) => {
    const re = new RegExp(`(from\\s*)"${from.replace(/[.]/g, '\\.')}"`, 'g');
    if (!re.test(text)) throw new Error(`${file}: no import from ${from}`);
    return text.replace(re, `$1${JSON.stringify(to)}`);
  };
  writeFileSync(join(out, glueName), renameImport(glueText, './__wasm_split.js', './' + loaderName, 'glue'));
  writeFileSync(join(out, loaderName), renameImport(loader, './kineret_widget.js', './' + glueName, '__wasm_split.js'));

  // Which files each view needs before it is interactive, per language, read
  // from the loader (wasm-split-cli's own map): `export const
  // __wasm_split_load_kw_<split> = …makeLoad(<fetch of its module>, [<shared
  // chunks>])`, each shared chunk a `const __chunk_<n> = makeLoad(<fetch of
  // chunk_<n>.wasm>…)`. A view in a language needs its code's split
  // (kw_<view>) and its pack's texts in its language (below); the headless
  // API its code's (kw_api) and the Base texts.
  // Used for the preload hints, build/views.json (make bench, tests) and the
  // entry's own preloads.
  const splits = {};
  {
    const src = readFileSync(join(root, 'build', 'split', '__wasm_split.js'), 'utf8'); // before terser
    const chunkVar = new Map();
    for (const m of src.matchAll(/(?:const|let|var)\s+([\w$]+)\s*=\s*\w+\(\s*\(\)\s*=>\s*\{[^}]*?"\.\/(chunk_\d+\.wasm)"/g)) chunkVar.set(m[1], m[2]);
    for (const m of src.matchAll(/export\s+const\s+__wasm_split_load_kw_([a-z_]+)\s*=([\s\S]*?)(?=export\s+const|$)/g)) {
      const body = m[2];
      const own = /"\.\/(split_kw_[a-z_]+\.wasm)"/.exec(body);
      const deps = /\[([^\]]*)\]\s*\)\s*\)\s*;?\s*$/.exec(body.trim());
      const list = own ? [own[1]] : [];
      for (const v of (deps ? deps[1].split(',') : []).map((x) => x.trim()).filter(Boolean)) {
        if (!chunkVar.has(v)) throw new Error(`__wasm_split.js: ${v} is not a chunk`);
        list.push(chunkVar.get(v));
      }
      splits[m[1]] = list.map((f) => chunks.get(f));
    }
  }
  for (const v of ['calculator', 'sites', 'storage', 'safety', 'api']) {
    views[v] = {};
    for (const lang of ['en', 'es']) {
      // The texts modules of the view's pack in this language (scripts/packs.mjs).
      const packs = packSplits(v, lang).map((p) => p.slice(3));
      if (!splits[v] || !splits[v].length || packs.some((p) => !splits[p])) throw new Error(`__wasm_split.js: no modules for ${v} in ${lang}`);
      views[v][lang] = [...new Set([...splits[v], ...packs.flatMap((p) => splits[p])])];
    }
  }
  if (!splits.remember || !splits.remember.length) throw new Error('__wasm_split.js: no modules for remember');
  remember = splits.remember;
}
const core = ['kineret-widget.js', glueName, ...(loaderName ? [loaderName] : []), wasmName];
writeFileSync(join(UNSPLIT ? join(root, 'build', 'unsplit') : join(root, 'build'), 'views.json'), JSON.stringify({ core, views, remember }, null, 2) + '\n');

// The frame's CSS (www/styles/00-base.css), adopted as one constructable
// stylesheet. Each view's own (NN-<view>.css) is in the view's code instead
// (build.rs, src/shell/styles.rs): a page downloads only its views' CSS.
const stylesDir = join(www, 'styles');
// Minified conservatively (comments, runs of whitespace, spaces around
// `{ } ; , >`; quoted strings untouched): -408 B gzip, docs/SIZE.md.
const minifyCss = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '')
  .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/).map((part, i) => (i % 2 ? part
    : part.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/;}/g, '}')))
  .join('').trim();
const css = minifyCss(readdirSync(stylesDir).filter((f) => f.startsWith('00-') && f.endsWith('.css')).sort()
  .map((f) => readFileSync(join(stylesDir, f), 'utf8')).join('\n'));
const entry = readFileSync(join(www, 'kineret-widget.js'), 'utf8')
  .replace("'./__GLUE__'", JSON.stringify('./' + glueName))
  .replace("'./__WASM__'", JSON.stringify('./' + wasmName))
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__VIEWS__', JSON.stringify(views))
  .replace('__REMEMBER__', JSON.stringify(remember))
  .replace('__CSS__', JSON.stringify(css));
for (const p of ['__GLUE__', '__WASM__', '__VERSION__', '__CSS__', '__VIEWS__', '__REMEMBER__']) {
  if (entry.includes(p)) throw new Error(`placeholder ${p} left in the entry`);
}
// Minified like the glue (Makefile TERSER_FLAGS): exported names stay, -0.8 KB gzip.
const { code: entryMin } = await minify(entry, { module: true, compress: { passes: 2 }, mangle: true });
writeFileSync(join(out, 'kineret-widget.js'), entryMin);

// Pages and static assets: copied as they are (the entry and the worker are
// templates, filled above and below).
// The app page fetches the glue and the wasm as soon as it parses <head>,
// not after the entry (and then the glue) have loaded: two round trips less
// before the first render.
// With the split, also the loader and the modules of the first tab (the
// calculator): fetched in parallel with the main module, not after it.
const preloadWasm = (f) => `<link rel="preload" href="./${f}" as="fetch" type="application/wasm" crossorigin>\n  `;
// The app's widget has `remember`: its calculator loads that code too.
const page = readFileSync(join(root, 'index.html'), 'utf8');
const appRemembers = /<kineret-widget\b[^>]*\sremember[\s>=]/.test(page);
const preload = `<link rel="modulepreload" href="./${glueName}">\n  ` +
  (loaderName ? `<link rel="modulepreload" href="./${loaderName}">\n  ` : '') +
  [...new Set([wasmName, ...(views.calculator?.en ?? []), ...(appRemembers ? remember : [])])].map(preloadWasm).join('');
const marker = '<script type="module" src="./kineret-widget.js"></script>';
if (!page.includes(marker)) throw new Error('index.html: the entry <script> is missing');
writeFileSync(join(out, 'index.html'), page.replace(marker, preload + marker));
for (const f of readdirSync(www, { withFileTypes: true })) {
  if (!f.isFile() || f.name === 'kineret-widget.js' || f.name === 'sw.js') continue;
  copyFileSync(join(www, f.name), join(out, f.name));
}
writeIcons(out);

const snippet = `<!-- Kineret companion widget ${version}: paste into your page. -->
<script type="module" src="https://YOUR-CDN/kineret-widget/${version}/kineret-widget.js"
        integrity="${sri(Buffer.from(entryMin))}" crossorigin="anonymous"></script>
<kineret-widget lang="en" view="all" region="us">
  <p>Kineret companion: ask your pharmacist for dosing and injection help.</p>
</kineret-widget>
`;
writeFileSync(join(out, 'embed-snippet.html'), snippet);

// Last: the worker precaches every file written above. The one-module
// build gets its own, so make bench compares the same app page.
const cache = writeWorker(out);

if (UNSPLIT) {
  console.log(`build/unsplit/dist/ (${version}, one module, for make bench; cache ${cache})`);
  process.exit(0);
}

const files = readdirSync(out).sort();
console.log(`dist/ (${version}, cache ${cache}): ${files.join(', ')}`);

// The npm package: the embed (entry + hashed core), its types and README.
// Written after the worker so the installable app does not precache them;
// the app's own files (index.html, app.js, sw.js, icons…) stay out of the
// tarball (`files`): a package user embeds the widget in their own app.
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const field = (name) => new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, 'm').exec(cargo)[1];
for (const f of ['kineret-widget.d.ts', 'react.d.ts']) copyFileSync(join(www, 'types', f), join(out, f));
// The repository's README, LICENSE and CHANGELOG. The README's relative
// links name repository files (docs/…, examples/…) that the package does
// not hold, and the publisher's URL is not known here: such a link keeps its
// text and loses its target (packageReadme), and a note under the title says
// where those paths live.
const shipped = ['README.md', 'CHANGELOG.md', 'LICENSE'];
writeFileSync(join(out, 'README.md'), packageReadme(readFileSync(join(root, 'README.md'), 'utf8')));
for (const f of shipped.slice(1)) copyFileSync(join(root, f), join(out, f));
const pkg = {
  name: 'kineret-widget',
  version,
  description: field('description'),
  license: field('license'),
  // repository, homepage, bugs, author: for the publisher to fill in.
  type: 'module',
  main: './kineret-widget.js',
  types: './kineret-widget.d.ts',
  exports: {
    '.': { types: './kineret-widget.d.ts', default: './kineret-widget.js' },
    './react': { types: './react.d.ts' },
    './package.json': './package.json',
  },
  files: ['kineret-widget.js', glueName, loaderName, wasmName, ...chunks.values(), 'kineret-widget.d.ts', 'react.d.ts', 'precache.json', ...shipped],
  // Importing the entry defines <kineret-widget>: never tree-shake it away.
  sideEffects: ['./kineret-widget.js'],
  keywords: ['kineret', 'anakinra', 'web-component', 'custom-element', 'webassembly', 'dose-calculator'],
};
writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
const pkgDir = join(root, 'build', 'pkg');
rmSync(pkgDir, { recursive: true, force: true });
mkdirSync(pkgDir, { recursive: true });
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', pkgDir], { cwd: out, encoding: 'utf8' }));
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
console.log(`build/pkg/${packed.filename}: ${kib(packed.size)} packed, ${kib(packed.unpackedSize)} unpacked, ${packed.entryCount} files:`);
for (const f of packed.files) console.log(`  ${f.path} (${kib(f.size)})`);
