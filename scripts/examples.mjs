// Builds examples/* as a consumer would, against the packed npm package
// (build/pkg/kineret-widget-<version>.tgz, written by `make dist`), into
// build/examples/<name>/:
//   node_modules/kineret-widget   the tarball, unpacked (what `npm install` puts there)
//   node_modules/react, vue, …    links to this repository's pinned dev dependencies
//   public/                       what a host serves: index.html, the bundle, the wasm
// React is type-checked with `tsc --strict` first (the package's types, the
// JSX typing of `kineret-widget/react`). Bundling is esbuild; esbuild does not
// copy assets named by `new URL('…', import.meta.url)` (Vite and webpack 5 do),
// so the core's .wasm is copied next to the bundle, where the entry looks for it.
// Used by tests/e2e/examples.spec.mjs; `node scripts/examples.mjs` builds all.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const modules = join(root, 'node_modules');

function tarball() {
  const dir = join(root, 'build', 'pkg');
  const found = existsSync(dir) ? readdirSync(dir).filter((f) => /^kineret-widget-.*\.tgz$/.test(f)) : [];
  if (found.length !== 1) throw new Error(`build/pkg: expected one kineret-widget-*.tgz (run make dist), found ${found.join(', ') || 'none'}`);
  return join(dir, found[0]);
}

const deps = {
  react: ['react', 'react-dom', '@types/react', '@types/react-dom'],
  vue: ['vue', '@vue'],
  html: [],
};

/** Builds one example; returns the folder to serve. */
export async function buildExample(name) {
  const app = join(root, 'build', 'examples', name);
  rmSync(app, { recursive: true, force: true });
  cpSync(join(root, 'examples', name), app, { recursive: true });
  const pkg = join(app, 'node_modules', 'kineret-widget');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tarball(), '-C', pkg, '--strip-components=1']);
  for (const dep of deps[name]) {
    mkdirSync(join(app, 'node_modules', dep, '..'), { recursive: true });
    symlinkSync(join(modules, dep), join(app, 'node_modules', dep));
  }
  const out = join(app, 'public');
  mkdirSync(out, { recursive: true });
  copyFileSync(join(app, 'index.html'), join(out, 'index.html'));
  const wasm = readdirSync(pkg).filter((f) => f.endsWith('.wasm'));
  if (name === 'html') {
    // No build: the package's files copied under the page, as to a CMS's assets.
    cpSync(pkg, join(out, 'kineret-widget'), { recursive: true });
    copyFileSync(join(app, 'page.js'), join(out, 'page.js'));
    return out;
  }
  if (name === 'react') {
    execFileSync(join(modules, '.bin', 'tsc'), ['-p', join(app, 'tsconfig.json')], { stdio: 'inherit' });
  }
  await esbuild.build({
    entryPoints: [join(app, name === 'react' ? 'main.tsx' : 'main.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    outfile: join(out, 'main.js'),
    logLevel: 'warning',
    preserveSymlinks: false,
  });
  for (const f of wasm) copyFileSync(join(pkg, f), join(out, f));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of Object.keys(deps)) console.log(`${name}: ${await buildExample(name)}`);
}
