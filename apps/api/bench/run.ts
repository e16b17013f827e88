/**
 * npm run bench — drives `report` on the offline model at a fixed concurrency against the real,
 * built API, with telemetry fully on (traces, metrics and logs over OTLP/protobuf to a local sink)
 * and fully off (OTEL_SDK_DISABLED=true), in interleaved rounds of the same run, and prints
 * requests/s, p50/p99 latency, server CPU per request and the on/off ratios.
 *
 * Knobs: BENCH_CONCURRENCY (16), BENCH_SECONDS per round (5), BENCH_ROUNDS per mode (4), BENCH_WARMUP_SECONDS (4),
 * BENCH_ON_ENV (JSON merged into the telemetry-on environment, e.g. '{"OTEL_EXPORTER_OTLP_PROTOCOL":"http/json"}').
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SpawnedApi, spawnApi } from '@nba-reporter/testing';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CLOCK_TICKS = 100; // USER_HZ on Linux

const BODY = JSON.stringify({
  query:
    'mutation Report($input: ReportInput!) { report(input: $input) { sessionId message usage { totalTokens } traceId } }',
  variables: {
    input: { topic: 'GENERAL', message: 'The Raptors went 46-36 this NBA season. What was their win percentage?' },
  },
});

/** A collector stand-in: accepts every OTLP export and throws it away. */
async function startSink() {
  let exports = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports: () => exports,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** utime + stime of a process, in microseconds. */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1e6;
}

function post(agent: Agent, port: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if (res.statusCode !== 200 || !text.includes('.561'))
            reject(new Error(`bad answer ${res.statusCode}: ${text.slice(0, 200)}`));
          else resolve(performance.now() - started);
        });
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

interface Round {
  requests: number;
  seconds: number;
  latencies: number[];
  cpuMicros: number;
}

async function round(api: SpawnedApi, seconds: number): Promise<Round> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const pid = api.process.pid!;
  const cpu0 = cpuMicros(pid);
  const t0 = performance.now();
  const deadline = t0 + seconds * 1e3;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) latencies.push(await post(agent, api.port));
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

/**
 * Pins a process to one CPU with taskset (util-linux), so the load generator and the server under
 * test do not fight over a core; without it, two identical servers measured ±10% apart here.
 */
function pin(pid: number, cpu: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const sink = await startSink();
  const env = {
    on: {
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      OTEL_SERVICE_NAME: 'nba-reporter-bench',
      LOG_LEVEL: 'info',
      NBA_REPORTER_RATE_LIMIT: '0', // one client sends thousands of turns a minute: measure the service, not the limit
      ...(JSON.parse(process.env.BENCH_ON_ENV ?? '{}') as Record<string, string>),
    },
    off: { OTEL_SDK_DISABLED: 'true', LOG_LEVEL: 'info', NBA_REPORTER_RATE_LIMIT: '0' },
  } as const;
  type Mode = keyof typeof env;
  const results: Record<Mode, Round[]> = { on: [], off: [] };
  const pinnedSelf = pin(process.pid, 0);
  let pinned = pinnedSelf;
  process.stdout.write(
    pinnedSelf ? 'pinned: load generator on CPU 0, server under test on CPU 1\n' : 'taskset unavailable: not pinned\n',
  );
  try {
    for (let i = 0; i < ROUNDS; i++) {
      // Fresh processes every round, started and measured in alternating order: a process that was
      // started first measured up to 20% slower here, whatever its configuration.
      const order: Mode[] = i % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
      const servers = {} as Record<Mode, SpawnedApi>;
      for (const mode of order) {
        servers[mode] = await spawnApi({ env: env[mode] });
        pinned = pin(servers[mode].process.pid!, 1) && pinned;
      }
      try {
        for (const mode of order) await round(servers[mode], WARMUP_SECONDS);
        for (const mode of order) {
          const r = await round(servers[mode], SECONDS);
          results[mode].push(r);
          process.stdout.write(
            `round ${i + 1}/${ROUNDS} telemetry ${mode.padEnd(3)}: ${(r.requests / r.seconds).toFixed(0)} req/s\n`,
          );
        }
      } finally {
        for (const mode of order) await servers[mode].stop();
      }
    }
  } finally {
    await sink.close();
  }
  const a = summarise(results.on);
  const b = summarise(results.off);
  const row = (name: string, s: ReturnType<typeof summarise>) =>
    `| ${name} | ${s.rps.toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.cpuPerRequest.toFixed(0)} µs | ${s.requests} |`;
  process.stdout.write(
    [
      '',
      `report on the offline model, concurrency ${CONCURRENCY}, ${ROUNDS} rounds of ${SECONDS} s per mode (fresh processes each round, ${WARMUP_SECONDS} s warm-up, alternating order), Node ${process.version}${pinned ? ', pinned' : ''}`,
      '',
      '| telemetry | req/s | p50 ms | p99 ms | server CPU / request | requests |',
      '|---|---|---|---|---|---|',
      row('on (traces + metrics + logs, OTLP)', a),
      row('off (OTEL_SDK_DISABLED=true)', b),
      '',
      `throughput on/off: ${(a.rps / b.rps).toFixed(2)}x   CPU per request on/off: ${(a.cpuPerRequest / b.cpuPerRequest).toFixed(2)}x   (+${(a.cpuPerRequest - b.cpuPerRequest).toFixed(0)} µs)`,
      `OTLP exports received by the sink: ${sink.exports()}`,
      '',
    ].join('\n'),
  );
}

await main();
