/** Types of serve-static.mjs for the TypeScript e2e tests. */
export declare const CONTENT_SECURITY_POLICY: string;
export declare function startStaticServer(
  dir: string,
  port?: number,
): Promise<{ url: string; port: number; close: () => Promise<void> }>;
