import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATASETS, buildAboutDetail, parseLicenseList } from '../../src-main/about';
import { MENU_LABELS } from '../../src-main/menu-labels';
import { noticesPathFor, resolveAppPaths } from '../../src-main/paths';

const DATA_DIR = join(import.meta.dirname, '../../src-engine/datasets/data');

describe('About dialog', () => {
  it('lists the source and licence of every data set file LayerLab ships', () => {
    const listed = new Set(BUNDLED_DATASETS.map((d) => d.file));
    for (const file of readdirSync(DATA_DIR)) {
      expect(listed.has(file), `${file} is shipped but not credited in src-main/about.ts BUNDLED_DATASETS`).toBe(true);
    }
    for (const d of BUNDLED_DATASETS) expect(d.license).not.toBe('');
  });

  it('shows the runtime versions, the data sets, the libraries and the offline promise', () => {
    const detail = buildAboutDetail({
      version: '0.1.0',
      versions: { electron: '45.4.1', chrome: '140.0.0.0', node: '22.0.0' },
      libraries: [{ name: 'react', version: '19.3.1', license: 'MIT' }],
      labels: MENU_LABELS.en,
    });
    expect(detail).toContain('Electron 45.4.1 · Chromium 140.0.0.0 · Node.js 22.0.0');
    expect(detail).toContain('• Iris — R. A. Fisher (1936), UCI Machine Learning Repository — CC BY 4.0');
    expect(detail).toContain('• react 19.3.1 — MIT');
    expect(detail).toContain('no network requests');
  });

  it('still opens when the licence list is missing or malformed', () => {
    expect(parseLicenseList('not json')).toEqual([]);
    expect(parseLicenseList('{"a": 1}')).toEqual([]);
    expect(parseLicenseList('[{"name": "zod", "version": "4", "license": "MIT"}, {"name": 3}]')).toEqual([
      { name: 'zod', version: '4', license: 'MIT' },
    ]);
    const detail = buildAboutDetail({ version: '1', versions: {}, libraries: [], labels: MENU_LABELS.ko });
    expect(detail).toContain('포함된 라이브러리:\n—');
  });

  it('opens the licence texts beside the app when packaged, and in out/main in development', () => {
    const paths = resolveAppPaths('/repo/out/main');
    expect(noticesPathFor(paths, { isPackaged: false, resourcesPath: '/x' })).toBe('/repo/out/main/THIRD-PARTY-NOTICES.txt');
    expect(noticesPathFor(paths, { isPackaged: true, resourcesPath: '/opt/LayerLab/resources' })).toBe(
      '/opt/LayerLab/resources/THIRD-PARTY-NOTICES.txt',
    );
  });
});
