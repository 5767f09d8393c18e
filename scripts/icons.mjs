// The app's PNG icons (web app manifest), drawn here and encoded with
// node:zlib: no image tool, no dependency. The shapes are those of
// www/icon.svg (a syringe on a blue tile, in its 64 x 64 units); keep the two
// in step. `scripts/dist.mjs` calls `writeIcons(dist)` on every build.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BLUE = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];
const LIGHT = [0x8c, 0xc4, 0xff];

// [x, y, w, h, corner radius, colour], painted in order (last on top).
const SYRINGE = [
  [14, 27, 30, 10, 2, WHITE], // barrel
  [44, 30, 12, 4, 0, WHITE], // needle
  [8, 25, 6, 14, 1, WHITE], // plunger
  [18, 29, 14, 6, 0, LIGHT], // the dose inside
];

/** The shapes of one icon. A maskable icon fills the whole square and keeps
 *  the syringe inside the central safe zone (a circle of 40 % radius). */
function shapes(maskable) {
  if (!maskable) return [[0, 0, 64, 64, 14, BLUE], ...SYRINGE];
  const k = 0.8; // scale about the centre
  const s = (v) => 32 + (v - 32) * k;
  return [[0, 0, 64, 64, 0, BLUE], ...SYRINGE.map(([x, y, w, h, r, c]) => [s(x), s(y), w * k, h * k, r * k, c])];
}

function inside([x, y, w, h, r], px, py) {
  if (px < x || px > x + w || py < y || py > y + h) return false;
  const dx = Math.max(x + r - px, 0, px - (x + w - r));
  const dy = Math.max(y + r - py, 0, py - (y + h - r));
  return dx * dx + dy * dy <= r * r;
}

/** RGBA pixels, 4 x 4 samples per pixel for smooth edges. */
function rasterise(size, maskable) {
  const list = shapes(maskable);
  const N = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const u = ((x + (sx + 0.5) / N) * 64) / size;
          const v = ((y + (sy + 0.5) / N) * 64) / size;
          for (let i = list.length - 1; i >= 0; i--) {
            if (inside(list[i], u, v)) {
              const c = list[i][5];
              r += c[0]; g += c[1]; b += c[2]; a += 1;
              break;
            }
          }
        }
      }
      const o = (y * size + x) * 4;
      if (a) {
        px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (N * N));
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG (8-bit RGBA, no filtering) of the icon at `size` x `size` pixels. */
export function iconPng(size, { maskable = false } = {}) {
  const px = rasterise(size, maskable);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The files the manifest (www/manifest.webmanifest) names. */
export const ICONS = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
];

export function writeIcons(dir) {
  for (const [name, size, maskable] of ICONS) writeFileSync(join(dir, name), iconPng(size, { maskable }));
}
