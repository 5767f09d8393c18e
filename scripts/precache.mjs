// Writes a build's service worker and precache list (called by dist.mjs, and
// by tests/e2e/pwa.spec.mjs to make a second build):
//   dir/sw.js          www/sw.js with CACHE (a name derived from every file's
//                      hash and the worker's own text) and FILES (every file
//                      of the build but sw.js, with its SRI hash);
//   dir/precache.json  the embed's files with their SRI hashes, for a host
//                      that wants to cache them in its own worker (README).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const www = new URL('../www/', import.meta.url).pathname;

export const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
// The entry and every content-hashed file of the embed: the glue and main
// module (kw-core), the split loader (kw-split), each view's module and the
// chunks views share (docs/SIZE.md).
export const isEmbedFile = (f) => f === 'kineret-widget.js' || /^kw-[a-z0-9-]+\.[0-9a-f]{12}\.(js|wasm)$/.test(f);

/** Fills `dir` (a flat dist/) with sw.js and precache.json; returns the cache name. */
export function writeWorker(dir) {
  const integrity = (f) => sri(readFileSync(join(dir, f)));
  const embed = readdirSync(dir).filter(isEmbedFile).sort();
  writeFileSync(join(dir, 'precache.json'),
    JSON.stringify({ files: embed.map((url) => ({ url, integrity: integrity(url) })) }, null, 2) + '\n');

  const files = readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && f.name !== 'sw.js')
    .map((f) => [f.name, integrity(f.name)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const template = readFileSync(join(www, 'sw.js'), 'utf8');
  const build = createHash('sha256').update(template).update(JSON.stringify(files)).digest('hex').slice(0, 12);
  const cache = `kineret-app-${build}`; // sw.js deletes only its own prefix
  const worker = template
    .replace("'__CACHE__'", JSON.stringify(cache))
    .replace('__FILES__', '[\n' + files.map((f) => '  ' + JSON.stringify(f)).join(',\n') + ',\n]');
  if (worker.includes('__CACHE__') || worker.includes('__FILES__')) throw new Error('placeholder left in sw.js');
  writeFileSync(join(dir, 'sw.js'), worker);
  return cache;
}
