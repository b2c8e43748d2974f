/** Types of make-icons.mjs for the tests. */
export interface RgbaImage {
  width: number;
  height: number;
  /** width · height · 4 bytes, RGBA, rows top to bottom. */
  data: Uint8Array;
}
export declare const ROOT: string;
export declare const SOURCE: string;
export declare const OUT_DIR: string;
export declare const PNG_SIZES: number[];
export declare const ICO_SIZES: number[];
export declare const ICNS_ENTRIES: [string, number][];
export declare function crc32(bytes: Uint8Array): number;
export declare function encodePng(image: RgbaImage): Buffer;
export declare function decodePng(bytes: Uint8Array): RgbaImage;
export declare function resizeRgba(image: RgbaImage, size: number): RgbaImage;
export declare function encodeIco(images: RgbaImage[]): Buffer;
export declare function encodeIcns(entries: [string, Uint8Array][]): Buffer;
export declare function makeIcons(sourcePath?: string, outDir?: string): string[];
