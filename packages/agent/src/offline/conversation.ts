/**
 * The conversation as the offline model reads it: the latest user message, and the state left by the earlier turns.
 * The model is stateless (the runner sends the whole history each time), so the state is rebuilt by replaying the
 * earlier user messages through the same understand → look up steps; both are cheap and deterministic.
 */
import { messageContentText } from '../guardrail.js';
import { understand } from './follow-ups.js';
import { type Facts, lookUp } from './lookup.js';
import { type ConversationState, EMPTY_STATE } from './question.js';

/** A minimal view of a conversation item. */
export type ConversationItem = {
  type?: unknown;
  role?: unknown;
  content?: unknown;
  name?: unknown;
  callId?: unknown;
  arguments?: unknown;
  output?: unknown;
};

function isUserMessage(item: ConversationItem): boolean {
  return item.role === 'user' && (item.type === undefined || item.type === 'message');
}

/** Index of the latest user message in `items`, or -1. */
export function latestUserIndex(items: readonly ConversationItem[]): number {
  for (let i = items.length - 1; i >= 0; i--) if (isUserMessage(items[i]!)) return i;
  return -1;
}

/** The state after the facts of one turn were looked up. */
export function nextState(facts: Facts, previous: ConversationState = EMPTY_STATE): ConversationState {
  const recent = [...new Set([...facts.next.focus, ...(previous.recent ?? [])])].slice(0, 4);
  return { question: facts.question, ...facts.next, recent };
}

/** Understands and looks up the latest user message of `items`, in the context of the earlier ones. */
export function readConversation(items: readonly ConversationItem[]): { facts: Facts; userIndex: number } {
  const userIndex = latestUserIndex(items);
  let state: ConversationState = EMPTY_STATE;
  for (let i = 0; i < userIndex; i++) {
    const item = items[i]!;
    if (!isUserMessage(item)) continue;
    state = nextState(lookUp(understand(messageContentText(item.content), state), state), state);
  }
  const latest = userIndex >= 0 ? messageContentText(items[userIndex]!.content) : '';
  return { facts: lookUp(understand(latest, state), state), userIndex };
}
