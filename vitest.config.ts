import { defineConfig } from 'vitest/config';
import { wat } from './scripts/vite-plugin-wat.mjs';

/** Unit and integration tests. End-to-end tests have their own config (vitest.e2e.config.ts). */
export default defineConfig({
  plugins: [wat()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
