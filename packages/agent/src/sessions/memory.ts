/**
 * In-memory {@link SessionStore} for tests and throwaway processes.
 */
import type { AgentInputItem } from '@openai/agents-core';
import { SessionNotFoundError } from '../errors.js';
import type { TopicSlug } from '../topics.js';
import { generateSessionId, type SessionStore, type StoredSession } from './store.js';

/** Items are copied through JSON on the way in and out, exactly like the SQLite store persists them. */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, { topic: TopicSlug; items: string[] }>();
  #closed = false;

  async create(topic: TopicSlug, id?: string, initialItems: readonly AgentInputItem[] = []): Promise<string> {
    this.#assertOpen();
    const sessionId = id ?? generateSessionId();
    if (this.#sessions.has(sessionId)) throw new Error(`Session ${sessionId} already exists`);
    const items = initialItems.map((item) => JSON.stringify(item)); // serialise first: all or nothing
    this.#sessions.set(sessionId, { topic, items });
    return sessionId;
  }

  async get(sessionId: string): Promise<StoredSession | undefined> {
    this.#assertOpen();
    const session = this.#sessions.get(sessionId);
    if (!session) return undefined;
    return { id: sessionId, topic: session.topic, items: session.items.map((json) => JSON.parse(json) as AgentInputItem) };
  }

  async appendTurn(sessionId: string, items: readonly AgentInputItem[]): Promise<void> {
    this.#assertOpen();
    const session = this.#sessions.get(sessionId);
    if (!session) throw new SessionNotFoundError(sessionId);
    const serialised = items.map((item) => JSON.stringify(item));
    session.items.push(...serialised);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('MemorySessionStore is closed');
  }
}
