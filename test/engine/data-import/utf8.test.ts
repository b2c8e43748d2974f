import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, encodeUtf8 } from '../../../src-engine/data-import/utf8';

describe('UTF-8', () => {
  it('encodes as TextEncoder does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(Array.from(encodeUtf8(s))).toEqual(Array.from(new TextEncoder().encode(s)));
      }),
      { numRuns: 200 },
    );
    expect(Array.from(encodeUtf8('\ud800x'))).toEqual([0xef, 0xbf, 0xbd, 0x78]); // U+FFFD, 'x'
  });

  it('decodes what it encodes and drops a byte-order mark', () => {
    const text = 'species,größe\n한글,😀\n';
    expect(decodeUtf8(encodeUtf8(text))).toEqual({ ok: true, text });
    expect(decodeUtf8(encodeUtf8(`\uFEFF${text}`))).toEqual({ ok: true, text });
  });

  it('refuses Latin-1 and overlong or truncated sequences, naming the byte', () => {
    // 'größe' in Latin-1: ö = 0xF6 is not a UTF-8 lead byte.
    const latin1 = Uint8Array.from([0x67, 0x72, 0xf6, 0xdf, 0x65]);
    const r = decodeUtf8(latin1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^The file is not UTF-8 text \(byte 2 is not valid UTF-8\)/);
    expect(decodeUtf8(Uint8Array.from([0xc0, 0xaf])).ok).toBe(false); // overlong '/'
    expect(decodeUtf8(Uint8Array.from([0xed, 0xa0, 0x80])).ok).toBe(false); // a surrogate
    expect(decodeUtf8(Uint8Array.from([0x61, 0xe2, 0x82])).ok).toBe(false); // '€' cut short
  });

  it('agrees with a fatal TextDecoder on random bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let expected: string | null;
        try {
          expected = decoder.decode(bytes);
        } catch {
          expected = null;
        }
        const r = decodeUtf8(bytes);
        expect(r.ok ? r.text : null).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
