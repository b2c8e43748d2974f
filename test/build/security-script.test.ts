/** `npm run security`: which Electronegativity findings fail, and what an npm audit answer means. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeAudit, judgeFindings, validateAllowList, type AllowEntry } from '../../scripts/security-lib.mjs';

const ROOT = join(import.meta.dirname, '../..');

const issue = (id: string, severity: string, file: string, line = 1) => ({ id, severity: { name: severity }, file, location: { line, column: 0 }, sample: 'new BrowserWindow({' });
const allow = (check: string, file: string): AllowEntry => ({ check, file, reason: 'Set elsewhere and checked by a named test file.' });

describe('Electronegativity findings', () => {
  it('fails on a high or medium finding the allow-list does not excuse, and ignores low ones', () => {
    const { failing, allowed, stale } = judgeFindings(
      [
        issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'src-main/main.ts'),
        issue('SANDBOX_JS_CHECK', 'MEDIUM', 'src-main/other.ts'),
        issue('CSP_GLOBAL_CHECK', 'LOW', 'src-renderer/index.html'),
        issue('NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL', 'src-main/main.ts'),
      ],
      [allow('CONTEXT_ISOLATION_JS_CHECK', 'src-main/main.ts'), allow('SANDBOX_JS_CHECK', 'src-main/main.ts')],
    );
    expect(allowed.map((f) => f.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
    // Listed for another file only: the same check in a new file fails.
    expect(failing).toEqual([{ check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'src-main/other.ts', line: 1, sample: 'new BrowserWindow({' }]);
    expect(stale).toEqual([allow('SANDBOX_JS_CHECK', 'src-main/main.ts')]);
  });

  it('matches Windows paths like POSIX ones', () => {
    const { failing } = judgeFindings([issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'src-main\\main.ts')], [allow('OPEN_EXTERNAL_JS_CHECK', 'src-main/main.ts')]);
    expect(failing).toEqual([]);
  });

  it('requires every allow-list entry to give a written reason', () => {
    expect(validateAllowList({})).toMatchObject({ ok: false });
    expect(validateAllowList([{ check: 'X', file: 'a.ts' }])).toEqual({ ok: false, error: 'Entry 0 has no "reason".' });
    expect(validateAllowList([{ check: 'X', file: 'a.ts', reason: 'safe' }])).toMatchObject({ ok: false, error: expect.stringContaining('write the reason out') });
  });

  it('keeps an allow-list whose reasons name code and tests that exist', () => {
    const list = validateAllowList(JSON.parse(readFileSync(join(ROOT, 'scripts/electronegativity-allow.json'), 'utf8')));
    if (!list.ok) throw new Error(list.error);
    for (const entry of list.value) {
      expect(existsSync(join(ROOT, entry.file)), entry.file).toBe(true);
      const named = entry.reason.match(/(?:src-main|test)\/[\w./-]+\.ts/g) ?? [];
      expect(named.some((p) => p.startsWith('test/')), `${entry.check}: the reason names the test that proves it`).toBe(true);
      for (const path of named) expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });
});

describe('npm audit', () => {
  const report = (high: number, critical: number) =>
    JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: high + critical > 0 ? { badpkg: { name: 'badpkg', severity: critical ? 'critical' : 'high' } } : {},
      metadata: { vulnerabilities: { info: 0, low: 2, moderate: 1, high, critical, total: 3 + high + critical } },
    });

  it('passes with no high or critical advisory, whatever the lower ones', () => {
    expect(judgeAudit(report(0, 0), '')).toEqual({ result: 'ok', high: 0, critical: 0, advisories: [] });
  });

  it('fails on a high or critical advisory and names the package', () => {
    expect(judgeAudit(report(1, 0), '')).toEqual({ result: 'fail', high: 1, critical: 0, advisories: ['badpkg (high)'] });
    expect(judgeAudit(report(0, 2), '')).toMatchObject({ result: 'fail', critical: 2 });
  });

  it('turns a registry that refuses audits into a note, not a failure', () => {
    const stdout = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    const stderr = 'npm warn audit 405 Method Not Allowed\nnpm error audit endpoint returned an error\nnpm error A complete log of this run can be found in: /x.log\n';
    expect(judgeAudit(stdout, stderr)).toEqual({
      result: 'unreachable',
      reason: 'the registry did not answer the audit request',
      detail: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk; audit endpoint returned an error',
    });
    expect(judgeAudit('', 'npm error code ENOTFOUND')).toMatchObject({ result: 'unreachable', reason: 'the registry did not answer the audit request' });
  });
});
