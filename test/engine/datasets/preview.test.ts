import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src-engine/datasets';
import { previewFor } from '../../../src-engine/datasets/preview';
import { datasetSpecSchema } from '../../../src-engine/project';

function preview(name: string) {
  const r = loadDataset(datasetSpecSchema.parse({ type: 'builtin', name, samples: 20 }));
  if (!r.ok) throw new Error(r.error);
  return previewFor(r.dataset);
}

describe('previewFor', () => {
  it('shows digits as 8×8 images, 2-D sets as scatter plots, 1-D as curves, iris as a table', () => {
    expect(preview('digits')).toEqual({ kind: 'images', side: 8, max: 16 });
    expect(preview('spiral')).toEqual({ kind: 'scatter' });
    expect(preview('surface2d')).toEqual({ kind: 'scatter' });
    expect(preview('sine1d')).toEqual({ kind: 'curve' });
    expect(preview('iris')).toEqual({ kind: 'table' });
  });
});
