/**
 * The demo's `nba_content_guardrail` input guardrail (`app/guardrails.py`), improved for follow-ups.
 *
 * Demo rules kept: lower-cased substring match against its 21 keywords; text shorter than 5 characters passes; for a
 * list input (a conversation) only the latest user message is checked. Unlike the demo's phase D, lists are checked,
 * so follow-ups are guarded too.
 *
 * Added (second tier, whole words only so "nets" does not match "planets"): the names of all 30 teams of the
 * snapshot and a few basketball words ("record", "season", "east", …). Without them, context-dependent follow-ups
 * such as "How does their record compare with the rest of the East?" were rejected as off-topic.
 */
import type { InputGuardrail, InputGuardrailFunctionArgs } from '@openai/agents-core';
import { SNAPSHOT } from './offline/snapshot-2024-25.js';

/** Name of the guardrail, as it appears in traces and in {@link GuardrailTrippedError}. */
export const NBA_GUARDRAIL_NAME = 'nba_content_guardrail';

/** The user-facing reason when the guardrail trips (the demo's `output_info.reason`). */
export const OFF_TOPIC_REASON = 'The request is off-topic. Please ask questions relevant to NBA or basketball.';

/** The demo's 21 keywords, in its order; each is matched as a substring of the lower-cased text. */
export const NBA_GUARDRAIL_KEYWORDS: readonly string[] = Object.freeze([
  'nba', 'basketball', 'player', 'team', 'finals', 'playoff', 'standing', 'court', 'wins', 'losses', 'score',
  'game', 'championship', 'conference', 'mvp', 'report', 'news', 'cavs', 'knicks', 'thunder', 'spurs',
]);

/** Extra basketball words, matched as whole words (our addition). */
export const NBA_GUARDRAIL_EXTRA_WORDS: readonly string[] = Object.freeze([
  'record', 'records', 'season', 'seasons', 'seed', 'seeds', 'seeding', 'east', 'west', 'eastern', 'western',
  'roster', 'coach', 'draft', 'trade', 'rebounds', 'assists', 'dunk', 'hoops', 'win percentage', 'winning percentage',
]);

/** Team names of the snapshot (city, nickname, full name, aliases), matched as whole words (our addition). */
export const NBA_GUARDRAIL_TEAM_NAMES: readonly string[] = Object.freeze(
  [...new Set(SNAPSHOT.teams.flatMap((t) => [t.nickname, `${t.city} ${t.nickname}`, ...t.aliases]).map((n) => n.toLowerCase()))],
);

const MIN_CHECKED_LENGTH = 5;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WHOLE_WORD_TERMS = new RegExp(
  `(?<![a-z0-9])(?:${[...NBA_GUARDRAIL_EXTRA_WORDS, ...NBA_GUARDRAIL_TEAM_NAMES].map(escapeRegExp).join('|')})(?![a-z0-9])`,
);

/** The outcome of {@link checkNbaRelevance}. */
export interface NbaRelevance {
  /** The text that was checked (lower-cased). */
  readonly text: string;
  readonly relevant: boolean;
  readonly tripwireTriggered: boolean;
}

type ContentLike = { type?: unknown; text?: unknown };
type ItemLike = { role?: unknown; content?: unknown };

/** Text of a message's `content`: a string, or the text parts of a content array. */
export function messageContentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: ContentLike) => (typeof part?.text === 'string' ? part.text : ''))
    .filter((text) => text.length > 0)
    .join(' ');
}

/** The text the guardrail checks: the string input, or the content of the latest user message of a list. */
export function guardedText(input: string | readonly unknown[]): string {
  if (typeof input === 'string') return input;
  for (let i = input.length - 1; i >= 0; i--) {
    const item = input[i] as ItemLike | null | undefined;
    if (item && typeof item === 'object' && item.role === 'user') return messageContentText(item.content);
  }
  return '';
}

/** Pure form of the guardrail: is the (latest user) input about the NBA or basketball? */
export function checkNbaRelevance(input: string | readonly unknown[]): NbaRelevance {
  const text = guardedText(input).toLowerCase();
  const relevant =
    NBA_GUARDRAIL_KEYWORDS.some((keyword) => text.includes(keyword)) || WHOLE_WORD_TERMS.test(text);
  return { text, relevant, tripwireTriggered: !(text.length < MIN_CHECKED_LENGTH || relevant) };
}

/**
 * The input guardrail. It runs before the model is called (`runInParallel: false`), so an off-topic request costs
 * no model tokens; on a trip its `outputInfo` is `{ reason }` as in the demo.
 */
export const nbaContentGuardrail: InputGuardrail = {
  name: NBA_GUARDRAIL_NAME,
  runInParallel: false,
  execute: async ({ input }: InputGuardrailFunctionArgs) => {
    const { tripwireTriggered } = checkNbaRelevance(input);
    return tripwireTriggered
      ? { tripwireTriggered: true, outputInfo: { reason: OFF_TOPIC_REASON } }
      : { tripwireTriggered: false, outputInfo: null };
  },
};
