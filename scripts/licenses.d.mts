/** Types of licenses.mjs for electron.vite.config.ts and the tests. */
export interface LicenseEntry {
  name: string;
  version: string;
  license: string;
  text: string | null;
}
export declare function collectLicenses(root: string): LicenseEntry[];
export declare function renderNotices(entries: LicenseEntry[]): string;
