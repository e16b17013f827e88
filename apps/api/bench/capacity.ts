/**
 * npm run bench:capacity — turns per second with a model that takes 1 s per call, for 1 and for 2 API instances
 * (the built server, telemetry on, sessions on one PostgreSQL database) behind nginx round-robin.
 *
 * The model is the scripted OpenAI-compatible server answering every call after BENCH_MODEL_DELAY_MS. Virtual users
 * hold conversations (a `report`, then `followUp`s on the same session) at each concurrency step; a step reports
 * turns/s, p50/p99 latency and the servers' CPU per turn from /proc (utime+stime), the figure to plan with on a
 * shared machine. The per-core planning figure is 1 s of CPU divided by the CPU per turn.
 *
 * Knobs: BENCH_INSTANCES ("1,2"), BENCH_STEPS (concurrency steps, "50,100,200"), BENCH_SECONDS per step (6),
 * BENCH_MODEL_DELAY_MS (1000), BENCH_FOLLOW_UPS per conversation (3), NBA_REPORTER_TEST_PG_URL (admin URL).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import {
  createTestDatabase,
  pgUnavailable,
  type SpawnedApi,
  spawnApi,
  startNginx,
  startScriptedOpenAI,
} from '@nba-reporter/testing';

const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);
const STEPS = (process.env.BENCH_STEPS ?? '50,100,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const MODEL_DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 1000);
const FOLLOW_UPS = Number(process.env.BENCH_FOLLOW_UPS ?? 3);
const CLOCK_TICKS = 100; // USER_HZ on Linux

const REPORT = 'mutation R($input: ReportInput!) { report(input: $input) { sessionId } }';
const FOLLOW_UP = 'mutation F($input: FollowUpInput!) { followUp(input: $input) { sessionId } }';

function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1e6;
}

async function gql(
  url: string,
  query: string,
  input: Record<string, unknown>,
): Promise<Record<string, { sessionId: string }>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { input } }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as { data?: Record<string, { sessionId: string }>; errors?: unknown[] };
  if (res.status !== 200 || !body.data)
    throw new Error(`turn failed ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
  return body.data;
}

/** A collector stand-in that accepts and drops OTLP exports (telemetry stays on, its cost is measured). */
async function startSink() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

interface Step {
  instances: number;
  concurrency: number;
  turns: number;
  seconds: number;
  p50: number;
  p99: number;
  cpuPerTurn: number;
  errors: number;
}

async function step(
  url: string,
  servers: SpawnedApi[],
  concurrency: number,
): Promise<Omit<Step, 'instances' | 'concurrency'>> {
  const latencies: number[] = [];
  let errors = 0;
  const pids = servers.map((s) => s.process.pid!);
  const cpu0 = pids.reduce((n, pid) => n + cpuMicros(pid), 0);
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1e3;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, user) => {
      while (performance.now() < deadline) {
        let sessionId: string | undefined;
        for (let turn = 0; turn <= FOLLOW_UPS && performance.now() < deadline; turn++) {
          const started = performance.now();
          try {
            const data = sessionId
              ? await gql(url, FOLLOW_UP, { sessionId, message: `NBA follow-up ${turn} from user ${user}` })
              : await gql(url, REPORT, { topic: 'GENERAL', message: `How are the NBA Celtics doing? (user ${user})` });
            sessionId = Object.values(data)[0]!.sessionId;
            latencies.push(performance.now() - started);
          } catch {
            errors++;
            break;
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1e3;
  const cpu = pids.reduce((n, pid) => n + cpuMicros(pid), 0) - cpu0;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    turns: latencies.length,
    seconds,
    p50: pct(50),
    p99: pct(99),
    cpuPerTurn: cpu / Math.max(1, latencies.length),
    errors,
  };
}

async function main() {
  if (pgUnavailable) throw new Error(pgUnavailable);
  const model = await startScriptedOpenAI({
    defaultReply: { text: 'The Boston Celtics went 61-21 in the 2024-25 NBA season.', delayMs: MODEL_DELAY_MS },
  });
  const sink = await startSink();
  const results: Step[] = [];
  const loadBefore = loadavg()[0]!;
  try {
    for (const count of INSTANCES) {
      const db = await createTestDatabase('nba_bench');
      const servers: SpawnedApi[] = [];
      try {
        for (let i = 0; i < count; i++) {
          servers.push(
            await spawnApi({
              env: {
                NBA_REPORTER_SESSION_DB: db.url,
                NBA_REPORTER_PG_POOL_SIZE: '20',
                NBA_REPORTER_RATE_LIMIT: '0', // the limit would count every virtual user as one client (nginx's address)
                NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
                NBA_REPORTER_MODEL: 'scripted-model',
                NBA_REPORTER_MODEL_TIMEOUT_MS: '60000',
                OPENAI_BASE_URL: model.baseURL,
                OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
                OTEL_SERVICE_NAME: 'nba-reporter-bench',
                OTEL_RESOURCE_ATTRIBUTES: `service.instance.id=bench-${i}`,
              },
              timeoutMs: 60_000,
            }),
          );
        }
        const nginx = await startNginx({ upstreams: servers.map((s) => `127.0.0.1:${s.port}`) });
        try {
          const url = `${nginx.url}/graphql`;
          await step(url, servers, 10); // warm-up
          for (const concurrency of STEPS) {
            const r = await step(url, servers, concurrency);
            results.push({ instances: count, concurrency, ...r });
            process.stdout.write(
              `${count} instance(s), concurrency ${concurrency}: ${(r.turns / r.seconds).toFixed(1)} turns/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, CPU ${(r.cpuPerTurn / 1e3).toFixed(2)} ms/turn, errors ${r.errors}\n`,
            );
          }
        } finally {
          await nginx.stop();
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await db.drop();
      }
    }
  } finally {
    await Promise.all([model.close(), sink.close()]);
  }
  const best = Math.min(...results.filter((r) => r.turns > 0).map((r) => r.cpuPerTurn));
  const median = [...results.map((r) => r.cpuPerTurn)].sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
  process.stdout.write(
    [
      '',
      `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} CPUs (the load generator, the scripted model, nginx and PostgreSQL share them)`,
      `model latency ${MODEL_DELAY_MS} ms, conversations of 1 report + ${FOLLOW_UPS} follow-ups, ${SECONDS} s per step, telemetry on (OTLP to a sink), sessions on PostgreSQL, nginx round-robin, Node ${process.version}`,
      '',
      '| instances | concurrency | turns/s | p50 ms | p99 ms | server CPU / turn | errors |',
      '|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.instances} | ${r.concurrency} | ${(r.turns / r.seconds).toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${(r.cpuPerTurn / 1e3).toFixed(2)} ms | ${r.errors} |`,
      ),
      '',
      `server CPU per turn: median ${(median / 1e3).toFixed(2)} ms (best ${(best / 1e3).toFixed(2)} ms) → one fully busy core serves about ${(1e6 / median).toFixed(0)} turns/s; plan ${((1e6 / median) * 0.6).toFixed(0)} turns/s per core at 60% CPU`,
      '',
    ].join('\n'),
  );
}

await main();
