// Static file server for dist/ on 127.0.0.1 (no dependencies). Used by
// `make serve`, the Playwright suite and `make bench`. Text and wasm are sent
// gzip-compressed when the browser accepts it, as any CDN or static host
// does, so transfer sizes and load times are the real ones.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, extname, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = normalize(process.argv[2] || join(new URL('..', import.meta.url).pathname, 'dist'));
const port = Number(process.env.PORT || process.argv[3] || 8080); // 0: any free port
const host = '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.ics']);
const gzipped = new Map(); // path -> { mtimeMs, body }

async function gzipOf(file, body) {
  const { mtimeMs } = await stat(file);
  const hit = gzipped.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const gz = gzipSync(body, { level: 9 });
  gzipped.set(file, { mtimeMs, body: gz });
  return gz;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${host}`);
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    // Inside `dir` only: `startsWith(dir)` alone would let `/..%2fdist2/x`
    // reach a sibling folder sharing the name's prefix.
    const rel = relative(dir, file);
    if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) {
      res.writeHead(403).end();
      return;
    }
    let body = await readFile(file);
    const hashed = /\.[0-9a-f]{12}\./.test(file);
    const headers = {
      'content-type': types[extname(file)] || 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (compressible.has(extname(file))) {
      headers.vary = 'accept-encoding';
      if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = await gzipOf(file, body);
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`Serving ${dir}`);
  console.log(`  app:        http://${host}:${actual}/`);
  console.log(`  embed demo: http://${host}:${actual}/embed-demo.html`);
});
