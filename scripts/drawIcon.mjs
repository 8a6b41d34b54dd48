#!/usr/bin/env node
/**
 * Draws Inkwell's icon (an ink drop on a paper-coloured rounded square) as PNG files at 512 and
 * 256 pixels, with no image library: shapes are sampled 4x4 per pixel for smooth edges, and the
 * PNG is written with zlib. Run once; the PNGs are committed in resources/icons/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAPER = [246, 241, 228];
const INK = [32, 46, 92];
const SHINE = [120, 140, 200];

/** Coverage tests in unit coordinates (0..1, y down). */
function insideRoundedSquare(x, y) {
  const margin = 0.06;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** A drop: a circle below, joined by tangent lines to a point above. */
function insideDrop(x, y) {
  const cx = 0.5;
  const cy = 0.6;
  const r = 0.22;
  const tipY = 0.16;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  if (y < tipY || y > cy) return false;
  const distance = cy - tipY;
  const tangentY = cy - (r * r) / distance;
  const halfWidthAtTangent = (r * Math.sqrt(distance * distance - r * r)) / distance;
  if (y > tangentY) return false;
  const halfWidth = (halfWidthAtTangent * (y - tipY)) / (tangentY - tipY);
  return Math.abs(x - cx) <= halfWidth;
}

function insideShine(x, y) {
  return ((x - 0.43) / 0.05) ** 2 + ((y - 0.55) / 0.09) ** 2 <= 1;
}

function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let paper = 0;
      let ink = 0;
      let shine = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideShine(x, y)) shine += 1;
          else if (insideDrop(x, y)) ink += 1;
          else paper += 1;
        }
      }
      const total = samples * samples;
      const covered = paper + ink + shine;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        const sum = paper * PAPER[channel] + ink * INK[channel] + shine * SHINE[channel];
        pixels[offset + channel] = covered === 0 ? 0 : Math.round(sum / covered);
      }
      pixels[offset + 3] = Math.round((covered / total) * 255);
    }
  }
  return encodePng(size, pixels);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.join(root, 'resources', 'icons');
mkdirSync(outDir, { recursive: true });
for (const size of [512, 256]) {
  writeFileSync(path.join(outDir, `${size}x${size}.png`), draw(size));
}
// electron-builder takes resources/build/icon.png for every platform (it makes .icns and .ico).
writeFileSync(path.join(root, 'resources', 'build', 'icon.png'), draw(512));
console.log('Wrote resources/icons/512x512.png, 256x256.png and resources/build/icon.png');
