import type { AgentInputItem } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import {
  createReporter,
  estimateTokens,
  loadReporterConfig,
  MemorySessionStore,
  type ReporterConfig,
  splitTurns,
  validateMessage,
  windowHistory,
} from '../src/index.js';

const RAPTORS = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
const QUESTIONS = [
  RAPTORS,
  'How does their NBA record compare with the rest of the league?',
  'Which NBA team won the East?',
];
const config = (over: Partial<ReporterConfig> = {}): ReporterConfig => ({
  ...loadReporterConfig({}),
  sessionDb: ':memory:',
  ...over,
});

/** Input tokens of each turn of one long offline conversation. */
async function conversation(
  turns: number,
  over: Partial<ReporterConfig>,
): Promise<{ tokens: number[]; items: AgentInputItem[] }> {
  const store = new MemorySessionStore({ maxTurns: 10_000 });
  const reporter = createReporter(config(over), { sessionStore: store });
  const first = await reporter.report({ topic: 'general', message: RAPTORS });
  const tokens = [first.usage.inputTokens];
  for (let turn = 2; turn <= turns; turn += 1) {
    const next = await reporter.followUp({ sessionId: first.sessionId, message: QUESTIONS[turn % QUESTIONS.length]! });
    tokens.push(next.usage.inputTokens);
  }
  const items = (await store.get(first.sessionId))!.items;
  await reporter.close();
  return { tokens, items };
}

describe('history window', () => {
  it('keeps input tokens bounded: turn 200 costs at most twice turn 10 (without the window it grows)', async () => {
    const bounded = await conversation(200, {});
    const [turn10, turn200] = [bounded.tokens[9]!, bounded.tokens[199]!];
    expect(turn200).toBeLessThanOrEqual(2 * turn10);
    // Every turn is stored even though the model sees only the window.
    expect(splitTurns(bounded.items)).toHaveLength(200);

    const unbounded = await conversation(40, { historyTurns: 10_000, historyTokens: 10_000_000 });
    expect(unbounded.tokens[39]!).toBeGreaterThan(2 * unbounded.tokens[9]!);
  });

  it('drops whole turns only: the first turn stays, tool calls keep their outputs, the budget holds', async () => {
    const { items } = await conversation(30, {});
    const window = windowHistory(items, { maxTurns: 5, maxTokens: 100_000 });
    const turns = splitTurns(window);
    expect(turns).toHaveLength(5);
    expect(turns[0]).toEqual(splitTurns(items)[0]);
    expect(turns.slice(1)).toEqual(splitTurns(items).slice(-4));
    const calls = window.filter((i) => i.type === 'function_call').map((i) => (i as { callId: string }).callId);
    const outputs = window
      .filter((i) => i.type === 'function_call_result')
      .map((i) => (i as { callId: string }).callId);
    expect(calls.length).toBeGreaterThan(0);
    expect(outputs.sort()).toEqual(calls.sort());

    const small = windowHistory(items, { maxTurns: 100, maxTokens: 1_000 });
    expect(estimateTokens(small)).toBeLessThanOrEqual(1_000);
    expect(splitTurns(small).length).toBeGreaterThanOrEqual(2);
    expect(windowHistory(items.slice(0, 3))).toEqual(items.slice(0, 3));
  });
});

describe('session limits through the reporter', () => {
  it('refuses a follow-up beyond the turn limit before calling the model', async () => {
    let modelCalls = 0;
    const store = new MemorySessionStore({ maxTurns: 2 });
    const reporter = createReporter(config(), {
      sessionStore: store,
      configureRunner: (runner) => runner.on('agent_start', () => (modelCalls += 1)),
    });
    const first = await reporter.report({ topic: 'eastern' });
    await reporter.followUp({ sessionId: first.sessionId, message: 'Who won the East?' });
    const calls = modelCalls;
    await expect(reporter.followUp({ sessionId: first.sessionId, message: 'And the West?' })).rejects.toMatchObject({
      code: 'SESSION_TURN_LIMIT',
      maxTurns: 2,
    });
    expect(modelCalls).toBe(calls);
    await reporter.close();
  });

  it('a session belongs to the owner that created it; the error is the same as for an unknown id', async () => {
    const reporter = createReporter(config(), { sessionStore: new MemorySessionStore() });
    const mine = await reporter.report({ topic: 'finals' }, { owner: 'alice' });
    await expect(
      reporter.followUp({ sessionId: mine.sessionId, message: 'Who won the Finals?' }, { owner: 'bob' }),
    ).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
    const foreign = await reporter
      .followUp({ sessionId: mine.sessionId, message: 'Who won the Finals?' }, { owner: null })
      .catch((e: Error) => e);
    const unknown = await reporter
      .followUp({ sessionId: `${mine.sessionId.slice(0, 13)}-4000-8000-000000000000`, message: 'Who won the Finals?' })
      .catch((e: Error) => e);
    expect((foreign as Error).message).toBe((unknown as Error).message);
    expect((foreign as Error).message).not.toContain(mine.sessionId);
    const ok = await reporter.followUp(
      { sessionId: mine.sessionId, message: 'Who won the Finals?' },
      { owner: 'alice' },
    );
    expect(ok.sessionId).toBe(mine.sessionId);
    await reporter.close();
  });

  it('an expired session is SESSION_NOT_FOUND', async () => {
    let now = Date.UTC(2026, 5, 1);
    const store = new MemorySessionStore({ ttlMs: 60_000, now: () => now });
    const reporter = createReporter(config(), { sessionStore: store });
    const first = await reporter.report({ topic: 'western' });
    now += 59_000;
    await reporter.followUp({ sessionId: first.sessionId, message: 'Who won the West?' });
    now += 60_000;
    await expect(reporter.followUp({ sessionId: first.sessionId, message: 'Who won the West?' })).rejects.toMatchObject(
      {
        code: 'SESSION_NOT_FOUND',
      },
    );
    await reporter.close();
  });
});

describe('validateMessage', () => {
  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width joiners and word joiner', '\u200c\u200d\u2060'],
    ['BOM and soft hyphen', '\ufeff\u00ad'],
    ['Hangul fillers', '\u3164\u115f\uffa0'],
    ['variation selectors', '\ufe0f\ufe0e'],
    ['blank Braille and ideographic space', '\u2800\u3000'],
    ['bidi controls', '\u202e\u2066\u2069'],
    ['tag characters', '\u{e0041}\u{e0042}'],
    ['control characters', '\u0007\u0000'],
  ])('rejects a message of only invisible characters (%s)', (_name, message) => {
    expect(() => validateMessage(` ${message} `)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'message must contain visible text' }),
    );
  });

  it('keeps visible text that contains invisible characters, and emoji with variation selectors', () => {
    expect(validateMessage('Celtics\u200b record?')).toBe('Celtics\u200b record?');
    expect(validateMessage('🏀\ufe0f')).toBe('🏀\ufe0f');
  });
});
