/** Types of security-lib.mjs for the tests. */
export interface ElectronegativityIssue {
  id: string;
  severity: { name: string } | string;
  file: string;
  location?: { line: number; column?: number };
  sample?: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  reason: string;
}
export interface Finding {
  check: string;
  severity: string;
  file: string;
  line: number;
  sample: string;
}
export declare const FAILING_SEVERITIES: string[];
export declare function judgeFindings(
  issues: ElectronegativityIssue[],
  allowList: AllowEntry[],
): { failing: Finding[]; allowed: (Finding & { reason: string })[]; stale: AllowEntry[] };
export declare function validateAllowList(raw: unknown): { ok: true; value: AllowEntry[] } | { ok: false; error: string };
export declare function judgeAudit(
  stdout: string,
  stderr: string,
):
  | { result: 'ok' | 'fail'; high: number; critical: number; advisories: string[] }
  | { result: 'unreachable'; reason: string; detail: string };
