import { createRequire } from 'node:module';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The one test configuration: a project per workspace (`npx vitest run --project api` runs one).
 * Workspace packages resolve to their TypeScript sources through the `@nba-reporter/source` export condition.
 */
const SOURCE = {
  resolve: { conditions: ['@nba-reporter/source'] },
  ssr: { resolve: { conditions: ['@nba-reporter/source'] } },
};

function project(
  dir: string,
  options: { source?: boolean; timeoutMs?: number; test?: TestProjectInlineConfiguration['test'] } = {},
) {
  const { source = true, timeoutMs, test } = options;
  return {
    extends: true,
    root: dir,
    ...(source ? SOURCE : {}),
    test: {
      name: dir.split('/').pop(),
      include: ['test/**/*.test.ts'],
      ...(timeoutMs ? { testTimeout: timeoutMs, hookTimeout: timeoutMs } : {}),
      ...test,
    },
  } satisfies TestProjectInlineConfiguration;
}

export default defineConfig({
  // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds of the same classes. Node loads `main` for every
  // importer (our code, Apollo, graphql-sse, graphql-tools), but Vite's resolver picks `module` for our sources, which
  // made two realms in one process ("Cannot use GraphQLSchema from another module or realm"). Resolve it as Node does.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    root: import.meta.dirname,
    testTimeout: 20_000,
    restoreMocks: true,
    projects: [
      // No "source" condition for these two: they have no workspace dependencies at run time, and with it Vite resolves
      // third-party packages that also publish a "source" export (eventsource and eventsource-parser, pulled in by
      // @openai/agents-core) to raw .ts files under node_modules, which Node refuses to type-strip.
      project('packages/agent', { source: false }),
      project('packages/agents-otel', { source: false }),
      project('packages/telemetry'),
      project('packages/playground'),
      project('packages/schema'),
      project('packages/sdk', {
        // Type tests (test/**/*.test-d.ts) are checked by `tsc` and reported as tests.
        test: {
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: 'tsconfig.json',
            ignoreSourceErrors: false,
          },
        },
      }),
      project('packages/signoz-dashboard'),
      project('packages/testing'),
      project('apps/api'),
      // The example script runs as a child process on its build output, resolving the SDK the way an external
      // project does: through its package.json `exports`, to dist/.
      project('apps/sdk-example', { timeoutMs: 60_000 }),
    ],
  },
});
