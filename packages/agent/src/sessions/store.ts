/**
 * Conversation storage for `report` / `followUp`.
 */
import { randomUUID } from 'node:crypto';
import type { AgentInputItem } from '@openai/agents-core';
import type { TopicSlug } from '../topics.js';

/** A stored conversation: its topic and every item of its completed turns, oldest first. */
export interface StoredSession {
  readonly id: string;
  readonly topic: TopicSlug;
  readonly items: AgentInputItem[];
}

/**
 * Where conversations live. Implementations must make `create` (with its initial items) and `appendTurn` atomic:
 * either every item of the turn is stored or none is.
 */
export interface SessionStore {
  /**
   * Creates a session and returns its id: `id` when given (e.g. an OpenAI conversation id), else a new unguessable
   * one. `initialItems` (the first turn) are stored in the same transaction.
   */
  create(topic: TopicSlug, id?: string, initialItems?: readonly AgentInputItem[]): Promise<string>;
  /** The session, or `undefined` when no session has this id. */
  get(sessionId: string): Promise<StoredSession | undefined>;
  /** Appends one turn's items atomically; throws `SessionNotFoundError` for an unknown id. */
  appendTurn(sessionId: string, items: readonly AgentInputItem[]): Promise<void>;
  /** Releases resources; idempotent. */
  close(): Promise<void>;
}

/** A new session id: a random UUID v4 (122 random bits from the OS CSPRNG). */
export function generateSessionId(): string {
  return randomUUID();
}
