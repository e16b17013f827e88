import { defineConfig } from 'vitest/config';

// No "source" export condition: this package has no workspace dependencies, and third-party packages that publish a
// "source" export (eventsource / eventsource-parser, pulled in by @openai/agents-core) would otherwise be loaded from
// raw .ts files under node_modules, which Node refuses to type-strip.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
