import { describe, expect, it } from 'vitest';
import { importTable, inspectCsv } from '../../src-engine/data-import';
import { importOptionsSchema } from '../../src-engine/project';
import { datasetNameOf, formProblem, importOptionsOf, initialForm, withFeature, withTarget, withType, type Inspection } from '../../src-renderer/data/import-form';

const CSV = ['sepal_length;petal_width;colour;species', '5.1;0.2;red;setosa', '7.0;1.4;blue;versicolor', '6.3;2.5;red;virginica', '4.9;;blue;setosa'].join('\n');

function inspect(text = CSV): Inspection {
  const r = inspectCsv(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('import dialog form', () => {
  it('starts from what the file says: format, guessed types, last column as target, the rest as features', () => {
    const insp = inspect();
    const form = initialForm(insp);
    expect(form).toEqual({
      delimiter: ';',
      header: true,
      types: { sepal_length: 'number', petal_width: 'number', colour: 'category', species: 'category' },
      target: 'species',
      task: 'classification',
      features: ['sepal_length', 'petal_width', 'colour'],
      missing: 'refuse',
    });
    expect(initialForm(insp, { missing: 'mean' }).missing).toBe('mean');
  });

  it('turns the choices into import options the schema accepts, with a type for every used column', () => {
    const form = withFeature(initialForm(inspect()), inspect(), 'colour', false);
    const options = importOptionsOf({ ...form, missing: 'drop' });
    expect(options).toEqual({
      delimiter: ';',
      header: true,
      target: 'species',
      task: 'classification',
      features: ['sepal_length', 'petal_width'],
      types: { sepal_length: 'number', petal_width: 'number', species: 'category' },
      missing: 'drop',
    });
    expect(importOptionsSchema.safeParse(options).success).toBe(true);
    // The engine imports with them: 4 rows, one dropped for its missing petal_width.
    const imported = importTable(CSV, options);
    expect(imported.ok && [imported.dataset.n, imported.dataset.featureNames]).toEqual([3, ['sepal_length', 'petal_width']]);
  });

  it('makes a new target: the task is suggested again, the old target becomes a feature, file order kept', () => {
    const insp = inspect();
    const form = withTarget(initialForm(insp), insp, 'sepal_length');
    expect(form.target).toBe('sepal_length');
    expect(form.task).toBe('regression'); // 4 distinct non-integer numbers
    expect(form.features).toEqual(['petal_width', 'colour', 'species']);
    expect(withTarget(form, insp, 'no such column')).toBe(form);
  });

  it('never lets the target be a feature and keeps features in file order', () => {
    const insp = inspect();
    const base = initialForm(insp);
    expect(withFeature(base, insp, 'species', true)).toBe(base);
    const off = withFeature(base, insp, 'sepal_length', false);
    expect(withFeature(off, insp, 'sepal_length', true).features).toEqual(['sepal_length', 'petal_width', 'colour']);
  });

  it('switches a regression to classification when its target is marked as a category', () => {
    const insp = inspect();
    const form = withTarget(initialForm(insp), insp, 'sepal_length');
    expect(withType(form, 'sepal_length', 'category').task).toBe('classification');
    expect(withType(form, 'colour', 'number')).toMatchObject({ task: 'regression', types: { colour: 'number' } });
  });

  it('names what blocks Import', () => {
    const insp = inspect('a,b\n1,x\n2,y\n');
    const form = initialForm(insp);
    expect(formProblem(form, 'data')).toBeNull();
    expect(formProblem(withFeature(form, insp, 'a', false), 'data')).toBe('no-features');
    expect(formProblem(form, '  ')).toBe('no-name');
  });

  it('names the data set after the file', () => {
    expect(datasetNameOf('C:\\data\\Iris Flowers.CSV')).toBe('Iris Flowers');
    expect(datasetNameOf('/home/a/b.tsv')).toBe('b');
    expect(datasetNameOf('.csv')).toBe('data');
  });
});
