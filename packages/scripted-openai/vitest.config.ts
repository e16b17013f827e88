import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@nba-reporter/source` export condition.
export default defineConfig({
  resolve: { conditions: ['@nba-reporter/source'] },
  ssr: { resolve: { conditions: ['@nba-reporter/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
