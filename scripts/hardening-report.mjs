// Renders README's hardening table from the rows the test run wrote
// (build/hardening-report/*.tsv: kind, what, cases, data lost), so the
// table states what was measured, not what was typed.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'build', 'hardening-report');
if (!existsSync(dir)) {
  console.log('hardening report: no rows (run `make test`)');
  process.exit(0);
}
const rows = new Map();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
  for (const line of readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)) {
    const [kind, what, cases, lost] = line.split('\t');
    const level = f.replace(/\.tsv$/, '') === 'native' ? 'native (proptest)' : 'browser (Playwright)';
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
