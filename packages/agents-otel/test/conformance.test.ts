/**
 * The GenAI v1.41 deviations of issue 13, one test each, against the real Agents SDK and the real OTel SDK
 * (in-memory exporters). API-level counterparts (through the spawned server and the OTLP receiver) are in
 * apps/api/test/telemetry.test.ts and model-backends.test.ts.
 */

import {
  Agent,
  type Model,
  type ModelRequest,
  type ModelResponse,
  Runner,
  type StreamEvent,
  type Tool,
  tool,
  Usage,
  withGenerationSpan,
  withResponseSpan,
} from '@openai/agents-core';
import { type Attributes, type Context, context, type MeterProvider, trace } from '@opentelemetry/api';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as sc from '../src/semconv.js';
import {
  byName,
  createHarness,
  flush,
  histogramPoints,
  MODEL,
  makeAgent,
  metric,
  one,
  runner,
  underResolver,
} from './helpers.js';

const QUESTION = 'Where is order 42?';

/** One model call whose span data and outcome the test chooses. */
class FixedModel implements Model {
  readonly #run: (request: ModelRequest) => Promise<ModelResponse>;
  constructor(run: (request: ModelRequest) => Promise<ModelResponse>) {
    this.#run = run;
  }
  getResponse(request: ModelRequest): Promise<ModelResponse> {
    return this.#run(request);
  }
  // eslint-disable-next-line require-yield
  async *getStreamedResponse(): AsyncIterable<StreamEvent> {
    throw new Error('not used');
  }
}

const answer = (text: string): ModelResponse => ({
  output: [
    { type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text }] },
  ] as ModelResponse['output'],
  usage: new Usage({ requests: 1, inputTokens: 5, outputTokens: 2, totalTokens: 7 }),
});

describe('item 2: request attributes come from the request only', () => {
  it('a Responses span whose response echoes temperature/top_p 1 gets no gen_ai.request.temperature/top_p', async () => {
    const h = createHarness();
    const model = new FixedModel(() =>
      withResponseSpan(async (span) => {
        Object.assign(span.spanData, {
          response_id: 'resp_1',
          _response: {
            id: 'resp_1',
            object: 'response',
            status: 'completed',
            model: 'gpt-x',
            temperature: 1,
            top_p: 1,
            max_output_tokens: null,
            output: [],
          },
        });
        return answer('ok');
      }),
    );
    await underResolver(h.tracer, 'resolver', () => runner().run(new Agent({ name: 'A', model }), QUESTION));
    await flush(h);
    const chat = one(h.spans(), 'chat gpt-x');
    expect(chat.attributes[sc.ATTR_GEN_AI_REQUEST_TEMPERATURE]).toBeUndefined();
    expect(chat.attributes[sc.ATTR_GEN_AI_REQUEST_TOP_P]).toBeUndefined();
    expect(chat.attributes[sc.ATTR_GEN_AI_REQUEST_MAX_TOKENS]).toBeUndefined();
    expect(chat.attributes[sc.ATTR_GEN_AI_RESPONSE_MODEL]).toBe('gpt-x');
  });
});

describe('item 5: tool description and types', () => {
  const lookup = tool({
    name: 'lookup_order',
    description: 'Look up an order by id',
    parameters: z.object({ orderId: z.string() }),
    execute: async ({ orderId }) => ({ orderId, status: 'shipped' }),
  });
  const webSearch = {
    type: 'hosted_tool',
    name: 'web_search',
    providerData: { type: 'web_search' },
  } as unknown as Tool;

  it('observe(runner): execute_tool gets gen_ai.tool.description; the hosted web_search is not labelled "function"', async () => {
    const h = createHarness({ captureMessageContent: true });
    const { model } = makeAgent();
    const agent = new Agent({ name: 'SupportAgent', model, tools: [lookup, webSearch] });
    const r = new Runner({ groupId: 'g' });
    const stop = h.processor.observe(r);
    await underResolver(h.tracer, 'resolver', () => r.run(agent, QUESTION));
    stop();
    await flush(h);
    const spans = h.spans();
    expect(one(spans, 'execute_tool lookup_order').attributes).toEqual({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'lookup_order',
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.description': 'Look up an order by id',
      'gen_ai.tool.call.id': 'call_1',
      'gen_ai.tool.call.arguments': { orderId: '42' },
      'gen_ai.tool.call.result': { orderId: '42', status: 'shipped' },
    });
    const definitions = [
      { type: 'function', name: 'lookup_order', description: 'Look up an order by id' },
      { type: 'web_search', name: 'web_search' },
    ];
    expect(one(spans, 'invoke_agent SupportAgent').attributes[sc.ATTR_GEN_AI_TOOL_DEFINITIONS]).toEqual(definitions);
    // a model whose span data lists no tools (Chat Completions) still gets the agent's definitions
    for (const chat of byName(spans, `chat ${MODEL}`))
      expect(chat.attributes[sc.ATTR_GEN_AI_TOOL_DEFINITIONS]).toEqual(definitions);
  });

  it('without hooks, the description comes from the tools listed in the model span data (content capture off)', async () => {
    const h = createHarness();
    let call = 0;
    const model = new FixedModel(() =>
      withGenerationSpan(
        async (span) => {
          call++;
          span.spanData.usage = { input_tokens: 5, output_tokens: 2 };
          Object.assign(span.spanData, {
            tools: [{ type: 'function', name: 'lookup_order', description: 'Look up an order by id' }],
          });
          if (call === 1) {
            return {
              output: [
                {
                  type: 'function_call',
                  callId: 'c1',
                  name: 'lookup_order',
                  arguments: '{"orderId":"1"}',
                  status: 'completed',
                },
              ] as ModelResponse['output'],
              usage: new Usage({ requests: 1, inputTokens: 5, outputTokens: 2, totalTokens: 7 }),
            };
          }
          return answer('done');
        },
        { data: { model: 'm' } },
      ),
    );
    await underResolver(h.tracer, 'resolver', () =>
      runner().run(new Agent({ name: 'A', model, tools: [lookup] }), QUESTION),
    );
    await flush(h);
    expect(one(h.spans(), 'execute_tool lookup_order').attributes[sc.ATTR_GEN_AI_TOOL_DESCRIPTION]).toBe(
      'Look up an order by id',
    );
  });
});

describe('item 9: metric points are recorded in the span context (exemplar-ready)', () => {
  it('each duration and token point is recorded with the context of its own chat or agent span', async () => {
    const recorded: Array<{ name: string; attrs: Attributes; spanId: string | undefined }> = [];
    const spy = (name: string) => ({
      record: (_v: number, attrs: Attributes = {}, ctx: Context = context.active()) =>
        recorded.push({ name, attrs, spanId: trace.getSpan(ctx)?.spanContext().spanId }),
      add: (_v: number, attrs: Attributes = {}, ctx: Context = context.active()) =>
        recorded.push({ name, attrs, spanId: trace.getSpan(ctx)?.spanContext().spanId }),
    });
    const meterProvider = {
      getMeter: () => ({ createHistogram: (name: string) => spy(name), createCounter: (name: string) => spy(name) }),
    } as unknown as MeterProvider;
    const h = createHarness({ meterProvider });
    const { agent } = makeAgent();
    await underResolver(h.tracer, 'resolver', () => runner().run(agent, QUESTION));
    await flush(h);
    const spans = h.spans();
    const ids = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const durations = recorded.filter((r) => r.name === sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION);
    expect(durations).toHaveLength(3);
    for (const r of recorded) {
      const span = ids.get(r.spanId ?? '');
      expect(span, r.name).toBeDefined();
      expect(span!.attributes[sc.ATTR_GEN_AI_OPERATION_NAME]).toBe(r.attrs[sc.ATTR_GEN_AI_OPERATION_NAME]);
    }
  });
});

describe('item 11: event modes emit gen_ai.client.inference.operation.details log records', () => {
  async function run(mode: 'span_and_event' | 'event_only' | 'span_only') {
    const exporter = new InMemoryLogRecordExporter();
    const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
    const h = createHarness({ captureMessageContent: mode, loggerProvider });
    const { agent } = makeAgent();
    await underResolver(h.tracer, 'resolver', () => runner().run(agent, QUESTION));
    await flush(h);
    return { spans: h.spans(), logs: exporter.getFinishedLogRecords() };
  }

  it('span_and_event: one event per chat, in the chat span context, with its attributes and structured content', async () => {
    const { spans, logs } = await run('span_and_event');
    const chats = byName(spans, `chat ${MODEL}`);
    expect(logs).toHaveLength(2);
    for (const log of logs) {
      expect(log.eventName).toBe('gen_ai.client.inference.operation.details');
      const chat = chats.find((c) => c.spanContext().spanId === log.spanContext?.spanId) as ReadableSpan;
      expect(chat).toBeDefined();
      expect(log.spanContext?.traceId).toBe(chat.spanContext().traceId);
      // the event repeats the span's attributes, content included
      expect(log.attributes).toEqual(chat.attributes);
      expect(log.attributes[sc.ATTR_GEN_AI_INPUT_MESSAGES]).toEqual(
        expect.arrayContaining([{ role: 'user', parts: [{ type: 'text', content: QUESTION }] }]),
      );
    }
  });

  it('event_only: content only in the events, none on spans; span_only: no events', async () => {
    const eventOnly = await run('event_only');
    expect(eventOnly.logs).toHaveLength(2);
    for (const log of eventOnly.logs) expect(log.attributes[sc.ATTR_GEN_AI_OUTPUT_MESSAGES]).toBeDefined();
    for (const s of eventOnly.spans)
      for (const key of sc.CONTENT_ATTRIBUTES) expect(s.attributes[key], `${s.name} ${key}`).toBeUndefined();
    const spanOnly = await run('span_only');
    expect(spanOnly.logs).toHaveLength(0);
  });
});

describe('item 12: usage reported by a failed call is recorded, with error.type', () => {
  it('span attributes and token points of a failed chat that reported usage', async () => {
    const h = createHarness();
    const model = new FixedModel(() =>
      withGenerationSpan(
        async (span) => {
          span.spanData.usage = { input_tokens: 40, output_tokens: 3 };
          throw new Error('500 upstream failed mid-response');
        },
        { data: { model: 'm' } },
      ),
    );
    await expect(
      underResolver(h.tracer, 'resolver', () => runner().run(new Agent({ name: 'A', model }), QUESTION)),
    ).rejects.toThrow('500');
    await flush(h);
    const chat = one(h.spans(), 'chat m');
    expect(chat.attributes).toMatchObject({
      'error.type': '500',
      'gen_ai.usage.input_tokens': 40,
      'gen_ai.usage.output_tokens': 3,
    });
    expect(chat.events[0]?.attributes?.['exception.type']).toBe('InternalServerError');
    const points = histogramPoints(metric(await h.metrics(), sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE));
    expect(
      points.map((p) => [p.attributes[sc.ATTR_GEN_AI_TOKEN_TYPE], p.attributes[sc.ATTR_ERROR_TYPE], p.value.sum]),
    ).toEqual([
      ['input', '500', 40],
      ['output', '500', 3],
    ]);
  });
});

describe('item 13: precise timing', () => {
  it('span times have sub-millisecond precision (not whole SDK milliseconds)', async () => {
    const h = createHarness();
    for (let i = 0; i < 3; i++) {
      const { agent } = makeAgent();
      await underResolver(h.tracer, 'resolver', () => runner().run(agent, QUESTION));
    }
    await flush(h);
    const gen = h.spans().filter((s) => s.attributes[sc.ATTR_GEN_AI_OPERATION_NAME] !== undefined);
    const subMs = gen.flatMap((s) => [s.startTime[1], s.endTime[1]]).filter((ns) => ns % 1_000_000 !== 0);
    // with SDK timestamps every one of these would be a whole millisecond
    expect(subMs.length).toBeGreaterThan(gen.length);
  });
});

describe('conversations: gen_ai.conversation.id and the turn number', () => {
  it('the SDK groupId and trace metadata gen_ai.agent.turn go on agent, chat and guardrail spans, not on tools', async () => {
    const h = createHarness();
    const { agent } = makeAgent();
    const r = new Runner({ groupId: 'conv-7', traceMetadata: { [sc.TRACE_METADATA_TURN]: '3' } });
    await underResolver(h.tracer, 'resolver', () => r.run(agent, QUESTION));
    await flush(h);
    const spans = h.spans();
    for (const s of [
      one(spans, 'invoke_agent SupportAgent'),
      one(spans, 'run_guardrail pii_check'),
      ...byName(spans, `chat ${MODEL}`),
    ]) {
      expect(s.attributes[sc.ATTR_GEN_AI_CONVERSATION_ID], s.name).toBe('conv-7');
      expect(s.attributes[sc.ATTR_GEN_AI_AGENT_TURN], s.name).toBe(3);
    }
    const toolSpan = one(spans, 'execute_tool lookup_order');
    expect(toolSpan.attributes[sc.ATTR_GEN_AI_CONVERSATION_ID]).toBeUndefined();
    expect(toolSpan.attributes[sc.ATTR_GEN_AI_AGENT_TURN]).toBeUndefined();
  });

  it('no turn attribute without the metadata (never a made-up number)', async () => {
    const h = createHarness();
    const { agent } = makeAgent();
    await underResolver(h.tracer, 'resolver', () => runner().run(agent, QUESTION));
    await flush(h);
    for (const s of h.spans()) expect(s.attributes[sc.ATTR_GEN_AI_AGENT_TURN]).toBeUndefined();
  });
});
