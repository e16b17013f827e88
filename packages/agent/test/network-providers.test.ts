/**
 * The network providers against a scripted OpenAI-compatible server on loopback, through the real SDK and the real
 * `openai` client: request shapes, conversations, retries, timeouts and the atomicity of turns.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ScriptedOpenAI, startScriptedOpenAI } from '@nba-reporter/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createReporter,
  EmptyAnswerError,
  GuardrailTrippedError,
  loadReporterConfig,
  MemorySessionStore,
  ModelRateLimitedError,
  ModelTimeoutError,
  ModelUnavailableError,
  type Reporter,
  type ReporterConfig,
  retryAfterCappedFetch,
  SessionNotFoundError,
} from '../src/index.js';

const RAPTORS = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
const TOOL_CALL = { name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 }, callId: 'call_raptors' };
const ANSWER = 'The Raptors went 46-36, a .561 winning percentage.';

let server: ScriptedOpenAI;
beforeAll(async () => {
  server = await startScriptedOpenAI();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function configFor(provider: 'openai' | 'openai-compatible', overrides: Partial<ReporterConfig> = {}): ReporterConfig {
  const config = loadReporterConfig({
    NBA_REPORTER_MODEL_PROVIDER: provider,
    NBA_REPORTER_MODEL: provider === 'openai' ? 'gpt-test' : 'local-model',
    OPENAI_API_KEY: provider === 'openai' ? 'sk-test' : undefined,
    OPENAI_BASE_URL: server.baseURL,
    NBA_REPORTER_MODEL_MAX_RETRIES: '2',
    NBA_REPORTER_MODEL_TIMEOUT_MS: '2000',
    NBA_REPORTER_SESSION_DB: ':memory:',
  });
  return { ...config, ...overrides };
}

/** Input items on the wire: the SDK sends plain user messages as `{ role, content }` without a type. */
const kind = (i: any): string => i.type ?? 'message';
const toolNames = (tools: any[]) => tools.map((t) => t.name ?? t.function?.name ?? t.type);

describe('openai-compatible provider (Chat Completions) against the scripted server', () => {
  let store: MemorySessionStore;
  let reporter: Reporter;
  beforeAll(() => {
    store = new MemorySessionStore();
    reporter = createReporter(configFor('openai-compatible'), { sessionStore: store });
  });
  afterAll(() => reporter.close());

  it('reports with a tool call, follows up with the whole history, and reports usage', async () => {
    server.enqueue(
      'chat.completions',
      {
        toolCalls: [TOOL_CALL],
        usage: { inputTokens: 200, outputTokens: 10, cachedInputTokens: 64, reasoningTokens: 4 },
      },
      {
        text: `${ANSWER} ([nba.com](https://www.nba.com))`,
        usage: { inputTokens: 250, outputTokens: 20, cachedInputTokens: 128, reasoningTokens: 6 },
      },
      { text: 'They finished behind the top four seeds of the East.' },
    );
    const first = await reporter.report({ topic: 'general', message: RAPTORS });
    expect(first.message).toBe(ANSWER);
    expect(first.usage).toEqual({
      requests: 2,
      inputTokens: 450,
      outputTokens: 30,
      totalTokens: 480,
      cachedInputTokens: 192,
      reasoningTokens: 10,
    });

    const [call1, call2] = server.requestsTo('chat.completions');
    expect(call1!.body.model).toBe('local-model');
    expect(call1!.headers.authorization).toBe('Bearer [redacted]');
    expect(toolNames(call1!.body.tools)).toEqual(['calculate_win_percentage']); // no hosted web search here
    expect(call1!.body.messages.map((m: any) => m.role)).toEqual(['system', 'user']);
    expect(call1!.body.messages[0].content).not.toMatch(/use web search/i);
    expect(call2!.body.messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(call2!.body.messages[3]).toMatchObject({ role: 'tool', tool_call_id: 'call_raptors', content: '.561' });

    const next = await reporter.followUp({
      sessionId: first.sessionId,
      message: 'How does their record compare with the rest of the East?',
    });
    expect(next.message).toMatch(/East/);
    const call3 = server.requestsTo('chat.completions')[2]!;
    expect(call3.body.messages.map((m: any) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
    ]);
    expect((await store.get(first.sessionId))?.items).toHaveLength(6);
  });

  it('retries 429 (honouring retry-after-ms) up to maxRetries, then maps to MODEL_RATE_LIMITED', async () => {
    const fault = { fault: { status: 429, headers: { 'retry-after-ms': '20' } } };
    server.enqueue('chat.completions', fault, fault, fault);
    const error = await reporter.report({ topic: 'general' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRateLimitedError);
    expect(error).toMatchObject({ code: 'MODEL_RATE_LIMITED', retryAfterMs: 20 });
    expect(server.requestsTo('chat.completions').map((r) => r.headers['x-stainless-retry-count'])).toEqual([
      '0',
      '1',
      '2',
    ]);
  });

  it('fails fast on a retry-after longer than the per-call timeout', async () => {
    server.enqueue('chat.completions', { fault: { status: 429, headers: { 'retry-after': '120' } } });
    const started = Date.now();
    const error = await reporter.report({ topic: 'general' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_RATE_LIMITED', retryAfterMs: 120_000 });
    expect(server.requestsTo('chat.completions')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('rides out a brown-out: 503 then a reset connection, then an answer', async () => {
    server.enqueue(
      'chat.completions',
      { fault: { status: 503, headers: { 'retry-after-ms': '10' } } },
      { fault: { drop: true } },
      { text: 'The Thunder won it all.' },
    );
    const result = await reporter.report({ topic: 'finals' });
    expect(result.message).toBe('The Thunder won it all.');
    expect(server.requestsTo('chat.completions').map((r) => r.outcome)).toEqual(['fault:503', 'fault:drop', 'ok']);
  });

  it('does not retry other 4xx and maps them to MODEL_UNAVAILABLE', async () => {
    server.enqueue('chat.completions', { fault: { status: 400 } });
    const error = await reporter.report({ topic: 'general' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).message).toContain('400');
    expect(server.requestsTo('chat.completions')).toHaveLength(1);
  });

  it('maps a malformed body to MODEL_UNAVAILABLE without retrying', async () => {
    server.enqueue('chat.completions', { fault: { malformed: true } });
    const error = await reporter.report({ topic: 'general' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect(server.requestsTo('chat.completions')).toHaveLength(1);
  });

  it('bounds a slow server by the per-call timeout (each attempt), then maps to MODEL_TIMEOUT', async () => {
    const slow = createReporter(configFor('openai-compatible', { modelTimeoutMs: 200, maxRetries: 1 }), {
      sessionStore: new MemorySessionStore(),
    });
    server.enqueue('chat.completions', { fault: { delayMs: 5_000 } }, { fault: { delayMs: 5_000 } });
    const started = Date.now();
    const error = await slow.report({ topic: 'general' }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(ModelTimeoutError);
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', timeoutMs: 200 });
    expect(server.requestsTo('chat.completions')).toHaveLength(2);
    // 2 attempts × 200 ms + one backoff of at most 500 ms, plus slack
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(2 * 200 + 500 + 600);
    await slow.close();
  });

  it('keeps the session clean when a follow-up fails half-way (after a tool call)', async () => {
    server.enqueue('chat.completions', { text: 'The Celtics went 61-21.' });
    const first = await reporter.report({ topic: 'eastern', message: 'How did the Celtics do?' });
    const before = (await store.get(first.sessionId))!.items;
    server.enqueue(
      'chat.completions',
      { toolCalls: [{ name: 'calculate_win_percentage', arguments: { wins: 61, losses: 21 } }] },
      { fault: { status: 400 } },
    );
    await expect(
      reporter.followUp({ sessionId: first.sessionId, message: 'What was their win percentage?' }),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect((await store.get(first.sessionId))!.items).toEqual(before);
    server.enqueue('chat.completions', { text: 'Their record was 61-21.' });
    await reporter.followUp({ sessionId: first.sessionId, message: 'What was their record?' });
    const last = server.requestsTo('chat.completions').at(-1)!;
    expect(last.body.messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  });

  it('maps an empty answer to EMPTY_ANSWER and never calls the model for an off-topic request', async () => {
    server.enqueue('chat.completions', { text: 'https://www.nba.com/standings' });
    await expect(reporter.report({ topic: 'general' })).rejects.toBeInstanceOf(EmptyAnswerError);
    server.reset();
    await expect(
      reporter.report({ topic: 'general', message: "What's the weather in Barcelona today?" }),
    ).rejects.toBeInstanceOf(GuardrailTrippedError);
    expect(server.requests).toHaveLength(0);
  });

  it('maps a refused connection to MODEL_UNAVAILABLE', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = createReporter(
      configFor('openai-compatible', { baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }),
      { sessionStore: new MemorySessionStore() },
    );
    await expect(refused.report({ topic: 'general' })).rejects.toBeInstanceOf(ModelUnavailableError);
    await refused.close();
  });
});

describe('openai provider (Responses API + Conversations) against the scripted server', () => {
  let store: MemorySessionStore;
  let reporter: Reporter;
  beforeAll(() => {
    store = new MemorySessionStore();
    reporter = createReporter(configFor('openai'), { sessionStore: store });
  });
  afterAll(() => reporter.close());

  it("the id → topic row records the owner: another key's follow-up is SESSION_NOT_FOUND and reaches no OpenAI endpoint", async () => {
    server.enqueue('responses', { text: 'The Celtics won 61 games.' });
    const mine = await reporter.report({ topic: 'eastern', message: 'How did the Celtics do?' }, { owner: 'alice' });
    expect((await store.get(mine.sessionId, { owner: 'alice' }))?.owner).toBe('alice');
    server.reset();
    await expect(
      reporter.followUp({ sessionId: mine.sessionId, message: 'And the Knicks?' }, { owner: 'bob' }),
    ).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
    await expect(reporter.followUp({ sessionId: mine.sessionId, message: 'And the Knicks?' })).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
    expect(server.requests).toHaveLength(0);
    server.enqueue('responses', { text: 'The Knicks won 51.' });
    expect(
      (await reporter.followUp({ sessionId: mine.sessionId, message: 'And the Knicks?' }, { owner: 'alice' })).message,
    ).toBe('The Knicks won 51.');
    expect((await store.get(mine.sessionId, { owner: 'alice' }))?.turns).toBe(2);
    server.reset();
  });

  it('report creates the conversation and writes the whole turn once; followUp continues it by id', async () => {
    server.enqueue(
      'responses',
      {
        toolCalls: [TOOL_CALL],
        usage: { inputTokens: 300, outputTokens: 15, cachedInputTokens: 256, reasoningTokens: 8 },
      },
      { text: ANSWER, id: 'resp_answer', model: 'gpt-test-2026-03-17' },
    );
    const first = await reporter.report({ topic: 'general', message: RAPTORS });
    expect(first.sessionId).toMatch(/^conv_/);
    expect(first.message).toBe(ANSWER);
    expect(first.usage).toMatchObject({ requests: 2, cachedInputTokens: 256, reasoningTokens: 8 });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/conversations',
      'POST /v1/responses',
      'POST /v1/responses',
      `POST /v1/conversations/${first.sessionId}/items`,
    ]);
    const [r1, r2] = server.requestsTo('responses');
    expect(r1!.body.model).toBe('gpt-test');
    expect(r1!.body.tools.map((t: any) => t.type)).toEqual(['web_search', 'function']);
    expect(toolNames(r1!.body.tools)).toEqual(['web_search', 'calculate_win_percentage']);
    expect(r1!.body.instructions).toMatch(/Use web search/);
    expect(r1!.body.conversation).toBeUndefined(); // nothing is written server-side during the run
    expect(r1!.body.input).toEqual([{ role: 'user', content: RAPTORS }]);
    expect(r2!.body.input.map(kind)).toEqual(['message', 'function_call', 'function_call_output']);
    expect(server.conversationItems(first.sessionId)!.map((i) => i.type)).toEqual([
      'message',
      'function_call',
      'function_call_output',
      'message',
    ]);

    server.reset();
    server.enqueue('responses', { text: 'They were fifth in the East.' });
    const next = await reporter.followUp({
      sessionId: first.sessionId,
      message: 'How does their record compare with the rest of the East?',
    });
    expect(next).toMatchObject({ sessionId: first.sessionId, message: 'They were fifth in the East.' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/conversations/${first.sessionId}/items`,
      'POST /v1/responses',
      `POST /v1/conversations/${first.sessionId}/items`,
    ]);
    const input = server.requestsTo('responses')[0]!.body.input as any[];
    expect(input.map(kind)).toEqual(['message', 'function_call', 'function_call_output', 'message', 'message']);
    expect(input.at(-1)).toMatchObject({
      role: 'user',
      content: 'How does their record compare with the rest of the East?',
    });
    expect(server.conversationItems(first.sessionId)).toHaveLength(6);
  });

  it('rejects unknown ids locally and conversations gone from the server with SESSION_NOT_FOUND', async () => {
    await expect(reporter.followUp({ sessionId: 'conv_unknown', message: 'NBA news?' })).rejects.toBeInstanceOf(
      SessionNotFoundError,
    );
    expect(server.requests).toHaveLength(0);

    server.enqueue('responses', { text: 'Finals recap.' });
    const started = await reporter.report({ topic: 'finals' });
    server.enqueue('conversations.items.list', { fault: { status: 404 } });
    await expect(reporter.followUp({ sessionId: started.sessionId, message: 'And the MVP?' })).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
      sessionId: started.sessionId,
    });
  });

  it('a follow-up failing after a tool call leaves the conversation untouched; the next one is clean', async () => {
    server.enqueue('responses', { text: 'The Knicks went 51-31.' });
    const first = await reporter.report({ topic: 'eastern', message: 'How did the Knicks do?' });
    const before = server.conversationItems(first.sessionId);
    server.enqueue(
      'responses',
      { toolCalls: [{ name: 'calculate_win_percentage', arguments: { wins: 51, losses: 31 } }] },
      { fault: { status: 400 } },
    );
    await expect(
      reporter.followUp({ sessionId: first.sessionId, message: 'What was their win percentage?' }),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect(server.conversationItems(first.sessionId)).toEqual(before);

    server.reset();
    server.enqueue('responses', { text: 'Their record was 51-31.' });
    await reporter.followUp({ sessionId: first.sessionId, message: 'What was their record?' });
    const input = server.requestsTo('responses')[0]!.body.input as any[];
    expect(input.map((i) => `${kind(i)}:${i.role ?? ''}`)).toEqual([
      'message:user',
      'message:assistant',
      'message:user',
    ]);
  });

  it('a failed report deletes the conversation it created (no orphan) and stores nothing', async () => {
    server.enqueue('responses', { fault: { status: 401 } });
    await expect(reporter.report({ topic: 'general' })).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    const created = server.requestsTo('conversations.create')[0]!;
    expect(server.requestsTo('conversations.delete')).toHaveLength(1);
    expect(server.requestsTo('responses')).toHaveLength(1); // 401 is not retried
    const id = server.requestsTo('conversations.delete')[0]!.path.split('/').at(-1)!;
    expect(created.outcome).toBe('ok');
    expect(server.conversationItems(id)).toBeUndefined();
    expect(await store.get(id)).toBeUndefined();
  });

  it('maps a slow Responses call to MODEL_TIMEOUT within the per-call limit', async () => {
    const slow = createReporter(configFor('openai', { modelTimeoutMs: 200, maxRetries: 0 }), {
      sessionStore: new MemorySessionStore(),
    });
    server.enqueue('responses', { fault: { delayMs: 5_000 } });
    const started = Date.now();
    await expect(slow.report({ topic: 'general' })).rejects.toMatchObject({ code: 'MODEL_TIMEOUT', timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(200 + 800);
    await slow.close();
  });
});

describe('retryAfterCappedFetch', () => {
  it('marks retryable responses whose retry-after exceeds the cap as x-should-retry: false, leaves others alone', async () => {
    const capped = retryAfterCappedFetch(1_000);
    server.enqueue(
      'chat.completions',
      { fault: { status: 503, headers: { 'retry-after': '5' } } },
      { fault: { status: 503, headers: { 'retry-after-ms': '10' } } },
      { fault: { status: 400, headers: { 'retry-after': '5' } } },
    );
    const post = () => capped(`${server.baseURL}/chat/completions`, { method: 'POST', body: '{}' });
    const long = await post();
    expect(long.status).toBe(503);
    expect(long.headers.get('x-should-retry')).toBe('false');
    expect(long.headers.get('retry-after')).toBe('5');
    expect(await long.json()).toMatchObject({ error: { type: 'server_error' } });
    expect((await post()).headers.get('x-should-retry')).toBeNull();
    expect((await post()).headers.get('x-should-retry')).toBeNull();
  });
});
