import { defineConfig } from 'vitest/config';
import { wat } from './scripts/vite-plugin-wat.mjs';

/** End-to-end tests: drive the built web app in Chromium. Run after `npm run build`. */
export default defineConfig({
  plugins: [wat()],
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
