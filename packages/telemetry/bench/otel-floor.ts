/**
 * npm run bench:otel-floor --workspace @nba-reporter/telemetry — what the OpenTelemetry SDK alone costs for the telemetry of one offline `report` turn:
 * the same eleven spans (names, kinds, nesting and attribute counts of the real export: HTTP 12, graphql.parse 1,
 * graphql.validate 0, the operation 3, the resolver 5, invoke_agent 12, run_guardrail 8, two chats 12 each,
 * execute_tool 5), eight metric points and one log record, made through the API with no instrumentation, no Agents SDK
 * tracing and no bridge, and exported over OTLP/protobuf to a local sink by the NodeSDK. Each mode runs in a fresh
 * process (telemetry on: the NodeSDK started; off: the API's no-op), alternating; prints process CPU per turn.
 * Knobs: BENCH_TURNS (20,000 per process), BENCH_ROUNDS (3 per mode).
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const TURNS = Number(process.env.BENCH_TURNS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** `n` attributes named like the real ones of a span, string-valued but for a few counts. */
function attributes(prefix: string, n: number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (let i = 0; i < n; i++) out[`${prefix}.attribute_${i}`] = i % 4 === 3 ? 100 + i : `value-${prefix}-${i}`;
  return out;
}

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
  const { logs, metrics, SpanKind, trace } = await import('@opentelemetry/api');
  const tracer = trace.getTracer('otel-floor');
  const meter = metrics.getMeter('otel-floor');
  const duration = meter.createHistogram('gen_ai.client.operation.duration');
  const tokens = meter.createHistogram('gen_ai.client.token.usage');
  const http = meter.createHistogram('http.server.request.duration');
  const logger = logs.getLogger('otel-floor');
  const span = (name: string, attrs: number, kind: number, body?: () => void) =>
    tracer.startActiveSpan(name, { kind, attributes: attributes(name, attrs) }, (s) => {
      body?.();
      s.end();
    });
  const point = { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'p', 'gen_ai.request.model': 'm' };
  const turn = () =>
    span('POST /graphql', 12, SpanKind.SERVER, () => {
      span('graphql.parse', 1, SpanKind.INTERNAL);
      span('graphql.validate', 0, SpanKind.INTERNAL);
      span('mutation Report', 3, SpanKind.INTERNAL, () =>
        span('graphql.resolve report', 5, SpanKind.INTERNAL, () =>
          span('invoke_agent NBA_Reporter', 12, SpanKind.INTERNAL, () => {
            span('run_guardrail nba_content_guardrail', 8, SpanKind.INTERNAL);
            span('chat offline-nba-2024-25', 12, SpanKind.INTERNAL);
            span('execute_tool calculate_win_percentage', 5, SpanKind.INTERNAL);
            span('chat offline-nba-2024-25', 12, SpanKind.INTERNAL);
            for (let i = 0; i < 2; i++) {
              duration.record(0.01, point);
              tokens.record(300, { ...point, 'gen_ai.token.type': 'input' });
              tokens.record(30, { ...point, 'gen_ai.token.type': 'output' });
            }
            duration.record(0.02, { ...point, 'gen_ai.operation.name': 'invoke_agent' });
            logger.emit({
              severityNumber: 9,
              severityText: 'info',
              body: 'turn answered',
              attributes: attributes('log', 8),
            });
          }),
        ),
      );
      http.record(0.003, { 'http.request.method': 'POST', 'http.response.status_code': 200, 'http.route': '/graphql' });
    });
  for (let i = 0; i < 2_000; i++) turn();
  const t0 = process.cpuUsage();
  for (let i = 0; i < TURNS; i++) {
    turn();
    // Let the batch processors' timers and exports run, as between a server's requests.
    if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
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
    `OpenTelemetry SDK alone, one offline turn's telemetry (11 spans, 8 metric points, 1 log record, OTLP/protobuf), ${TURNS} turns per process, Node ${process.version}\n` +
      `telemetry on: ${median(cpu.on).toFixed(1)} µs CPU per turn (${show(cpu.on)}); off: ${median(cpu.off).toFixed(1)} µs (${show(cpu.off)}); added: ${(median(cpu.on) - median(cpu.off)).toFixed(1)} µs\n`,
  );
}
