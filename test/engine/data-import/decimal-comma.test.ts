/**
 * European spreadsheets export ';'-separated files with decimal commas ("3,5"): the importer
 * reads such cells as numbers, and only when the delimiter is not a comma.
 */
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../src-engine/data-import/import-table';
import { inspectCsv } from '../../../src-engine/data-import/inspect-csv';
import { detectHeader } from '../../../src-engine/data-import/table-reader';

/** The first three iris flowers (file rows 2, 7 and 52), written as a German spreadsheet saves them. */
const SEMICOLON = 'sepal_length;sepal_width;petal_length;petal_width;species\r\n5,1;3,5;1,4;0,2;setosa\r\n5,4;3,9;1,7;0,4;setosa\r\n7;3,2;4,7;1,4;versicolor\r\n';

describe('decimal commas', () => {
  it('imports a semicolon file with decimal commas as numbers', () => {
    const r = importTable(SEMICOLON, { target: 'species', task: 'classification' });
    if (!r.ok) throw new Error(r.error);
    expect(r.report).toMatchObject({ delimiter: ';', hasHeader: true, rowsRead: 3 });
    expect(r.report.types.map((t) => t.type)).toEqual(['number', 'number', 'number', 'number']);
    // Row by row, the cells with the comma read as a point (literals from the text above).
    expect(Array.from(r.dataset.x)).toEqual([5.1, 3.5, 1.4, 0.2, 5.4, 3.9, 1.7, 0.4, 7, 3.2, 4.7, 1.4]);
    expect(r.dataset.classLabels).toEqual(['setosa', 'versicolor']);
  });

  it('reads a decimal-comma regression target and tab-separated files too', () => {
    const tsv = 'x\ty\n1,5\t-0,25\n2\t3,75\n';
    const r = importTable(tsv, { target: 'y', task: 'regression' });
    if (!r.ok) throw new Error(r.error);
    expect(Array.from(r.dataset.x)).toEqual([1.5, 2]);
    expect(Array.from(r.dataset.y)).toEqual([-0.25, 3.75]);
  });

  it('guesses decimal-comma columns as numbers when inspecting', () => {
    const r = inspectCsv(SEMICOLON);
    if (!r.ok) throw new Error(r.error);
    expect(r.delimiter).toBe(';');
    expect(r.columns.map((c) => c.guessedType)).toEqual(['number', 'number', 'number', 'number', 'category']);
    expect([r.columns[0].min, r.columns[0].max]).toEqual([5.1, 7]);
    expect(r.columns[1].integers).toBe(false);
  });

  it('keeps a comma in a comma-separated file a separator, never a decimal', () => {
    // Quoted "3,5" in a CSV is text: a number column refuses it and names row and column.
    const r = importTable('x,y\n"3,5",1\n', { target: 'y', task: 'regression', types: { x: 'number' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe("row 2, column x: '3,5' is not a number.");
  });

  it('says a first row of decimal-comma numbers is data, not a header, in a semicolon file', () => {
    expect(detectHeader(['1,5', '2,5'], [['3,5', '4,5']], true)).toBe(false);
    // Without decimal commas both rows are text, and the first row does not recur: a header.
    expect(detectHeader(['1,5', '2,5'], [['3,5', '4,5']], false)).toBe(true);
    // A headerless file splits as consistently on ',' as on ';', so the delimiter is given here.
    const r = inspectCsv('1,5;2\n3,5;4\n', { delimiter: ';' });
    if (!r.ok) throw new Error(r.error);
    expect([r.hasHeader, r.rowCount, r.columns[0].min, r.columns[0].max]).toEqual([false, 2, 1.5, 3.5]);
  });
});
