import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The pages of issues still open are built but not yet gating `npm test`; their
 * tests run with ALL_TESTS=1 (and join the gate as each issue is resolved).
 */
const IN_PROGRESS = ['libraries', 'cameras', 'records', 'face-search', 'alarm-wall', 'system'].map((f) => `src/features/${f}/**`);
const exclude = process.env.ALL_TESTS ? [] : IN_PROGRESS;

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['emulator/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...exclude],
          // The face engine takes a few seconds to warm up on 2 cores.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          exclude: ['**/node_modules/**', ...exclude],
          setupFiles: ['src/test/setup.ts'],
          // antd's modules take seconds to transform the first time on 2 cores.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
