import { Agent, RunContext } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import {
  checkNbaRelevance,
  guardedText,
  isOngoingConversation,
  NBA_GUARDRAIL_KEYWORDS,
  NBA_GUARDRAIL_NAME,
  nbaContentGuardrail,
  OFF_TOPIC_REASON,
} from '../src/index.js';

const CONVERSATION = [
  { type: 'message', role: 'user', content: 'Who won the 2025 NBA Finals?' },
  {
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: 'The Thunder beat the Pacers 4-3.' }],
  },
];

const DEMO_KEYWORDS = [
  'nba',
  'basketball',
  'player',
  'team',
  'finals',
  'playoff',
  'standing',
  'court',
  'wins',
  'losses',
  'score',
  'game',
  'championship',
  'conference',
  'mvp',
  'report',
  'news',
  'cavs',
  'knicks',
  'thunder',
  'spurs',
];

describe('nba_content_guardrail', () => {
  it('keeps the demo keywords, in order', () => {
    expect(NBA_GUARDRAIL_KEYWORDS).toEqual(DEMO_KEYWORDS);
    expect(NBA_GUARDRAIL_KEYWORDS).toHaveLength(21);
    expect(NBA_GUARDRAIL_NAME).toBe('nba_content_guardrail');
  });

  const BASKETBALL_ONLY = [
    'nba',
    'basketball',
    'finals',
    'playoff',
    'championship',
    'mvp',
    'cavs',
    'knicks',
    'thunder',
    'spurs',
  ];
  const GENERIC = DEMO_KEYWORDS.filter((k) => !BASKETBALL_ONLY.includes(k));

  it.each(BASKETBALL_ONLY)('passes text containing the basketball keyword "%s" alone', (keyword) => {
    expect(checkNbaRelevance(`Tell me about the ${keyword.toUpperCase()} please`).tripwireTriggered).toBe(false);
  });

  it.each(GENERIC)(
    'does not pass on the generic demo keyword "%s" alone, but does with company or in a conversation',
    (keyword) => {
      expect(checkNbaRelevance(`Tell me about the ${keyword.toUpperCase()} please`).tripwireTriggered).toBe(true);
      expect(checkNbaRelevance(`Tell me about the ${keyword} of the Celtics`).tripwireTriggered).toBe(false);
      expect(
        checkNbaRelevance([...CONVERSATION, { role: 'user', content: `Tell me about the ${keyword} please` }])
          .tripwireTriggered,
      ).toBe(false);
    },
  );

  it('matches whole words, plurals and phrases, case-insensitively', () => {
    expect(checkNbaRelevance('Which teammates were traded?').relevant).toBe(true); // two weak words
    expect(checkNbaRelevance('Who topped the STANDINGS?').relevant).toBe(true);
    expect(checkNbaRelevance('How many games are left?').relevant).toBe(false); // one weak word, no context
    expect(checkNbaRelevance([...CONVERSATION, { role: 'user', content: 'How many games are left?' }]).relevant).toBe(
      true,
    );
  });

  it('passes the basketball questions the demo refused (issue 10)', () => {
    for (const text of [
      'Who won Rookie of the Year?',
      'How did LeBron play this year?',
      'Tell me about Shai Gilgeous-Alexander',
      'How many points did Jokic average?',
      'Did Boston make it?',
      'How did the Celitcs do?', // a typo of a team name
      'Who coached Cleveland, Kenny Atkinson?',
      'Is the crowd loud at the Paycom Center?',
    ]) {
      expect(checkNbaRelevance(text).tripwireTriggered, text).toBe(false);
    }
  });

  it('refuses off-topic text even with "team", "season", "game" or an everyday team word (issue 10)', () => {
    for (const text of [
      'Tell me a joke about a team building exercise.',
      'What is the best season to visit Japan?',
      'Which NFL team had the best record this season?',
      'What is the heat index in Phoenix today?',
      'Which magic tricks are easiest to learn?',
      'What game should I play on my PS5?',
    ]) {
      expect(checkNbaRelevance(text).tripwireTriggered, text).toBe(true);
    }
  });

  it('passes short conversational turns inside a conversation; other topics still trip there', () => {
    for (const text of ['thanks!', 'who won?', 'and Denver?', 'What about Denver?', 'Was it close?']) {
      expect(checkNbaRelevance([...CONVERSATION, { role: 'user', content: text }]).tripwireTriggered, text).toBe(false);
    }
    // Made of conversational words only, a first turn passes too: every `report` is about an NBA topic, and nothing in
    // it names another one.
    expect(checkNbaRelevance('who won?').tripwireTriggered).toBe(false);
    expect(checkNbaRelevance('and Denver?').tripwireTriggered).toBe(false); // a bare NBA city after "and" reads as the team
    expect(checkNbaRelevance('And Paris?').tripwireTriggered).toBe(true);
    expect(checkNbaRelevance('What about the heat in Phoenix?').tripwireTriggered).toBe(true);
    expect(
      checkNbaRelevance([...CONVERSATION, { role: 'user', content: 'Now tell me a joke' }]).tripwireTriggered,
    ).toBe(true);
    expect(
      checkNbaRelevance([...CONVERSATION, { role: 'user', content: 'What is the meaning of life?' }]).tripwireTriggered,
    ).toBe(true);
    expect(isOngoingConversation([{ role: 'user', content: 'x' }])).toBe(false);
    expect(isOngoingConversation([...CONVERSATION, { role: 'user', content: 'x' }])).toBe(true);
  });

  it('judges only what follows a topic switch; a request with no basketball in it trips (rules, not the classifier)', () => {
    const followUp = (text: string) => checkNbaRelevance([...CONVERSATION, { role: 'user', content: text }]);
    for (const text of [
      'enough basketball. how do I unclog a drain?',
      'Forget the NBA for a second, what rhymes with orange?',
      'unrelated, but which wine goes with salmon?',
      'switching topics: how do solar panels work?',
    ]) {
      expect(followUp(text).reason, text).toBe('topic switch');
      expect(followUp(text).tripwireTriggered, text).toBe(true);
    }
    for (const text of [
      'anyway, who won the finals?',
      'different question: how did Boston do?',
      'by the way, who won?',
    ])
      expect(followUp(text).tripwireTriggered, text).toBe(false);
    for (const text of ['Summarize Twelfth Night in three sentences', 'recommend some jazz saxophonists']) {
      expect(checkNbaRelevance(text).reason, text).toBe('request without basketball');
      expect(followUp(text).reason, text).toBe('request without basketball');
    }
    expect(followUp('write me a haiku about rain').tripwireTriggered).toBe(true);
    // The same verbs about basketball, or about the answer just given, pass.
    for (const text of [
      'explain the play-in',
      'summarize their season',
      'explain the rules again',
      'write a recap of the series',
    ])
      expect(followUp(text).tripwireTriggered, text).toBe(false);
  });

  it('trips on a basketball term asked about in another field, not in the game', () => {
    for (const text of ['what does a full court press mean in marketing', 'is a layup the same as a layoff at work?'])
      expect(checkNbaRelevance(text).reason, text).toBe('borrowed term');
    for (const text of ['what does a layup mean in basketball', 'what does DPOY stand for in the NBA'])
      expect(checkNbaRelevance(text).tripwireTriggered, text).toBe(false);
  });

  it('passes short reactions inside a conversation, not as first turns', () => {
    for (const text of ['well deserved?', 'huge jump right?', 'damn', 'source?', 'rank them', 'crazy run'])
      expect(checkNbaRelevance([...CONVERSATION, { role: 'user', content: text }]).tripwireTriggered, text).toBe(false);
    expect(checkNbaRelevance([...CONVERSATION, { role: 'user', content: 'huge jump right?' }]).reason).toBe('reaction');
    expect(checkNbaRelevance('huge jump right?').reason).not.toBe('reaction');
  });

  it('reads "the <team word>" with only conversational words as the team, first turns too, a season between allowed', () => {
    for (const text of [
      'tell me about the raptors',
      'tell me about the bucks',
      'tell me about the 2004 pistons',
      'the 96 bulls?',
    ]) {
      const verdict = checkNbaRelevance(text);
      expect(verdict.relevant, text).toBe(true);
      expect(verdict.reason, text).toBe('team');
    }
    // Another noun after the team word is another subject.
    for (const text of ['tell me about the rockets launch', 'tell me about the kings of france', 'the 2020 heat wave'])
      expect(checkNbaRelevance(text).tripwireTriggered, text).toBe(true);
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

  it('accepts team names as whole words; a city alone is not enough (our addition)', () => {
    expect(checkNbaRelevance('How did the Raptors do?').relevant).toBe(true);
    expect(checkNbaRelevance('Is Golden State any good?').relevant).toBe(false); // cities alone are not enough…
    expect(checkNbaRelevance('Are the Golden State Warriors any good?').relevant).toBe(true);
    expect(checkNbaRelevance('How does their record compare with the rest of the East?').relevant).toBe(true);
  });

  it('checks the latest user message when the input is a list', () => {
    const history = [
      { type: 'message', role: 'user', content: 'Give me the NBA standings' },
      {
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Cleveland led the East.' }],
      },
    ];
    const offTopic = [...history, { type: 'message', role: 'user', content: "What's the weather in Barcelona today?" }];
    expect(guardedText(offTopic)).toBe("What's the weather in Barcelona today?");
    expect(checkNbaRelevance(offTopic).tripwireTriggered).toBe(true);

    const onTopic = [
      ...history,
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Who won the Finals?' }] },
    ];
    expect(guardedText(onTopic)).toBe('Who won the Finals?');
    expect(checkNbaRelevance(onTopic).tripwireTriggered).toBe(false);

    // Tool items after the user message do not hide it.
    const withTool = [
      ...offTopic,
      { type: 'function_call_result', name: 'x', callId: 'c', status: 'completed', output: 'nba' },
    ];
    expect(checkNbaRelevance(withTool).tripwireTriggered).toBe(true);
    expect(guardedText([])).toBe('');
  });

  it('runs as an SDK input guardrail with the demo output_info', async () => {
    const agent = new Agent({ name: 'x' });
    const tripped = await nbaContentGuardrail.execute({
      agent,
      input: "What's the weather in Barcelona today?",
      context: new RunContext(),
    });
    expect(tripped).toEqual({ tripwireTriggered: true, outputInfo: { reason: OFF_TOPIC_REASON } });
    expect(OFF_TOPIC_REASON).toBe('The request is off-topic. Please ask questions relevant to NBA or basketball.');
    const passed = await nbaContentGuardrail.execute({ agent, input: 'NBA news please', context: new RunContext() });
    expect(passed.tripwireTriggered).toBe(false);
    expect(nbaContentGuardrail.runInParallel).toBe(false);
  });
});
