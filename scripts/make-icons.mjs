#!/usr/bin/env node
/**
 * Makes every icon the installers need from the one committed source image, build/icon.png
 * (1024 × 1024 RGBA), with no dependency beyond Node (zlib for PNG's deflate):
 *
 *   build/icons/png/<N>x<N>.png   16 … 1024 — Linux (AppImage, deb: hicolor icon theme)
 *   build/icons/icon.ico          16, 24, 32, 48, 64, 128, 256 — Windows (app, installer)
 *   build/icons/icon.icns         16 … 1024 with @2x variants — macOS (app, dmg)
 *
 * Run by `npm run dist` before electron-builder; build/icons/ is generated, not committed.
 * Downscaling averages the source pixels each target pixel covers (a box filter with exact
 * fractional coverage) in premultiplied alpha, so edges against transparency stay clean.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = join(ROOT, 'build/icon.png');
export const OUT_DIR = join(ROOT, 'build/icons');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types and their pixel sizes (PNG payloads; macOS 10.7 and later). */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG defines it (ISO 3309). */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (`{ width, height, data: Uint8Array of width·height·4 }`) as PNG. */
export function encodePng(image) {
  const { width, height, data } = image;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression 0, filter 0, interlace 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 1 (Sub) per row: compresses smooth icons far better than none.
    const row = y * (stride + 1);
    raw[row] = 1;
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? data[y * stride + i - 4] : 0;
      raw[row + 1 + i] = (data[y * stride + i] - left) & 0xff;
    }
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes an 8-bit, non-interlaced RGB or RGBA PNG into RGBA pixels. Other kinds throw with
 * a message that says how to re-export the source image.
 */
export function decodePng(bytes) {
  const buf = Buffer.from(bytes);
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('Not a PNG file (bad signature).');
  let offset = 8;
  let header = null;
  const idat = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    const crc = buf.readUInt32BE(offset + 8 + length);
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`PNG chunk ${type} is corrupt (CRC mismatch).`);
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], colour: data[9], interlace: data[12] };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG has no IHDR chunk.');
  const { width, height, depth, colour, interlace } = header;
  if (depth !== 8 || (colour !== 6 && colour !== 2) || interlace !== 0) {
    throw new Error(
      `The icon source must be an 8-bit RGB or RGBA PNG without interlacing (got depth ${depth}, colour type ${colour}, interlace ${interlace}). Re-export it as 8-bit RGBA.`,
    );
  }
  const channels = colour === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[src + i];
      const a = i >= channels ? pixels[dst + i - channels] : 0;
      const b = y > 0 ? pixels[dst - stride + i] : 0;
      const c = y > 0 && i >= channels ? pixels[dst - stride + i - channels] : 0;
      let v;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) v = x + paeth(a, b, c);
      else throw new Error(`PNG row ${y} has unknown filter type ${filter}.`);
      pixels[dst + i] = v & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: new Uint8Array(pixels) };
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba[p * 4] = pixels[p * 3];
    rgba[p * 4 + 1] = pixels[p * 3 + 1];
    rgba[p * 4 + 2] = pixels[p * 3 + 2];
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, data: rgba };
}

/** For each target index: the source indices it covers and their fractional weights (sum 1). */
function coverage(srcSize, dstSize) {
  const scale = srcSize / dstSize;
  const result = [];
  for (let d = 0; d < dstSize; d++) {
    const start = d * scale;
    const end = start + scale;
    const taps = [];
    for (let s = Math.floor(start); s < Math.min(srcSize, Math.ceil(end)); s++) {
      const w = Math.min(end, s + 1) - Math.max(start, s);
      if (w > 1e-12) taps.push([s, w / scale]);
    }
    result.push(taps);
  }
  return result;
}

/** Downscales an RGBA image to `size` × `size` by area averaging in premultiplied alpha. */
export function resizeRgba(image, size) {
  const { width, height, data } = image;
  if (size > width || size > height) throw new Error(`Cannot enlarge a ${width}×${height} icon to ${size}×${size}; use a larger source.`);
  // Premultiply into float64.
  const pre = new Float64Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const a = data[p * 4 + 3] / 255;
    pre[p * 4] = data[p * 4] * a;
    pre[p * 4 + 1] = data[p * 4 + 1] * a;
    pre[p * 4 + 2] = data[p * 4 + 2] * a;
    pre[p * 4 + 3] = data[p * 4 + 3];
  }
  // Horizontal pass: width → size.
  const cols = coverage(width, size);
  const mid = new Float64Array(size * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < size; x++) {
      for (const [s, w] of cols[x]) {
        for (let c = 0; c < 4; c++) mid[(y * size + x) * 4 + c] += pre[(y * width + s) * 4 + c] * w;
      }
    }
  }
  // Vertical pass: height → size.
  const rows = coverage(height, size);
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (const [s, w] of rows[y]) {
        for (let c = 0; c < 4; c++) acc[c] += mid[(s * size + x) * 4 + c] * w;
      }
      const alpha = acc[3];
      const o = (y * size + x) * 4;
      out[o + 3] = Math.round(alpha);
      const un = alpha > 0 ? 255 / alpha : 0;
      for (let c = 0; c < 3; c++) out[o + c] = Math.min(255, Math.round(acc[c] * un));
    }
  }
  return { width: size, height: size, data: out };
}

/**
 * A 32-bit BMP (DIB) as stored in an ICO: BITMAPINFOHEADER with doubled height, BGRA rows
 * bottom-up, then the 1-bit AND mask (set where fully transparent).
 */
function icoBitmap(image) {
  const { width, height, data } = image;
  const maskStride = Math.ceil(width / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8);
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits per pixel
  header.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  const pixels = Buffer.alloc(width * height * 4);
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      const d = (row * width + x) * 4;
      pixels[d] = data[s + 2];
      pixels[d + 1] = data[s + 1];
      pixels[d + 2] = data[s];
      pixels[d + 3] = data[s + 3];
      if (data[s + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/**
 * An ICO holding `images` (square RGBA). 256 px is stored as PNG (as Windows Vista and later
 * expect); smaller sizes as 32-bit BMP, which every Windows tool, NSIS included, reads.
 */
export function encodeIco(images) {
  const payloads = images.map((img) => (img.width >= 256 ? encodePng(img) : icoBitmap(img)));
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach((img, i) => {
    const e = 6 + 16 * i;
    dir[e] = img.width >= 256 ? 0 : img.width; // 0 means 256
    dir[e + 1] = img.height >= 256 ? 0 : img.height;
    dir[e + 2] = 0; // palette size
    dir[e + 3] = 0;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(payloads[i].length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += payloads[i].length;
  });
  return Buffer.concat([dir, ...payloads]);
}

/** An ICNS file from `[type, pngBytes]` entries (big-endian lengths include the 8-byte headers). */
export function encodeIcns(entries) {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/**
 * Writes every icon from `sourcePath` into `outDir`. Returns the paths written.
 * The source must be square and at least 1024 × 1024.
 */
export function makeIcons(sourcePath = SOURCE, outDir = OUT_DIR) {
  const source = decodePng(readFileSync(sourcePath));
  if (source.width !== source.height || source.width < 1024) {
    throw new Error(`${sourcePath} is ${source.width}×${source.height}; the icon source must be square and at least 1024×1024.`);
  }
  const images = new Map();
  const imageOf = (size) => {
    if (!images.has(size)) images.set(size, size === source.width ? source : resizeRgba(source, size));
    return images.get(size);
  };
  const pngs = new Map();
  const pngOf = (size) => {
    if (!pngs.has(size)) pngs.set(size, encodePng(imageOf(size)));
    return pngs.get(size);
  };
  const written = [];
  mkdirSync(join(outDir, 'png'), { recursive: true });
  for (const size of PNG_SIZES) {
    const file = join(outDir, 'png', `${size}x${size}.png`);
    writeFileSync(file, pngOf(size));
    written.push(file);
  }
  const ico = join(outDir, 'icon.ico');
  writeFileSync(ico, encodeIco(ICO_SIZES.map(imageOf)));
  const icns = join(outDir, 'icon.icns');
  writeFileSync(icns, encodeIcns(ICNS_ENTRIES.map(([type, size]) => [type, pngOf(size)])));
  written.push(ico, icns);
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = makeIcons();
  console.log(`make-icons: wrote ${written.length} files to ${OUT_DIR}`);
}
