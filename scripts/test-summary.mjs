// Prints the test counts of each level from the logs `make test` wrote, and
// one plain closing line ("N passed, N failed") for CI.
import { readFileSync, existsSync } from 'node:fs';

const levels = [
  ['native (cargo test: unit, property)', 'build/test-logs/native.log', /test result: \w+\. (\d+) passed; (\d+) failed/g],
  ['wasm (wasm-bindgen-test, headless Chromium)', 'build/test-logs/wasm.log', /test result: \w+\. (\d+) passed; (\d+) failed/g],
  ['types (tsc --strict over tests/types)', 'build/test-logs/types.log', /^types: (\d+) passed; (\d+) failed/gm],
  ['end-to-end (Playwright, Chromium)', 'build/test-logs/e2e.log', /^\s+(\d+) (passed|failed)/gm],
];
let passed = 0, failed = 0;
console.log('\nTest summary');
for (const [name, file, re] of levels) {
  if (!existsSync(file)) { console.log(`  ${name}: not run`); continue; }
  const text = readFileSync(file, 'utf8');
  let p = 0, f = 0;
  for (const m of text.matchAll(re)) {
    if (m[2] === 'passed') p += Number(m[1]);
    else if (m[2] === 'failed') f += Number(m[1]);
    else { p += Number(m[1]); f += Number(m[2]); }
  }
  passed += p; failed += f;
  console.log(`  ${name}: ${p} passed, ${f} failed`);
}
// Lints (make clippy): no counts, each error is a failure.
if (existsSync('build/test-logs/clippy.log')) {
  const errors = (readFileSync('build/test-logs/clippy.log', 'utf8').match(/^error(\[\w+\])?: (?!could not compile)/gm) || []).length;
  console.log(`  clippy (native and wasm32, -D warnings): ${errors ? `${errors} errors` : 'clean'}`);
  failed += errors;
}
// The engines suite prints one count per engine and kind (tests/engines/run.mjs).
const engines = 'build/test-logs/engines.log';
if (!existsSync(engines)) console.log('  engines (Firefox ESR, WebKitGTK): not run');
else {
  const text = readFileSync(engines, 'utf8');
  const counts = [...text.matchAll(/^((?:Firefox ESR|WebKitGTK), [^:\n]+): (\d+) passed, (\d+) failed$/gm)];
  if (!counts.length) {
    console.log('  engines (Firefox ESR, WebKitGTK): no result (see build/test-logs/engines.log)');
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
