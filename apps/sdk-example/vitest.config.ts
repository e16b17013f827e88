import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@nba-reporter/source` export condition.
// (The example script itself runs as a child process on its build output, resolving the SDK the
// way an external project does: through its package.json `exports`, to dist/.)
export default defineConfig({
  resolve: { conditions: ['@nba-reporter/source'] },
  ssr: { resolve: { conditions: ['@nba-reporter/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
