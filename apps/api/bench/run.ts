/**
 * npm run bench — drives `report` at a fixed concurrency against the real, built API, on two paths:
 * - offline: the offline model with its tool call (the Raptors win-percentage question);
 * - network: an openai-compatible model, the scripted OpenAI-compatible server of @nba-reporter/testing
 *   answering after BENCH_MODEL_DELAY_MS (0 = at once);
 * each with telemetry fully on (traces, metrics and logs over OTLP/protobuf to a local sink) and fully off
 * (OTEL_SDK_DISABLED=true). Every round starts fresh server processes and measures the two modes in alternating
 * order. The primary figure is server CPU per turn (utime + stime, all threads, from /proc); throughput is the
 * second. The burst sends BENCH_BURST concurrent turns at once to a fresh server whose network model answers after
 * BENCH_BURST_MODEL_DELAY_MS, and reports the latency added over the model's delay (p50/p99), failures and the
 * server's peak RSS (VmHWM) and CPU per turn over the burst. Cold start is the time from spawning a fresh server to its
 * first answered `report` (offline path; the time to its "listening" line beside it), BENCH_COLD_STARTS times per mode,
 * alternating, with no other server running.
 * The rate limit is off (NBA_REPORTER_RATE_LIMIT=0): one client sends thousands of turns a minute.
 *
 * Knobs: BENCH_PATHS ("offline,network"; "none" for the cold starts and the burst alone), BENCH_CONCURRENCY (8),
 * BENCH_SECONDS per round (5), BENCH_ROUNDS per mode (2), BENCH_WARMUP_SECONDS (3), BENCH_MODEL_DELAY_MS (0),
 * BENCH_BURST turns (1000, 0 to skip), BENCH_BURST_MODEL_DELAY_MS (1000), BENCH_COLD_STARTS per mode (3, 0 to skip),
 * BENCH_NODE_ENV (production), BENCH_ON_ENV (JSON merged into the telemetry-on environment,
 * e.g. '{"OTEL_EXPORTER_OTLP_PROTOCOL":"http/json"}').
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { type SpawnedApi, spawnApi, startScriptedOpenAI } from '@nba-reporter/testing';
import { cpuMicros, pin, post as postBody, REPORT_BODY, startSink } from './load.ts';

// "none" (or empty) runs no path: only the cold starts and the burst.
const PATHS = (process.env.BENCH_PATHS ?? 'offline,network')
  .split(',')
  .map((p) => p.trim())
  .filter((p) => p && p !== 'none') as PathName[];
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const MODEL_DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 0);
const BURST = Number(process.env.BENCH_BURST ?? 1000);
const BURST_MODEL_DELAY_MS = Number(process.env.BENCH_BURST_MODEL_DELAY_MS ?? 1000);
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 3);
const NETWORK_ANSWER = 'The Boston Celtics went 61-21 in the 2024-25 NBA season.';

type PathName = 'offline' | 'network';
/** A substring every good answer of the path contains. */
const EXPECTED: Record<PathName, string> = { offline: '.561', network: '61-21' };

const post = (agent: Agent | undefined, port: number, expected: string) => postBody(agent, port, REPORT_BODY, expected);

interface Round {
  requests: number;
  seconds: number;
  latencies: number[];
  cpuMicros: number;
}

async function round(api: SpawnedApi, seconds: number, expected: string): Promise<Round> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const pid = api.process.pid!;
  const cpu0 = cpuMicros(pid);
  const t0 = performance.now();
  const deadline = t0 + seconds * 1e3;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) latencies.push(await post(agent, api.port, expected));
    }),
  );
  const elapsed = (performance.now() - t0) / 1e3;
  const cpu = cpuMicros(pid) - cpu0;
  agent.destroy();
  return { requests: latencies.length, seconds: elapsed, latencies, cpuMicros: cpu };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function summarise(rounds: Round[]) {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const cpu = rounds.reduce((n, r) => n + r.cpuMicros, 0);
  return {
    rps: requests / seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    cpuPerRequest: cpu / requests,
    requests,
  };
}

/** Peak resident set size of a process (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

interface Burst {
  added: number[];
  failed: number;
  peakRss: number;
  /** Server CPU (user + system) over the burst divided by its turns: a burst is CPU-bound on the server's core. */
  cpuPerTurn: number;
}

/** BURST concurrent turns at once against a fresh, warmed-up server; latency added over the model's delay. */
async function burst(api: SpawnedApi, expected: string): Promise<Burst> {
  for (let i = 0; i < 8; i++) await post(undefined, api.port, expected); // warm-up
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const cpu0 = cpuMicros(api.process.pid!);
  const settled = await Promise.allSettled(Array.from({ length: BURST }, () => post(agent, api.port, expected)));
  const cpuPerTurn = (cpuMicros(api.process.pid!) - cpu0) / BURST;
  agent.destroy();
  const added = settled
    .flatMap((r) => (r.status === 'fulfilled' ? [r.value - BURST_MODEL_DELAY_MS] : []))
    .sort((a, b) => a - b);
  return { added, failed: settled.length - added.length, peakRss: peakRssMiB(api.process.pid!), cpuPerTurn };
}

/** Spawns a server and times it from the spawn to its first answered `report`, and to its "listening" line. */
async function spawnTimed(env: Record<string, string>, expected: string) {
  const t0 = performance.now();
  const api = await spawnApi({ env });
  const listeningMs = performance.now() - t0;
  await post(undefined, api.port, expected);
  return { api, coldStartMs: performance.now() - t0, listeningMs };
}

async function main() {
  const sink = await startSink();
  const model = await startScriptedOpenAI({ defaultReply: { text: NETWORK_ANSWER, delayMs: MODEL_DELAY_MS } });
  const slowModel = await startScriptedOpenAI({
    defaultReply: { text: NETWORK_ANSWER, delayMs: BURST_MODEL_DELAY_MS },
  });
  const bursts: Partial<Record<'on' | 'off', Burst>> = {};
  // The production configuration (NODE_ENV=production: no playground, no local trace view, no span tree on the
  // terminal), so "on" is OTLP traces, metrics and logs only. BENCH_NODE_ENV=development measures the dev defaults.
  const common = {
    LOG_LEVEL: 'info',
    NBA_REPORTER_RATE_LIMIT: '0',
    NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
  };
  const pathEnv: Record<PathName, Record<string, string>> = {
    offline: {},
    network: {
      NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
      NBA_REPORTER_MODEL: 'scripted-model',
      NBA_REPORTER_MODEL_TIMEOUT_MS: '60000',
      OPENAI_BASE_URL: model.baseURL,
    },
  };
  const env = {
    on: {
      ...common,
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      OTEL_SERVICE_NAME: 'nba-reporter-bench',
      ...(JSON.parse(process.env.BENCH_ON_ENV ?? '{}') as Record<string, string>),
    },
    off: { ...common, OTEL_SDK_DISABLED: 'true' },
  } as const;
  type Mode = keyof typeof env;
  const results = {} as Record<PathName, Record<Mode, Round[]>>;
  const coldStarts: Record<Mode, number[]> = { on: [], off: [] };
  const listening: Record<Mode, number[]> = { on: [], off: [] };
  const pinnedSelf = pin(process.pid, 0);
  let pinned = pinnedSelf;
  process.stdout.write(
    pinnedSelf
      ? 'pinned: load generator and scripted model on CPU 0, server under test on CPU 1\n'
      : 'taskset unavailable: not pinned\n',
  );
  try {
    // Cold starts on their own, one server at a time (nothing else running in the server's process group), in
    // alternating order.
    for (let i = 0; i < COLD_STARTS; i++) {
      for (const mode of i % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        const { api, coldStartMs, listeningMs } = await spawnTimed(
          { ...pathEnv.offline, ...env[mode] },
          EXPECTED.offline,
        );
        coldStarts[mode].push(coldStartMs);
        listening[mode].push(listeningMs);
        await api.stop();
      }
    }
    for (const path of PATHS) {
      results[path] = { on: [], off: [] };
      const expected = EXPECTED[path];
      for (let i = 0; i < ROUNDS; i++) {
        // Fresh processes every round, started and measured in alternating order: a process that was
        // started first measured up to 20% slower here, whatever its configuration.
        const order: Mode[] = i % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
        const servers = {} as Record<Mode, SpawnedApi>;
        for (const mode of order) {
          const { api } = await spawnTimed({ ...pathEnv[path], ...env[mode] }, expected);
          servers[mode] = api;
          pinned = pin(api.process.pid!, 1) && pinned;
        }
        try {
          for (const mode of order) await round(servers[mode], WARMUP_SECONDS, expected);
          for (const mode of order) {
            const r = await round(servers[mode], SECONDS, expected);
            results[path][mode].push(r);
            process.stdout.write(
              `${path} round ${i + 1}/${ROUNDS} telemetry ${mode.padEnd(3)}: ${(r.requests / r.seconds).toFixed(0)} req/s, ${(r.cpuMicros / r.requests).toFixed(0)} µs CPU/turn\n`,
            );
          }
        } finally {
          for (const mode of order) await servers[mode].stop();
        }
      }
    }
    if (BURST > 0) {
      for (const mode of ['off', 'on'] as const) {
        const api = await spawnApi({
          env: { ...pathEnv.network, OPENAI_BASE_URL: slowModel.baseURL, ...env[mode] },
          timeoutMs: 60_000,
        });
        pinned = pin(api.process.pid!, 1) && pinned;
        try {
          bursts[mode] = await burst(api, EXPECTED.network);
          process.stdout.write(`burst of ${BURST} telemetry ${mode.padEnd(3)}: done\n`);
        } finally {
          await api.stop();
        }
      }
    }
  } finally {
    await Promise.all([sink.close(), model.close(), slowModel.close()]);
  }
  const micros = (n: number) => `${Math.round(n).toLocaleString('en-US')} µs`;
  const lines = [
    '',
    `report, concurrency ${CONCURRENCY}, ${ROUNDS} rounds of ${SECONDS} s per mode and path (fresh processes each round, ${WARMUP_SECONDS} s warm-up, alternating order), network model latency ${MODEL_DELAY_MS} ms, NODE_ENV=${common.NODE_ENV}, Node ${process.version}${pinned ? ', pinned' : ''}`,
    ...(PATHS.length === 0
      ? []
      : [
          '',
          '| path | CPU/turn off | CPU/turn on | added | req/s off | req/s on | throughput on/off | p50/p99 ms off | p50/p99 ms on | turns off/on |',
          '|---|---|---|---|---|---|---|---|---|---|',
        ]),
  ];
  for (const path of PATHS) {
    const on = summarise(results[path].on);
    const off = summarise(results[path].off);
    lines.push(
      `| ${path} | ${micros(off.cpuPerRequest)} | ${micros(on.cpuPerRequest)} | +${micros(on.cpuPerRequest - off.cpuPerRequest)} | ${off.rps.toFixed(0)} | ${on.rps.toFixed(0)} | ${(on.rps / off.rps).toFixed(2)}x | ${off.p50.toFixed(1)}/${off.p99.toFixed(1)} | ${on.p50.toFixed(1)}/${on.p99.toFixed(1)} | ${off.requests}/${on.requests} |`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  if (coldStarts.on.length)
    lines.push(
      '',
      `cold start, spawn to first answered report (offline, median of ${coldStarts.on.length}): telemetry on ${median(coldStarts.on).toFixed(0)} ms, off ${median(coldStarts.off).toFixed(0)} ms (all: on ${coldStarts.on.map((ms) => ms.toFixed(0)).join(', ')}; off ${coldStarts.off.map((ms) => ms.toFixed(0)).join(', ')}); of which to the "listening" line: on ${median(listening.on).toFixed(0)} ms, off ${median(listening.off).toFixed(0)} ms`,
    );
  const s1 = (ms: number) => `${ms >= 0 ? '+' : ''}${(ms / 1e3).toFixed(2)} s`;
  if (bursts.on && bursts.off) {
    lines.push(
      '',
      `burst: ${BURST} concurrent report turns at once, network model answering after ${BURST_MODEL_DELAY_MS} ms, latency added over the model`,
      '',
      '| telemetry | p50 added | p99 added | failed | peak RSS | server CPU/turn in the burst |',
      '|---|---|---|---|---|---|',
      ...(['off', 'on'] as const).map((mode) => {
        const b = bursts[mode]!;
        return `| ${mode} | ${s1(pct(b.added, 50))} | ${s1(pct(b.added, 99))} | ${b.failed} | ${b.peakRss.toFixed(0)} MiB | ${micros(b.cpuPerTurn)} |`;
      }),
    );
  }
  lines.push('', `OTLP exports received by the sink: ${sink.exports()}`, '');
  process.stdout.write(lines.join('\n'));
}

await main();
