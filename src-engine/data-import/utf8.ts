/**
 * UTF-8 without TextEncoder/TextDecoder (not part of the engine's ES library): encoding for
 * hashing, and strict decoding of a file's bytes so a file in another encoding (Latin-1,
 * CP949 …) is refused instead of read as garbage.
 */
import { importFailure, type ImportFailure } from './import-messages';

/** The UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD, as TextEncoder does. Allocates. */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = text.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x80) out[k++] = c;
    else if (c < 0x800) {
      out[k++] = 0xc0 | (c >> 6);
      out[k++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[k++] = 0xe0 | (c >> 12);
      out[k++] = 0x80 | ((c >> 6) & 63);
      out[k++] = 0x80 | (c & 63);
    } else {
      out[k++] = 0xf0 | (c >> 18);
      out[k++] = 0x80 | ((c >> 12) & 63);
      out[k++] = 0x80 | ((c >> 6) & 63);
      out[k++] = 0x80 | (c & 63);
    }
  }
  return out.slice(0, k);
}

/** Code points are joined into strings this many at a time (bounds the argument list). */
const CHUNK = 8192;

/**
 * Decodes UTF-8 `bytes` strictly (RFC 3629: no overlong forms, surrogates or values past
 * U+10FFFF) and drops a leading byte-order mark. Never throws; an invalid byte is reported
 * with its 0-based offset. Allocates the text.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | ImportFailure {
  const parts: string[] = [];
  const units: number[] = [];
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let cp: number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      cp = b;
      need = 0;
      min = 0;
    } else if (b >= 0xc2 && b <= 0xdf) {
      cp = b & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      cp = b & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      cp = b & 0x07;
      need = 3;
      min = 0x10000;
    } else {
      return invalid(i);
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return invalid(i);
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return invalid(i);
    if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units));
      units.length = 0;
    }
    i += need + 1;
  }
  parts.push(String.fromCharCode(...units));
  return { ok: true, text: parts.join('') };
}

function invalid(offset: number): ImportFailure {
  return importFailure('not-utf8', { byte: offset });
}
