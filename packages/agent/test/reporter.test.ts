import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReporter,
  GuardrailTrippedError,
  InvalidInputError,
  isReporterError,
  loadReporterConfig,
  MAX_MESSAGE_LENGTH,
  MemorySessionStore,
  OFF_TOPIC_REASON,
  type Reporter,
  type ReporterConfig,
  SessionNotFoundError,
  SqliteSessionStore,
} from '../src/index.js';

const RAPTORS = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
const offlineConfig: ReporterConfig = { ...loadReporterConfig({}), sessionDb: ':memory:' };

describe('Reporter (offline provider, end to end)', () => {
  let reporter: Reporter;
  let store: MemorySessionStore;
  beforeAll(() => {
    store = new MemorySessionStore();
    reporter = createReporter(offlineConfig, { sessionStore: store });
  });
  afterAll(async () => {
    await reporter.close();
  });

  it('exposes provider and model', () => {
    expect(reporter.provider).toBe('offline');
    expect(reporter.model).toBe('offline-nba-2024-25');
  });

  it('reports a GENERAL overview with real usage', async () => {
    const result = await reporter.report({ topic: 'general' });
    expect(result.topic).toBe('general');
    expect(result.model).toBe('offline-nba-2024-25');
    expect(result.message.length).toBeGreaterThan(50);
    expect(result.message).toContain('Oklahoma City Thunder');
    expect(result.usage.requests).toBe(1);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.usage.totalTokens).toBe(result.usage.inputTokens + result.usage.outputTokens);
    expect(result.usage.cachedInputTokens).toBe(0);
    expect(result.usage.reasoningTokens).toBe(0);
    const stored = await store.get(result.sessionId);
    expect(stored?.topic).toBe('general');
    expect(stored?.items[0]).toMatchObject({
      role: 'user',
      content: expect.stringMatching(
        /^What is the latest news and analysis for NBA Season, as of \d{4}-\d{2}-\d{2}\?$/,
      ),
    });
  });

  it.each(['eastern', 'western', 'finals'] as const)('reports the %s overview', async (topic) => {
    const result = await reporter.report({ topic, message: null });
    expect(result.topic).toBe(topic);
    expect(result.message).toMatch(/offline snapshot of the 2024-25 NBA season/);
  });

  it('answers the Raptors 46-36 question with .561 via the tool, then follows up on "their" record', async () => {
    const first = await reporter.report({ topic: 'general', message: `  ${RAPTORS}  ` });
    expect(first.message).toContain('.561');
    expect(first.message.startsWith('The Raptors went 46-36, which works out to a .561 winning percentage.')).toBe(
      true,
    );
    expect(first.usage.requests).toBe(2); // tool call, then the answer
    const items = (await store.get(first.sessionId))?.items ?? [];
    expect(items.map((i) => i.type)).toEqual(['message', 'function_call', 'function_call_result', 'message']);

    const second = await reporter.followUp({
      sessionId: first.sessionId,
      message: 'How does their record compare with the rest of the East?',
    });
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.topic).toBe('general');
    expect(second.message).toContain('Raptors');
    expect(second.message).toContain('.561');
    expect(second.message).toMatch(/Eastern Conference/);
    // The follow-up read the whole conversation, so it read more than the first turn's first call.
    expect(second.usage.inputTokens).toBeGreaterThan(first.usage.inputTokens / 2);
    expect((await store.get(first.sessionId))?.items).toHaveLength(8);
  });

  it('blocks off-topic requests with the guardrail, in report and in followUp, and stores nothing', async () => {
    const error = await reporter
      .report({ topic: 'general', message: "What's the weather in Barcelona today?" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardrailTrippedError);
    expect(error).toMatchObject({
      code: 'GUARDRAIL_TRIPPED',
      guardrail: 'nba_content_guardrail',
      reason: OFF_TOPIC_REASON,
      name: 'GuardrailTrippedError',
    });

    const started = await reporter.report({ topic: 'finals' });
    const before = (await store.get(started.sessionId))?.items.length;
    const followUpError = await reporter
      .followUp({ sessionId: started.sessionId, message: "What's the weather in Barcelona today?" })
      .catch((e: unknown) => e);
    expect(followUpError).toBeInstanceOf(GuardrailTrippedError);
    expect((await store.get(started.sessionId))?.items.length).toBe(before);
  });

  it('rejects unknown sessions instead of starting a new conversation', async () => {
    const error = await reporter
      .followUp({ sessionId: 'b9a0c1d2-0000-4000-8000-000000000000', message: 'NBA news?' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionNotFoundError);
    expect(error).toMatchObject({ code: 'SESSION_NOT_FOUND', sessionId: 'b9a0c1d2-0000-4000-8000-000000000000' });
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', ' \n\t '],
    ['over-long', 'nba '.repeat(MAX_MESSAGE_LENGTH)],
  ])('rejects an %s message', async (_label, message) => {
    const reportError = await reporter.report({ topic: 'general', message }).catch((e: unknown) => e);
    expect(reportError).toBeInstanceOf(InvalidInputError);
    expect(reportError).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    const started = await reporter.report({ topic: 'general' });
    const followUpError = await reporter.followUp({ sessionId: started.sessionId, message }).catch((e: unknown) => e);
    expect(followUpError).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
  });

  it('accepts a message of exactly MAX_MESSAGE_LENGTH characters', async () => {
    const message = `NBA ${'x'.repeat(MAX_MESSAGE_LENGTH - 4)}`;
    expect(message).toHaveLength(MAX_MESSAGE_LENGTH);
    await expect(reporter.report({ topic: 'general', message })).resolves.toMatchObject({ topic: 'general' });
  });

  it('rejects unknown topics and empty session ids', async () => {
    const error = await reporter.report({ topic: 'Eastern' as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'topic',
      message: 'Invalid NBA topic "Eastern". Supported topics: eastern, finals, general, western',
    });
    await expect(reporter.followUp({ sessionId: ' ', message: 'NBA?' })).rejects.toMatchObject({ field: 'sessionId' });
  });

  it('serialises concurrent follow-ups on one session: each turn sees the turns before it', async () => {
    const started = await reporter.report({ topic: 'eastern', message: 'How did the Celtics do?' });
    // Sent together. Run one after the other, the second question's "their" means the Knicks, the team the turn
    // before it named; run side by side on the same history, it could only mean the Celtics.
    const [a, b] = await Promise.all([
      reporter.followUp({ sessionId: started.sessionId, message: 'How did the Knicks do?' }),
      reporter.followUp({ sessionId: started.sessionId, message: 'What was their record?' }),
    ]);
    expect(a.message).toMatch(/^The New York Knicks finished/);
    expect(b.message).toMatch(/^The New York Knicks went 51-31 in the 2024-25 regular season/);
    const items = (await store.get(started.sessionId))?.items ?? [];
    const users = items
      .filter((i) => i.type === 'message' && i.role === 'user')
      .map((i) => (i as { content: unknown }).content);
    expect(users.slice(1)).toEqual(['How did the Knicks do?', 'What was their record?']);
  });

  it('passes an abort through unchanged and stores nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('client went away'));
    await expect(reporter.report({ topic: 'general' }, { signal: controller.signal })).rejects.toThrow(
      'client went away',
    );
  });
});

describe('Reporter with the default SQLite store', () => {
  it('persists conversations across reporter restarts and close is idempotent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nba-reporter-'));
    try {
      const config: ReporterConfig = { ...offlineConfig, sessionDb: join(dir, 'data', 'sessions.db') };
      const first = createReporter(config);
      const turn = await first.report({ topic: 'general', message: RAPTORS });
      await first.close();
      await first.close();
      await expect(first.report({ topic: 'general' })).rejects.toThrow(/closed/);

      const second = createReporter(config);
      const next = await second.followUp({
        sessionId: turn.sessionId,
        message: 'How does their record compare with the rest of the East?',
      });
      expect(next.message).toContain('Raptors');
      await second.close();

      const store = new SqliteSessionStore(config.sessionDb);
      expect(store.turnCount(turn.sessionId)).toBe(2);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Reporter (openai provider wiring)', () => {
  it('uses the Responses model with hosted web search and the demo instructions', async () => {
    const reporter = createReporter(
      { ...loadReporterConfig({ OPENAI_API_KEY: 'sk-test' }), sessionDb: ':memory:' },
      { sessionStore: new MemorySessionStore() },
    );
    expect(reporter.provider).toBe('openai');
    expect(reporter.model).toBe('gpt-5.4-mini-2026-03-17');
    expect(reporter.agent.tools.map((t) => t.name)).toEqual(['web_search', 'calculate_win_percentage']);
    expect(reporter.agent.instructions).toMatch(
      /^You are a stateful NBA news reporter and analyst\. Stay focused on the NBA\. Use web search/,
    );
    const error = await reporter.followUp({ sessionId: 'conv_unknown', message: 'NBA news?' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionNotFoundError);
    await reporter.close();
  });
});

describe('createReporter with an unusable session database path', () => {
  it('fails with a one-line ConfigError naming NBA_REPORTER_SESSION_DB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nba-badpath-'));
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    try {
      let thrown: unknown;
      try {
        createReporter({ ...offlineConfig, sessionDb: join(file, 'sessions.db') });
      } catch (error) {
        thrown = error;
      }
      expect(isReporterError(thrown) && thrown.code).toBe('CONFIG_ERROR');
      const message = (thrown as Error).message;
      expect(message).toMatch(
        /^NBA_REPORTER_SESSION_DB must be a writable SQLite file path \(cannot open ".*sessions\.db": .+\)$/,
      );
      expect(message).not.toContain('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
