import { Agent, RunContext } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import {
  checkNbaRelevance,
  guardedText,
  nbaContentGuardrail,
  NBA_GUARDRAIL_KEYWORDS,
  NBA_GUARDRAIL_NAME,
  OFF_TOPIC_REASON,
} from '../src/index.js';

const DEMO_KEYWORDS = [
  'nba', 'basketball', 'player', 'team', 'finals', 'playoff', 'standing', 'court', 'wins', 'losses', 'score',
  'game', 'championship', 'conference', 'mvp', 'report', 'news', 'cavs', 'knicks', 'thunder', 'spurs',
];

describe('nba_content_guardrail', () => {
  it('keeps the demo keywords, in order', () => {
    expect(NBA_GUARDRAIL_KEYWORDS).toEqual(DEMO_KEYWORDS);
    expect(NBA_GUARDRAIL_KEYWORDS).toHaveLength(21);
    expect(NBA_GUARDRAIL_NAME).toBe('nba_content_guardrail');
  });

  it.each(DEMO_KEYWORDS)('passes text containing "%s"', (keyword) => {
    expect(checkNbaRelevance(`Tell me about the ${keyword.toUpperCase()} please`).tripwireTriggered).toBe(false);
  });

  it('matches keywords as substrings, case-insensitively (demo rule)', () => {
    expect(checkNbaRelevance('Which teammates were traded?').relevant).toBe(true);
    expect(checkNbaRelevance('Who topped the STANDINGS?').relevant).toBe(true);
    expect(checkNbaRelevance('How many games are left?').relevant).toBe(true);
  });

  it('lets text shorter than 5 characters through', () => {
    expect(checkNbaRelevance('hey').tripwireTriggered).toBe(false);
    expect(checkNbaRelevance('abcd').tripwireTriggered).toBe(false);
    expect(checkNbaRelevance('abcde').tripwireTriggered).toBe(true);
  });

  it('trips on off-topic text', () => {
    expect(checkNbaRelevance("What's the weather in Barcelona today?").tripwireTriggered).toBe(true);
    expect(checkNbaRelevance('Give me a recipe for paella').tripwireTriggered).toBe(true);
    expect(checkNbaRelevance('Which planets have magnets?').tripwireTriggered).toBe(true); // "nets" is whole-word only
  });

  it('also accepts team names and a few basketball words as whole words (our addition)', () => {
    expect(checkNbaRelevance('How did the Raptors do?').relevant).toBe(true);
    expect(checkNbaRelevance('Is Golden State any good?').relevant).toBe(false); // cities alone are not enough…
    expect(checkNbaRelevance('Are the Golden State Warriors any good?').relevant).toBe(true);
    expect(checkNbaRelevance('How does their record compare with the rest of the East?').relevant).toBe(true);
  });

  it('checks the latest user message when the input is a list', () => {
    const history = [
      { type: 'message', role: 'user', content: 'Give me the NBA standings' },
      { type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Cleveland led the East.' }] },
    ];
    const offTopic = [...history, { type: 'message', role: 'user', content: "What's the weather in Barcelona today?" }];
    expect(guardedText(offTopic)).toBe("What's the weather in Barcelona today?");
    expect(checkNbaRelevance(offTopic).tripwireTriggered).toBe(true);

    const onTopic = [...history, { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Who won the Finals?' }] }];
    expect(guardedText(onTopic)).toBe('Who won the Finals?');
    expect(checkNbaRelevance(onTopic).tripwireTriggered).toBe(false);

    // Tool items after the user message do not hide it.
    const withTool = [...offTopic, { type: 'function_call_result', name: 'x', callId: 'c', status: 'completed', output: 'nba' }];
    expect(checkNbaRelevance(withTool).tripwireTriggered).toBe(true);
    expect(guardedText([])).toBe('');
  });

  it('runs as an SDK input guardrail with the demo output_info', async () => {
    const agent = new Agent({ name: 'x' });
    const tripped = await nbaContentGuardrail.execute({ agent, input: "What's the weather in Barcelona today?", context: new RunContext() });
    expect(tripped).toEqual({ tripwireTriggered: true, outputInfo: { reason: OFF_TOPIC_REASON } });
    expect(OFF_TOPIC_REASON).toBe('The request is off-topic. Please ask questions relevant to NBA or basketball.');
    const passed = await nbaContentGuardrail.execute({ agent, input: 'NBA news please', context: new RunContext() });
    expect(passed.tripwireTriggered).toBe(false);
    expect(nbaContentGuardrail.runInParallel).toBe(false);
  });
});
