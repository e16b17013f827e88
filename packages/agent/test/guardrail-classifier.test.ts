/**
 * The learned half of the guardrail: the committed weights are what the training script writes from the corpus
 * today, the corpus stays apart from the evaluation sets, and the classifier decides what the rules leave open.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUARDRAIL_SET } from '../eval/guardrail.js';
import { HOLDOUT_GUARDRAIL, HOLDOUT_GUARDRAIL_2, HOLDOUT_GUARDRAIL_3, HOLDOUT_GUARDRAIL_4 } from '../eval/holdout.js';
import {
  corpusExamples,
  decidedByRules,
  generatedWeights,
  train,
  WEIGHTS_FILE,
} from '../scripts/guardrail-training.js';
import { classify } from '../src/guardrail/classifier.js';
import { features } from '../src/guardrail/features.js';
import { textSignals } from '../src/guardrail/signals.js';
import { checkNbaRelevance } from '../src/index.js';
import { normalize } from '../src/offline/text.js';

const CONVERSATION = [
  { type: 'message', role: 'user', content: 'Who won the 2025 NBA Finals?' },
  { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'The Thunder beat the Pacers 4-3.' }] },
];
const followUp = (text: string) => [...CONVERSATION, { type: 'message', role: 'user', content: text }];

describe('guardrail classifier', () => {
  it('has committed weights equal to a fresh training run (run `npm run guardrail:train` after changing the corpus or features)', () => {
    expect(readFileSync(WEIGHTS_FILE, 'utf8')).toBe(generatedWeights());
  }, 60_000);

  it('scores with the packed tables exactly as the sum of the named features’ weights', () => {
    const examples = corpusExamples();
    const weights = train(examples);
    let compared = 0;
    for (const example of examples) {
      const signals = textSignals(example.text);
      let byName = 0;
      for (const feature of features(signals, example.inConversation)) byName += weights.get(feature) ?? 0;
      expect(classify(signals, example.inConversation).logOdds, example.text).toBeCloseTo(byName, 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(4000);
  }, 60_000);

  it('trains on 2,000+ distinct messages, none of them in an evaluation set', () => {
    const examples = corpusExamples();
    const corpus = new Set(examples.map((e) => normalize(e.text)));
    expect(corpus.size).toBeGreaterThanOrEqual(2000);
    const evaluation = [
      ...GUARDRAIL_SET,
      ...HOLDOUT_GUARDRAIL,
      ...HOLDOUT_GUARDRAIL_2,
      ...HOLDOUT_GUARDRAIL_3,
      ...HOLDOUT_GUARDRAIL_4,
    ];
    expect(evaluation.filter((c) => corpus.has(normalize(c.text))).map((c) => c.text)).toEqual([]);
    // Both labels, first turns and follow-ups, and most of it left to the classifier by the rules.
    for (const inConversation of [false, true])
      for (const onTopic of [false, true])
        expect(examples.some((e) => e.inConversation === inConversation && e.onTopic === onTopic)).toBe(true);
    expect(examples.filter((e) => !decidedByRules(e)).length).toBeGreaterThan(examples.length / 2);
  });

  it('decides messages no rule decides: basketball vocabulary passes, everyday senses of sport words do not', () => {
    for (const text of [
      'Who led the league in blocks per game?',
      'which big men can shoot from deep',
      'What does a stretch four do?',
      'best rim protector right now',
    ]) {
      const verdict = checkNbaRelevance(text);
      expect(verdict.reason, text).toMatch(/^classifier/);
      expect(verdict.relevant, text).toBe(true);
    }
    for (const text of [
      'How do I keep my team motivated during a long project?',
      'When is the best season to visit Portugal?',
      'Is a rebound relationship ever a good idea?',
      'Can you assist me with my chemistry assignment?',
    ]) {
      const verdict = checkNbaRelevance(text);
      expect(verdict.reason, text).toMatch(/^classifier/);
      expect(verdict.relevant, text).toBe(false);
    }
  });

  it('reads a follow-up in its conversation: short basketball turns pass, a change of subject does not', () => {
    expect(checkNbaRelevance(followUp('and how did they finish the season?')).relevant).toBe(true);
    expect(checkNbaRelevance(followUp('which round did they lose in?')).relevant).toBe(true);
    expect(checkNbaRelevance(followUp('ok, now write me a limerick about frogs')).relevant).toBe(false);
    expect(checkNbaRelevance(followUp('what is the best way to cook salmon?')).relevant).toBe(false);
  });

  it('stays cheap: a fresh message costs well under 150 µs of CPU on average (about 20-30 µs measured alone)', () => {
    const message = (i: number) => `How many rebounds did player number ${i} grab last night?`;
    for (let i = 0; i < 300; i++) checkNbaRelevance(message(-i)); // tables built, code warmed up
    const count = 2000;
    const started = process.cpuUsage();
    for (let i = 0; i < count; i++) checkNbaRelevance(message(i));
    const used = process.cpuUsage(started);
    // CPU time of this process, not wall time: other test files run in parallel on the same cores.
    expect((used.user + used.system) / count).toBeLessThan(150);
  });
});
