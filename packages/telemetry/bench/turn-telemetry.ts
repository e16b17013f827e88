/**
 * The telemetry of one offline `report` turn, made through the OpenTelemetry API alone: the same ten spans (names,
 * kinds, nesting and attribute counts of the real export: HTTP 12, graphql.parse 1, graphql.validate 0, the
 * operation 3, the resolver 5, invoke_agent 12, run_guardrail 8, two chats 12 each, execute_tool 5), eight metric
 * points and one log record. No instrumentation, no Agents SDK tracing, no bridge: what is left is the SDK's own work
 * (spans, attribute checks, metric aggregation, the log record, OTLP serialisation and export). It is a floor: the
 * attribute objects are built once and given at the start, the spans end at once (real ones live through the turn),
 * and the context manager is the plain AsyncLocalStorage one.
 */
import type * as OtelApi from '@opentelemetry/api';

type Attrs = Record<string, string | number>;

/** `n` attributes named like the real ones of a span, string-valued but for a few counts. */
function attributes(prefix: string, n: number): Attrs {
  const out: Attrs = {};
  for (let i = 0; i < n; i++) out[`${prefix}.attribute_${i}`] = i % 4 === 3 ? 100 + i : `value-${prefix}-${i}`;
  return out;
}

/** A function that makes one turn's telemetry each time it is called, through the global providers of `api`. */
export function turnTelemetry(api: typeof OtelApi): () => void {
  const { logs, metrics, SpanKind, trace } = api;
  const tracer = trace.getTracer('otel-floor');
  const meter = metrics.getMeter('otel-floor');
  const duration = meter.createHistogram('gen_ai.client.operation.duration');
  const tokens = meter.createHistogram('gen_ai.client.token.usage');
  const http = meter.createHistogram('http.server.request.duration');
  const logger = logs.getLogger('otel-floor');
  const cached = new Map<string, Attrs>();
  const span = (name: string, count: number, kind: OtelApi.SpanKind, body?: () => void) => {
    let attrs = cached.get(name);
    if (!attrs) {
      attrs = attributes(name, count);
      cached.set(name, attrs);
    }
    tracer.startActiveSpan(name, { kind, attributes: attrs }, (s) => {
      body?.();
      s.end();
    });
  };
  const chat = { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'p', 'gen_ai.request.model': 'm' };
  const input = { ...chat, 'gen_ai.token.type': 'input' };
  const output = { ...chat, 'gen_ai.token.type': 'output' };
  const agent = { ...chat, 'gen_ai.operation.name': 'invoke_agent' };
  const request = { 'http.request.method': 'POST', 'http.response.status_code': 200, 'http.route': '/graphql' };
  const log = attributes('log', 8);
  return () =>
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
              duration.record(0.01, chat);
              tokens.record(300, input);
              tokens.record(30, output);
            }
            duration.record(0.02, agent);
            logger.emit({ severityNumber: 9, severityText: 'info', body: 'turn answered', attributes: log });
          }),
        ),
      );
      http.record(0.003, request);
    });
}
