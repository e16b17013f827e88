/**
 * npm run bench:sdk-spans — what the Agents SDK's tracing and the GenAI bridge cost per turn, measured in ONE process
 * (the built reporter with the offline model and its SQLite store, the real NodeSDK exporting OTLP/protobuf to a local
 * sink), so that this VM's load drifts the same way for every variant. Variants run in alternating batches:
 * - `sdk-default`: the SDK's defaults (task and turn spans on), as before the API turned them off;
 * - `api`: the Runner exactly as the API configures it (`observeRunner`);
 * - `untraced`: SDK tracing off for the run (no GenAI spans or metrics; HTTP-less, so the rest of OTel is idle).
 * Prints process CPU (user + system) per turn. Knobs: BENCH_BATCH (40 turns), BENCH_ALTERNATIONS (25),
 * BENCH_CONCURRENCY (8).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VARIANTS = ['sdk-default', 'api', 'untraced'] as const;
type Variant = (typeof VARIANTS)[number];
const BATCH = Number(process.env.BENCH_BATCH ?? 40);
const ALTERNATIONS = Number(process.env.BENCH_ALTERNATIONS ?? 25);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MESSAGE = 'The Raptors went 46-36 this NBA season. What was their win percentage?';

async function child(): Promise<void> {
  const { createReporter, loadReporterConfig } = await import('@nba-reporter/agent');
  // The built module (what the server runs), typed by its source: typechecking must not need a build first.
  const built = new URL('../dist/telemetry.js', import.meta.url).href;
  const { setupTelemetry } = (await import(built)) as typeof import('../src/telemetry.js');
  const config = loadReporterConfig();
  const telemetry = await setupTelemetry(config);
  let current: Variant = 'api';
  const reporter = createReporter(config, {
    configureRunner: (runner) => {
      telemetry.observeRunner(runner);
      if (current === 'sdk-default')
        runner.config.tracing = { ...runner.config.tracing, includeTaskAndTurnSpans: true };
      if (current === 'untraced') runner.config.tracingDisabled = true;
    },
  });
  await reporter.ready();
  const batch = async (n: number) => {
    let left = n;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) {
          const turn = await reporter.report({ topic: 'general', message: MESSAGE });
          if (!turn.message.includes('.561')) throw new Error(`unexpected answer: ${turn.message}`);
        }
      }),
    );
  };
  for (const v of VARIANTS) {
    current = v;
    await batch(200); // warm-up
  }
  const cpu = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
  for (let a = 0; a < ALTERNATIONS; a++) {
    for (const v of a % 2 ? [...VARIANTS].reverse() : VARIANTS) {
      current = v;
      const before = process.cpuUsage();
      await batch(BATCH);
      const d = process.cpuUsage(before);
      cpu[v].push((d.user + d.system) / BATCH);
    }
  }
  const lines = VARIANTS.map((v) => {
    const xs = [...cpu[v]].sort((x, y) => x - y);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    return `| ${v} | ${Math.round(mean).toLocaleString('en-US')} µs | ${Math.round(xs[xs.length >> 1] ?? 0).toLocaleString('en-US')} µs |`;
  });
  process.stdout.write(
    [
      `offline turns, concurrency ${CONCURRENCY}, ${ALTERNATIONS} alternations of ${BATCH} turns per variant, Node ${process.version}`,
      '',
      '| variant | CPU/turn (mean) | CPU/turn (median batch) |',
      '|---|---|---|',
      ...lines,
      '',
    ].join('\n'),
  );
  process.exit(0);
}

async function main(): Promise<void> {
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const dir = mkdtempSync(join(tmpdir(), 'nba-sdk-spans-'));
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('OTEL_') || key.startsWith('NBA_REPORTER_')) delete env[key];
  Object.assign(env, {
    NODE_ENV: 'production',
    NBA_REPORTER_MODEL_PROVIDER: 'offline',
    NBA_REPORTER_SESSION_DB: join(dir, 'sessions.db'),
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(sink.address() as AddressInfo).port}`,
    OTEL_SERVICE_NAME: 'nba-reporter-bench',
  });
  const code = await new Promise<number | null>((resolve) => {
    spawn(
      process.execPath,
      ['--import', '@nba-reporter/telemetry/register', new URL(import.meta.url).pathname, '--child'],
      { cwd: new URL('..', import.meta.url).pathname, env: env as NodeJS.ProcessEnv, stdio: 'inherit' },
    ).once('exit', resolve);
  });
  sink.closeAllConnections();
  sink.close();
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = code ?? 1;
}

await (process.argv.includes('--child') ? child() : main());
