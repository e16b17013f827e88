import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { context, type Span, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, test } from 'vitest';
import { TraceStoreProcessor } from '../src/trace-view/processor.js';

function setup(options: { maxTraces?: number; maxBytes?: number; maxSpansPerTrace?: number } = {}) {
  const processor = new TraceStoreProcessor({ maxTraces: 200, maxBytes: 8 * 1024 * 1024, ...options });
  const provider = new TracerProvider({ spanProcessors: [processor] });
  return { store: processor.store, tracer: provider.getTracer('test'), provider };
}

const child = (
  tracer: Tracer,
  parent: Span,
  name: string,
  attributes: Record<string, unknown> = {},
  kind = SpanKind.INTERNAL,
) => tracer.startSpan(name, { kind, attributes: attributes as never }, trace.setSpan(context.active(), parent));

/** One synthetic agent turn shaped like the API's: POST → mutation → resolve → invoke_agent → guardrail, chat, tool, chat. */
function turn(tracer: Tracer, sessionId: string, options: { tripped?: boolean; padding?: string } = {}) {
  const root = tracer.startSpan('POST /graphql', {
    kind: SpanKind.SERVER,
    attributes: { 'http.response.status_code': 200 },
  });
  const execute = child(tracer, root, 'mutation FollowUp', { 'graphql.operation.name': 'FollowUp' });
  const resolve = child(tracer, execute, 'graphql.resolve followUp');
  const agent = child(tracer, resolve, 'invoke_agent NBA_Reporter', {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.provider.name': 'nba_reporter.offline',
    'gen_ai.request.model': 'm1',
    'gen_ai.conversation.id': sessionId,
  });
  const guard = child(tracer, agent, 'run_guardrail nba_topic', { 'gen_ai.operation.name': 'run_guardrail' });
  guard.setAttribute('gen_ai.guardrail.triggered', options.tripped === true);
  guard.end();
  if (options.tripped) {
    agent.setAttribute('error.type', 'InputGuardrailTripwireTriggered');
    agent.setStatus({ code: SpanStatusCode.ERROR });
  } else {
    for (const [i, finish] of [['tool_call'], ['stop']].entries()) {
      const chat = child(
        tracer,
        agent,
        'chat m1',
        {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'nba_reporter.offline',
          'gen_ai.request.model': 'm1',
          'gen_ai.response.model': 'm1',
          'gen_ai.response.finish_reasons': finish,
          'gen_ai.usage.input_tokens': 100 + i,
          'gen_ai.usage.output_tokens': 10 + i,
          'gen_ai.usage.cache_read.input_tokens': i,
          ...(options.padding ? { padding: options.padding } : {}),
        },
        SpanKind.CLIENT,
      );
      chat.end();
      if (i === 0) {
        const tool = child(tracer, agent, 'execute_tool win_pct', {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.call.id': 'call_1',
        });
        tool.end();
      }
    }
  }
  agent.end();
  resolve.end();
  execute.end();
  root.end();
  return root.spanContext().traceId;
}

describe('the trace view store, fed by a real TracerProvider', () => {
  test('keeps each span as JSON data: names, parents, kinds, attributes, and a complete flag once the root ends', () => {
    const { store, tracer } = setup();
    const root = tracer.startSpan('POST /graphql', { kind: SpanKind.SERVER });
    const inner = child(
      tracer,
      root,
      'chat m1',
      { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': 5 },
      SpanKind.CLIENT,
    );
    inner.end();
    const traceId = root.spanContext().traceId;
    expect(store.get(traceId)?.complete).toBe(false); // the request is still running
    root.end();
    const detail = store.get(traceId)!;
    expect(detail.complete).toBe(true);
    expect(detail.name).toBe('POST /graphql');
    expect(detail.spans.map((s) => [s.name, s.kind, s.parentSpanId === '' ? 'root' : s.parentSpanId])).toEqual([
      ['POST /graphql', 'SERVER', 'root'],
      ['chat m1', 'CLIENT', root.spanContext().spanId],
    ]);
    expect(detail.spans[1]!.attributes).toEqual({ 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': 5 });
    expect(detail.spans[0]!.startTimeUnixNano).toMatch(/^\d{19}$/);
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail); // plain JSON, nothing lost in serialisation
  });

  test('summarises a turn: session, operation, tokens summed over model calls, agent duration, and the GenAI points', () => {
    const { store, tracer } = setup();
    const traceId = turn(tracer, 'session-a');
    const [summary] = store.list();
    expect(summary).toMatchObject({
      traceId,
      sessionId: 'session-a',
      operation: 'FollowUp',
      complete: true,
      spanCount: 8,
      errorType: null,
      guardrailTripped: false,
      usage: { inputTokens: 201, outputTokens: 21, cachedInputTokens: 1 },
      models: ['m1'],
    });
    expect(summary!.agentDurationMs).toBeGreaterThanOrEqual(0);
    const points = store.get(traceId)!.metrics;
    expect(
      points.map((p) => [
        p.name,
        p.attributes['gen_ai.operation.name'],
        p.attributes['gen_ai.token.type'] ?? null,
        p.name.endsWith('usage') ? p.value : 'time',
      ]),
    ).toEqual([
      ['gen_ai.client.operation.duration', 'chat', null, 'time'],
      ['gen_ai.client.token.usage', 'chat', 'input', 100],
      ['gen_ai.client.token.usage', 'chat', 'output', 10],
      ['gen_ai.client.operation.duration', 'chat', null, 'time'],
      ['gen_ai.client.token.usage', 'chat', 'input', 101],
      ['gen_ai.client.token.usage', 'chat', 'output', 11],
      ['gen_ai.client.operation.duration', 'invoke_agent', null, 'time'],
    ]);
    expect(points[0]!.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'nba_reporter.offline',
      'gen_ai.request.model': 'm1',
      'gen_ai.response.model': 'm1',
    });
  });

  test('marks a tripped guardrail and the error type; filters by session id', () => {
    const { store, tracer } = setup();
    const ok = turn(tracer, 's1');
    const tripped = turn(tracer, 's2', { tripped: true });
    turn(tracer, 's1');
    expect(store.list({ sessionId: 's1' }).map((t) => t.traceId)).toHaveLength(2);
    expect(store.list({ sessionId: 's1' }).map((t) => t.traceId)).toContain(ok);
    const [bad] = store.list({ sessionId: 's2' });
    expect(bad).toMatchObject({
      traceId: tripped,
      guardrailTripped: true,
      errorType: 'InputGuardrailTripwireTriggered',
      usage: null,
    });
    expect(store.get(tripped)!.metrics).toEqual([
      expect.objectContaining({
        name: 'gen_ai.client.operation.duration',
        attributes: expect.objectContaining({ 'error.type': 'InputGuardrailTripwireTriggered' }),
      }),
    ]);
    expect(store.list({ limit: 1 })).toHaveLength(1);
    expect(store.list({ sessionId: 'nobody' })).toEqual([]);
  });

  test('ignores unsampled spans, as the exporters do', () => {
    const processor = new TraceStoreProcessor({ maxTraces: 10, maxBytes: 1e6 });
    const provider = new TracerProvider({
      spanProcessors: [processor],
      sampler: { shouldSample: () => ({ decision: 0 }), toString: () => 'off' },
    });
    provider.getTracer('t').startSpan('dropped').end();
    expect(processor.store.stats().spans).toBe(0);
  });
});

describe('memory stays bounded under load', () => {
  test('5,000 turns (40,000 spans): at most maxTraces traces, the newest ones kept', () => {
    const { store, tracer } = setup({ maxTraces: 200 });
    const ids: string[] = [];
    for (let i = 0; i < 5_000; i++) ids.push(turn(tracer, `s${i % 50}`));
    const stats = store.stats();
    expect(stats.traces).toBe(200);
    expect(stats.spans).toBe(200 * 8);
    expect(stats.evictedTraces).toBe(4_800);
    expect(store.get(ids[0]!)).toBeUndefined();
    expect(store.get(ids.at(-1)!)).toBeDefined();
    expect(new Set(store.list().map((t) => t.traceId))).toEqual(new Set(ids.slice(-200)));
  });

  test('the byte cap evicts old traces, and a single oversized trace cannot exceed it', () => {
    const maxBytes = 64 * 1024;
    const { store, tracer } = setup({ maxTraces: 10_000, maxBytes });
    for (let i = 0; i < 2_000; i++) turn(tracer, 's', { padding: 'x'.repeat(500) });
    const stats = store.stats();
    expect(stats.bytes).toBeLessThanOrEqual(maxBytes);
    expect(stats.traces).toBeLessThan(2_000);
    expect(stats.traces).toBeGreaterThan(5);
    // The stored size is what it claims: the JSON of what the store holds.
    const held = store
      .list()
      .reduce(
        (n, t) => n + store.get(t.traceId)!.spans.reduce((m, s) => m + Buffer.byteLength(JSON.stringify(s)), 0),
        0,
      );
    expect(held).toBe(stats.bytes);

    const huge = turn(tracer, 'big', { padding: 'y'.repeat(maxBytes) });
    expect(store.stats().bytes).toBeLessThanOrEqual(maxBytes);
    expect(store.get(huge)!.droppedSpans).toBe(2); // both chat spans were too large to keep
    expect(store.get(huge)!.complete).toBe(true);
  });

  test('a runaway trace keeps at most maxSpansPerTrace spans', () => {
    const { store, tracer } = setup({ maxSpansPerTrace: 100 });
    const root = tracer.startSpan('loop');
    for (let i = 0; i < 1_000; i++) child(tracer, root, `step ${i}`).end();
    root.end();
    const [summary] = store.list();
    expect(summary).toMatchObject({ spanCount: 100, droppedSpans: 901, complete: true });
  });

  test('heap after 20,000 turns with the default bounds stays near the bound, not the load', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { store, tracer } = setup({ maxTraces: 200, maxBytes: 8 * 1024 * 1024 });
    for (let i = 0; i < 2_000; i++) turn(tracer, `s${i}`);
    gc();
    const warm = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20_000; i++) turn(tracer, `s${i}`);
    gc();
    const grown = process.memoryUsage().heapUsed - warm;
    expect(store.stats().traces).toBe(200);
    // 18,000 more turns stored would be tens of MB; a bounded store grows by (close to) nothing.
    expect(grown, `heap grew ${(grown / 1024 / 1024).toFixed(1)} MiB`).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);
});
