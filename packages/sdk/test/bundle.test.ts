// Portability and size budget: the SDK bundles for a neutral platform (browser/edge/Node) with no
// Node built-ins and no graphql-js, and stays small.

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

// 4 KiB since the streaming methods (two subscription documents and the SSE reader): 3,529 B measured.
const BUDGET_GZIP_BYTES = 4 * 1024;

test('bundles for a neutral platform without Node built-ins or graphql-js, within the size budget', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
  expect(code).not.toMatch(/from\s*["']node:|require\(/);
  expect(code).toContain('mutation Report($input: ReportInput!)');
  // the optional peer stays a lazy, unresolved dynamic import
  expect(code).toContain('@opentelemetry/api');
  const gzip = gzipSync(code, { level: 9 }).length;
  console.info(`@nba-reporter/sdk (src) minified ${code.length} B, gzip ${gzip} B`);
  expect(gzip).toBeLessThan(BUDGET_GZIP_BYTES);
});
