#!/usr/bin/env node
/**
 * `npm run security`: the security checks of `npm test`.
 *
 * 1. Electronegativity (Doyensec) over src-main/ and src-renderer/ together (main's handlers
 *    and the renderer's CSP are judged as one app). Every HIGH or MEDIUM finding fails the
 *    check unless scripts/electronegativity-allow.json lists it (check id + file) with a
 *    written reason. Electronegativity looks up Electron releases and translations online;
 *    offline it says so and goes on with what it has.
 * 2. `npm audit --omit=dev --audit-level=high`: fails on a high or critical advisory in a
 *    shipped dependency. A registry that does not answer audits (some mirrors refuse the
 *    endpoint) gives a clear note instead of a failure.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeAudit, judgeFindings, validateAllowList } from './security-lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SCANNED = ['src-main', 'src-renderer'];
const ALLOW_LIST = join(ROOT, 'scripts/electronegativity-allow.json');

async function electronegativity() {
  const allow = validateAllowList(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')));
  if (!allow.ok) {
    console.error(`✗ ${ALLOW_LIST}: ${allow.error}`);
    return false;
  }
  const scanDir = mkdtempSync(join(tmpdir(), 'layerlab-electronegativity-'));
  try {
    for (const dir of SCANNED) cpSync(join(ROOT, dir), join(scanDir, dir), { recursive: true });
    const electronVersion = require('electron/package.json').version;
    const run = require('@doyensec/electronegativity');
    const result = await run({ input: scanDir, isRelative: true, electronVersionOverride: electronVersion, parserPlugins: [] });
    for (const e of result.errors ?? []) if (!e.tolerable) console.error(`  could not parse ${e.file}: ${e.message}`);
    const { failing, allowed, stale } = judgeFindings(result.issues, allow.value);
    console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} over ${SCANNED.join(', ')} (Electron ${electronVersion}): ${result.issues.length} findings, ${allowed.length + failing.length} of high or medium severity.`);
    for (const f of allowed) console.log(`  allowed ${f.severity} ${f.check} ${f.file}:${f.line}: ${f.reason}`);
    for (const s of stale) console.log(`  note: the allow-list entry for ${s.check} in ${s.file} matched nothing; remove it.`);
    for (const f of failing) console.error(`✗ ${f.severity} ${f.check} ${f.file}:${f.line}: ${f.sample}\n  Fix it, or add it to scripts/electronegativity-allow.json with the reason it is safe.`);
    if (failing.length === 0) console.log('✓ Electronegativity: no high or medium finding without a written reason.');
    return failing.length === 0;
  } finally {
    rmSync(scanDir, { recursive: true, force: true });
  }
}

function audit() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
  const verdict = judgeAudit(r.stdout ?? '', `${r.stderr ?? ''} ${r.error?.message ?? ''}`);
  if (verdict.result === 'ok') {
    console.log('✓ npm audit --omit=dev: no high or critical advisory in shipped dependencies.');
    return true;
  }
  if (verdict.result === 'fail') {
    console.error(`✗ npm audit --omit=dev: ${verdict.high} high and ${verdict.critical} critical advisories: ${verdict.advisories.join(', ')}. Update them (npm audit fix --omit=dev) or replace the package.`);
    return false;
  }
  console.log(`note: npm audit --omit=dev could not run: ${verdict.reason} (${verdict.detail || 'no detail'}). Not a failure; run it where the registry answers audits.`);
  return true;
}

const lintOk = await electronegativity();
const auditOk = audit();
process.exit(lintOk && auditOk ? 0 : 1);
