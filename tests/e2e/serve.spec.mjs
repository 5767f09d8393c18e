// scripts/serve.mjs (make serve, the e2e suite, make bench) serves its folder
// and nothing beside it: not a parent's file, not a sibling folder whose
// name starts with the served folder's name (`site` / `site2`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { serve } from '../serve.mjs';

/** GET with the raw path as written (no URL normalisation by a client). */
function get(port, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serve.mjs refuses paths outside its folder, siblings sharing its prefix included', async () => {
  const root = mkdtempSync(join(tmpdir(), 'kw-serve-'));
  for (const d of ['site', 'site2', 'other']) mkdirSync(join(root, d));
  writeFileSync(join(root, 'site', 'index.html'), 'inside');
  writeFileSync(join(root, 'site2', 'secret.txt'), 'SIBLING');
  writeFileSync(join(root, 'other', 'secret.txt'), 'OTHER');
  writeFileSync(join(root, 'top.txt'), 'PARENT');
  const server = await serve(join(root, 'site'));
  try {
    expect(await get(server.port, '/')).toEqual({ status: 200, body: 'inside' });
    for (const path of [
      '/..%2fsite2/secret.txt',
      '/..%2f..%2f' + root.split('/').pop() + '/site2/secret.txt',
      '/%2e%2e%2fsite2%2fsecret.txt',
      '/..%2fother/secret.txt',
      '/..%2ftop.txt',
      '/../site2/secret.txt',
    ]) {
      const res = await get(server.port, path);
      expect([403, 404], `${path} gave ${res.status}: ${res.body}`).toContain(res.status);
      expect(res.body).not.toMatch(/SIBLING|OTHER|PARENT/);
    }
  } finally {
    server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
