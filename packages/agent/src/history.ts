/**
 * The history window: what of a long conversation the model sees on the next turn. Whole turns are kept or dropped
 * (a turn starts at a user message), so a function call never loses its output and an answer never loses its question.
 */
import type { AgentInputItem } from '@openai/agents-core';

/** Limits of the window; the defaults are the `NBA_REPORTER_HISTORY_*` defaults. */
export interface HistoryWindow {
  /** Most turns sent, the first turn (which carries the topic framing) included. */
  maxTurns: number;
  /** Rough token budget of the history (about 4 characters of serialised item per token). */
  maxTokens: number;
}

export const DEFAULT_HISTORY_TURNS = 10;
export const DEFAULT_HISTORY_TOKENS = 8_000;
export const DEFAULT_HISTORY_WINDOW: Readonly<HistoryWindow> = Object.freeze({
  maxTurns: DEFAULT_HISTORY_TURNS,
  maxTokens: DEFAULT_HISTORY_TOKENS,
});

function startsTurn(item: AgentInputItem): boolean {
  const candidate = item as { type?: string; role?: string };
  return (candidate.type === undefined || candidate.type === 'message') && candidate.role === 'user';
}

/** Splits items into turns, each starting at a user message (anything before the first one joins the first turn). */
export function splitTurns(items: readonly AgentInputItem[]): AgentInputItem[][] {
  const turns: AgentInputItem[][] = [];
  for (const item of items) {
    const current = turns.at(-1);
    if (!current || (startsTurn(item) && current.some(startsTurn))) turns.push([item]);
    else current.push(item);
  }
  return turns;
}

/** A cheap token estimate (no tokenizer on the request path): serialised length / 4, rounded up. */
export function estimateTokens(items: readonly AgentInputItem[]): number {
  let chars = 0;
  for (const item of items) chars += JSON.stringify(item).length;
  return Math.ceil(chars / 4);
}

/**
 * The items to send: the first turn, then as many of the most recent turns as fit in `maxTurns - 1` turns and the
 * token budget (the first turn counts against the budget too). Dropped turns stay stored; only the model's view
 * is bounded.
 */
export function windowHistory(
  items: readonly AgentInputItem[],
  window: HistoryWindow = DEFAULT_HISTORY_WINDOW,
): AgentInputItem[] {
  const turns = splitTurns(items);
  if (turns.length <= 1 && estimateTokens(items) <= window.maxTokens) return [...items];
  const [first, ...rest] = turns;
  const firstTokens = estimateTokens(first ?? []);
  let budget = window.maxTokens - firstTokens;
  const kept: AgentInputItem[][] = [];
  for (let i = rest.length - 1; i >= 0 && kept.length < window.maxTurns - 1; i -= 1) {
    const turn = rest[i]!;
    const cost = estimateTokens(turn);
    if (cost > budget) break;
    budget -= cost;
    kept.unshift(turn);
  }
  return [...(first ?? []), ...kept.flat()];
}
