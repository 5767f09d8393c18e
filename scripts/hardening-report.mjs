// Renders README's hardening table from the rows the test run wrote, so the
// table states what was measured, not what was typed:
// - build/hardening-report/native.tsv: tests/hardening.rs (serde_json codec),
// - build/hardening-report/*.tsv (others): the Playwright specs,
// - build/test-logs/wasm.log, lines `kw-hardening<TAB>row`: tests/browser_hardening.rs,
//   the same storage/import cases through the shipped decoder (JSON.parse + jsde).
// Each row: kind, what, cases, data lost. Exits non-zero if any row lost data.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'build', 'hardening-report');
const wasmLog = join(root, 'build', 'test-logs', 'wasm.log');
const WASM_MARK = 'kw-hardening\t';

const sources = []; // [level, text]
if (existsSync(dir)) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const level = f === 'native.tsv' ? 'native (proptest, serde_json)' : 'browser (Playwright)';
    sources.push([level, readFileSync(join(dir, f), 'utf8')]);
  }
}
if (existsSync(wasmLog)) {
  const lines = readFileSync(wasmLog, 'utf8').split('\n').filter((l) => l.startsWith(WASM_MARK));
  sources.push(['browser (wasm: JSON.parse + jsde, as shipped)', lines.map((l) => l.slice(WASM_MARK.length)).join('\n')]);
}
if (sources.length === 0) {
  console.log('hardening report: no rows (run `make test`)');
  process.exit(0);
}
const rows = new Map();
for (const [level, text] of sources) {
  for (const line of text.split('\n').filter(Boolean)) {
    const [kind, what, cases, lost] = line.split('\t');
    const key = `${kind}\t${what}\t${level}`;
    const prev = rows.get(key) ?? { cases: 0, lost: 0 };
    rows.set(key, { cases: prev.cases + Number(cases), lost: prev.lost + Number(lost) });
  }
}
const lines = ['| kind | what was injected or tried | level | cases | data lost |', '|---|---|---|---:|---:|'];
let lostTotal = 0;
for (const [key, { cases, lost }] of [...rows].sort()) {
  const [kind, what, level] = key.split('\t');
  lostTotal += lost;
  lines.push(`| ${kind} | ${what} | ${level} | ${cases.toLocaleString('en-US')} | ${lost} |`);
}
const table = lines.join('\n');
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- hardening:start -->';
const end = '<!-- hardening:end -->';
if (text.includes(start) && text.includes(end)) {
  const updated = text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`);
  if (updated !== text) writeFileSync(readme, updated);
}
console.log(`\nHardening report (${rows.size} rows, data lost in all: ${lostTotal})\n${table}`);
if (lostTotal > 0) {
  console.error('hardening report: data lost (see the "data lost" column)');
  process.exit(1);
}
