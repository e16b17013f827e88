// Start-up as a person meets it: `npm start` output, configuration errors, the ready line, exporter failures, the
// production span tree and where the session file lands. Every case runs real processes and reads their output.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, utimesSync } from 'node:fs';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_DIR, spawnApi, startCommand } from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gql, RAPTORS, REPORT } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PORT_ERROR = 'nba-reporter: PORT must be an integer from 0 to 65535 (got "abc")';

/** The environment of a fresh shell: no npm, vitest or service variables from the test run. */
function freshEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(npm_|OTEL_|NBA_REPORTER_|VITEST)/i.test(key)) delete env[key];
  }
  for (const key of ['INIT_CWD', 'NODE_ENV', 'OPENAI_API_KEY', 'PORT', 'HOST', 'LOG_LEVEL', 'LOG_FORMAT'])
    delete env[key];
  return { ...env, ...extra };
}

interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function start(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, detached = false): Running {
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls a real condition until it holds, or fails after `timeoutMs` with what the process said. */
async function until(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; output so far:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runToExit(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const run = start(file, args, cwd, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 90_000);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
}

describe('a configuration error is one line', () => {
  test('`npm start -s` with PORT=abc prints exactly that line and exits 1 (build output hidden)', async () => {
    const { code, output } = await runToExit('npm', ['start', '-s'], ROOT, freshEnv({ PORT: 'abc' }));
    expect(output).toBe(`${PORT_ERROR}\n`);
    expect(code).toBe(1);
  }, 120_000);

  test('`npm start` adds only npm’s own two-line script banner: no turbo output, no `npm error` lines', async () => {
    const { code, output } = await runToExit('npm', ['start'], ROOT, freshEnv({ PORT: 'abc' }));
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual(['> nba-reporter@0.1.0 start', '> node scripts/run-api.mjs', PORT_ERROR]);
    expect(code).toBe(1);
  }, 120_000);

  test.each([
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'foo', 'one of grpc, http/protobuf, http/json (got "foo")'],
    ['OTEL_TRACES_EXPORTER', 'bar', 'a comma-separated list of otlp, console, zipkin, none (got "bar")'],
  ])('%s=%s is refused like the service’s own settings', async (name, value, rule) => {
    const { code, output } = await runToExit(process.execPath, startCommand(), API_DIR, freshEnv({ [name]: value }));
    expect(output).toBe(`nba-reporter: ${name} must be ${rule}\n`);
    expect(code).toBe(1);
  });
});

describe('the ready line', () => {
  test('LOG_FORMAT=pretty prints human-readable lines, not JSON', async () => {
    const env = freshEnv({ PORT: '0', HOST: '127.0.0.1', NBA_REPORTER_SESSION_DB: ':memory:', LOG_FORMAT: 'pretty' });
    const api = start(process.execPath, startCommand(), API_DIR, env);
    try {
      await until(() => /url: "http:\/\/127\.0\.0\.1:\d+\/graphql"/.test(api.output()), 30_000, api.output);
      expect(api.output()).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*: .*NBA Reporter API listening/m);
      expect(api.output()).not.toContain('"level":');
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });

  const hasScript = existsSync('/usr/bin/script');
  test.skipIf(!hasScript)(
    'on a terminal (a pseudo-terminal from util-linux `script`) the logs are pretty by default',
    async () => {
      const command = [process.execPath, ...startCommand()].map((a) => `'${a}'`).join(' ');
      const env = freshEnv({ PORT: '0', HOST: '127.0.0.1', NBA_REPORTER_SESSION_DB: ':memory:' });
      const api = start('script', ['-qfec', command, '/dev/null'], API_DIR, env, true);
      try {
        await until(() => /NBA Reporter API listening/.test(api.output()), 30_000, api.output);
        expect(api.output()).toMatch(/INFO.*NBA Reporter API listening/);
        expect(api.output()).not.toContain('"level":');
      } finally {
        if (api.child.pid) process.kill(-api.child.pid, 'SIGTERM');
        await api.exited;
      }
    },
  );
});

describe('the per-request span tree', () => {
  async function oneRequest(env: Record<string, string>) {
    const api = await spawnApi({ env });
    const answer = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(answer.body.errors).toBeUndefined();
    // After a drained stop every span of the request has ended, so the tree would have been written.
    expect(await api.stop()).toBe(0);
    return api.output();
  }

  test('is not printed with NODE_ENV=production', async () => {
    const output = await oneRequest({ NODE_ENV: 'production' });
    expect(output).toContain('traces: not exported (no OTLP endpoint; no span tree)');
    expect(output).not.toMatch(/^trace [\da-f]{32}$/m);
  });

  test('is printed in production when asked with NBA_REPORTER_SPAN_TREE=true', async () => {
    const output = await oneRequest({ NODE_ENV: 'production', NBA_REPORTER_SPAN_TREE: 'true' });
    expect(output).toMatch(/^trace [\da-f]{32}$/m);
    expect(output).toMatch(/invoke_agent NBA_Reporter/);
  });
});

describe('exporter failures', () => {
  let resetter: Server;
  let connections = 0;
  let closedPort: number;

  beforeAll(async () => {
    // A "collector" that accepts and drops every connection, counting them, and a port where nothing listens.
    resetter = createNetServer((socket: Socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => resetter.listen(0, '127.0.0.1', resolve));
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => resetter?.close(() => resolve()));
  });

  test('are reported once per exporter, with the target and the fix, without OTEL_LOG_LEVEL', async () => {
    const resetUrl = `http://127.0.0.1:${(resetter.address() as { port: number }).port}`;
    const tracesUrl = `http://127.0.0.1:${closedPort}/v1/traces`;
    const api = await spawnApi({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: resetUrl,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: tracesUrl,
        OTEL_EXPORTER_OTLP_TIMEOUT: '1000',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        OTEL_BLRP_SCHEDULE_DELAY: '100',
        OTEL_METRIC_EXPORT_INTERVAL: '300',
      },
    });
    try {
      await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
      const reported = () => ['traces', 'metrics', 'logs'].every((s) => api.output().includes(`OTLP ${s} export to`));
      await until(reported, 30_000, api.output);
      expect(api.output()).toContain(
        `nba-reporter: OTLP traces export to ${tracesUrl} failed: ECONNREFUSED; is the collector running? ` +
          'set OTEL_EXPORTER_OTLP_ENDPOINT to the collector (e.g. http://localhost:4318) (or OTEL_TRACES_EXPORTER=none)',
      );
      expect(api.output()).toContain(`nba-reporter: OTLP metrics export to ${resetUrl}/v1/metrics failed: ECONNRESET;`);
      expect(api.output()).toContain(`nba-reporter: OTLP logs export to ${resetUrl}/v1/logs failed: ECONNRESET;`);

      // Metrics keep failing every 300 ms; once several more exports have been dropped, still one line each.
      const seen = connections;
      await until(() => connections >= seen + 6, 30_000, api.output);
      for (const signal of ['traces', 'metrics', 'logs']) {
        expect(api.output().split(`OTLP ${signal} export to`).length - 1).toBe(1);
      }
    } finally {
      await api.stop();
    }
  }, 90_000);
});

describe('npm start runs from the repository root', () => {
  test('the default session file is ./data/sessions.db at the root, and SIGTERM reaches the API', async () => {
    const env = freshEnv({ PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json' });
    const run = start(process.execPath, [join(ROOT, 'scripts/run-api.mjs')], ROOT, env);
    try {
      await until(() => /"msg":"NBA Reporter API listening"/.test(run.output()), 90_000, run.output);
      const ready = JSON.parse(
        run
          .output()
          .split('\n')
          .find((l) => l.includes('NBA Reporter API listening')) ?? '{}',
      );
      expect(ready.sessions).toBe(join(ROOT, 'data/sessions.db'));
      expect(existsSync(join(ROOT, 'data/sessions.db'))).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"stopped"');
  }, 120_000);

  test('`npm run dev` serves from the sources and restarts when a source file changes', async () => {
    const env = freshEnv({ PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json', NBA_REPORTER_SESSION_DB: ':memory:' });
    const run = start(process.execPath, [join(ROOT, 'scripts/run-api.mjs'), 'dev'], ROOT, env);
    const readyLines = () => run.output().split('"msg":"NBA Reporter API listening"').length - 1;
    try {
      await until(() => readyLines() === 1, 90_000, run.output);
      // Touching (not editing) a source file is a change for the watcher. Its watch list fills in as the process
      // loads, so touch again each second until the watcher reports the change.
      const source = join(API_DIR, 'src/config.ts');
      let touched = 0;
      await until(
        () => {
          if (run.output().includes('Restarting')) return true;
          if (Date.now() - touched > 1_000) {
            touched = Date.now();
            utimesSync(source, new Date(touched), new Date(touched));
          }
          return false;
        },
        60_000,
        run.output,
      );
      await until(() => readyLines() === 2, 60_000, run.output);
    } finally {
      run.child.kill('SIGTERM');
    }
    await run.exited;
  }, 180_000);
});
