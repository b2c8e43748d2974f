import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  decodePng,
  encodeIcns,
  encodeIco,
  encodePng,
  ICNS_ENTRIES,
  ICO_SIZES,
  makeIcons,
  PNG_SIZES,
  resizeRgba,
  SOURCE,
  type RgbaImage,
} from '../../scripts/make-icons.mjs';

function solid(size: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) data.set(rgba, i * 4);
  return { width: size, height: size, data };
}

function pixel(img: RgbaImage, x: number, y: number): number[] {
  const o = (y * img.width + x) * 4;
  return [...img.data.subarray(o, o + 4)];
}

describe('PNG encoding', () => {
  it('computes PNG’s CRC-32 (check value of "123456789" is CBF43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('reads back exactly the pixels it wrote', () => {
    const img: RgbaImage = { width: 3, height: 2, data: new Uint8Array([...Array(24).keys()].map((i) => (i * 37) % 256)) };
    const back = decodePng(encodePng(img));
    expect(back.width).toBe(3);
    expect(back.height).toBe(2);
    expect([...back.data]).toEqual([...img.data]);
  });

  it('says how to fix a source image it cannot read', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/Not a PNG/);
    const png = encodePng(solid(2, [0, 0, 0, 255]));
    png[24] = 16; // IHDR bit depth → 16 (CRC now wrong)
    expect(() => decodePng(png)).toThrow(/corrupt/);
  });

  it('decodes the committed 1024×1024 icon source', () => {
    const source = decodePng(readFileSync(SOURCE));
    expect([source.width, source.height]).toEqual([1024, 1024]);
    expect(pixel(source, 0, 0)[3]).toBe(0); // transparent corner around the rounded square
    expect(pixel(source, 512, 512)[3]).toBe(255);
  });
});

describe('downscaling', () => {
  it('averages the source pixels each target pixel covers', () => {
    // 2×2 → 1×1: the mean of black and white is mid grey.
    const img: RgbaImage = { width: 2, height: 2, data: new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255]) };
    expect(pixel(resizeRgba(img, 1), 0, 0)).toEqual([128, 128, 128, 255]);
  });

  it('keeps colour at edges against transparency (premultiplied alpha)', () => {
    // Red next to fully transparent *black*: the result is half-transparent red, not dark red.
    const img: RgbaImage = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0]) };
    const wide = { width: 2, height: 2, data: new Uint8Array([...img.data, ...img.data]) };
    expect(pixel(resizeRgba(wide, 1), 0, 0)).toEqual([255, 0, 0, 128]);
  });

  it('handles sizes that do not divide the source evenly', () => {
    const out = resizeRgba(solid(1024, [10, 20, 30, 255]), 48);
    expect(out.width).toBe(48);
    for (const [x, y] of [
      [0, 0],
      [47, 47],
      [23, 31],
    ]) {
      expect(pixel(out, x, y)).toEqual([10, 20, 30, 255]);
    }
  });
});

describe('icon containers', () => {
  it('writes an ICO directory whose entries point at BMP images and a PNG for 256 px', () => {
    const images = [16, 32, 256].map((s) => solid(s, [0, 128, 255, 255]));
    const ico = encodeIco(images);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(3);
    const entry = (i: number) => ({ w: ico[6 + 16 * i], bpp: ico.readUInt16LE(6 + 16 * i + 6), size: ico.readUInt32LE(6 + 16 * i + 8), offset: ico.readUInt32LE(6 + 16 * i + 12) });
    const [e16, e32, e256] = [0, 1, 2].map(entry);
    expect([e16.w, e32.w, e256.w]).toEqual([16, 32, 0]); // 0 means 256
    expect(e16.bpp).toBe(32);
    // BMP entry: BITMAPINFOHEADER with the height doubled (image + AND mask).
    expect(ico.readUInt32LE(e16.offset)).toBe(40);
    expect(ico.readInt32LE(e16.offset + 8)).toBe(32);
    expect(e16.size).toBe(40 + 16 * 16 * 4 + 4 * 16);
    // Bottom-up BGRA: the first stored pixel is blue-green-red = 255,128,0.
    expect([...ico.subarray(e16.offset + 40, e16.offset + 44)]).toEqual([255, 128, 0, 255]);
    const png = ico.subarray(e256.offset, e256.offset + e256.size);
    expect(decodePng(png).width).toBe(256);
    expect(e256.offset + e256.size).toBe(ico.length);
  });

  it('writes an ICNS whose entry lengths add up and whose images decode at their sizes', () => {
    const entries: [string, Uint8Array][] = [
      ['icp4', encodePng(solid(16, [1, 2, 3, 255]))],
      ['ic11', encodePng(solid(32, [1, 2, 3, 255]))],
    ];
    const icns = encodeIcns(entries);
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let offset = 8;
    const seen: [string, number][] = [];
    while (offset < icns.length) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      seen.push([type, decodePng(icns.subarray(offset + 8, offset + length)).width]);
      offset += length;
    }
    expect(seen).toEqual([
      ['icp4', 16],
      ['ic11', 32],
    ]);
  });
});

describe('icons from the committed source', () => {
  it('makes every size each system wants', () => {
    const out = mkdtempSync(join(tmpdir(), 'layerlab-icons-'));
    const written = makeIcons(SOURCE, out);
    expect(written).toHaveLength(PNG_SIZES.length + 2);
    for (const size of PNG_SIZES) {
      const png = decodePng(readFileSync(join(out, 'png', `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    const ico = readFileSync(join(out, 'icon.ico'));
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    const icns = readFileSync(join(out, 'icon.icns'));
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    // electron-builder wants at least 512 px for macOS and 256 px for Windows.
    expect(ICNS_ENTRIES.some(([, size]) => size >= 1024)).toBe(true);
    expect(Math.max(...ICO_SIZES)).toBe(256);
  });
});
