import { getCurrentSpan, InputGuardrailTripwireTriggered, Runner, withCustomSpan } from '@openai/agents-core';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAgentsOtel } from '../src/register.js';
import * as sc from '../src/semconv.js';
import {
  byName,
  createHarness,
  FINAL_TEXT,
  flush,
  histogramPoints,
  INSTRUCTIONS,
  MODEL,
  makeAgent,
  metric,
  one,
  parentId,
  RESPONSE_MODEL,
  runner,
  underResolver,
} from './helpers.js';

const FORBIDDEN_NAMES = [
  'unknown',
  'turn',
  'task',
  'guardrail',
  'Agent workflow',
  'agent',
  'function',
  'generation',
  'response',
  'custom',
  'handoff',
];
const QUESTION = 'Where is order 42?';

let savedEnv: string | undefined;
beforeEach(() => {
  savedEnv = process.env[sc.ENV_CAPTURE_MESSAGE_CONTENT];
  delete process.env[sc.ENV_CAPTURE_MESSAGE_CONTENT];
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env[sc.ENV_CAPTURE_MESSAGE_CONTENT];
  else process.env[sc.ENV_CAPTURE_MESSAGE_CONTENT] = savedEnv;
});

function genAiSpans(spans: ReadableSpan[]): ReadableSpan[] {
  return spans.filter((s) => s.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] !== undefined);
}

function expectNoContent(spans: ReadableSpan[]): void {
  for (const s of spans)
    for (const key of sc.CONTENT_ATTRIBUTES) expect(s.attributes[key], `${s.name} ${key}`).toBeUndefined();
}

async function runScenario(h: ReturnType<typeof createHarness>, input = QUESTION, agentOpts = {}) {
  const { agent, model } = makeAgent(agentOpts);
  let resolverSpanId = '';
  let resolverTraceId = '';
  const result = await underResolver(h.tracer, 'resolver', async (span) => {
    resolverSpanId = span.spanContext().spanId;
    resolverTraceId = span.spanContext().traceId;
    return runner().run(agent, input);
  });
  await flush(h);
  return { result, model, resolverSpanId, resolverTraceId };
}

describe('span tree and attributes (§14.1, §14.2)', () => {
  it('emits exactly invoke_agent, run_guardrail, chat ×2, execute_tool under the resolver', async () => {
    const h = createHarness();
    const { result, resolverSpanId, resolverTraceId } = await runScenario(h);
    expect(result.finalOutput).toBe(FINAL_TEXT);

    const spans = h.spans();
    const gen = genAiSpans(spans);
    expect(gen.map((s) => s.name).sort()).toEqual(
      [
        'chat gpt-4.1-mini',
        'chat gpt-4.1-mini',
        'execute_tool lookup_order',
        'invoke_agent SupportAgent',
        'run_guardrail pii_check',
      ].sort(),
    );
    // nothing but the resolver and the 5 GenAI spans
    expect(spans).toHaveLength(6);
    for (const s of spans) expect(FORBIDDEN_NAMES).not.toContain(s.name);
    for (const s of spans) expect(s.spanContext().traceId).toBe(resolverTraceId);

    const agent = one(spans, 'invoke_agent SupportAgent');
    const guardrail = one(spans, 'run_guardrail pii_check');
    const tool = one(spans, 'execute_tool lookup_order');
    const chats = byName(spans, 'chat gpt-4.1-mini').sort((a, b) =>
      (a.attributes[sc.ATTR_GEN_AI_RESPONSE_ID] as string).localeCompare(
        b.attributes[sc.ATTR_GEN_AI_RESPONSE_ID] as string,
      ),
    );
    const [chat1, chat2] = chats as [ReadableSpan, ReadableSpan];

    expect(parentId(agent)).toBe(resolverSpanId);
    const agentId = agent.spanContext().spanId;
    for (const s of [guardrail, tool, chat1, chat2]) expect(parentId(s)).toBe(agentId);

    expect(agent.kind).toBe(SpanKind.INTERNAL);
    expect(guardrail.kind).toBe(SpanKind.INTERNAL);
    expect(tool.kind).toBe(SpanKind.INTERNAL);
    expect(chat1.kind).toBe(SpanKind.CLIENT);
    expect(chat2.kind).toBe(SpanKind.CLIENT);
    for (const s of gen) expect(s.status.code).toBe(SpanStatusCode.UNSET);

    expect(agent.attributes).toEqual({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.provider.name': 'openai',
      'gen_ai.agent.name': 'SupportAgent',
      'gen_ai.request.model': MODEL,
      'gen_ai.conversation.id': 'session-1',
      'gen_ai.output.type': 'text',
      'gen_ai.usage.input_tokens': 280,
      'gen_ai.usage.output_tokens': 43,
      'gen_ai.usage.cache_read.input_tokens': 0,
      'gen_ai.response.finish_reasons': ['stop'],
    });
    expect(guardrail.attributes).toEqual({
      'gen_ai.operation.name': 'run_guardrail',
      'gen_ai.guardrail.name': 'pii_check',
      'gen_ai.guardrail.target.type': 'input',
      'gen_ai.guardrail.triggered': false,
      'gen_ai.guardrail.verdict.type': 'allow',
      'gen_ai.agent.name': 'SupportAgent',
      'gen_ai.conversation.id': 'session-1',
    });
    expect(chat1.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.conversation.id': 'session-1',
      'gen_ai.response.id': 'resp_1',
      'gen_ai.response.model': RESPONSE_MODEL,
      'gen_ai.response.finish_reasons': ['tool_call'],
      'gen_ai.usage.input_tokens': 120,
      'gen_ai.usage.output_tokens': 18,
      'gen_ai.usage.cache_read.input_tokens': 0,
    });
    expect(chat2.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.conversation.id': 'session-1',
      'gen_ai.response.id': 'resp_2',
      'gen_ai.response.model': RESPONSE_MODEL,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 160,
      'gen_ai.usage.output_tokens': 25,
    });
    expect(tool.attributes).toEqual({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'lookup_order',
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.call.id': 'call_1',
    });
    expectNoContent(spans);
    expect(h.processor.inFlightSpanCount).toBe(0);
  });

  it('times spans where the SDK starts and ends them: children inside the agent span, tool after chat #1, chat #2 after the tool', async () => {
    const h = createHarness();
    await runScenario(h, QUESTION, { delayMs: 15 });
    const spans = h.spans();
    const ns = (t: [number, number]) => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);
    const agent = one(spans, 'invoke_agent SupportAgent');
    const tool = one(spans, 'execute_tool lookup_order');
    const [c1, c2] = byName(spans, 'chat gpt-4.1-mini').sort((a, b) => Number(ns(a.startTime) - ns(b.startTime))) as [
      ReadableSpan,
      ReadableSpan,
    ];
    for (const s of [tool, c1, c2]) {
      expect(ns(s.startTime) >= ns(agent.startTime)).toBe(true);
      expect(ns(s.endTime) <= ns(agent.endTime)).toBe(true);
    }
    expect(ns(c1.endTime) <= ns(tool.startTime)).toBe(true);
    expect(ns(tool.endTime) <= ns(c2.startTime)).toBe(true);
    expect(ns(c1.endTime) - ns(c1.startTime) >= 14_000_000n).toBe(true); // ≈ delayMs, measured by the bridge's clock
  });

  it('honours modelSpanKind, serverAddress/serverPort, providerName and requestModel options', async () => {
    const h = createHarness({
      modelSpanKind: SpanKind.INTERNAL,
      serverAddress: 'llm.internal',
      serverPort: 8443,
      providerName: 'acme',
      requestModel: (agentName) => (agentName === 'SupportAgent' ? 'configured-model' : undefined),
    });
    await runScenario(h);
    const spans = h.spans();
    const agent = one(spans, 'invoke_agent SupportAgent');
    expect(agent.attributes[sc.ATTR_GEN_AI_REQUEST_MODEL]).toBe('configured-model');
    expect(agent.attributes[sc.ATTR_GEN_AI_PROVIDER_NAME]).toBe('acme');
    expect(agent.attributes[sc.ATTR_SERVER_ADDRESS]).toBeUndefined();
    const chats = byName(spans, 'chat gpt-4.1-mini');
    expect(chats).toHaveLength(2);
    for (const c of chats) {
      expect(c.kind).toBe(SpanKind.INTERNAL);
      expect(c.attributes[sc.ATTR_SERVER_ADDRESS]).toBe('llm.internal');
      expect(c.attributes[sc.ATTR_SERVER_PORT]).toBe(8443);
      expect(c.attributes[sc.ATTR_GEN_AI_PROVIDER_NAME]).toBe('acme');
      expect(c.attributes[sc.ATTR_OPENAI_API_TYPE]).toBeUndefined();
    }
    const all = await h.metrics();
    const chatDuration = histogramPoints(metric(all, sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION)).find(
      (p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'chat',
    );
    expect(chatDuration?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'acme',
      'gen_ai.request.model': MODEL,
      'gen_ai.response.model': RESPONSE_MODEL,
      'server.address': 'llm.internal',
      'server.port': 8443,
    });
    const agentDuration = histogramPoints(metric(all, sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION)).find(
      (p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'invoke_agent',
    );
    expect(agentDuration?.attributes).toEqual({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.provider.name': 'acme',
      'gen_ai.request.model': 'configured-model',
    });
  });

  it('folds custom spans: an SDK custom span inside a tool creates no OTel span and its children reparent', async () => {
    const h = createHarness();
    await runScenario(h, QUESTION, {
      onTool: () =>
        withCustomSpan(
          async () => {
            h.tracer.startSpan('inside.custom').end();
          },
          { data: { name: 'my-custom-step', data: {} } },
        ),
    });
    const spans = h.spans();
    expect(spans.map((s) => s.name)).not.toContain('my-custom-step');
    expect(parentId(one(spans, 'inside.custom'))).toBe(one(spans, 'execute_tool lookup_order').spanContext().spanId);
  });
});

describe('metrics (§14.3)', () => {
  it('records duration for 2 chats + 1 agent and 4 token points on chat only, with the advised buckets', async () => {
    const h = createHarness();
    await runScenario(h);
    const all = await h.metrics();

    const duration = metric(all, sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION);
    expect(duration?.descriptor.unit).toBe('s');
    const dPoints = histogramPoints(duration);
    expect(dPoints.reduce((n, p) => n + p.value.count, 0)).toBe(3);
    for (const p of dPoints)
      expect(p.value.buckets.boundaries).toEqual([...sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION_BUCKETS]);
    const chatPoint = dPoints.find((p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'chat');
    expect(chatPoint?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.response.model': RESPONSE_MODEL,
    });
    expect(chatPoint?.value.count).toBe(2);
    const agentPoint = dPoints.find((p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'invoke_agent');
    expect(agentPoint?.attributes).toEqual({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
    });
    expect(agentPoint?.value.count).toBe(1);

    const tokens = metric(all, sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE);
    expect(tokens?.descriptor.unit).toBe('{token}');
    const tPoints = histogramPoints(tokens);
    expect(tPoints.reduce((n, p) => n + p.value.count, 0)).toBe(4);
    expect(tPoints.reduce((n, p) => n + (p.value.sum ?? 0), 0)).toBe(323);
    for (const p of tPoints) {
      expect(p.value.buckets.boundaries).toEqual([...sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE_BUCKETS]);
      expect(p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME]).toBe('chat');
    }
    const input = tPoints.find((p) => p.attributes[sc.ATTR_GEN_AI_TOKEN_TYPE] === 'input');
    const output = tPoints.find((p) => p.attributes[sc.ATTR_GEN_AI_TOKEN_TYPE] === 'output');
    expect(input?.value).toMatchObject({ count: 2, sum: 280, min: 120, max: 160 });
    expect(output?.value).toMatchObject({ count: 2, sum: 43, min: 18, max: 25 });
    expect(input?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.response.model': RESPONSE_MODEL,
      'gen_ai.token.type': 'input',
    });

    // cache-read: a separate counter (subset of input), only for chats that reported it (chat #1 reported 0)
    const cache = metric(all, sc.METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS);
    expect(cache?.descriptor.unit).toBe('{token}');
    expect(cache?.dataPoints).toHaveLength(1);
    expect(cache?.dataPoints[0]?.value).toBe(0);
    expect(cache?.dataPoints[0]?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.response.model': RESPONSE_MODEL,
    });
  });

  it('falls back to the runner turn usage when a chat span reports none', async () => {
    const h = createHarness();
    await runScenario(h, QUESTION, { noSpanUsage: true });
    const spans = h.spans();
    for (const c of byName(spans, 'chat gpt-4.1-mini'))
      expect(c.attributes[sc.ATTR_GEN_AI_USAGE_INPUT_TOKENS]).toBeUndefined();
    const agent = one(spans, 'invoke_agent SupportAgent');
    expect(agent.attributes[sc.ATTR_GEN_AI_USAGE_INPUT_TOKENS]).toBe(280);
    expect(agent.attributes[sc.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]).toBe(43);
    const tPoints = histogramPoints(metric(await h.metrics(), sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE));
    expect(tPoints.reduce((n, p) => n + p.value.count, 0)).toBe(4);
    expect(tPoints.reduce((n, p) => n + (p.value.sum ?? 0), 0)).toBe(323);
    for (const p of tPoints) expect(p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME]).toBe('chat');
  });

  it('records nothing when metrics are disabled', async () => {
    const h = createHarness({ metrics: false });
    await runScenario(h);
    const all = await h.metrics();
    expect(all.reduce((n, m) => n + m.dataPoints.length, 0)).toBe(0);
  });
});

describe('errors (§14.4)', () => {
  it('input guardrail trip: guardrail triggered (UNSET), invoke_agent ERROR InputGuardrailTripwireTriggered, no second chat', async () => {
    const h = createHarness();
    const { agent } = makeAgent({ delayMs: 20 });
    let resolverSpanId = '';
    await expect(
      underResolver(h.tracer, 'resolver', async (span) => {
        resolverSpanId = span.spanContext().spanId;
        return runner().run(agent, 'my SSN is 123');
      }),
    ).rejects.toBeInstanceOf(InputGuardrailTripwireTriggered);
    await flush(h); // the model call that ran beside the guardrail ends after the run rejected
    const spans = h.spans();
    for (const s of spans) expect(FORBIDDEN_NAMES).not.toContain(s.name);
    const inv = one(spans, 'invoke_agent SupportAgent');
    const guard = one(spans, 'run_guardrail pii_check');
    expect(parentId(inv)).toBe(resolverSpanId);
    expect(parentId(guard)).toBe(inv.spanContext().spanId);
    expect(inv.status.code).toBe(SpanStatusCode.ERROR);
    expect(inv.attributes[sc.ATTR_ERROR_TYPE]).toBe('InputGuardrailTripwireTriggered');
    expect(inv.events.map((e) => e.name)).toEqual(['exception']);
    expect(inv.events[0]?.attributes?.['exception.type']).toBe('InputGuardrailTripwireTriggered');
    expect(guard.status.code).toBe(SpanStatusCode.UNSET);
    expect(guard.attributes[sc.ATTR_GEN_AI_GUARDRAIL_TRIGGERED]).toBe(true);
    expect(guard.attributes[sc.ATTR_GEN_AI_GUARDRAIL_VERDICT_TYPE]).toBe('deny');
    expect(guard.attributes[sc.ATTR_ERROR_TYPE]).toBeUndefined();
    expect(byName(spans, 'chat gpt-4.1-mini').length).toBeLessThanOrEqual(1);
    expect(byName(spans, 'execute_tool lookup_order')).toHaveLength(0);
    const agentPoint = histogramPoints(metric(await h.metrics(), sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION)).find(
      (p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'invoke_agent',
    );
    expect(agentPoint?.attributes[sc.ATTR_ERROR_TYPE]).toBe('InputGuardrailTripwireTriggered');
    expect(h.processor.inFlightSpanCount).toBe(0);
  });

  it('model error: chat ERROR with error.type (HTTP status), duration point with error.type, no token points', async () => {
    const h = createHarness();
    const { agent } = makeAgent({ failOn: { call: 1, error: new Error('429 Too Many Requests') } });
    await expect(underResolver(h.tracer, 'resolver', async () => runner().run(agent, QUESTION))).rejects.toThrow('429');
    await flush(h);
    const spans = h.spans();
    const chat = one(spans, 'chat gpt-4.1-mini');
    expect(chat.status).toEqual({ code: SpanStatusCode.ERROR, message: '429 Too Many Requests' });
    expect(chat.attributes[sc.ATTR_ERROR_TYPE]).toBe('429');
    expect(chat.events.map((e) => e.name)).toEqual(['exception']);
    const inv = one(spans, 'invoke_agent SupportAgent');
    expect(inv.status.code).toBe(SpanStatusCode.ERROR);
    // item 1: the agent span carries the cause (the failed chat's status), not the generic "Error"
    expect(inv.attributes[sc.ATTR_ERROR_TYPE]).toBe('429');
    // item 4: exception.type is a class; error.type keeps the status
    expect(chat.events[0]?.attributes).toMatchObject({
      'exception.type': 'RateLimitError',
      'exception.message': '429 Too Many Requests',
    });
    expect(inv.events[0]?.attributes?.['exception.type']).toBe('RateLimitError');
    const all = await h.metrics();
    const chatPoint = histogramPoints(metric(all, sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION)).find(
      (p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'chat',
    );
    expect(chatPoint?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'error.type': '429',
    });
    const agentPoint = histogramPoints(metric(all, sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION)).find(
      (p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'invoke_agent',
    );
    expect(agentPoint?.attributes[sc.ATTR_ERROR_TYPE]).toBe('429');
    expect(histogramPoints(metric(all, sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE))).toHaveLength(0);
  });

  it.each([
    ['Request timed out.', 'APIConnectionTimeoutError'],
    ['Connection error.', 'APIConnectionError'],
  ])('model transport error %j: chat and its duration point get error.type %s', async (message, expected) => {
    const h = createHarness();
    const { agent } = makeAgent({ failOn: { call: 1, error: new Error(message) } });
    await expect(underResolver(h.tracer, 'resolver', async () => runner().run(agent, QUESTION))).rejects.toThrow(
      message,
    );
    await flush(h);
    const chat = one(h.spans(), 'chat gpt-4.1-mini');
    expect(chat.attributes[sc.ATTR_ERROR_TYPE]).toBe(expected);
    const chatPoint = histogramPoints(metric(await h.metrics(), sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION)).find(
      (p) => p.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] === 'chat',
    );
    expect(chatPoint?.attributes[sc.ATTR_ERROR_TYPE]).toBe(expected);
  });

  it('model error without a status: error.type _OTHER', async () => {
    const h = createHarness();
    const { agent } = makeAgent({ failOn: { call: 2, error: new Error('boom') } });
    await expect(underResolver(h.tracer, 'resolver', async () => runner().run(agent, QUESTION))).rejects.toThrow(
      'boom',
    );
    await flush(h);
    const chats = byName(h.spans(), 'chat gpt-4.1-mini');
    expect(chats).toHaveLength(2);
    const failed = chats.find((c) => c.status.code === SpanStatusCode.ERROR);
    expect(failed?.attributes[sc.ATTR_ERROR_TYPE]).toBe('_OTHER');
    // token points only for the successful chat
    const tPoints = histogramPoints(metric(await h.metrics(), sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE));
    expect(tPoints.reduce((n, p) => n + p.value.count, 0)).toBe(2);
  });

  it('tool error: execute_tool ERROR with error.type _OTHER (SDK redacts the error), run continues', async () => {
    const h = createHarness();
    const { result } = await runScenario(h, QUESTION, { toolError: new TypeError('db down') });
    expect(result.finalOutput).toBe(FINAL_TEXT);
    const tool = one(h.spans(), 'execute_tool lookup_order');
    expect(tool.status.code).toBe(SpanStatusCode.ERROR);
    expect(tool.attributes[sc.ATTR_ERROR_TYPE]).toBe('_OTHER');
    expect(one(h.spans(), 'invoke_agent SupportAgent').status.code).toBe(SpanStatusCode.UNSET);
  });
});

describe('content capture (§7, §3.1)', () => {
  type Msg = { role: string; parts: Array<Record<string, unknown>>; finish_reason?: string };
  function checkMessages(value: unknown, output: boolean): Msg[] {
    // structured (AnyValue) by default: an array of maps, not a JSON string (item 6)
    expect(Array.isArray(value)).toBe(true);
    const msgs = value as Msg[];
    expect(Array.isArray(msgs)).toBe(true);
    for (const m of msgs) {
      expect(typeof m.role).toBe('string');
      expect(Array.isArray(m.parts)).toBe(true);
      for (const p of m.parts) {
        expect(typeof p.type).toBe('string');
        if (p.type === 'text') expect(typeof p.content).toBe('string');
        if (p.type === 'tool_call') expect(typeof p.name).toBe('string');
        if (p.type === 'tool_call_response') {
          expect(p).toHaveProperty('response');
          expect(p).not.toHaveProperty('result');
        }
      }
      if (output) expect(typeof m.finish_reason).toBe('string');
    }
    return msgs;
  }

  it('is off by default: no content attribute anywhere', async () => {
    const h = createHarness();
    expect(h.processor.captureMessageContent).toBe(false);
    await runScenario(h);
    expectNoContent(h.spans());
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['span_only', true],
    ['SPAN_AND_EVENT', true],
    ['event_only', false],
    ['false', false],
    ['no_content', false],
    ['yes', false],
  ])('reads %s from OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT → %s', (value, expected) => {
    process.env[sc.ENV_CAPTURE_MESSAGE_CONTENT] = value;
    const h = createHarness();
    expect(h.processor.captureMessageContent).toBe(expected);
  });

  it('when on, records structured content in the v1.41 schemas', async () => {
    process.env[sc.ENV_CAPTURE_MESSAGE_CONTENT] = 'true';
    const h = createHarness();
    await runScenario(h);
    const spans = h.spans();
    const [chat1, chat2] = byName(spans, 'chat gpt-4.1-mini').sort((a, b) =>
      String(a.attributes[sc.ATTR_GEN_AI_RESPONSE_ID]).localeCompare(String(b.attributes[sc.ATTR_GEN_AI_RESPONSE_ID])),
    ) as [ReadableSpan, ReadableSpan];

    expect(chat1.attributes[sc.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]).toEqual([{ type: 'text', content: INSTRUCTIONS }]);
    expect(checkMessages(chat1.attributes[sc.ATTR_GEN_AI_INPUT_MESSAGES], false)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: QUESTION }] },
    ]);
    expect(checkMessages(chat1.attributes[sc.ATTR_GEN_AI_OUTPUT_MESSAGES], true)).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_1', name: 'lookup_order', arguments: { orderId: '42' } }],
        finish_reason: 'tool_call',
      },
    ]);
    const in2 = checkMessages(chat2.attributes[sc.ATTR_GEN_AI_INPUT_MESSAGES], false);
    expect(in2.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(in2[1]?.parts).toEqual([
      { type: 'tool_call', id: 'call_1', name: 'lookup_order', arguments: { orderId: '42' } },
    ]);
    expect(in2[2]?.parts[0]).toMatchObject({ type: 'tool_call_response', id: 'call_1' });
    expect(JSON.parse(in2[2]?.parts[0]?.response as string)).toEqual({ orderId: '42', status: 'shipped' });
    expect(checkMessages(chat2.attributes[sc.ATTR_GEN_AI_OUTPUT_MESSAGES], true)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: FINAL_TEXT }], finish_reason: 'stop' },
    ]);

    const tool = one(spans, 'execute_tool lookup_order');
    expect(tool.attributes[sc.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS]).toEqual({ orderId: '42' });
    expect(tool.attributes[sc.ATTR_GEN_AI_TOOL_CALL_RESULT]).toEqual({ orderId: '42', status: 'shipped' });

    const agent = one(spans, 'invoke_agent SupportAgent');
    expect(agent.attributes[sc.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]).toEqual([{ type: 'text', content: INSTRUCTIONS }]);
    expect(checkMessages(agent.attributes[sc.ATTR_GEN_AI_INPUT_MESSAGES], false)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: QUESTION }] },
    ]);
    expect(checkMessages(agent.attributes[sc.ATTR_GEN_AI_OUTPUT_MESSAGES], true)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: FINAL_TEXT }], finish_reason: 'stop' },
    ]);
    expect(agent.attributes[sc.ATTR_GEN_AI_TOOL_DEFINITIONS]).toEqual([{ type: 'function', name: 'lookup_order' }]);

    // never on guardrail spans
    for (const key of sc.CONTENT_ATTRIBUTES)
      expect(one(spans, 'run_guardrail pii_check').attributes[key]).toBeUndefined();
  });

  it("contentFormat 'json_string' gives the same values as JSON strings, for backends that need strings (item 6)", async () => {
    const h = createHarness({ captureMessageContent: true, contentFormat: 'json_string' });
    await runScenario(h);
    const spans = h.spans();
    const agent = one(spans, 'invoke_agent SupportAgent');
    expect(agent.attributes[sc.ATTR_GEN_AI_INPUT_MESSAGES]).toBe(
      JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: QUESTION }] }]),
    );
    expect(agent.attributes[sc.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]).toBe(
      JSON.stringify([{ type: 'text', content: INSTRUCTIONS }]),
    );
    expect(one(spans, 'execute_tool lookup_order').attributes[sc.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS]).toBe(
      '{"orderId":"42"}',
    );
  });

  it('option overrides the env var', async () => {
    process.env[sc.ENV_CAPTURE_MESSAGE_CONTENT] = 'true';
    const h = createHarness({ captureMessageContent: false });
    await runScenario(h);
    expectNoContent(h.spans());
  });

  it('truncation keeps every content attribute valid JSON within maxContentLength', async () => {
    const h = createHarness({ captureMessageContent: true, maxContentLength: 200 });
    const long = `Where is order 42? ${'please tell me '.repeat(100)}`;
    await runScenario(h, long);
    const spans = h.spans();
    let truncated = 0;
    for (const s of spans) {
      for (const key of sc.CONTENT_ATTRIBUTES) {
        const v = s.attributes[key];
        if (v === undefined) continue;
        const json = typeof v === 'string' ? v : JSON.stringify(v);
        expect(json.length).toBeLessThanOrEqual(200);
        if (json.includes('[truncated]')) truncated++;
      }
    }
    expect(truncated).toBeGreaterThan(0);
    const input = one(spans, 'invoke_agent SupportAgent').attributes[sc.ATTR_GEN_AI_INPUT_MESSAGES] as Array<{
      role: string;
      parts: Array<{ type: string; content: string }>;
    }>;
    expect(input[0]?.role).toBe('user');
    expect(input[0]?.parts[0]?.content.startsWith('Where is order 42? please tell me')).toBe(true);
    expect(input[0]?.parts[0]?.content.endsWith('…[truncated]')).toBe(true);
  });

  it('with traceIncludeSensitiveData=false nothing can be captured, tool call id comes from observeToolCalls', async () => {
    const h = createHarness({ captureMessageContent: true });
    const { agent } = makeAgent();
    const r = new Runner({ groupId: 'g', traceIncludeSensitiveData: false });
    const unsubscribe = h.processor.observeToolCalls(r);
    await underResolver(h.tracer, 'resolver', async () => r.run(agent, QUESTION));
    unsubscribe();
    await flush(h);
    const spans = h.spans();
    const tool = one(spans, 'execute_tool lookup_order');
    expect(tool.attributes[sc.ATTR_GEN_AI_TOOL_CALL_ID]).toBe('call_1');
    for (const s of byName(spans, 'chat gpt-4.1-mini')) {
      expect(s.attributes[sc.ATTR_GEN_AI_INPUT_MESSAGES]).toBeUndefined();
      expect(s.attributes[sc.ATTR_GEN_AI_OUTPUT_MESSAGES]).toBeUndefined();
    }
    expect(tool.attributes[sc.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS]).toBeUndefined();
    expect(tool.attributes[sc.ATTR_GEN_AI_TOOL_CALL_RESULT]).toBeUndefined();
  });
});

describe('concurrency and lifecycle', () => {
  it('two interleaved runs under two resolver spans give two disjoint, correct trees', async () => {
    const h = createHarness();
    const a = makeAgent({ delayMs: 10, label: 'A' });
    const b = makeAgent({ delayMs: 7, label: 'B' });
    const ids: Record<string, { span: string; trace: string }> = {};
    const [ra, rb] = await Promise.all([
      underResolver(h.tracer, 'resolver A', async (span) => {
        ids.A = { span: span.spanContext().spanId, trace: span.spanContext().traceId };
        return runner('conv-A').run(a.agent, QUESTION);
      }),
      underResolver(h.tracer, 'resolver B', async (span) => {
        ids.B = { span: span.spanContext().spanId, trace: span.spanContext().traceId };
        return runner('conv-B').run(b.agent, QUESTION);
      }),
    ]);
    await flush(h);
    expect(ra.finalOutput).toContain('(A)');
    expect(rb.finalOutput).toContain('(B)');
    const spans = h.spans();
    expect(ids.A?.trace).not.toBe(ids.B?.trace);
    for (const label of ['A', 'B'] as const) {
      const id = ids[label]!;
      const tree = spans.filter((s) => s.spanContext().traceId === id.trace);
      const agents = byName(tree, 'invoke_agent SupportAgent');
      expect(agents).toHaveLength(1);
      const agent = agents[0]!;
      expect(parentId(agent)).toBe(id.span);
      expect(agent.attributes[sc.ATTR_GEN_AI_CONVERSATION_ID]).toBe(`conv-${label}`);
      const children = tree.filter((s) => parentId(s) === agent.spanContext().spanId);
      expect(children.map((s) => s.name).sort()).toEqual(
        ['chat gpt-4.1-mini', 'chat gpt-4.1-mini', 'execute_tool lookup_order', 'run_guardrail pii_check'].sort(),
      );
      for (const c of children) {
        if (c.attributes[sc.ATTR_GEN_AI_CONVERSATION_ID] !== undefined)
          expect(c.attributes[sc.ATTR_GEN_AI_CONVERSATION_ID]).toBe(`conv-${label}`);
      }
      expect(tree).toHaveLength(6);
    }
    expect(h.processor.inFlightSpanCount).toBe(0);
  });

  it('shutdown ends in-flight spans instead of dropping them', async () => {
    const h = createHarness();
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inTool = new Promise<void>((r) => (entered = r));
    const { agent } = makeAgent({
      onTool: async () => {
        entered();
        await blocked;
      },
    });
    const run = underResolver(h.tracer, 'resolver', async () => runner().run(agent, QUESTION));
    await inTool;
    expect(h.processor.inFlightSpanCount).toBeGreaterThan(0);
    await h.processor.shutdown();
    expect(h.processor.inFlightSpanCount).toBe(0);
    const names = h.spans().map((s) => s.name);
    expect(names).toContain('invoke_agent SupportAgent');
    expect(names).toContain('execute_tool lookup_order');
    release();
    await run;
    await flush(h);
    // nothing is emitted twice after shutdown
    expect(byName(h.spans(), 'invoke_agent SupportAgent')).toHaveLength(1);
    expect(byName(h.spans(), 'execute_tool lookup_order')).toHaveLength(1);
  });

  it('caps in-flight state (maxInFlightSpans) by ending the oldest span', async () => {
    const h = createHarness({ maxInFlightSpans: 2 });
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inTool = new Promise<void>((r) => (entered = r));
    const { agent } = makeAgent({
      onTool: async () => {
        entered();
        await blocked;
      },
    });
    const run = runner().run(agent, QUESTION);
    await inTool;
    // Inside the tool the run has more SDK spans open than the cap (four without it), so the oldest, the agent
    // span, was ended early, while the run is still going.
    expect(h.processor.inFlightSpanCount).toBeLessThanOrEqual(2);
    expect(byName(h.spans(), 'invoke_agent SupportAgent')).toHaveLength(1);
    release();
    await run;
    await flush(h);
    expect(h.processor.inFlightSpanCount).toBe(0);
    // every span still ends exactly once: the SDK ending the evicted span later emits nothing more
    expect(byName(h.spans(), 'invoke_agent SupportAgent')).toHaveLength(1);
    expect(byName(h.spans(), 'execute_tool lookup_order')).toHaveLength(1);
  });

  it('registerAgentsOtel installs the processor as the only SDK processor and returns it', async () => {
    const h = createHarness();
    const processor = registerAgentsOtel({
      tracerProvider: h.tracerProvider,
      meterProvider: h.meterProvider,
      modelSpanKind: SpanKind.INTERNAL,
    });
    await runScenario(h);
    // the harness processor was replaced (and shut down): every span comes from the registered one
    expect(byName(h.spans(), 'invoke_agent SupportAgent')).toHaveLength(1);
    for (const c of byName(h.spans(), 'chat gpt-4.1-mini')) expect(c.kind).toBe(SpanKind.INTERNAL);
    expect(processor.inFlightSpanCount).toBe(0);
  });

  it('contextFor(getCurrentSpan()) gives the OTel context of the current SDK span', async () => {
    const h = createHarness();
    let seen: string | undefined;
    await runScenario(h, QUESTION, {
      onTool: () => {
        const ctx = h.processor.contextFor(getCurrentSpan());
        seen = ctx ? (trace.getSpan(ctx) as unknown as { name?: string } | undefined)?.name : undefined;
      },
    });
    expect(seen).toBe('execute_tool lookup_order');
  });
});
