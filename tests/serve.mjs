// scripts/serve.mjs as a child process on a free port, for the end-to-end
// specs and the engines runner: resolves with { url, port, stop }.
import { spawn } from 'node:child_process';

export function serve(dir) {
  const child = spawn(process.execPath, [new URL('../scripts/serve.mjs', import.meta.url).pathname, dir, '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /app:\s+(http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (m) resolve({ url: m[1], port: Number(m[2]), stop: () => child.kill() });
    });
  });
}
