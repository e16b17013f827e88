/**
 * The evaluation sets (eval/): answers through the real runner with the offline model, and the labelled guardrail
 * messages. Thresholds from issue 10: answers ≥ 95 % correct; guardrail precision and recall ≥ 0.97.
 * `npm run eval` prints the full report (every miss); a failing threshold prints it too.
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_SET } from '../eval/answers.js';
import { GUARDRAIL_SET } from '../eval/guardrail.js';
import {
  HOLDOUT_ANSWERS,
  HOLDOUT_ANSWERS_2,
  HOLDOUT_ANSWERS_3,
  HOLDOUT_ANSWERS_4,
  HOLDOUT_ANSWERS_5,
  HOLDOUT_GUARDRAIL,
  HOLDOUT_GUARDRAIL_2,
  HOLDOUT_GUARDRAIL_3,
  HOLDOUT_GUARDRAIL_4,
} from '../eval/holdout.js';
import { formatReport, scoreAnswers, scoreGuardrail } from '../eval/run.js';

describe('evaluation', () => {
  it('has at least 60 conversations (single and multi-turn) and 150 labelled guardrail messages', () => {
    expect(ANSWER_SET.length).toBeGreaterThanOrEqual(60);
    expect(ANSWER_SET.some((c) => c.turns.length > 1)).toBe(true);
    expect(new Set(ANSWER_SET.map((c) => c.id)).size).toBe(ANSWER_SET.length);
    expect(GUARDRAIL_SET.length).toBeGreaterThanOrEqual(150);
    expect(GUARDRAIL_SET.some((g) => g.onTopic) && GUARDRAIL_SET.some((g) => !g.onTopic)).toBe(true);
  });

  it('meets the thresholds: answers ≥ 95 %, guardrail precision and recall ≥ 0.97', async () => {
    const answers = await scoreAnswers();
    const guardrail = scoreGuardrail();
    const report = formatReport(answers, guardrail);
    const pass = answers.accuracy >= 0.95 && guardrail.precision >= 0.97 && guardrail.recall >= 0.97;
    if (process.env['NBA_EVAL_REPORT'] || !pass) console.log(report);
    expect(answers.accuracy, report).toBeGreaterThanOrEqual(0.95);
    expect(guardrail.precision, report).toBeGreaterThanOrEqual(0.97);
    expect(guardrail.recall, report).toBeGreaterThanOrEqual(0.97);
  }, 120_000);

  it('holds up on the held-out sets (written after tuning; used for fixes since): answers ≥ 0.90, guardrail accuracy ≥ 0.95', async () => {
    const answers = await scoreAnswers([
      ...HOLDOUT_ANSWERS,
      ...HOLDOUT_ANSWERS_2,
      ...HOLDOUT_ANSWERS_3,
      ...HOLDOUT_ANSWERS_4,
      ...HOLDOUT_ANSWERS_5,
    ]);
    const guardrail = scoreGuardrail([
      ...HOLDOUT_GUARDRAIL,
      ...HOLDOUT_GUARDRAIL_2,
      ...HOLDOUT_GUARDRAIL_3,
      ...HOLDOUT_GUARDRAIL_4,
    ]);
    const report = formatReport(answers, guardrail);
    if (process.env['NBA_EVAL_REPORT']) console.log(`Held-out sets\n${report}`);
    expect(answers.accuracy, report).toBeGreaterThanOrEqual(0.9);
    expect(guardrail.accuracy, report).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
