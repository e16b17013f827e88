/**
 * In-memory {@link SessionStore} for tests and throwaway processes.
 */
import type { AgentInputItem } from '@openai/agents-core';
import { SessionBusyError, SessionNotFoundError, SessionTurnLimitError } from '../errors.js';
import type { TopicSlug } from '../topics.js';
import {
  type AppendTurnOptions,
  type CreateSessionOptions,
  generateSessionId,
  resolveLimits,
  type SessionLimits,
  type SessionOwnerOptions,
  type SessionStore,
  type SessionStoreOptions,
  type StoredSession,
} from './store.js';

interface MemorySession {
  topic: TopicSlug;
  owner: string | null;
  turns: number;
  updatedAt: number;
  items: string[];
}

/** Items are copied through JSON on the way in and out, exactly like the SQLite store persists them. */
export class MemorySessionStore implements SessionStore {
  readonly limits: Readonly<SessionLimits>;
  readonly #sessions = new Map<string, MemorySession>();
  readonly #now: () => number;
  #closed = false;

  constructor(options: SessionStoreOptions = {}) {
    this.limits = Object.freeze(resolveLimits(options));
    this.#now = options.now ?? Date.now;
  }

  async create(topic: TopicSlug, options: CreateSessionOptions = {}): Promise<string> {
    this.#assertOpen();
    const sessionId = options.id ?? generateSessionId();
    if (this.#live(sessionId)) throw new Error(`Session ${sessionId} already exists`);
    const items = (options.items ?? []).map((item) => JSON.stringify(item)); // serialise first: all or nothing
    this.#sessions.set(sessionId, { topic, owner: options.owner ?? null, turns: 1, updatedAt: this.#now(), items });
    return sessionId;
  }

  async get(sessionId: string, options: SessionOwnerOptions = {}): Promise<StoredSession | undefined> {
    const owner = options.owner ?? null;
    this.#assertOpen();
    const session = this.#live(sessionId);
    if (!session || session.owner !== owner) return undefined;
    return {
      id: sessionId,
      topic: session.topic,
      owner: session.owner,
      turns: session.turns,
      items: session.items.map((json) => JSON.parse(json) as AgentInputItem),
    };
  }

  async appendTurn(
    sessionId: string,
    items: readonly AgentInputItem[],
    options: AppendTurnOptions = {},
  ): Promise<void> {
    const owner = options.owner ?? null;
    this.#assertOpen();
    const session = this.#live(sessionId);
    if (!session || session.owner !== owner) throw new SessionNotFoundError(sessionId);
    if (session.turns >= this.limits.maxTurns) throw new SessionTurnLimitError(sessionId, this.limits.maxTurns);
    if (options.expectedTurns !== undefined && session.turns !== options.expectedTurns)
      throw new SessionBusyError(sessionId);
    const serialised = items.map((item) => JSON.stringify(item));
    session.items.push(...serialised);
    session.turns += 1;
    session.updatedAt = this.#now();
  }

  async deleteExpired(): Promise<number> {
    this.#assertOpen();
    let deleted = 0;
    for (const id of [...this.#sessions.keys()]) if (!this.#live(id)) deleted += 1;
    return deleted;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /** The session when it exists and has not expired; an expired one is deleted on sight. */
  #live(sessionId: string): MemorySession | undefined {
    const session = this.#sessions.get(sessionId);
    if (!session) return undefined;
    if (this.#now() - session.updatedAt >= this.limits.ttlMs) {
      this.#sessions.delete(sessionId);
      return undefined;
    }
    return session;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('MemorySessionStore is closed');
  }
}
