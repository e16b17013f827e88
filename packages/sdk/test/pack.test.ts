// The SDK as an outside project gets it: `npm pack -w @nba-reporter/sdk` on a source tree with no build output (as a
// fresh clone has it), the tarball installed with npm into a temporary project outside the workspace, a consumer
// typechecked with `nodenext` and with `bundler` resolution, then run against the real, spawned API.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SpawnedApi, spawnApi } from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SDK_DIR = join(ROOT, 'packages/sdk');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const NOT_SHIPPED = new Set(['dist', 'node_modules', '.turbo', '.vitest-results.json', 'test-artifacts']);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A child process with npm's own variables removed, as in a fresh shell; bounded in time. */
function run(file: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, ...extraEnv };
  for (const key of Object.keys(env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  }
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function ok(result: Run, what: string): Run {
  if (result.code !== 0) throw new Error(`${what} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

const CONSUMER = `import { createNbaReporterClient, isNbaReporterError, Topic, type AgentTurn } from '@nba-reporter/sdk';

declare const process: { env: Record<string, string | undefined> };

const client = createNbaReporterClient({ url: process.env.NBA_REPORTER_URL ?? 'http://localhost:4000/graphql' });
const turn: AgentTurn = await client.report({
  topic: Topic.GENERAL,
  message: 'The Raptors went 46-36 this NBA season. What was their win percentage?',
});
// @ts-expect-error the result has only the fields the operation selects
turn.notAField;
// @ts-expect-error topics are a closed union
client.report({ topic: 'NBA', message: 'x' }).catch(() => undefined);
const health = await client.health();
let missing = 'no error';
try {
  await client.followUp({ sessionId: 'no-such-session', message: 'And then?' });
} catch (error) {
  if (!isNbaReporterError(error, 'SESSION_NOT_FOUND')) throw error;
  const code: 'SESSION_NOT_FOUND' = error.code;
  missing = code;
}
console.log(JSON.stringify({ sessionId: turn.sessionId, message: turn.message, status: health.status, missing }));
`;

const CJS_CONSUMER = `const { createNbaReporterClient, isNbaReporterError } = require('@nba-reporter/sdk');
console.log(typeof createNbaReporterClient, typeof isNbaReporterError);
`;

function tsconfig(module: string, moduleResolution: string): string {
  return JSON.stringify({
    compilerOptions: {
      module,
      moduleResolution,
      target: 'es2023',
      lib: ['es2023', 'dom'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files: ['consumer.mts'],
  });
}

let work: string;
let consumer: string;
let tarball: string;
let packedFiles: string[];
let api: SpawnedApi | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nba-sdk-pack-'));
  // The repository as a fresh clone has it: the SDK's sources and the root files its build reads, no dist/.
  const tree = join(work, 'repo');
  cpSync(SDK_DIR, join(tree, 'packages/sdk'), {
    recursive: true,
    filter: (src) =>
      !relative(SDK_DIR, src)
        .split(sep)
        .some((part) => NOT_SHIPPED.has(part)),
  });
  for (const file of ['package.json', 'tsconfig.base.json', '.npmrc']) cpSync(join(ROOT, file), join(tree, file));
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');

  const packed = ok(
    await run('npm', ['pack', '-w', '@nba-reporter/sdk', '--pack-destination', work, '--json'], tree),
    'npm pack',
  );
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packedFiles = info!.files.map((f) => f.path);

  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  ok(
    await run(
      'npm',
      ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
      consumer,
    ),
    'npm install of the tarball',
  );
  writeFileSync(join(consumer, 'consumer.mts'), CONSUMER);
  writeFileSync(join(consumer, 'consumer.cjs'), CJS_CONSUMER);
  writeFileSync(join(consumer, 'tsconfig.nodenext.json'), tsconfig('nodenext', 'nodenext'));
  writeFileSync(join(consumer, 'tsconfig.bundler.json'), tsconfig('preserve', 'bundler'));
}, 240_000);

afterAll(async () => {
  await api?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack of @nba-reporter/sdk', () => {
  test('the tarball ships the built dist/ (prepack), the license and no tests', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'LICENSE', 'README.md']));
    expect(packedFiles.filter((f) => f.startsWith('test/') || f.endsWith('.tsbuildinfo'))).toEqual([]);
    // Every emitted module comes from a current source file: no stale leftovers.
    for (const js of packedFiles.filter((f) => f.startsWith('dist/') && f.endsWith('.js'))) {
      expect(packedFiles).toContain(js.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
    }
  });

  test('the installed package depends only on what the npm registry has', () => {
    const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules/@nba-reporter/sdk/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      publishConfig?: Record<string, unknown>;
    };
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
    expect(deps.filter((name) => name.startsWith('@nba-reporter/'))).toEqual([]);
    expect(pkg.publishConfig).toMatchObject({ access: 'public', provenance: true });
  });

  test.each([
    ['nodenext', 'tsconfig.nodenext.json'],
    ['bundler', 'tsconfig.bundler.json'],
  ])('a consumer typechecks with %s resolution', async (_name, config) => {
    const result = await run(process.execPath, [TSC, '-p', config], consumer);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('the typecheck fails on misuse (the types are real, not any)', async () => {
    writeFileSync(
      join(consumer, 'misuse.mts'),
      `import { createNbaReporterClient } from '@nba-reporter/sdk';\n` +
        `createNbaReporterClient({ url: 'http://x' }).report({ topic: 'GENERAL', mesage: 'typo' });\n`,
    );
    const config = join(consumer, 'tsconfig.misuse.json');
    writeFileSync(config, tsconfig('nodenext', 'nodenext').replace('consumer.mts', 'misuse.mts'));
    const result = await run(process.execPath, [TSC, '-p', config], consumer);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('mesage');
  });

  test('CommonJS can require() it (Node 22.12+)', async () => {
    const result = ok(await run(process.execPath, ['consumer.cjs'], consumer), 'require()');
    expect(result.stdout.trim()).toBe('function function');
  });

  test('the consumer runs against the real API', async () => {
    api = await spawnApi();
    const result = ok(
      await run(process.execPath, ['consumer.mts'], consumer, { NBA_REPORTER_URL: api.graphqlUrl }),
      'the consumer',
    );
    const out = JSON.parse(result.stdout.trim()) as {
      sessionId: string;
      message: string;
      status: string;
      missing: string;
    };
    expect(out.sessionId).not.toBe('');
    expect(out.message).toMatch(/Raptors/);
    expect(out.status).toEqual(expect.any(String));
    expect(out.missing).toBe('SESSION_NOT_FOUND');
  }, 60_000);
});
