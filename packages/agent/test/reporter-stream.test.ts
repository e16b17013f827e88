/**
 * Streamed turns through the real Agents SDK: the offline model, and both network providers against the scripted
 * server (which streams SSE). The text deltas always add up to the turn's message.
 */
import { type ScriptedOpenAI, startScriptedOpenAI } from '@nba-reporter/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createReporter,
  GuardrailTrippedError,
  loadReporterConfig,
  MemorySessionStore,
  ModelUnavailableError,
  type Reporter,
  type ReporterConfig,
  SessionNotFoundError,
  type TurnEvent,
  type TurnStream,
} from '../src/index.js';

const RAPTORS = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
const TOOL_CALL = { name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 }, callId: 'call_raptors' };
const ANSWER = 'The Raptors went 46-36, a .561 winning percentage.';

async function collect(stream: TurnStream): Promise<TurnEvent[]> {
  const events: TurnEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

function textOf(events: TurnEvent[]): string {
  return events.map((e) => (e.type === 'text_delta' ? e.delta : '')).join('');
}

function completed(events: TurnEvent[]) {
  const done = events.filter((e) => e.type === 'turn_completed');
  expect(done).toHaveLength(1);
  expect(events.at(-1)!.type).toBe('turn_completed');
  return (done[0] as Extract<TurnEvent, { type: 'turn_completed' }>).turn;
}

describe('streamed turns, offline model', () => {
  let reporter: Reporter;
  let store: MemorySessionStore;
  beforeAll(() => {
    store = new MemorySessionStore();
    reporter = createReporter({ ...loadReporterConfig({}), sessionDb: ':memory:' }, { sessionStore: store });
  });
  afterAll(() => reporter.close());

  it('streams a tool-calling answer in several deltas that add up to the same turn the mutation gives', async () => {
    const events = await collect(reporter.reportStream({ topic: 'general', message: RAPTORS }));
    const turn = completed(events);
    const deltas = events.filter((e) => e.type === 'text_delta');
    expect(deltas.length).toBeGreaterThan(5);
    expect(textOf(events)).toBe(turn.message);
    expect(turn.message).toContain('.561');
    const tools = events.filter((e) => e.type === 'tool_call');
    expect(tools).toEqual([
      { type: 'tool_call', name: 'calculate_win_percentage', callId: expect.any(String), status: 'started' },
      {
        type: 'tool_call',
        name: 'calculate_win_percentage',
        callId: (tools[0] as { callId: string }).callId,
        status: 'completed',
      },
    ]);
    // tool events come before the answer's text
    expect(events.findIndex((e) => e.type === 'text_delta')).toBeGreaterThan(
      events.findIndex((e) => e.type === 'tool_call' && e.status === 'completed'),
    );

    const mutation = await reporter.report({ topic: 'general', message: RAPTORS });
    expect({ ...turn, sessionId: '' }).toEqual({ ...mutation, sessionId: '' });
    expect((await store.get(turn.sessionId))?.items.length).toBeGreaterThan(0);
  });

  it('streams a follow-up on the stored session', async () => {
    const first = completed(await collect(reporter.reportStream({ topic: 'eastern' })));
    const events = await collect(
      reporter.followUpStream({ sessionId: first.sessionId, message: 'How did the Knicks do?' }),
    );
    const turn = completed(events);
    expect(turn.sessionId).toBe(first.sessionId);
    expect(turn.topic).toBe('eastern');
    expect(textOf(events)).toBe(turn.message);
  });

  it('throws the usual errors from the stream: guardrail, unknown session', async () => {
    await expect(
      collect(reporter.reportStream({ topic: 'general', message: "What's the weather in Barcelona today?" })),
    ).rejects.toBeInstanceOf(GuardrailTrippedError);
    await expect(collect(reporter.followUpStream({ sessionId: 'nope', message: 'Hi' }))).rejects.toBeInstanceOf(
      SessionNotFoundError,
    );
  });

  it('stops and stores nothing when the reader breaks out or the signal aborts; the session stays usable', async () => {
    const first = completed(await collect(reporter.reportStream({ topic: 'general' })));
    const before = (await store.get(first.sessionId))!.items.length;

    for await (const event of reporter.followUpStream({ sessionId: first.sessionId, message: RAPTORS })) {
      if (event.type === 'text_delta' || event.type === 'tool_call') break;
    }
    const controller = new AbortController();
    const aborted = collect(
      reporter.followUpStream({ sessionId: first.sessionId, message: RAPTORS }, { signal: controller.signal }),
    );
    controller.abort(new Error('client went away'));
    await expect(aborted).rejects.toThrow('client went away');

    // The mutex is free again and nothing of the two turns was stored.
    const next = completed(
      await collect(reporter.followUpStream({ sessionId: first.sessionId, message: 'Who won the NBA title?' })),
    );
    const items = (await store.get(first.sessionId))!.items;
    expect(JSON.stringify(items)).not.toContain('46-36');
    expect(items.length).toBeGreaterThan(before);
    expect(next.message.length).toBeGreaterThan(0);
  });
});

describe.each(['openai-compatible', 'openai'] as const)(
  'streamed turns, %s provider against the scripted server',
  (provider) => {
    const endpoint = provider === 'openai' ? 'responses' : 'chat.completions';
    let server: ScriptedOpenAI;
    let reporter: Reporter;
    let store: MemorySessionStore;
    beforeAll(async () => {
      server = await startScriptedOpenAI();
      const config: ReporterConfig = loadReporterConfig({
        NBA_REPORTER_MODEL_PROVIDER: provider,
        NBA_REPORTER_MODEL: 'gpt-test',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: server.baseURL,
        NBA_REPORTER_MODEL_MAX_RETRIES: '0',
        NBA_REPORTER_MODEL_TIMEOUT_MS: '5000',
        NBA_REPORTER_SESSION_DB: ':memory:',
      });
      store = new MemorySessionStore();
      reporter = createReporter(config, { sessionStore: store });
    });
    afterAll(async () => {
      await reporter.close();
      await server.close();
    });
    beforeEach(() => server.reset());

    it('streams with the provider streaming API: tool call, sanitised deltas, usage from the final usage', async () => {
      server.enqueue(
        endpoint,
        {
          toolCalls: [TOOL_CALL],
          usage: { inputTokens: 200, outputTokens: 10, cachedInputTokens: 64, reasoningTokens: 4 },
        },
        {
          text: `${ANSWER} ([nba.com](https://www.nba.com))`,
          chunkSize: 3,
          usage: { inputTokens: 250, outputTokens: 20, cachedInputTokens: 128, reasoningTokens: 6 },
        },
      );
      const events = await collect(reporter.reportStream({ topic: 'general', message: RAPTORS }));
      const turn = completed(events);
      expect(turn.message).toBe(ANSWER);
      expect(textOf(events)).toBe(ANSWER);
      expect(events.filter((e) => e.type === 'text_delta').length).toBeGreaterThan(5);
      expect(events.filter((e) => e.type === 'tool_call').map((e) => (e as { status: string }).status)).toEqual([
        'started',
        'completed',
      ]);
      expect(turn.usage).toEqual({
        requests: 2,
        inputTokens: 450,
        outputTokens: 30,
        totalTokens: 480,
        cachedInputTokens: 192,
        reasoningTokens: 10,
      });
      const calls = server.requestsTo(endpoint);
      expect(calls.map((c) => c.body.stream)).toEqual([true, true]);
      if (provider === 'openai-compatible') expect(calls[0]!.body.stream_options).toEqual({ include_usage: true });
    });

    it('reports a failed tool call as FAILED', async () => {
      server.enqueue(
        endpoint,
        { toolCalls: [{ ...TOOL_CALL, arguments: { wins: -1, losses: 3 } }] },
        { text: 'That record is not valid.' },
      );
      const events = await collect(reporter.reportStream({ topic: 'general', message: RAPTORS }));
      expect(events.filter((e) => e.type === 'tool_call').map((e) => (e as { status: string }).status)).toEqual([
        'started',
        'failed',
      ]);
      expect(completed(events).message).toBe('That record is not valid.');
    });

    it('fails with MODEL_UNAVAILABLE when the stream breaks mid-answer, after some text, and stores nothing', async () => {
      const sessions = provider === 'openai' ? server.conversationIds().length : 0;
      server.enqueue(endpoint, {
        text: 'The Oklahoma City Thunder won the 2025 title in seven games.',
        chunkSize: 6,
        breakAfterChunks: 3,
      });
      const events: TurnEvent[] = [];
      await expect(
        (async () => {
          for await (const event of reporter.reportStream({ topic: 'general', message: 'Who won the 2025 NBA title?' }))
            events.push(event);
        })(),
      ).rejects.toBeInstanceOf(ModelUnavailableError);
      expect(textOf(events)).toBe('The Oklahoma City');
      expect(events.some((e) => e.type === 'turn_completed')).toBe(false);
      if (provider === 'openai') expect(server.conversationIds().length).toBe(sessions); // the new conversation was deleted
    });

    it('aborts the model request when the reader stops, stores nothing, and the session stays usable', async () => {
      server.enqueue(endpoint, { text: 'First answer about the Thunder.' });
      const first = completed(
        await collect(reporter.reportStream({ topic: 'general', message: 'Who won the 2025 NBA title?' })),
      );
      const itemsBefore =
        provider === 'openai'
          ? server.conversationItems(first.sessionId)!.length
          : (await store.get(first.sessionId))!.items.length;

      server.enqueue(endpoint, {
        text: 'A slow answer that will never be finished by the model.',
        chunkSize: 4,
        chunkDelayMs: 50,
      });
      let got = '';
      for await (const event of reporter.followUpStream({
        sessionId: first.sessionId,
        message: 'And the Finals MVP?',
      })) {
        if (event.type === 'text_delta') got += event.delta;
        if (got.length > 0) break;
      }
      expect(got.length).toBeGreaterThan(0);
      const slow = server.requestsTo(endpoint).at(-1)!;
      await expect.poll(() => slow.outcome, { timeout: 5_000 }).toBe('aborted');

      server.enqueue(endpoint, { text: 'Shai Gilgeous-Alexander was Finals MVP.' });
      const next = completed(
        await collect(reporter.followUpStream({ sessionId: first.sessionId, message: 'And the Finals MVP?' })),
      );
      expect(next.message).toBe('Shai Gilgeous-Alexander was Finals MVP.');
      const items =
        provider === 'openai' ? server.conversationItems(first.sessionId)! : (await store.get(first.sessionId))!.items;
      expect(JSON.stringify(items)).not.toContain('never be finished');
      expect(items.length).toBe(itemsBefore + 2); // one user message and one answer: the aborted turn left nothing
    });
  },
);
