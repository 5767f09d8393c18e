// Prints the test counts of each level from the logs `make test` wrote, and
// one plain closing line ("N passed, N failed") for CI. A level whose log
// shows a compile error, a make error with no failed test counted, or no
// result line at all counts as one failure more: a broken level never reads
// as "0 failed". KW_TEST_LOGS names another log folder (the script's tests).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const logs = process.env.KW_TEST_LOGS || 'build/test-logs';
const levels = [
  ['native (cargo test: unit, property)', 'native.log', /test result: \w+\. (\d+) passed; (\d+) failed/g],
  ['wasm (wasm-bindgen-test, headless Chromium)', 'wasm.log', /test result: \w+\. (\d+) passed; (\d+) failed/g],
  ['types (tsc --strict over tests/types)', 'types.log', /^types: (\d+) passed; (\d+) failed/gm],
  ['end-to-end (Playwright, Chromium)', 'e2e.log', /^\s+(\d+) (passed|failed)/gm],
];
const COMPILE_ERROR = /could not compile|error\[E\d+\]/;
// `make: *** …` or, from the sub-make `make test` runs, `make[1]: *** …`.
const MAKE_ERROR = /^make(\[\d+\])?: \*\*\* /m;

/** Why a level's log is broken beyond its counted failures, or ''. */
function broken(text, results, failedCounted) {
  if (COMPILE_ERROR.test(text)) return 'did not compile';
  if (!results) return 'no result';
  if (MAKE_ERROR.test(text) && !failedCounted) return 'make error';
  return '';
}

let passed = 0, failed = 0;
console.log('\nTest summary');
for (const [name, file, re] of levels) {
  const path = join(logs, file);
  if (!existsSync(path)) { console.log(`  ${name}: not run`); continue; }
  const text = readFileSync(path, 'utf8');
  let p = 0, f = 0, results = 0;
  for (const m of text.matchAll(re)) {
    results += 1;
    if (m[2] === 'passed') p += Number(m[1]);
    else if (m[2] === 'failed') f += Number(m[1]);
    else { p += Number(m[1]); f += Number(m[2]); }
  }
  const why = broken(text, results, f);
  if (why) f += 1;
  passed += p; failed += f;
  console.log(`  ${name}: ${p} passed, ${f} failed${why ? ` (${why}, counted as 1 failure: see ${path})` : ''}`);
}
// Lints (make clippy): no counts, each error is a failure; a make error with
// no lint error (a tool missing, the build broken otherwise) is one.
const clippy = join(logs, 'clippy.log');
if (existsSync(clippy)) {
  const text = readFileSync(clippy, 'utf8');
  let errors = (text.match(/^error(\[\w+\])?: (?!could not compile)/gm) || []).length;
  const why = !errors && MAKE_ERROR.test(text) ? 'make error' : '';
  if (why) errors = 1;
  console.log(`  clippy (native and wasm32, -D warnings): ${why ? `failed (${why}, no lint counted: see ${clippy})` : errors ? `${errors} errors` : 'clean'}`);
  failed += errors;
}
// The engines suite prints one count per engine and kind (tests/engines/run.mjs).
const engines = join(logs, 'engines.log');
if (!existsSync(engines)) console.log('  engines (Firefox ESR, WebKitGTK): not run');
else {
  const text = readFileSync(engines, 'utf8');
  const counts = [...text.matchAll(/^((?:Firefox ESR|WebKitGTK), [^:\n]+): (\d+) passed, (\d+) failed$/gm)];
  if (!counts.length) {
    console.log(`  engines (Firefox ESR, WebKitGTK): no result (see ${engines})`);
    failed += 1;
  }
  for (const [, name, p, f] of counts) {
    passed += Number(p);
    failed += Number(f);
    console.log(`  ${name}: ${p} passed, ${f} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
