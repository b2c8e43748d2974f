/**
 * The installer configuration (electron-builder.yml), checked offline:
 * - electron-builder's own loader and schema validation (what `electron-builder` runs first);
 * - every file the configuration references exists once `npm run build` and the icon step ran;
 * - a packaging dry run: electron-builder packs the electron-vite output into app.asar for a
 *   Linux `dir` target, with a stand-in Electron folder (`electronDist`) so nothing is
 *   downloaded, and the archive holds exactly the built app.
 * Needs `electron-vite build` first (npm test runs it).
 */
import { listPackage } from '@electron/asar';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { Arch, build, Platform } from 'electron-builder';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIcons } from '../../scripts/make-icons.mjs';
import { APP_ID } from '../../src-main/app-id';
import { PROJECT_DIALOG_EXTENSIONS, PROJECT_FILE_PATTERN } from '../../src-main/open-file-args';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; productName: string; main: string };

/** electron-builder's validator only reads these two members of its debug logger. */
const quietDebugLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

async function loadConfig(): Promise<Configuration> {
  return getConfig(ROOT, null, null);
}

type FileAssociation = { ext: string | string[]; mimeType?: string; rank?: string; name?: string; icon?: string };
type Target = { target: string; arch?: string[] };

beforeAll(() => {
  // The icon step of `npm run dist` (fast, and writes only build/icons/).
  makeIcons();
});

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, quietDebugLogger)).resolves.toBeUndefined();
  });

  it('is really checked: a misplaced option fails the same validation', async () => {
    const config = { ...(await loadConfig()), title: 'LayerLab' } as Configuration;
    await expect(validateConfiguration(config, quietDebugLogger)).rejects.toThrow(/unknown property 'title'/);
  });

  it('names the app as main does and takes the version from package.json', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(pkg.productName);
    expect(config.extraMetadata?.version).toBeUndefined();
    expect(config.artifactName).toContain('${version}');
  });

  it('builds an NSIS installer, a universal dmg, an AppImage and a deb', async () => {
    const config = await loadConfig();
    const targets = (t: unknown) => (t as Target[]).map((x) => `${x.target}:${(x.arch ?? []).join(',')}`);
    expect(targets(config.win?.target)).toEqual(['nsis:x64']);
    expect(targets(config.mac?.target)).toEqual(['dmg:universal']);
    expect(targets(config.linux?.target)).toEqual(['AppImage:x64', 'deb:x64']);
  });

  it('publishes nothing itself, so the app ships no update feed', async () => {
    const config = await loadConfig();
    expect(config.publish).toBeNull();
  });

  it('associates .layerlab.json projects on every system, and the one-part .layerlab that Windows and macOS double-click', async () => {
    const config = await loadConfig();
    const exts = (list: unknown) => (list as FileAssociation[]).flatMap((a) => a.ext);
    for (const os of [config.win, config.mac, config.linux]) {
      expect(exts(os?.fileAssociations)).toEqual(expect.arrayContaining(['layerlab', 'layerlab.json']));
      // Every extension the system hands to LayerLab is one main accepts as a project.
      for (const ext of exts(os?.fileAssociations)) expect(PROJECT_FILE_PATTERN.test(`/x/net.${ext}`), ext).toBe(true);
    }
    expect(exts(config.mac?.fileAssociations)).toEqual(['layerlab', 'layerlab.json', 'json']);
    expect((config.mac?.fileAssociations as FileAssociation[])[1].rank).toBe('Alternate');
    expect((config.linux?.fileAssociations as FileAssociation[])[0]).toMatchObject({ mimeType: 'application/x-layerlab+json' });
    // The open and save dialogs offer both names.
    expect(PROJECT_DIALOG_EXTENSIONS).toEqual(['json', 'layerlab']);
    // The NSIS include adds .json's "Open with" entry for the same ProgID.
    const progId = (config.win?.fileAssociations as FileAssociation[])[0].name!;
    expect(readFileSync(join(ROOT, 'build/installer.nsh'), 'utf8')).toContain(`"${progId}"`);
  });

  it('references only files that exist after the build', async () => {
    const config = await loadConfig();
    const referenced = [
      config.win?.icon,
      config.mac?.icon,
      config.linux?.icon,
      config.nsis?.installerIcon,
      config.nsis?.uninstallerIcon,
      config.nsis?.include,
      ...(config.win?.fileAssociations as FileAssociation[]).map((a) => a.icon),
      ...(config.extraResources as { from: string }[]).map((r) => r.from),
      pkg.main,
    ].filter((p): p is string => typeof p === 'string');
    expect(referenced.length).toBeGreaterThan(8);
    for (const file of referenced) expect(existsSync(join(ROOT, file)), `${file} is missing: run \`npm run build\``).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(existsSync(join(ROOT, config.linux!.icon as string, `${size}x${size}.png`))).toBe(true);
    }
  });

  it('packages the electron-vite output, and only that, into app.asar (offline dry run)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'layerlab-pack-'));
    // A stand-in for the unpacked Electron that electron-builder would otherwise download.
    const electronDist = join(work, 'electron');
    mkdirSync(join(electronDist, 'resources'), { recursive: true });
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    for (const f of ['LICENSE', 'LICENSES.chromium.html', 'chrome-sandbox', 'version']) writeFileSync(join(electronDist, f), '');
    const output = join(work, 'dist');

    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: { electronDist, directories: { output } },
    });

    const unpacked = join(output, 'linux-unpacked');
    expect(existsSync(join(unpacked, 'layerlab')), 'the executable is named after linux.executableName').toBe(true);
    expect(existsSync(join(unpacked, 'resources/THIRD-PARTY-NOTICES.txt'))).toBe(true);
    const files = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const required of ['/package.json', '/out/main/main.js', '/out/main/trainer.js', '/out/preload/preload.cjs', '/out/renderer/index.html', '/out/main/licenses.json']) {
      expect(files).toContain(required);
    }
    const outside = files.filter((f) => !f.startsWith('/out/main') && !f.startsWith('/out/preload') && !f.startsWith('/out/renderer') && f !== '/out' && f !== '/package.json');
    expect(outside).toEqual([]);
    expect(files.filter((f) => f.includes('node_modules') || f.endsWith('.map') || f.startsWith('/out/web'))).toEqual([]);
  }, 120_000);
});
