/** Types of vite-plugin-wat.mjs for the vite/vitest configs and the tests. */
import type { Plugin } from 'vite';
export declare function assembleWat(file: string, text: string): Promise<Uint8Array<ArrayBuffer>>;
export declare function wat(): Plugin;
