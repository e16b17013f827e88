/**
 * npm run bench:ab — two fresh servers side by side, the same `report` load given to each in alternating 1 s slices,
 * server CPU per turn of each (utime + stime from /proc). This VM's speed drifts by up to 2.5x within minutes (other
 * tenants), so two benchmark runs at different times do not compare; slices of the same minutes do. Use it to measure
 * one change: B against A.
 *
 * - A and B are built checkouts (`BENCH_A_TREE`, `BENCH_B_TREE`, default this one: `npm run build` in each first; a
 *   second worktree with `git worktree add`), started as `npm start` starts them;
 * - `BENCH_A_ENV` / `BENCH_B_ENV` (JSON) are merged into each one's environment, e.g. `{"OTEL_SDK_DISABLED":"true"}`;
 *   `BENCH_A_NODE_FLAGS` / `BENCH_B_NODE_FLAGS` (space-separated) go before each one's start command, e.g. an `--import`;
 * - `BENCH_PATH` offline (default) or network (the scripted OpenAI-compatible server, answering at once);
 *   `BENCH_TELEMETRY` on (default: OTLP to a local sink) or off; `BENCH_QUERY` replaces the `report` with a document of
 *   your own, e.g. `{ __typename }` for the HTTP and GraphQL layers alone; `BENCH_SLICES` per server and round (16),
 *   `BENCH_ROUNDS` (2), `BENCH_CONCURRENCY` (8).
 *
 * Each round starts fresh servers, in turn A first then B first: the server started second measured 50-320 µs per turn
 * slower here whatever it ran, so a one-round comparison is off by that much.
 */
import { Agent } from 'node:http';
import { resolve } from 'node:path';
import type * as Testing from '@nba-reporter/testing';
import { cpuMicros, pin, post, REPORT_BODY, startSink } from './load.ts';

const here = resolve(import.meta.dirname, '../../..');
const trees = { A: process.env.BENCH_A_TREE ?? here, B: process.env.BENCH_B_TREE ?? here };
const PATH = process.env.BENCH_PATH ?? 'offline';
const TELEMETRY = process.env.BENCH_TELEMETRY ?? 'on';
const SLICES = Number(process.env.BENCH_SLICES ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BODY = process.env.BENCH_QUERY ? JSON.stringify({ query: process.env.BENCH_QUERY }) : REPORT_BODY;

/** Each tree's own test harness, so that each server is spawned from its own checkout. */
const harness = (tree: string) => import(`${tree}/packages/testing/dist/index.js`) as Promise<typeof Testing>;

/** Load for `ms` at the set concurrency; the number of answered turns. */
async function slice(port: number, ms: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const end = performance.now() + ms;
  let turns = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await post(agent, port, BODY);
        turns++;
      }
    }),
  );
  agent.destroy();
  return turns;
}

const sink = await startSink();
const [a, b] = await Promise.all([harness(trees.A), harness(trees.B)]);
const model = await a.startScriptedOpenAI({ defaultReply: { text: 'The Celtics went 61-21.', delayMs: 0 } });
const base: Record<string, string> = {
  LOG_LEVEL: 'info',
  NBA_REPORTER_RATE_LIMIT: '0',
  NODE_ENV: 'production',
  ...(PATH === 'network'
    ? {
        NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
        NBA_REPORTER_MODEL: 'scripted-model',
        OPENAI_BASE_URL: model.baseURL,
      }
    : {}),
  ...(TELEMETRY === 'on' ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url } : { OTEL_SDK_DISABLED: 'true' }),
};
const envOf = (name: 'A' | 'B') => ({ ...base, ...JSON.parse(process.env[`BENCH_${name}_ENV`] ?? '{}') });
const flagsOf = (name: 'A' | 'B') => (process.env[`BENCH_${name}_NODE_FLAGS`] ?? '').split(' ').filter(Boolean);
const spawnOf = (name: 'A' | 'B') => (name === 'A' ? a : b).spawnApi({ env: envOf(name), nodeFlags: flagsOf(name) });
pin(process.pid, 0);
const total = { A: { turns: 0, cpu: 0 }, B: { turns: 0, cpu: 0 } };
try {
  for (let round = 0; round < ROUNDS; round++) {
    const first = round % 2 ? 'B' : 'A';
    const servers = {} as Record<'A' | 'B', Testing.SpawnedApi>;
    servers[first] = await spawnOf(first);
    servers[first === 'A' ? 'B' : 'A'] = await spawnOf(first === 'A' ? 'B' : 'A');
    try {
      for (const s of Object.values(servers)) pin(s.process.pid!, 1);
      for (const s of Object.values(servers)) await slice(s.port, 2_000); // warm-up
      for (let i = 0; i < SLICES; i++) {
        for (const name of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
          const pid = servers[name].process.pid!;
          const cpu0 = cpuMicros(pid);
          total[name].turns += await slice(servers[name].port, 1_000);
          total[name].cpu += cpuMicros(pid) - cpu0;
        }
      }
    } finally {
      await Promise.all([servers.A.stop(), servers.B.stop()]);
    }
  }
  const per = (name: 'A' | 'B') => total[name].cpu / total[name].turns;
  process.stdout.write(
    `${PATH} path, telemetry ${TELEMETRY}, ${ROUNDS} rounds of ${SLICES} slices of 1 s each, concurrency ${CONCURRENCY}\n` +
      `A ${Math.round(per('A'))} µs CPU/turn (${total.A.turns} turns), B ${Math.round(per('B'))} µs CPU/turn (${total.B.turns} turns), B - A ${Math.round(per('B') - per('A'))} µs\n`,
  );
} finally {
  await model.close();
  await sink.close();
}
