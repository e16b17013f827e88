// Node's module compile cache, turned on by the start script's first --import (src/preload.ts): real servers,
// a real cache directory, and Node's own compile-cache debug log (NODE_DEBUG_NATIVE=COMPILE_CACHE) as the witness.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi } from '@nba-reporter/testing';
import { describe, expect, test } from 'vitest';
import { gql, RAPTORS, REPORT } from './helpers.js';

/**
 * Cache files in the directory: one subdirectory per Node version, one file per compiled module, named by a hash
 * (8 hex digits); an entry being written is a temporary file (hash.XXXXXX) until it is renamed into place.
 */
function cacheFiles(dir: string): { entries: number; writing: number } {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const entries = names.filter((name) => /^[0-9a-f]{8}$/.test(name)).length;
  return { entries, writing: names.length - entries };
}

async function answers(env: Record<string, string>) {
  const api = await spawnApi({ env });
  try {
    const answer = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(answer.body.errors).toBeUndefined();
    return api.output();
  } finally {
    expect(await api.stop()).toBe(0);
  }
}

describe('the compile cache', () => {
  test('is written once the server listens, and the next start uses it (the app, its packages and telemetry)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nba-compile-cache-'));
    const api = await spawnApi({ env: { NODE_COMPILE_CACHE: dir, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' } });
    try {
      // Written right after the ready line, not only at a clean exit: a killed instance still leaves its cache.
      const deadline = Date.now() + 45_000;
      while (!api.output().includes('flushCompileCache() finished') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(api.output()).toContain('flushCompileCache() finished');
      expect(cacheFiles(dir)).toMatchObject({ writing: 0 });
      expect(cacheFiles(dir).entries).toBeGreaterThan(500);
    } finally {
      api.process.kill('SIGKILL');
      await api.stop();
    }
    const output = await answers({ NODE_COMPILE_CACHE: dir, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' });
    const accepted = output.match(/V8 code cache for .* was accepted/g) ?? [];
    expect(accepted.length).toBeGreaterThan(500);
    expect(output).toMatch(/code cache for ESM .*apps\/api\/dist\/main\.js was accepted/);
    expect(output).toMatch(/code cache for \w+ .*@opentelemetry\/sdk-node\/.* was accepted/);
  }, 90_000);

  test('is shared safely by instances starting at the same time on one directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nba-compile-cache-'));
    await Promise.all([answers({ NODE_COMPILE_CACHE: dir }), answers({ NODE_COMPILE_CACHE: dir })]);
    const output = await answers({ NODE_COMPILE_CACHE: dir, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' });
    // Every entry is written to a temporary file and renamed into place, and checked before use: none is torn.
    expect(output).not.toMatch(/was rejected/);
    expect((output.match(/was accepted/g) ?? []).length).toBeGreaterThan(500);
  }, 90_000);

  test('a directory that cannot be written leaves the cache off and the server working', async () => {
    // Below a regular file: no directory can be made there, whoever runs the test (root ignores permissions).
    const file = join(mkdtempSync(join(tmpdir(), 'nba-compile-cache-')), 'a-file');
    writeFileSync(file, '');
    const output = await answers({ NODE_COMPILE_CACHE: join(file, 'cache'), NODE_DEBUG_NATIVE: 'COMPILE_CACHE' });
    expect(output).toContain('Cannot create cache directory');
    expect(output).toContain('NBA Reporter API listening');
  }, 90_000);
});
