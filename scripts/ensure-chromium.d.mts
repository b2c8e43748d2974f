/** Types of ensure-chromium.mjs for the TypeScript e2e tests. */
export declare const ENV_VARS: string[];
export declare const CANDIDATE_PATHS: string[];
export declare const INSTALL_HELP: string;
export declare function findChromium(
  env?: Record<string, string | undefined>,
): { ok: true; path: string; source: string } | { ok: false; error: string };
