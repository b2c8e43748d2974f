/**
 * The licences of the libraries bundled into LayerLab: every production dependency in
 * package-lock.json (what electron-vite bundles into main and the renderer), with its
 * version, SPDX licence and licence text from node_modules. Type-only packages (@types/…)
 * ship no code and are left out.
 *
 * electron.vite.config.ts emits the result into out/main/ as licenses.json (read by the About
 * dialog) and THIRD-PARTY-NOTICES.txt (shipped beside the app by electron-builder).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `[{ name, version, license, text }]` for the production dependencies of the project in
 * `root`, sorted by name. `text` is the package's LICENSE/LICENCE/COPYING file, or null.
 */
export function collectLicenses(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const entries = [];
  for (const [key, info] of Object.entries(lock.packages ?? {})) {
    if (key === '' || info.dev || info.devOptional || info.link) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (name.startsWith('@types/')) continue;
    entries.push({ name, version: info.version ?? 'unknown', license: info.license ?? 'UNKNOWN', text: licenceText(join(root, key)) });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return entries;
}

function licenceText(dir) {
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null;
}

/** The plain-text notices file: one section per library with its licence text. */
export function renderNotices(entries) {
  const header = [
    'LayerLab bundles the following libraries. Their licences follow.',
    'Electron and Chromium licences are in LICENSE.electron.txt and LICENSES.chromium.html',
    'in the LayerLab installation folder.',
    '',
  ];
  const sections = entries.map((e) =>
    [`${'='.repeat(72)}`, `${e.name} ${e.version} (${e.license})`, `${'='.repeat(72)}`, e.text ?? `Licence: ${e.license} (no licence file in the package).`, ''].join('\n'),
  );
  return `${header.join('\n')}\n${sections.join('\n')}`;
}
