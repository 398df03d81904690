#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's ribbon and catalogue icons (assets/icon-<size>.png): a green rounded tile with a white
 * tick, the "cermat" (careful check) of the name. Drawn here rather than in an image editor so every size is
 * the same drawing and anyone can regenerate them: `node scripts/make-icons.js`.
 * Shapes are sampled 5×5 times per pixel so the small sizes stay smooth; the output is deterministic.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const TILE = [0x10, 0x7c, 0x41]; // Excel's green
const TICK = [0xff, 0xff, 0xff];
const SAMPLES = 5;

/** Distance from point p to segment ab, all in unit-square coordinates. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return Math.sqrt(cx * cx + cy * cy);
}

function insideTile(x, y) {
  const margin = 0.03;
  const radius = 0.18;
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const nx = Math.max(lo, Math.min(hi, x));
  const ny = Math.max(lo, Math.min(hi, y));
  return (x - nx) ** 2 + (y - ny) ** 2 <= radius * radius;
}

function onTick(x, y) {
  const halfWidth = 0.085;
  return segmentDistance(x, y, 0.24, 0.52, 0.43, 0.71) <= halfWidth || segmentDistance(x, y, 0.43, 0.71, 0.78, 0.3) <= halfWidth;
}

/** RGBA rows, each prefixed by PNG filter byte 0. */
function drawIcon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    const rowStart = row * (size * 4 + 1);
    raw[rowStart] = 0;
    for (let col = 0; col < size; col++) {
      let tile = 0;
      let tick = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (col + (sx + 0.5) / SAMPLES) / size;
          const y = (row + (sy + 0.5) / SAMPLES) / size;
          if (insideTile(x, y)) {
            tile++;
            if (onTick(x, y)) tick++;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = tile / n;
      const tickShare = tile === 0 ? 0 : tick / tile;
      const at = rowStart + 1 + col * 4;
      for (let c = 0; c < 3; c++) raw[at + c] = Math.round(TILE[c] * (1 - tickShare) + TICK[c] * tickShare);
      raw[at + 3] = Math.round(alpha * 255);
    }
  }
  return raw;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawIcon(size)));
    process.stdout.write(`${path.relative(process.cwd(), file)} (${size}×${size})\n`);
  }
}

if (require.main === module) main();
module.exports = { SIZES, encodePng, drawIcon };
