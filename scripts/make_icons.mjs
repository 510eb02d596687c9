// Renders the app's SVG icons to the PNG sizes the web app manifest declares, as palette PNGs.
// Usage: node scripts/make_icons.mjs   (uses Playwright from tests/e2e and Debian's Chromium)
//
// Why a palette: the browser fetches these icons on every first visit (the manifest), and the
// icons are a few flat colours. Chromium renders them; this script keeps the 256 most frequent
// colours (over 99.5 % of the pixels: the rest are anti-aliased edges, drawn with the nearest
// kept colour) and writes an 8-bit indexed PNG, about a third of the size of the RGBA screenshot.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');

const outputs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];
const PALETTE_SIZE = 256;

/** Renders every output and writes it as a palette PNG. */
async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  for (const [source, target, size] of outputs) {
    const svg = readFileSync(path.join(root, 'public/icons', source), 'utf8');
    const rgba = await renderPixels(page, svg, size);
    writeFileSync(path.join(root, 'public/icons', target), encodeIndexedPng(size, size, quantize(rgba)));
  }
  await browser.close();
}

/** Draws the SVG on a canvas of `size` pixels square and returns its RGBA bytes. */
async function renderPixels(page, svg, size) {
  const bytes = await page.evaluate(async ({ svg, size }) => {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, size, size);
    return Array.from(context.getImageData(0, 0, size, size).data);
  }, { svg, size });
  return Uint8Array.from(bytes);
}

/** Keeps the most frequent colours and maps every pixel to the nearest kept one. */
function quantize(rgba) {
  const counts = new Map();
  for (let i = 0; i < rgba.length; i += 4) {
    const key = colourKey(rgba, i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, PALETTE_SIZE).map(([key]) => key);
  const indexOf = new Map(palette.map((key, index) => [key, index]));
  const indices = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < rgba.length; i += 4) {
    const key = colourKey(rgba, i);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = nearest(palette, key);
      indexOf.set(key, index);
    }
    indices[i / 4] = index;
  }
  return { palette, indices };
}

function colourKey(rgba, i) {
  return ((rgba[i] << 24) | (rgba[i + 1] << 16) | (rgba[i + 2] << 8) | rgba[i + 3]) >>> 0;
}

function channels(key) {
  return [(key >>> 24) & 255, (key >>> 16) & 255, (key >>> 8) & 255, key & 255];
}

function nearest(palette, key) {
  const wanted = channels(key);
  let best = 0;
  let bestDistance = Infinity;
  palette.forEach((candidate, index) => {
    const distance = channels(candidate).reduce((sum, value, c) => sum + (value - wanted[c]) ** 2, 0);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/** An 8-bit indexed-colour PNG (colour type 3) with its transparency in a tRNS chunk. */
function encodeIndexedPng(width, height, { palette, indices }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // indexed colour
  const rgb = Buffer.from(palette.flatMap((key) => channels(key).slice(0, 3)));
  const alpha = Buffer.from(palette.map((key) => key & 255));
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y += 1) {
    rows[y * (width + 1)] = 0; // filter "none": best for indexed images
    rows.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', rgb),
    chunk('tRNS', alpha),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

await main();
