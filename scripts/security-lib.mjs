/**
 * The decisions of `npm run security` as pure functions (tested in
 * test/build/security-script.test.ts): which Electronegativity findings fail the check, and
 * what an `npm audit` answer means.
 */

/** Severities that fail the check unless the allow-list gives a reason. */
export const FAILING_SEVERITIES = ['HIGH', 'MEDIUM'];

/**
 * Splits findings into those that fail, those the allow-list excuses (with its reason), and
 * allow-list entries that matched nothing (stale: the code they excused is gone).
 * An entry matches a finding by check id and file (paths relative to the repository, '/').
 */
export function judgeFindings(issues, allowList) {
  const failing = [];
  const allowed = [];
  const used = new Set();
  for (const issue of issues) {
    const severity = String(issue.severity?.name ?? issue.severity ?? '').toUpperCase();
    if (!FAILING_SEVERITIES.includes(severity)) continue;
    const file = String(issue.file ?? '').replaceAll('\\', '/');
    const entry = allowList.find((e) => e.check === issue.id && e.file === file);
    const finding = { check: issue.id, severity, file, line: issue.location?.line ?? 0, sample: String(issue.sample ?? '').slice(0, 120) };
    if (entry) {
      used.add(entry);
      allowed.push({ ...finding, reason: entry.reason });
    } else {
      failing.push(finding);
    }
  }
  const stale = allowList.filter((e) => !used.has(e));
  return { failing, allowed, stale };
}

/** Checks the allow-list file's shape: every entry names a check, a file and a written reason. */
export function validateAllowList(raw) {
  if (!Array.isArray(raw)) return { ok: false, error: 'The allow-list must be a JSON array.' };
  for (const [i, e] of raw.entries()) {
    if (typeof e !== 'object' || e === null) return { ok: false, error: `Entry ${i} is not an object.` };
    for (const key of ['check', 'file', 'reason']) {
      if (typeof e[key] !== 'string' || e[key].trim() === '') return { ok: false, error: `Entry ${i} has no "${key}".` };
    }
    if (e.reason.trim().length < 20) return { ok: false, error: `Entry ${i} (${e.check} in ${e.file}): write the reason out (at least 20 characters).` };
  }
  return { ok: true, value: raw };
}

const UNREACHABLE = /audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|Method Not Allowed|\b40[345]\b|\b5\d\d\b/i;

/**
 * What `npm audit --omit=dev --audit-level=high --json` said: 'ok' (no high or critical
 * advisory), 'fail' (with the advisories), or 'unreachable' (the registry does not answer
 * audits: a note, not a failure).
 */
export function judgeAudit(stdout, stderr) {
  let report = null;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const high = Number(counts.high ?? 0);
    const critical = Number(counts.critical ?? 0);
    const advisories = Object.values(report.vulnerabilities ?? {})
      .filter((v) => v && (v.severity === 'high' || v.severity === 'critical'))
      .map((v) => `${v.name} (${v.severity})`);
    return high + critical > 0 ? { result: 'fail', high, critical, advisories } : { result: 'ok', high, critical, advisories: [] };
  }
  const errors = String(stderr)
    .split('\n')
    .filter((l) => /^npm error/.test(l.trim()) && !/complete log/.test(l))
    .map((l) => l.trim().replace(/^npm error\s*/, ''));
  const detail = [report?.message, report?.error?.summary, ...errors].filter(Boolean).join('; ');
  const reason = UNREACHABLE.test(`${detail} ${stderr}`) ? 'the registry did not answer the audit request' : 'npm audit gave no report';
  return { result: 'unreachable', reason, detail };
}
