/**
 * The importer's errors in Korean: a sentence for every template, filled with the same
 * facts, for what the engine really reports about broken files; the English stays the
 * engine's own message.
 */
import { describe, expect, it } from 'vitest';
import irisText from '../../data/iris.csv?raw';
import { decodeUtf8, importTable, IMPORT_MESSAGES, type ImportFailure, type ImportMessageKey } from '../../src-engine/data-import';
import { createImportHandler } from '../../src-renderer/data/import-worker-core';
import { parseFromImportWorker, type FromImportWorker } from '../../src-renderer/data/import-worker-messages';
import { importErrorText } from '../../src-renderer/i18n/import-error-text';
import { importKo } from '../../src-renderer/i18n/import-ko';

const HANGUL = /[\uac00-\ud7a3]/;
const PARAMS = { row: 17, column: 'petal_width', cell: 'a b c', fields: 3, against: 'header', width: 5, delimiter: ';', max: 1_000_000, count: 137, byte: 4321 };

/** The figures (with thousands commas) and quoted names an English sentence states. */
const factsOf = (english: string) => english.match(/'[^']+'|"[^"]+"|\d[\d,]*\d|\d/g) ?? [];

/** The failure `importTable` gives for `text`; throws when it imports. */
function failureOf(text: string, options: Parameters<typeof importTable>[1]): ImportFailure {
  const r = importTable(text, options);
  if (r.ok) throw new Error('expected the import to fail');
  return r;
}

describe('importErrorText', () => {
  it('says every import error in Korean, with the numbers and names of the English message', () => {
    for (const key of Object.keys(IMPORT_MESSAGES) as ImportMessageKey[]) {
      for (const against of ['header', 'first-row']) {
        const params = { ...PARAMS, against };
        const english = IMPORT_MESSAGES[key](params);
        const korean = importErrorText({ error: english, key, params }, 'ko');
        expect(korean, key).toMatch(HANGUL);
        expect(korean, key).not.toMatch(/undefined|\{\{|NaN/);
        for (const fact of factsOf(english)) {
          if (fact === '"CSV UTF-8"') expect(korean, key).toContain(fact);
          else expect(korean, `${key}: ${fact}`).toContain(fact.replace(/^['"]|['"]$/g, ''));
        }
        // Column names are not quoted in English; the Korean names the same column.
        if (english.includes(PARAMS.column)) expect(korean, key).toContain(`${PARAMS.column} 열`);
        expect(importErrorText({ error: english, key, params }, 'en')).toBe(english);
      }
    }
  });

  it('says what the engine reports about broken files, row and column included', () => {
    const lines = irisText.split('\n');
    lines[16] = lines[16].replace(/,[^,]+,(\w+)(\r?)$/, ',abc,$1$2'); // spreadsheet row 17: petal_width
    const nan = failureOf(lines.join('\n'), { target: 'species', task: 'classification', types: { petal_width: 'number' } });
    expect(nan.error).toBe("row 17, column petal_width: 'abc' is not a number.");
    expect(importErrorText(nan, 'ko')).toBe("17행, petal_width 열: 'abc'은(는) 숫자가 아닙니다.");
    expect(importErrorText(nan, 'en')).toBe(nan.error);

    const missing = failureOf('x,y\n1,a\n,b\n3,a\n', { target: 'y', task: 'classification', missing: 'refuse' });
    expect(importErrorText(missing, 'ko')).toBe(
      `3행, x 열: 값이 빠져 있습니다. 값을 채우거나, 빠진 값 처리를 '${importKo.importData.missingDrop}' 또는 '${importKo.importData.missingMean}'로 바꾸세요.`,
    );

    const single = failureOf('x,y\n1,only\n2,only\n', { target: 'y', task: 'classification' });
    expect(importErrorText(single, 'ko')).toBe("y 열에는 클래스가 하나('only')뿐입니다. 분류에는 클래스가 둘 이상 필요합니다. 다른 목표 열을 고르세요.");

    const rows = Array.from({ length: 120 }, (_, i) => `c${i},${i % 2}`);
    const categories = failureOf(`name,y\n${rows.join('\n')}\n`, { target: 'y', task: 'classification', types: { name: 'category' } });
    expect(categories.key).toBe('too-many-categories');
    expect(importErrorText(categories, 'ko')).toMatch(/^name 열에는 서로 다른 값이 120개 있습니다\. .*최대 100개/);

    // 42 category columns of 99 values each: 42 × 99 = 4158 one-hot inputs, over the 4096 allowed.
    const columns = Array.from({ length: 42 }, (_, j) => `c${j}`);
    const wide = Array.from({ length: 99 }, (_, i) => [...columns.map((c) => `${c}v${i}`), i % 2].join(','));
    const types = Object.fromEntries(columns.map((c) => [c, 'category' as const]));
    const tooWide = failureOf(`${columns.join(',')},y\n${wide.join('\n')}\n`, { target: 'y', task: 'classification', types });
    expect(tooWide.key).toBe('too-many-inputs');
    expect(importErrorText(tooWide, 'ko')).toBe('고른 특성은 원-핫 인코딩 후 입력 4158개가 됩니다. LayerLab은 입력을 최대 4096개까지 받습니다. 범주 열을 몇 개 빼세요.');

    const ragged = failureOf('x;y\n1;2\n3;4;5\n', { target: 'y', task: 'regression' });
    expect(importErrorText(ragged, 'ko')).toBe('3행: 필드가 3개인데 열 이름 행은 2개입니다. 구분 기호가 빠졌거나 값 안에 따옴표 없이 ";"이(가) 들어 있지 않은지 확인하세요.');

    expect(importErrorText(failureOf('x,y\n', { target: 'y', task: 'regression' }), 'ko')).toBe('파일에 열 이름 행 아래로 데이터 행이 없습니다.');
    expect(importErrorText(failureOf('\n\n', { target: 'y', task: 'regression' }), 'ko')).toBe('파일이 비어 있습니다.');
  });

  it('names the byte of a file that is not UTF-8', () => {
    const bytes = new Uint8Array(5000).fill(0x61);
    bytes[1234] = 0xff;
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) throw new Error('expected a refusal');
    expect(decoded.error).toMatch(/^The file is not UTF-8 text \(byte 1,234 /);
    expect(importErrorText(decoded, 'ko')).toMatch(/^파일이 UTF-8 텍스트가 아닙니다\(바이트 1,234이\(가\)/);
  });

  it('reaches the dialog through the worker with its key, and leaves keyless errors in English', () => {
    const replies: FromImportWorker[] = [];
    const handle = createImportHandler((m) => {
      const parsed = parseFromImportWorker(m);
      if (!parsed.ok) throw new Error(parsed.error);
      replies.push(parsed.message);
    });
    handle({ type: 'inspect', id: 1, source: { text: 'a,y\n"1,2\n' } });
    const unclosed = replies.at(-1)!;
    expect(unclosed).toMatchObject({ type: 'failed', error: 'Row 2: a quoted field is never closed (missing ").' });
    if (unclosed.type === 'failed') expect(importErrorText(unclosed, 'ko')).toBe(unclosed.error);
    handle({ type: 'inspect', id: 2, source: { text: '\n' } });
    const empty = replies.at(-1)!;
    if (empty.type !== 'failed') throw new Error('expected a failure');
    expect(importErrorText(empty, 'ko')).toBe('파일이 비어 있습니다.');
    expect(importErrorText({ error: 'From a newer engine.', key: 'no-such-key' }, 'ko')).toBe('From a newer engine.');
    expect(parseFromImportWorker({ type: 'failed', id: 3, error: 'x', key: 'not-a-number', params: { row: { deep: 1 } } }).ok).toBe(false);
  });
});
