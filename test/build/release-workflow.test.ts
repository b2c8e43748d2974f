/**
 * The release workflow (.github/workflows/release.yml) cannot run here; these checks catch
 * the mistakes that would only show on the first tagged release.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const text = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  if?: string;
  strategy?: { matrix: { include: { os: string; platform: string }[] } };
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(text) as { on: { push: { tags: string[] } }; jobs: Record<string, Job>; permissions: Record<string, string> };
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('release workflow', () => {
  it('runs on version tags', () => {
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
  });

  it('builds installers on Windows, macOS and Linux with the README’s one command', () => {
    const matrix = workflow.jobs.build.strategy!.matrix.include;
    expect(matrix.map((m) => m.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const buildStep = workflow.jobs.build.steps.find((s) => s.name === 'Build installers')!;
    expect(buildStep.run).toMatch(/^npm run dist -- /);
    expect(scripts.dist).toBe('npm run build:electron && npm run icons && electron-builder --publish never');
  });

  it('checks the tag against package.json, and tests before building', () => {
    const check = workflow.jobs.check;
    expect(check.steps.some((s) => s.run?.includes('require(\'./package.json\').version'))).toBe(true);
    expect(check.steps.map((s) => s.run).filter(Boolean)).toEqual(
      expect.arrayContaining(['npm run typecheck', 'npm run lint', 'npm run build', 'npm run test:unit']),
    );
    expect(workflow.jobs.build.needs).toBe('check');
  });

  it('signs only when a certificate is configured, and builds unsigned otherwise', () => {
    const steps = workflow.jobs.build.steps;
    const win = steps.find((s) => s.name === 'Windows signing certificate')!;
    const mac = steps.find((s) => s.name === 'macOS signing certificate')!;
    const none = steps.find((s) => s.name?.startsWith('No signing certificate'))!;
    expect(win.if).toContain("env.WIN_CSC_LINK != ''");
    expect(mac.if).toContain("env.MAC_CSC_LINK != ''");
    expect(none.if).toContain("env.WIN_CSC_LINK == ''");
    expect(none.if).toContain("env.MAC_CSC_LINK == ''");
    expect(none.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
    // Notarization credentials reach electron-builder only together with a certificate.
    const buildStep = steps.find((s) => s.name === 'Build installers')!;
    expect(buildStep.env?.APPLE_ID).toContain("secrets.MAC_CSC_LINK != ''");
  });

  it('attaches the installers to the tag’s release with the least permissions needed', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const release = workflow.jobs.release;
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(release.if).toContain("startsWith(github.ref, 'refs/tags/')");
    expect(release.steps.some((s) => s.run?.includes('gh release'))).toBe(true);
    const upload = workflow.jobs.build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(JSON.stringify(upload)).toMatch(/\*\.exe.*\*\.dmg.*\*\.AppImage.*\*\.deb/);
  });
});
