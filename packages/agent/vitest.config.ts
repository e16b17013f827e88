import { defineConfig } from 'vitest/config';

// No "source" resolve condition here: this package has no workspace dependencies, and with that condition Vite
// resolves third-party packages that also publish a "source" export (eventsource and eventsource-parser, pulled in
// by @openai/agents-core through @modelcontextprotocol/client) to their raw .ts files under node_modules, which
// Node refuses to load ("Stripping types is currently unsupported for files under node_modules").
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
