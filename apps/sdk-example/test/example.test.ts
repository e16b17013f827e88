// Runs the example script (its build output, as `npm start` would) against the real, spawned API.
// The script resolves @nba-reporter/sdk through the SDK's package.json `exports` (dist/), exactly
// as an external project would.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type SpawnedApi, spawnApi } from '@nba-reporter/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const source = fileURLToPath(new URL('../src/main.ts', import.meta.url));

let api: SpawnedApi;
beforeAll(async () => {
  api = await spawnApi();
}, 60_000);
afterAll(async () => {
  await api?.stop();
});

test('the example imports the SDK by package name only', () => {
  const text = readFileSync(source, 'utf8');
  expect(text).toContain("from '@nba-reporter/sdk'");
  expect(text).not.toMatch(/from '\.{1,2}\//);
});

test('the example script runs end to end against the API', async () => {
  expect(existsSync(main), 'build the example first: npm run build -w @nba-reporter/sdk-example').toBe(true);
  const { stdout, stderr } = await run(process.execPath, [main], {
    env: { ...process.env, NBA_REPORTER_URL: api.graphqlUrl },
    timeout: 60_000,
  });
  const lines = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
  expect(stderr).not.toContain('error:');
  expect(lines['health']).toMatch(/^status=\S+ provider=offline /);
  expect(lines['topics']).toMatch(/GENERAL\(/);
  expect(lines['report']).toMatch(/^session=\S+ topic=GENERAL .*message=.*\.561/);
  expect(lines['followUp']).toMatch(/Raptors/);
  expect(lines['guardrail']).toMatch(/^code=GUARDRAIL_TRIPPED status=200 /);
  expect(lines['unknown session']).toMatch(/^code=SESSION_NOT_FOUND /);
});
