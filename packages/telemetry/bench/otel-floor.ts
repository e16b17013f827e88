/**
 * npm run bench:otel-floor --workspace @nba-reporter/telemetry — what the OpenTelemetry SDK alone costs for the
 * telemetry of one offline `report` turn (./turn-telemetry.ts: ten spans, eight metric points, one log record,
 * exported over OTLP/protobuf to a local sink by the NodeSDK), in a tight loop. Each mode runs in a fresh process
 * (telemetry on: the NodeSDK started; off: the API's no-op), alternating; prints process CPU per turn. The same
 * telemetry inside the running server costs more: `npm run bench:otel-floor-server --workspace @nba-reporter/api`.
 * Knobs: BENCH_TURNS (20,000 per process), BENCH_ROUNDS (3 per mode).
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { turnTelemetry } from './turn-telemetry.ts';

const TURNS = Number(process.env.BENCH_TURNS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function child(on: boolean): Promise<void> {
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  let shutdown = async () => {};
  if (on) {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    process.env.OTEL_SERVICE_NAME = 'otel-floor';
    const { NodeSDK } = await import('@opentelemetry/sdk-node');
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
    const sdk = new NodeSDK({ contextManager: new AsyncLocalStorageContextManager(), instrumentations: [] });
    sdk.start();
    shutdown = () => sdk.shutdown();
  }
  const api = await import('@opentelemetry/api');
  const turn = turnTelemetry(api);
  // Every span and log record must be exported, as in the server: the batch processors queue at most 2,048 and drop
  // the rest, which a loop outruns (it dropped 88% of the spans when it only yielded every 200 turns). So every 50
  // turns (500 spans) the queues are exported and awaited, as a server's 512-span batches are.
  const flush = async () => {
    for (const provider of [api.trace.getTracerProvider(), api.logs.getLoggerProvider()]) {
      const target = (provider as { getDelegate?: () => unknown }).getDelegate?.() ?? provider;
      await (target as { forceFlush?: () => Promise<void> }).forceFlush?.();
    }
  };
  const turns = async (n: number) => {
    for (let i = 1; i <= n; i++) {
      turn();
      if (i % 50 === 0) await flush();
    }
  };
  await turns(2_000); // warm-up
  const t0 = process.cpuUsage();
  await turns(TURNS);
  await shutdown(); // the last batch is exported and counted
  const cpu = process.cpuUsage(t0);
  process.stdout.write(`${(cpu.user + cpu.system) / TURNS}\n`);
  sink.close();
}

if (process.argv[2] === 'child') {
  await child(process.argv[3] === 'on');
} else {
  const self = fileURLToPath(import.meta.url);
  const cpu: Record<'on' | 'off', number[]> = { on: [], off: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const mode of r % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      cpu[mode].push(Number(execFileSync(process.execPath, [self, 'child', mode], { encoding: 'utf8' }).trim()));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const show = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
  process.stdout.write(
    `OpenTelemetry SDK alone, one offline turn's telemetry (10 spans, 8 metric points, 1 log record, OTLP/protobuf), ${TURNS} turns per process, Node ${process.version}\n` +
      `telemetry on: ${median(cpu.on).toFixed(1)} µs CPU per turn (${show(cpu.on)}); off: ${median(cpu.off).toFixed(1)} µs (${show(cpu.off)}); added: ${(median(cpu.on) - median(cpu.off)).toFixed(1)} µs\n`,
  );
}
