// Fewer, larger shared modules (issue #13, docs/SIZE.md "Split per view").
//
// wasm-split-cli writes one shared chunk per set of split points that use a
// function: about 48 chunks here, many of them a few hundred bytes, so a
// view fetched 28 to 32 of them (session 5, before this pass). Each file costs a request (and, on a slow link, a
// round trip before the view is interactive). This pass merges chunks into
// groups, never duplicating one: a chunk's data segments hold statics
// (.data, .bss) that must be written once, so every chunk is in exactly one
// group and every group is instantiated once.
//
// The plan is greedy and measured: start with one group per chunk; merge the
// two groups that lower the cost most, until no merge lowers it. The cost is,
// over every page (each view and the headless API, in each language; not
// the split points fetched on a user action, below), the
// gzip bytes of the groups the page loads plus LAMBDA bytes per file. A merge
// lowers it when the requests it saves outweigh the bytes a page now loads
// and does not use; and it is refused if any page would then download more
// bytes than with the chunks unmerged (fewer files, never more bytes).
//
// Merging: chunks import only the main module's memory, function table and
// stack pointer (`__wasm_split`), export nothing and call each other through
// the table, so merging is concatenation. wasm-merge links each chunk's
// imports to a stub module named `__wasm_split` that re-exports its own
// imports (from `kw_shared`), so the group imports each of them once; a text
// round trip names the module `__wasm_split` again and drops the stub's
// exports; wasm-opt runs on the group with the build's flags.
//
// Usage: node scripts/merge-chunks.mjs <split dir> <opt dir> <wasm-opt flags…>
// Rewrites <split dir>/__wasm_split.js (the loader: each split's list of
// chunks) and replaces the chunks in <opt dir> by the groups, each named after
// its first chunk.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { packSplits } from './packs.mjs';

const LAMBDA = 300; // bytes a request is worth, docs/SIZE.md
const [splitDir, optDir, ...optFlags] = process.argv.slice(2);
if (!splitDir || !optDir) throw new Error('usage: merge-chunks.mjs <split dir> <opt dir> <wasm-opt flags…>');
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin');
const loaderPath = join(splitDir, '__wasm_split.js');
let loader = readFileSync(loaderPath, 'utf8');
writeFileSync(join(splitDir, '__wasm_split.unmerged.js'), loader); // for reading, not shipped

// Each chunk's declaration (removed when the chunk joins another group) and
// each split's list of chunks.
const decl = new Map(); // chunk number -> declaration text
for (const m of loader.matchAll(/(?:\/\*[^*]*\*\/\n)?const __chunk_(\d+) = makeLoad\(\(\) => \{\n[^]*?\n\}\n, \[\]\);\n/g)) {
  if (!m[0].includes(`"./chunk_${m[1]}.wasm"`)) throw new Error(`__wasm_split.js: __chunk_${m[1]} fetches another file`);
  decl.set(+m[1], m[0]);
}
const users = new Map([...decl.keys()].map((n) => [n, new Set()]));
const splitRe = /export const __wasm_split_load_(kw_[a-z_]+) = wrapAsyncCb\(makeLoad\([^]*?\n, \[([^\]]*)\]\)\);/g;
const splits = [...loader.matchAll(splitRe)].map((m) => m[1]);
const exported = (loader.match(/export const __wasm_split_load_/g) || []).length;
if (splits.length === 0 || splits.length !== exported) throw new Error(`__wasm_split.js: read ${splits.length} of ${exported} split points`);
for (const m of loader.matchAll(splitRe)) {
  for (const v of m[2].split(',').map((x) => x.trim()).filter(Boolean)) {
    const n = /^__chunk_(\d+)$/.exec(v);
    if (!n || !users.has(+n[1])) throw new Error(`__wasm_split.js: ${m[1]} needs ${v}, not a chunk`);
    users.get(+n[1]).add(m[1]);
  }
}
const chunkCount = (loader.match(/"\.\/chunk_\d+\.wasm"/g) || []).length;
if (decl.size === 0 || chunkCount !== decl.size) throw new Error(`__wasm_split.js: read ${decl.size} of ${chunkCount} chunk declarations`);

// A page: one split point's code with its texts in one language (every view
// and the API show texts; scripts/packs.mjs lists a page's packs). Split
// points fetched on a user action (printing, src/shell/services/print.rs;
// the sites view's import and downloads, src/shell/components/sites/io.rs)
// are no page: a chunk they share with views is weighed by the views' pages
// only, so they never keep two chunks the views load apart.
const ACTIONS = ['kw_print', 'kw_sites_io'];
// Code a view's page fetches with the view's only where the widget asks for
// it: the calculator's `remember` (src/shell/services/remember.rs). Its page
// is the view's page with it (the app page's first view).
const EXTRAS = { kw_remember: 'kw_calculator' };
for (const a of [...ACTIONS, ...Object.keys(EXTRAS)]) if (!splits.includes(a)) throw new Error(`__wasm_split.js: no split point ${a} (ACTIONS or EXTRAS is stale)`);
const packs = splits.filter((s) => s.startsWith('kw_texts_'));
const langs = packs.map((p) => /^kw_texts_([a-z]+)$/.exec(p)).filter(Boolean).map((m) => m[1]);
const pages = splits.filter((s) => !packs.includes(s) && !ACTIONS.includes(s) && !(s in EXTRAS)).flatMap((code) => langs.map((lang) => [
  code, ...packSplits(code.slice(3), lang)]))
  .concat(Object.entries(EXTRAS).flatMap(([extra, code]) => langs.map((lang) => [code, extra, ...packSplits(code.slice(3), lang)])));
const paged = new Set(pages.flat());
for (const p of pages.flat()) if (!splits.includes(p)) throw new Error(`__wasm_split.js: no split point ${p} (scripts/packs.mjs is stale)`);
for (const p of packs) if (!paged.has(p)) throw new Error(`__wasm_split.js: ${p} is no page's pack (scripts/packs.mjs)`);
if (langs.length === 0 || pages.length === 0) throw new Error('__wasm_split.js: no view or texts split points');
const bytes = (n) => readFileSync(join(optDir, `chunk_${n}.wasm`));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
// The plan weighs each candidate pair at every step: each chunk is read once
// and each candidate group compressed once.
const unmergedBytes = new Map([...decl.keys()].map((n) => [n, bytes(n)]));
const planned = new Map();
const group = (chunks) => {
  const key = chunks.join(',');
  if (!planned.has(key)) {
    const u = new Set(chunks.flatMap((n) => [...users.get(n)]));
    planned.set(key, { chunks, size: gz(Buffer.concat(chunks.map((n) => unmergedBytes.get(n)))), pages: pages.flatMap((p, k) => (p.some((s) => u.has(s)) ? [k] : [])) });
  }
  return planned.get(key);
};
// A group no page loads (an action's own chunks) still costs its request.
const cost = (g) => (g.pages.length || 1) * LAMBDA + g.pages.length * g.size;
// The bytes each page downloads of the groups `gs`.
const pageBytes = (gs) => pages.map((_, p) => gs.reduce((sum, g) => sum + (g.pages.includes(p) ? g.size : 0), 0));

let groups = [...decl.keys()].sort((a, b) => a - b).map((n) => group([n]));
const unmerged = pageBytes(groups);
for (;;) {
  let best = null;
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      // An action's own code never joins what a view loads.
      if ((groups[i].pages.length === 0) !== (groups[j].pages.length === 0)) continue;
      const merged = group([...groups[i].chunks, ...groups[j].chunks].sort((a, b) => a - b));
      const gain = cost(groups[i]) + cost(groups[j]) - cost(merged);
      if (gain <= 0 || (best && gain <= best.gain)) continue;
      const after = pageBytes(groups.filter((_, k) => k !== i && k !== j).concat([merged]));
      if (after.every((b, p) => b <= unmerged[p])) best = { gain, i, j, merged };
    }
  }
  if (!best) break;
  groups = groups.filter((_, k) => k !== best.i && k !== best.j).concat([best.merged]);
}
groups.sort((a, b) => a.chunks[0] - b.chunks[0]);

// The build's features (--enable-…), for every binaryen tool: with
// --all-features wasm-as writes encodings browsers do not read yet.
const features = optFlags.filter((f) => f.startsWith('--enable-'));
const tmp = mkdtempSync(join(tmpdir(), 'kw-merge-'));
const run = (tool, args) => execFileSync(join(bin, tool), args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
const stub = join(tmp, 'stub.wasm');
{
  // The stub's limits must match the chunks' imports, read from the first.
  const first = run('wasm-dis', [...features, join(optDir, `chunk_${groups[0].chunks[0]}.wasm`)]).toString();
  const mem = /\(import "__wasm_split" "memory" \(memory \$\S+ ([^)]*)\)\)/.exec(first);
  const table = /\(import "__wasm_split" "__indirect_function_table" \(table \$\S+ ([^)]*)\)\)/.exec(first);
  const global = /\(import "__wasm_split" "(__wasm_split_shared0)" \(global \$\S+ \(mut i32\)\)\)/.exec(first);
  if (!mem || !table || !global) throw new Error(`chunk_${groups[0].chunks[0]}: not the imports a wasm-split chunk has`);
  writeFileSync(join(tmp, 'stub.wat'), `(module
 (import "kw_shared" "memory" (memory $m ${mem[1]}))
 (import "kw_shared" "__indirect_function_table" (table $t ${table[1]}))
 (import "kw_shared" "${global[1]}" (global $g (mut i32)))
 (export "memory" (memory $m))
 (export "__indirect_function_table" (table $t))
 (export "${global[1]}" (global $g)))
`);
  run('wasm-as', [...features, join(tmp, 'stub.wat'), '-o', stub]);
}

for (const g of groups) {
  if (g.chunks.length === 1) continue;
  const [head, ...rest] = g.chunks;
  const merged = join(tmp, `group_${head}.wasm`);
  run('wasm-merge', [...features, stub, '__wasm_split', ...g.chunks.flatMap((n) => [join(optDir, `chunk_${n}.wasm`), `chunk_${n}`]), '-o', merged]);
  let wat = run('wasm-dis', [...features, merged]).toString();
  const imports = wat.match(/^ \(import "kw_shared" /gm) || [];
  if (imports.length !== 3 || /^ \(import "__wasm_split" /m.test(wat)) throw new Error(`group ${head}: imports not merged`);
  wat = wat.replace(/^ \(import "kw_shared" /gm, ' (import "__wasm_split" ');
  const exports = wat.match(/^ \(export .*\)\n/gm) || [];
  if (exports.length !== 3) throw new Error(`group ${head}: the merged module exports ${exports.length} items, not the stub's 3`);
  wat = wat.replace(/^ \(export .*\)\n/gm, '');
  writeFileSync(join(tmp, `group_${head}.wat`), wat);
  run('wasm-as', [...features, join(tmp, `group_${head}.wat`), '-o', merged]);
  run('wasm-opt', [...optFlags, merged, '-o', join(optDir, `chunk_${head}.wasm`)]);
  for (const n of rest) {
    rmSync(join(optDir, `chunk_${n}.wasm`));
    loader = loader.replace(decl.get(n), () => '');
  }
  const union = [...new Set(g.chunks.flatMap((n) => [...users.get(n)]))].sort();
  loader = loader.replace(decl.get(head), () => decl.get(head).replace(/^\/\*[^*]*\*\/\n/, () => `/* ${union.join(', ')} (chunks ${g.chunks.join(', ')}) */\n`));
  loader = loader.replace(splitRe, (all, split, list) => {
    const deps = [...new Set(list.split(',').map((x) => x.trim()).filter(Boolean)
      .map((v) => (rest.includes(+v.slice('__chunk_'.length)) ? `__chunk_${head}` : v)))];
    // The list is the statement's last bracket (the fetch before it has none).
    const at = all.lastIndexOf(`[${list}]`);
    return all.slice(0, at) + `[${deps.join(', ')}]` + all.slice(at + list.length + 2);
  });
}
// Every chunk the loader still names is a group's head, declared once, and
// its file is there; no removed chunk is fetched.
const heads = new Set(groups.map((g) => g.chunks[0]));
for (const m of loader.matchAll(/__chunk_(\d+)\b/g)) {
  if (!heads.has(+m[1])) throw new Error(`__wasm_split.js still names __chunk_${m[1]}, merged away`);
}
for (const h of heads) {
  const declared = (loader.match(new RegExp(`const __chunk_${h} = makeLoad`, 'g')) || []).length;
  if (declared !== 1 || !loader.includes(`"./chunk_${h}.wasm"`)) throw new Error(`__wasm_split.js: __chunk_${h} declared ${declared} times`);
  readFileSync(join(optDir, `chunk_${h}.wasm`));
}
if ((loader.match(/"\.\/chunk_\d+\.wasm"/g) || []).length !== heads.size) throw new Error('__wasm_split.js fetches a chunk that is not a group');
// The rule, on the files that ship (the plan used gzip of the chunks
// concatenated; the merged module after wasm-opt differs a little).
{
  const shipped = groups.map((g) => ({ ...g, size: gz(bytes(g.chunks[0])) }));
  const after = pageBytes(shipped);
  const worse = after.flatMap((b, p) => (b > unmerged[p] + 256 ? [`${pages[p].join('+')}: ${unmerged[p]} -> ${b} B`] : []));
  if (worse.length) throw new Error(`merged modules make pages download more than unmerged chunks:\n${worse.join('\n')}`);
}
rmSync(tmp, { recursive: true, force: true });
writeFileSync(loaderPath, loader);
for (const g of groups) {
  console.log(`chunk_${g.chunks[0]}.wasm: chunks ${g.chunks.join(', ')}; ~${g.size} B gzip; loaded by ${g.pages.length} of ${pages.length} pages`);
}
console.log(`${decl.size} chunks -> ${groups.length} shared modules`);
