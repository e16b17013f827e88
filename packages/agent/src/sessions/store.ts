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
  /**
   * Completed turns, the first included, when the store counts them (PostgreSQL does). Passed back as
   * `expectedTurns` to {@link SessionStore.appendTurn} so a turn computed from stale history is refused.
   */
  readonly turns?: number;
}

/** Options of {@link SessionStore.appendTurn}. */
export interface AppendTurnOptions {
  /**
   * The turn count the caller read with `get`. When another writer stored a turn since, the store throws
   * `SessionBusyError` and writes nothing. Stores that do not count turns ignore it.
   */
  expectedTurns?: number;
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
  /**
   * Appends one turn's items atomically; throws `SessionNotFoundError` for an unknown id and `SessionBusyError`
   * when `options.expectedTurns` no longer matches.
   */
  appendTurn(sessionId: string, items: readonly AgentInputItem[], options?: AppendTurnOptions): Promise<void>;
  /** Resolves once the store can serve (e.g. its database is reachable and migrated); optional. */
  ready?(): Promise<void>;
  /** Releases resources; idempotent. */
  close(): Promise<void>;
}

/** A new session id: a random UUID v4 (122 random bits from the OS CSPRNG). */
export function generateSessionId(): string {
  return randomUUID();
}
