/**
 * The optional model-judged guardrail (`NBA_REPORTER_GUARDRAIL=model`): an agent used as a classifier, as the Agents
 * SDK documents for input guardrails, behind the keyword check as a fast path.
 *
 * The keyword check decides alone when one of its rules does (basketball named, a team, a player, another sport, a
 * clearly other topic, a conversational turn). The messages its learned classifier would decide go to the model
 * instead, which answers with a structured verdict. Both appear in traces as guardrail spans: the runner's `nba_content_guardrail` span, and inside
 * it an `nba_model_guardrail` span holding the classifier's agent and model spans.
 *
 * If the classifier call fails (network, timeout, unparsable output) the keyword verdict is used and the failure is
 * recorded on the `nba_model_guardrail` span: a guardrail outage must not take answers down with it.
 */
import {
  Agent,
  type InputGuardrail,
  type InputGuardrailFunctionArgs,
  type Model,
  Runner,
  withGuardrailSpan,
} from '@openai/agents-core';
import { z } from 'zod';
import {
  checkNbaRelevance,
  guardedText,
  guardrailOutput,
  messageContentText,
  NBA_GUARDRAIL_NAME,
  OFF_TOPIC_REASON,
} from './guardrail.js';

/** Name of the classifier agent (it names its `invoke_agent` span). */
export const NBA_TOPIC_CLASSIFIER_NAME = 'NBA_Topic_Classifier';
/** Name of the nested guardrail span around the classifier call. */
export const NBA_MODEL_GUARDRAIL_NAME = 'nba_model_guardrail';

/** The classifier's structured answer. */
export const topicVerdictSchema = z.object({
  is_nba_or_basketball: z.boolean(),
  reason: z.string(),
});
export type TopicVerdict = z.infer<typeof topicVerdictSchema>;

export const NBA_TOPIC_CLASSIFIER_INSTRUCTIONS =
  'You decide whether the latest user message to an NBA reporter is about the NBA or basketball. ' +
  'Messages about teams, players, coaches, games, standings, playoffs, awards, trades or the sport itself are on topic, ' +
  'and so are short follow-ups that only make sense in the ongoing basketball conversation (for example "and Denver?", ' +
  '"who won?", "thanks!"). Anything else is off topic, even if it uses words like "team", "season", "game" or "score" ' +
  '(team building at work, the season to visit a country, video games, other sports). ' +
  'Answer with is_nba_or_basketball and a one-sentence reason.';

/** The classifier agent around `model` (the same model the reporter uses). */
export function createTopicClassifierAgent(model: Model | string): Agent<unknown, typeof topicVerdictSchema> {
  return new Agent({
    name: NBA_TOPIC_CLASSIFIER_NAME,
    instructions: NBA_TOPIC_CLASSIFIER_INSTRUCTIONS,
    model,
    outputType: topicVerdictSchema,
  });
}

/** What the classifier reads: the latest user message, and the previous user message for context. */
export function classifierPrompt(input: string | readonly unknown[]): string {
  const latest = guardedText(input);
  if (typeof input === 'string') return `Latest message: ${latest}`;
  const users = input.filter(
    (i): i is { role: string; content: unknown } =>
      !!i && typeof i === 'object' && (i as { role?: unknown }).role === 'user',
  );
  const previous = users.length >= 2 ? messageContentText(users[users.length - 2]!.content) : undefined;
  return previous ? `Previous user message: ${previous}\nLatest message: ${latest}` : `Latest message: ${latest}`;
}

/** Options of {@link createModelJudgedGuardrail}. */
export interface ModelJudgedGuardrailOptions {
  /** Runs the classifier; default a fresh `Runner` per check (inherits the current trace). */
  runner?: Runner;
}

/**
 * The `nba_content_guardrail` input guardrail with a model-judged second stage. `outputInfo` on a trip is the demo's
 * `{ reason }`; on a pass it is null, as with the keyword guardrail.
 */
export function createModelJudgedGuardrail(
  model: Model | string,
  options: ModelJudgedGuardrailOptions = {},
): InputGuardrail {
  const classifier = createTopicClassifierAgent(model);
  return {
    name: NBA_GUARDRAIL_NAME,
    runInParallel: false,
    execute: async ({ input, context }: InputGuardrailFunctionArgs) => {
      const keyword = checkNbaRelevance(input);
      if (keyword.confidence === 'strong') return guardrailOutput(keyword);
      const onTopic = await withGuardrailSpan(
        async (span) => {
          try {
            const runner = options.runner ?? new Runner();
            const result = await runner.run(classifier, classifierPrompt(input), { context });
            const verdict = topicVerdictSchema.parse(result.finalOutput);
            span.spanData.triggered = !verdict.is_nba_or_basketball;
            return verdict.is_nba_or_basketball;
          } catch (error) {
            span.setError({
              message: 'Topic classifier failed; the keyword verdict was used',
              data: { error: error instanceof Error ? error.name : 'Error' },
            });
            span.spanData.triggered = keyword.tripwireTriggered;
            return keyword.relevant;
          }
        },
        { data: { name: NBA_MODEL_GUARDRAIL_NAME } },
      );
      return onTopic
        ? { tripwireTriggered: false, outputInfo: null }
        : { tripwireTriggered: true, outputInfo: { reason: OFF_TOPIC_REASON } };
    },
  };
}
