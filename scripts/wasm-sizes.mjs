// Code bytes per function and per feature of a wasm file, from its name
// section (run on wasm-bindgen's output, before wasm-opt strips names).
// Usage: node scripts/wasm-sizes.mjs FILE.wasm [N]   (top N functions)
// As a module: import { featureSizes } from './wasm-sizes.mjs'.
import { readFileSync } from 'node:fs';

function leb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [r, i];
}

/** [{ name, size }] for every function body, plus the total code size. */
export function functionSizes(file) {
  const d = readFileSync(file);
  let i = 8, imports = 0;
  const bodies = [], names = new Map();
  while (i < d.length) {
    const id = d[i++];
    let size; [size, i] = leb(d, i);
    const end = i + size;
    if (id === 2) {
      let n, j; [n, j] = leb(d, i);
      for (let k = 0; k < n; k++) {
        for (let t = 0; t < 2; t++) { let l; [l, j] = leb(d, j); j += l; }
        const kind = d[j++];
        if (kind === 0) { [, j] = leb(d, j); imports++; }
        else if (kind === 1) { j++; let fl; [fl, j] = leb(d, j); [, j] = leb(d, j); if (fl & 1) [, j] = leb(d, j); }
        else if (kind === 2) { let fl; [fl, j] = leb(d, j); [, j] = leb(d, j); if (fl & 1) [, j] = leb(d, j); }
        else if (kind === 3) j += 2;
        else { j++; [, j] = leb(d, j); }
      }
    } else if (id === 10) {
      let n, j; [n, j] = leb(d, i);
      for (let k = 0; k < n; k++) { let l; [l, j] = leb(d, j); bodies.push(l); j += l; }
    } else if (id === 0) {
      let l, j; [l, j] = leb(d, i);
      if (d.toString('utf8', j, j + l) === 'name') {
        j += l;
        while (j < end) {
          const sub = d[j++];
          let sl; [sl, j] = leb(d, j);
          const se = j + sl;
          if (sub === 1) {
            let n; [n, j] = leb(d, j);
            for (let k = 0; k < n; k++) {
              let idx, nl; [idx, j] = leb(d, j); [nl, j] = leb(d, j);
              names.set(idx, d.toString('utf8', j, j + nl)); j += nl;
            }
          }
          j = se;
        }
      }
    }
    i = end;
  }
  return bodies.map((size, k) => ({ name: names.get(imports + k) ?? `func[${imports + k}]`, size }));
}

// Features by the module paths of their code (shell view + pure core).
const FEATURES = [
  ['calculator', /kineret_widget::(shell::components::calculator|shell::api|core::(dose|api|renal|units|format))\b/],
  ['injection sites', /kineret_widget::(shell::components::sites|core::sites)\b/],
  ['storage checklist', /kineret_widget::(shell::components::storage|core::checklist)\b/],
  ['safety', /kineret_widget::(shell::components::safety|core::safety)\b/],
  ['storage layer', /kineret_widget::(shell::services|shell::hooks|core::(storage|clock))\b/],
  ['frame (app, tabs, embed, i18n)', /kineret_widget::/],
];

/** Code bytes attributed to each feature (own functions only; shared
 *  library code such as yew, serde and alloc is reported separately). */
export function featureSizes(file) {
  const out = new Map(FEATURES.map(([f]) => [f, 0]));
  let library = 0;
  for (const { name, size } of functionSizes(file)) {
    const hit = FEATURES.find(([, re]) => re.test(name));
    if (hit) out.set(hit[0], out.get(hit[0]) + size);
    else library += size;
  }
  out.set('libraries (yew, serde, std, …)', library);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, n = '25'] = process.argv.slice(2);
  const fns = functionSizes(file).sort((a, b) => b.size - a.size);
  console.log(`code: ${fns.reduce((a, f) => a + f.size, 0)} bytes in ${fns.length} functions`);
  for (const f of fns.slice(0, Number(n))) console.log(`${String(f.size).padStart(8)}  ${f.name.slice(0, 150)}`);
  console.log('\nby feature:');
  for (const [f, s] of featureSizes(file)) console.log(`${String(s).padStart(8)}  ${f}`);
}
