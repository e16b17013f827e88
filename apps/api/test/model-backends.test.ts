/**
 * Issue 4: the two network providers, end to end. The BUILT API (spawned as `npm start` runs it) talks to a scripted
 * OpenAI-compatible server on 127.0.0.1 through the real Agents SDK and the real `openai` client, and exports its
 * telemetry over OTLP to a receiver in the test. Only OpenAI itself is fake.
 */
import {
  type Endpoint,
  type FlatSpan,
  type OtlpReceiver,
  otlpTestEnv,
  type ScriptedOpenAI,
  type ScriptStep,
  type SpawnedApi,
  spawnApi,
  startOtlpReceiver,
  startScriptedOpenAI,
} from '@nba-reporter/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FOLLOW_UP, gql, RAPTORS, REPORT } from './helpers.js';

const SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;
const STATUS_ERROR = 2;
const TIMEOUT_MS = 600;
const MAX_RETRIES = 1;
const OPENAI_MODEL = 'gpt-test';
const LOCAL_MODEL = 'local-model';
const TOOL_CALL = { name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 }, callId: 'call_raptors' };
const ANSWER = 'The Raptors went 46-36, which works out to a .561 winning percentage.';

function otlpEnv(receiver: OtlpReceiver) {
  return {
    ...otlpTestEnv(receiver.url),
    OTEL_SERVICE_NAME: 'nba-reporter-model-backends-test',
  };
}

let receiver: OtlpReceiver;
let scripted: ScriptedOpenAI;
let openaiApi: SpawnedApi;
let compatApi: SpawnedApi;

beforeAll(async () => {
  [receiver, scripted] = await Promise.all([startOtlpReceiver(), startScriptedOpenAI()]);
  const common = {
    ...otlpEnv(receiver),
    OPENAI_BASE_URL: scripted.baseURL,
    OPENAI_API_KEY: 'test-key',
    NBA_REPORTER_MODEL_TIMEOUT_MS: String(TIMEOUT_MS),
    NBA_REPORTER_MODEL_MAX_RETRIES: String(MAX_RETRIES),
  };
  [openaiApi, compatApi] = await Promise.all([
    spawnApi({ env: { ...common, NBA_REPORTER_MODEL_PROVIDER: 'openai', NBA_REPORTER_MODEL: OPENAI_MODEL } }),
    spawnApi({ env: { ...common, NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible', NBA_REPORTER_MODEL: LOCAL_MODEL } }),
  ]);
}, 40_000);

afterAll(async () => {
  await Promise.all([openaiApi?.stop(), compatApi?.stop()]);
  await Promise.all([scripted?.close(), receiver?.close()]);
});

beforeEach(() => scripted.reset());

/** Spans of one trace, once its invoke_agent span (the run's root) has arrived. */
async function traceSpans(traceId: string, ready: (spans: FlatSpan[]) => boolean = () => true): Promise<FlatSpan[]> {
  return receiver.waitFor(() => {
    const spans = receiver.spans().filter((s) => s.traceId === traceId);
    return (
      spans.some((s) => s.name.startsWith('invoke_agent')) &&
      spans.some((s) => s.kind === SPAN_KIND.SERVER) &&
      ready(spans) &&
      spans
    );
  }, 15_000);
}

/** HTTP client spans (undici) of requests to the scripted server. */
function httpSpansTo(spans: FlatSpan[], path: string): FlatSpan[] {
  return spans.filter(
    (s) => s.kind === SPAN_KIND.CLIENT && String(s.attributes['url.full'] ?? '').startsWith(`${scripted.url}${path}`),
  );
}

const chatsOf = (spans: FlatSpan[]) => spans.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat');

/** Input items on the wire: the SDK sends plain user messages as `{ role, content }` without a type. */
const kind = (i: any): string => i.type ?? 'message';

function expectChatTelemetry(chat: FlatSpan, provider: string, model: string) {
  expect(chat.name).toBe(`chat ${model}`);
  expect(chat.kind).toBe(SPAN_KIND.CLIENT);
  expect(chat.attributes).toMatchObject({
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': provider,
    'gen_ai.request.model': model,
    'server.address': '127.0.0.1',
    'server.port': scripted.port,
  });
}

/** Every chat span's HTTP client span(s) to `path` are its children, and every such HTTP span has a chat parent. */
function expectHttpUnderChats(spans: FlatSpan[], path: string, attemptsPerChat: number) {
  const chats = chatsOf(spans);
  const http = httpSpansTo(spans, path);
  expect(http.length).toBe(chats.length * attemptsPerChat);
  for (const chat of chats) expect(http.filter((h) => h.parentSpanId === chat.spanId)).toHaveLength(attemptsPerChat);
}

describe('openai provider: Responses API + Conversations against the scripted server', () => {
  test('report with a tool call, then followUp by conversation id: requests, answers and telemetry', async () => {
    scripted.enqueue(
      'responses',
      {
        toolCalls: [TOOL_CALL],
        id: 'resp_tool',
        model: 'gpt-test-2026-03-17',
        usage: { inputTokens: 320, outputTokens: 18, cachedInputTokens: 256, reasoningTokens: 12 },
      },
      {
        text: ANSWER,
        id: 'resp_answer',
        model: 'gpt-test-2026-03-17',
        usage: { inputTokens: 360, outputTokens: 24, cachedInputTokens: 320, reasoningTokens: 0 },
      },
    );
    const res = await gql(openaiApi.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(res.body.errors).toBeUndefined();
    const turn = res.body.data!.report;
    expect(turn).toMatchObject({ message: ANSWER, model: OPENAI_MODEL, topic: 'GENERAL' });
    expect(turn.sessionId).toMatch(/^conv_/);
    expect(turn.usage).toEqual({
      requests: 2,
      inputTokens: 680,
      outputTokens: 42,
      totalTokens: 722,
      cachedInputTokens: 576,
      reasoningTokens: 12,
    });

    // what the scripted server received
    expect(scripted.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/conversations',
      'POST /v1/responses',
      'POST /v1/responses',
      `POST /v1/conversations/${turn.sessionId}/items`,
    ]);
    const [first, second] = scripted.requestsTo('responses');
    for (const r of [first!, second!]) {
      expect(r.body.model).toBe(OPENAI_MODEL);
      expect(r.body.tools.map((t: any) => t.type)).toEqual(['web_search', 'function']); // hosted web search on this provider
      expect(r.body.tools[1].name).toBe('calculate_win_percentage');
      expect(r.headers.authorization).toBe('Bearer [redacted]');
    }
    expect(first!.body.input).toEqual([{ role: 'user', content: RAPTORS }]);
    expect(second!.body.input.map(kind)).toEqual(['message', 'function_call', 'function_call_output']);
    expect(second!.body.input[2]).toMatchObject({ call_id: 'call_raptors', output: '.561' });
    expect(scripted.conversationItems(turn.sessionId)!.map((i) => i.type)).toEqual([
      'message',
      'function_call',
      'function_call_output',
      'message',
    ]);

    // telemetry of the report
    const spans = await traceSpans(
      turn.traceId,
      (s) => chatsOf(s).length === 2 && httpSpansTo(s, '/v1/responses').length === 2,
    );
    const chats = chatsOf(spans).sort((a, b) => Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)));
    for (const chat of chats) {
      expectChatTelemetry(chat, 'openai', OPENAI_MODEL);
      expect(chat.attributes['gen_ai.conversation.id']).toBe(turn.sessionId.slice(0, 12)); // a prefix, never the whole id
      expect(chat.attributes['gen_ai.response.model']).toBe('gpt-test-2026-03-17');
      expect(chat.attributes['openai.api.type']).toBe('responses');
    }
    expect(chats[0]!.attributes).toMatchObject({
      'gen_ai.response.id': 'resp_tool',
      'gen_ai.usage.input_tokens': 320,
      'gen_ai.usage.output_tokens': 18,
      'gen_ai.usage.cache_read.input_tokens': 256,
      'gen_ai.usage.reasoning.output_tokens': 12,
      'gen_ai.response.finish_reasons': ['tool_call'],
    });
    expect(chats[1]!.attributes).toMatchObject({
      'gen_ai.response.id': 'resp_answer',
      'gen_ai.usage.cache_read.input_tokens': 320,
    });
    expectHttpUnderChats(spans, '/v1/responses', 1);
    const tool = spans.find((s) => s.name === 'execute_tool calculate_win_percentage')!;
    expect(tool.attributes['gen_ai.tool.call.id']).toBe('call_raptors');

    // follow-up continues the conversation by id, with the whole history as input
    scripted.reset();
    scripted.enqueue('responses', { text: 'They finished fifth in the East.', id: 'resp_follow' });
    const next = await gql(openaiApi.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: turn.sessionId, message: 'How does their record compare with the rest of the East?' },
    });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.followUp).toMatchObject({
      sessionId: turn.sessionId,
      message: 'They finished fifth in the East.',
    });
    expect(scripted.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/conversations/${turn.sessionId}/items`,
      'POST /v1/responses',
      `POST /v1/conversations/${turn.sessionId}/items`,
    ]);
    const input = scripted.requestsTo('responses')[0]!.body.input as any[];
    expect(input.map(kind)).toEqual(['message', 'function_call', 'function_call_output', 'message', 'message']);
    expect(input.at(-1)).toMatchObject({
      role: 'user',
      content: 'How does their record compare with the rest of the East?',
    });
    expect(scripted.conversationItems(turn.sessionId)).toHaveLength(6);
  });

  test('an unknown conversation id is SESSION_NOT_FOUND and reaches no model', async () => {
    const res = await gql(openaiApi.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: 'conv_does_not_exist', message: 'NBA news?' },
    });
    expect(res.body.errors![0]!.extensions).toMatchObject({
      code: 'SESSION_NOT_FOUND',
      sessionId: 'conv_does_not_exist',
    });
    expect(scripted.requests).toHaveLength(0);
  });

  test('429 on the Responses API: retried with retry-after, MODEL_RATE_LIMITED, error.type 429, no orphaned conversation', async () => {
    const fault: ScriptStep = { fault: { status: 429, headers: { 'retry-after-ms': '30' } } };
    scripted.enqueue('responses', fault, fault);
    const res = await gql(openaiApi.graphqlUrl, REPORT, { input: { topic: 'FINALS' } });
    const error = res.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'MODEL_RATE_LIMITED', retryAfterMs: 30 });
    expect(scripted.requestsTo('responses').map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
    expect(scripted.requestsTo('conversations.delete')).toHaveLength(1);
    expect(scripted.conversationIds()).not.toContain(
      scripted.requestsTo('conversations.delete')[0]!.path.split('/').at(-1),
    );

    const spans = await traceSpans(error.extensions!['traceId'] as string, (s) =>
      chatsOf(s).some((c) => c.endTimeUnixNano !== '0'),
    );
    const [chat] = chatsOf(spans);
    expect(chat!.status.code).toBe(STATUS_ERROR);
    expect(chat!.attributes['error.type']).toBe('429');
    expect(chat!.kind).toBe(SPAN_KIND.CLIENT);
    expectHttpUnderChats(spans, '/v1/responses', 2);
    await expectDurationPoint('openai', '429');

    scripted.enqueue('responses', { text: 'The Thunder beat the Pacers in seven.' });
    const ok = await gql(openaiApi.graphqlUrl, REPORT, { input: { topic: 'FINALS' } });
    expect(ok.body.data!.report.message).toBe('The Thunder beat the Pacers in seven.');
  });
});

describe('openai-compatible provider: Chat Completions against the scripted server', () => {
  test('report with a tool call, then followUp from the local SQLite session: requests, answers and telemetry', async () => {
    scripted.enqueue(
      'chat.completions',
      {
        toolCalls: [TOOL_CALL],
        id: 'chatcmpl-tool',
        usage: { inputTokens: 210, outputTokens: 12, cachedInputTokens: 64, reasoningTokens: 5 },
      },
      { text: ANSWER, id: 'chatcmpl-answer', usage: { inputTokens: 240, outputTokens: 22, cachedInputTokens: 192 } },
    );
    const res = await gql(compatApi.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(res.body.errors).toBeUndefined();
    const turn = res.body.data!.report;
    expect(turn).toMatchObject({ message: ANSWER, model: LOCAL_MODEL });
    expect(turn.usage).toEqual({
      requests: 2,
      inputTokens: 450,
      outputTokens: 34,
      totalTokens: 484,
      cachedInputTokens: 256,
      reasoningTokens: 5,
    });
    expect(scripted.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/chat/completions',
      'POST /v1/chat/completions',
    ]);
    const [first, second] = scripted.requestsTo('chat.completions');
    expect(first!.body.model).toBe(LOCAL_MODEL);
    expect(first!.body.tools.map((t: any) => `${t.type}:${t.function.name}`)).toEqual([
      'function:calculate_win_percentage',
    ]); // function tools only
    expect(first!.body.messages.map((m: any) => m.role)).toEqual(['system', 'user']);
    expect(second!.body.messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(second!.body.messages[2].tool_calls[0]).toMatchObject({
      id: 'call_raptors',
      function: { name: 'calculate_win_percentage' },
    });

    const spans = await traceSpans(
      turn.traceId,
      (s) => chatsOf(s).length === 2 && httpSpansTo(s, '/v1/chat/completions').length === 2,
    );
    const chats = chatsOf(spans).sort((a, b) => Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)));
    for (const chat of chats) {
      expectChatTelemetry(chat, 'openai', LOCAL_MODEL);
      expect(chat.attributes['gen_ai.response.model']).toBe(LOCAL_MODEL);
    }
    expect(chats[0]!.attributes).toMatchObject({
      'gen_ai.response.id': 'chatcmpl-tool',
      'gen_ai.usage.cache_read.input_tokens': 64,
      'gen_ai.usage.reasoning.output_tokens': 5,
    });
    expect(chats[1]!.attributes).toMatchObject({
      'gen_ai.response.id': 'chatcmpl-answer',
      'gen_ai.usage.cache_read.input_tokens': 192,
    });
    expectHttpUnderChats(spans, '/v1/chat/completions', 1);

    scripted.reset();
    scripted.enqueue('chat.completions', { text: 'They were fifth in the East.' });
    const next = await gql(compatApi.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: turn.sessionId, message: 'How does their record compare with the rest of the East?' },
    });
    expect(next.body.data!.followUp).toMatchObject({
      sessionId: turn.sessionId,
      message: 'They were fifth in the East.',
    });
    const messages = scripted.requestsTo('chat.completions')[0]!.body.messages as any[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user']);
  });

  test('an unknown session id is SESSION_NOT_FOUND', async () => {
    const res = await gql(compatApi.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: 'b9a0c1d2-0000-4000-8000-000000000000', message: 'NBA news?' },
    });
    expect(res.body.errors![0]!.extensions!['code']).toBe('SESSION_NOT_FOUND');
    expect(scripted.requests).toHaveLength(0);
  });
});

/** A `gen_ai.client.operation.duration` chat point with this provider and error.type has been exported. */
async function expectDurationPoint(provider: string, errorType: string) {
  const point = await receiver.waitFor(
    () =>
      receiver
        .metricPoints()
        .find(
          (p) =>
            p.name === 'gen_ai.client.operation.duration' &&
            p.attributes['gen_ai.operation.name'] === 'chat' &&
            p.attributes['gen_ai.provider.name'] === provider &&
            p.attributes['error.type'] === errorType,
        ),
    10_000,
  );
  expect(point.attributes).toMatchObject({ 'server.address': '127.0.0.1', 'server.port': scripted.port });
}

describe('brown-outs: each fault → error code, retry count, error.type, and a server that keeps serving', () => {
  const slow: ScriptStep = { fault: { delayMs: 5_000 } };
  const cases: Array<{
    name: string;
    steps: ScriptStep[];
    code: string;
    attempts: number;
    errorType: string;
    extensions?: Record<string, unknown>;
  }> = [
    {
      name: '429 with retry-after-ms',
      steps: [1, 2].map(() => ({ fault: { status: 429, headers: { 'retry-after-ms': '25' } } })),
      code: 'MODEL_RATE_LIMITED',
      attempts: MAX_RETRIES + 1,
      errorType: '429',
      extensions: { retryAfterMs: 25 },
    },
    {
      name: '503 with retry-after',
      steps: [1, 2].map(() => ({ fault: { status: 503, headers: { 'retry-after': '0' } } })),
      code: 'MODEL_UNAVAILABLE',
      attempts: MAX_RETRIES + 1,
      errorType: '503',
    },
    {
      name: 'dropped connection',
      steps: [{ fault: { drop: true } }, { fault: { drop: true } }],
      code: 'MODEL_UNAVAILABLE',
      attempts: MAX_RETRIES + 1,
      errorType: 'APIConnectionError',
    },
    {
      name: '400 (not retried)',
      steps: [{ fault: { status: 400 } }],
      code: 'MODEL_UNAVAILABLE',
      attempts: 1,
      errorType: '400',
    },
    {
      name: 'malformed body (not retried)',
      steps: [{ fault: { malformed: true } }],
      code: 'MODEL_UNAVAILABLE',
      attempts: 1,
      errorType: 'SyntaxError',
    },
    {
      name: 'timeout',
      steps: [slow, slow],
      code: 'MODEL_TIMEOUT',
      attempts: MAX_RETRIES + 1,
      errorType: 'APIConnectionTimeoutError',
      extensions: { timeoutMs: TIMEOUT_MS },
    },
  ];

  for (const c of cases) {
    test(`openai-compatible: ${c.name}`, async () => {
      await expectFault(compatApi, 'chat.completions', 'openai', c);
    });
  }

  test('openai: timeout on the Responses API is bounded by the per-call limit', async () => {
    await expectFault(openaiApi, 'responses', 'openai', {
      steps: [slow, slow],
      code: 'MODEL_TIMEOUT',
      attempts: MAX_RETRIES + 1,
      errorType: 'APIConnectionTimeoutError',
      extensions: { timeoutMs: TIMEOUT_MS },
    });
  });

  async function expectFault(
    api: SpawnedApi,
    endpoint: Endpoint,
    provider: string,
    c: { steps: ScriptStep[]; code: string; attempts: number; errorType: string; extensions?: Record<string, unknown> },
  ) {
    scripted.enqueue(endpoint, ...c.steps);
    const started = Date.now();
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL' } });
    const elapsed = Date.now() - started;
    const error = res.body.errors?.[0];
    expect(error?.extensions, JSON.stringify(res.body)).toMatchObject({ code: c.code, ...c.extensions });
    expect(scripted.requestsTo(endpoint)).toHaveLength(c.attempts);
    expect(scripted.requestsTo(endpoint).map((r) => r.headers['x-stainless-retry-count'])).toEqual(
      Array.from({ length: c.attempts }, (_, i) => String(i)),
    );
    expect(scripted.pending(endpoint)).toBe(0);
    if (c.code === 'MODEL_TIMEOUT') {
      // each attempt is cut at the per-call limit: attempts × limit + the client's backoff (≤ 0.5 s here) + slack
      expect(elapsed).toBeGreaterThanOrEqual(c.attempts * TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(c.attempts * TIMEOUT_MS + 500 + 1_500);
    }

    const spans = await traceSpans(error!.extensions!['traceId'] as string, (s) => chatsOf(s).length > 0);
    const chats = chatsOf(spans);
    expect(chats).toHaveLength(1);
    expect(chats[0]!.kind).toBe(SPAN_KIND.CLIENT);
    expect(chats[0]!.status.code).toBe(STATUS_ERROR);
    expect(chats[0]!.attributes['error.type']).toBe(c.errorType);
    expectHttpUnderChats(spans, endpoint === 'responses' ? '/v1/responses' : '/v1/chat/completions', c.attempts);
    await expectDurationPoint(provider, c.errorType);

    // the server (and the API) keep serving
    scripted.enqueue(endpoint, { text: 'The Thunder won the 2025 title.' });
    const ok = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL' } });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.report.message).toBe('The Thunder won the 2025 title.');
  }
});

describe('content capture on the network providers (span_only)', () => {
  let openaiContent: SpawnedApi;
  let compatContent: SpawnedApi;
  beforeAll(async () => {
    const common = {
      ...otlpEnv(receiver),
      OPENAI_BASE_URL: scripted.baseURL,
      OPENAI_API_KEY: 'test-key',
      OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'span_only',
    };
    [openaiContent, compatContent] = await Promise.all([
      spawnApi({ env: { ...common, NBA_REPORTER_MODEL_PROVIDER: 'openai', NBA_REPORTER_MODEL: OPENAI_MODEL } }),
      spawnApi({
        env: { ...common, NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible', NBA_REPORTER_MODEL: LOCAL_MODEL },
      }),
    ]);
  }, 40_000);
  afterAll(async () => {
    await Promise.all([openaiContent?.stop(), compatContent?.stop()]);
  });

  type Msg = { role: string; parts: Array<Record<string, unknown>> };

  test('openai follow-up: every stored Conversations item is parsed, the first user message included (item 8)', async () => {
    scripted.enqueue('responses', { toolCalls: [TOOL_CALL], id: 'resp_t' }, { text: ANSWER, id: 'resp_a' });
    const turn = (await gql(openaiContent.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } })).body
      .data!.report;
    scripted.reset();
    scripted.enqueue('responses', { text: 'Fifth in the East.', id: 'resp_f' });
    const next = (
      await gql(openaiContent.graphqlUrl, FOLLOW_UP, {
        input: { sessionId: turn.sessionId, message: 'And in the East?' },
      })
    ).body.data!.followUp;
    const spans = await traceSpans(next.traceId, (s) => chatsOf(s).length === 1);
    const [chat] = chatsOf(spans);
    const input = chat!.attributes['gen_ai.input.messages'] as Msg[];
    expect(input.map((m) => `${m.role}:${m.parts.map((p) => p.type).join('+')}`)).toEqual([
      'user:text',
      'assistant:tool_call',
      'tool:tool_call_response',
      'assistant:text',
      'user:text',
    ]);
    expect(input[0]!.parts[0]).toEqual({ type: 'text', content: RAPTORS });
    expect(input[1]!.parts[0]).toMatchObject({
      type: 'tool_call',
      id: 'call_raptors',
      name: 'calculate_win_percentage',
      arguments: { wins: 46, losses: 36 },
    });
    expect(input[3]!.parts[0]).toEqual({ type: 'text', content: ANSWER });
    expect(JSON.stringify(input)).not.toContain('"unknown"');
    expect(chat!.attributes['gen_ai.agent.turn']).toBe(2);
    // Responses takes instructions separately
    expect(chat!.attributes['gen_ai.system_instructions']).toEqual([
      { type: 'text', content: expect.stringContaining('NBA') },
    ]);
    // the hosted web search keeps its own type in the tool definitions (item 5)
    const defs = chat!.attributes['gen_ai.tool.definitions'] as Array<{ type: string; name: string }>;
    expect(defs.map((d) => d.type)).toEqual(['web_search', 'function']);
  });

  test('Chat Completions: the system message stays in the input, tool definitions come from the agent (items 5, 7)', async () => {
    scripted.enqueue('chat.completions', { text: ANSWER, id: 'chatcmpl-c' });
    const turn = (await gql(compatContent.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } })).body
      .data!.report;
    const spans = await traceSpans(turn.traceId, (s) => chatsOf(s).length === 1);
    const [chat] = chatsOf(spans);
    expect(chat!.attributes['gen_ai.system_instructions']).toBeUndefined();
    const input = chat!.attributes['gen_ai.input.messages'] as Msg[];
    expect(input.map((m) => m.role)).toEqual(['system', 'user']);
    expect(input[0]!.parts[0]).toMatchObject({ type: 'text', content: expect.stringContaining('NBA') });
    expect(chat!.attributes['gen_ai.tool.definitions']).toEqual([
      {
        type: 'function',
        name: 'calculate_win_percentage',
        description: 'Calculates the winning percentage for an NBA team given their wins and losses.',
      },
    ]);
  });
});
