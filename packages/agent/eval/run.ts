/**
 * Runs the evaluation sets: the answer set through the real Agents SDK runner with the offline model (tool calls
 * included), and the guardrail set through the keyword guardrail. Returns scores and every miss.
 */
import { type AgentInputItem, Runner } from '@openai/agents-core';
import { createNbaReporterAgent } from '../src/agent.js';
import { checkNbaRelevance } from '../src/guardrail.js';
import { OfflineNbaModel } from '../src/offline/model.js';
import { ANSWER_SET, type EvalConversation } from './answers.js';
import { GUARDRAIL_SET, type GuardrailCase } from './guardrail.js';

/** One answer that missed a fact. */
export interface AnswerMiss {
  readonly id: string;
  readonly ask: string;
  readonly missing: readonly string[];
  readonly unwanted: readonly string[];
  readonly answer: string;
}

export interface AnswerScore {
  readonly turns: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly conversations: number;
  readonly misses: readonly AnswerMiss[];
}

export interface GuardrailScore {
  readonly messages: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
  /** Off-topic messages let through, and on-topic messages refused. */
  readonly misses: ReadonlyArray<GuardrailCase & { readonly passed: boolean }>;
}

/** Runs every conversation of `set` (default the bundled set) turn by turn, keeping the history like the reporter. */
export async function scoreAnswers(set: readonly EvalConversation[] = ANSWER_SET): Promise<AnswerScore> {
  const agent = createNbaReporterAgent(new OfflineNbaModel());
  const runner = new Runner({ tracingDisabled: true });
  const misses: AnswerMiss[] = [];
  let turns = 0;
  for (const conversation of set) {
    let history: AgentInputItem[] = [];
    let previous: string | undefined;
    for (const turn of conversation.turns) {
      turns++;
      let answer: string;
      try {
        const result = await runner.run(agent, [...history, { type: 'message', role: 'user', content: turn.ask }]);
        history = result.history;
        answer = String(result.finalOutput ?? '');
      } catch (error) {
        answer = `(run failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
        history = [...history, { type: 'message', role: 'user', content: turn.ask }];
      }
      const lower = answer.toLowerCase();
      const missing = turn.must.filter((fact) => !lower.includes(fact.toLowerCase()));
      const unwanted = (turn.mustNot ?? []).filter((fact) => lower.includes(fact.toLowerCase()));
      // A follow-up must never get the previous answer again, word for word.
      if (answer === previous) unwanted.push('(the previous answer, repeated)');
      previous = answer;
      if (missing.length || unwanted.length)
        misses.push({ id: conversation.id, ask: turn.ask, missing, unwanted, answer });
    }
  }
  return {
    turns,
    correct: turns - misses.length,
    accuracy: (turns - misses.length) / turns,
    conversations: set.length,
    misses,
  };
}

/** A conversation so far, as the guardrail sees it on a follow-up: an earlier question and its answer. */
const EARLIER_TURN = [
  { type: 'message', role: 'user', content: 'Who won the 2025 NBA Finals?' },
  {
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: 'The Oklahoma City Thunder beat the Indiana Pacers 4-3.' }],
  },
];

/** Classifies every message of `set` (default the bundled set) with the keyword guardrail. */
export function scoreGuardrail(set: readonly GuardrailCase[] = GUARDRAIL_SET): GuardrailScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses: Array<GuardrailCase & { passed: boolean }> = [];
  for (const item of set) {
    const input = item.followUp ? [...EARLIER_TURN, { type: 'message', role: 'user', content: item.text }] : item.text;
    const passed = !checkNbaRelevance(input).tripwireTriggered;
    if (passed && item.onTopic) tp++;
    else if (passed && !item.onTopic) fp++;
    else if (!passed && item.onTopic) fn++;
    else tn++;
    if (passed !== item.onTopic) misses.push({ ...item, passed });
  }
  return {
    messages: set.length,
    precision: tp / (tp + fp || 1),
    recall: tp / (tp + fn || 1),
    accuracy: (tp + tn) / set.length,
    misses,
  };
}

/** A readable report of both scores and every miss. */
export function formatReport(answers: AnswerScore, guardrail: GuardrailScore): string {
  const lines = [
    `Answers: ${answers.correct}/${answers.turns} turns correct (${(answers.accuracy * 100).toFixed(1)}%) over ${answers.conversations} conversations`,
    ...answers.misses.map(
      (m) =>
        `  MISS [${m.id}] ${JSON.stringify(m.ask)}${m.missing.length ? ` missing ${JSON.stringify(m.missing)}` : ''}${m.unwanted.length ? ` unwanted ${JSON.stringify(m.unwanted)}` : ''}\n      answer: ${m.answer.replace(/\n+/g, ' | ').slice(0, 400)}`,
    ),
    `Guardrail: ${guardrail.messages} messages, precision ${guardrail.precision.toFixed(3)}, recall ${guardrail.recall.toFixed(3)}, accuracy ${(guardrail.accuracy * 100).toFixed(1)}%`,
    ...guardrail.misses.map(
      (m) =>
        `  MISS ${m.onTopic ? 'refused on-topic' : 'passed off-topic'}${m.followUp ? ' (follow-up)' : ''}: ${JSON.stringify(m.text)}`,
    ),
  ];
  return lines.join('\n');
}
