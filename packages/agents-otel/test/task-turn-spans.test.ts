/**
 * The bridge folds the SDK's `task` and `turn` spans (no OTel span), so an app may turn them off
 * (`RunConfig.tracing.includeTaskAndTurnSpans: false`) to save the SDK that work: the OTel output must not change.
 */
import { InputGuardrailTripwireTriggered, Runner } from '@openai/agents-core';
import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import * as sc from '../src/semconv.js';
import {
  createHarness,
  FINAL_TEXT,
  flush,
  type Harness,
  histogramPoints,
  makeAgent,
  metric,
  one,
  underResolver,
} from './helpers.js';

const WITHOUT_TASK_AND_TURN = { includeTaskAndTurnSpans: false };

/** Name, kind, parent name, status and attributes of each span, in a stable order. */
function shape(spans: ReadableSpan[]) {
  const nameOf = new Map(spans.map((s) => [s.spanContext().spanId, s.name]));
  return spans
    .map((s) => ({
      name: s.name,
      kind: s.kind,
      parent: s.parentSpanContext ? nameOf.get(s.parentSpanContext.spanId) : undefined,
      status: s.status.code,
      attributes: s.attributes,
      events: s.events.map((e) => e.name),
    }))
    .sort((a, b) =>
      `${a.name}${String(a.attributes[sc.ATTR_GEN_AI_RESPONSE_ID])}`.localeCompare(
        `${b.name}${String(b.attributes[sc.ATTR_GEN_AI_RESPONSE_ID])}`,
      ),
    );
}

async function metricShape(h: Harness) {
  const all = await h.metrics();
  const points = (name: string) =>
    histogramPoints(metric(all, name))
      .map((p) => ({ attributes: p.attributes, count: p.value.count }))
      .sort((a, b) => JSON.stringify(a.attributes).localeCompare(JSON.stringify(b.attributes)));
  const tokens = histogramPoints(metric(all, sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE))
    .map((p) => ({ attributes: p.attributes, sum: p.value.sum }))
    .sort((a, b) => JSON.stringify(a.attributes).localeCompare(JSON.stringify(b.attributes)));
  return { durations: points(sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION), tokens };
}

async function turn(tracing: { includeTaskAndTurnSpans: boolean } | undefined, input = 'Where is order 42?') {
  const h = createHarness();
  const { agent } = makeAgent();
  const runner = new Runner({ groupId: 'session-1', ...(tracing ? { tracing } : {}) });
  h.processor.observe(runner);
  // The SDK span types the bridge sees, to tell the two configurations apart.
  const sdkTypes: string[] = [];
  const onSpanStart = h.processor.onSpanStart.bind(h.processor);
  h.processor.onSpanStart = (span) => {
    sdkTypes.push(span.spanData.type);
    return onSpanStart(span);
  };
  const outcome = await underResolver(h.tracer, 'resolver', () => runner.run(agent, input)).then(
    (r) => r.finalOutput,
    (e: unknown) => e,
  );
  await flush(h);
  return { h, outcome, sdkTypes, spans: shape(h.spans()), metrics: await metricShape(h) };
}

describe('without the SDK task and turn spans', () => {
  it('gives the same spans, attributes and metric points as with them, and tracks nothing after the run', async () => {
    const withSpans = await turn(undefined);
    const without = await turn(WITHOUT_TASK_AND_TURN);
    expect(without.outcome).toBe(FINAL_TEXT);
    expect(withSpans.sdkTypes).toEqual(expect.arrayContaining(['task', 'turn']));
    expect(without.sdkTypes).not.toContain('task');
    expect(without.sdkTypes).not.toContain('turn');
    expect(withSpans.spans.map((s) => s.name)).toEqual([
      'chat gpt-4.1-mini',
      'chat gpt-4.1-mini',
      'execute_tool lookup_order',
      'invoke_agent SupportAgent',
      'resolver',
      'run_guardrail pii_check',
    ]);
    expect(without.spans).toEqual(withSpans.spans);
    expect(one(without.h.spans(), 'execute_tool lookup_order').attributes[sc.ATTR_GEN_AI_TOOL_CALL_ID]).toBe('call_1');
    expect(without.metrics).toEqual(withSpans.metrics);
    expect(without.metrics.tokens.reduce((s, p) => s + (p.sum ?? 0), 0)).toBe(323);
    expect(without.h.processor.inFlightSpanCount).toBe(0);
  });

  it('a guardrail trip still fails invoke_agent with the tripwire class and ends every span', async () => {
    const { h, outcome, spans } = await turn(WITHOUT_TASK_AND_TURN, 'my SSN is 123');
    expect(outcome).toBeInstanceOf(InputGuardrailTripwireTriggered);
    const agent = spans.find((s) => s.name === 'invoke_agent SupportAgent');
    expect(agent?.status).toBe(SpanStatusCode.ERROR);
    expect(agent?.attributes[sc.ATTR_ERROR_TYPE]).toBe('InputGuardrailTripwireTriggered');
    expect(
      spans.find((s) => s.name === 'run_guardrail pii_check')?.attributes[sc.ATTR_GEN_AI_GUARDRAIL_TRIGGERED],
    ).toBe(true);
    expect(h.processor.inFlightSpanCount).toBe(0);
  });
});
