/**
 * npm run bench:otel-floor-server — what the OpenTelemetry SDK alone costs for one offline turn's telemetry inside the
 * running server: `bench:ab` with both servers telemetry off (OTEL_SDK_DISABLED=true), B also preloading
 * `packages/telemetry/bench/in-server.ts`, which starts the NodeSDK (no instrumentations) and makes the turn's ten
 * spans, eight metric points and one log record, exported over OTLP/protobuf, as each POST's response finishes.
 * B - A is that cost: the floor under any "telemetry adds at most N µs" target while every span, metric and log stays.
 * The knobs of bench:ab apply (BENCH_SLICES, BENCH_ROUNDS, BENCH_CONCURRENCY, and BENCH_A_ENV / BENCH_B_ENV: e.g.
 * `{"OTEL_EXPORTER_OTLP_PROTOCOL":"http/json"}` for B measures the floor with OTLP/JSON).
 */
import { fileURLToPath } from 'node:url';

const preload = fileURLToPath(new URL('../../../packages/telemetry/bench/in-server.ts', import.meta.url));
// Both servers run with telemetry off, whatever else BENCH_A_ENV / BENCH_B_ENV set (e.g. an OTLP protocol for B).
for (const name of ['A', 'B']) {
  const env = JSON.parse(process.env[`BENCH_${name}_ENV`] ?? '{}') as Record<string, string>;
  process.env[`BENCH_${name}_ENV`] = JSON.stringify({ ...env, OTEL_SDK_DISABLED: 'true' });
}
process.env.BENCH_B_NODE_FLAGS = `--import ${preload} ${process.env.BENCH_B_NODE_FLAGS ?? ''}`;
process.stdout.write(
  "A: telemetry off; B: telemetry off + the OpenTelemetry SDK making one offline turn's telemetry per request (in-server.ts)\n",
);
await import('./ab.ts');
