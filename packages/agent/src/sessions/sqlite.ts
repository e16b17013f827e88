/**
 * {@link SessionStore} on Node's built-in SQLite (`node:sqlite`, Node 24+): one file, WAL, survives restarts.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AgentInputItem } from '@openai/agents-core';
import { SessionNotFoundError } from '../errors.js';
import { isTopicSlug, type TopicSlug } from '../topics.js';
import { generateSessionId, type SessionStore, type StoredSession } from './store.js';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id          TEXT PRIMARY KEY,
  topic       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS session_items (
  session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  turn        INTEGER NOT NULL,
  item        TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) STRICT;
`;

/** Options of {@link SqliteSessionStore}. */
export interface SqliteSessionStoreOptions {
  /** How long a writer waits for another connection's lock, in milliseconds. Default 5000. */
  busyTimeoutMs?: number;
}

/** SQLite-backed sessions. Tables are created on open; every write is one transaction. */
export class SqliteSessionStore implements SessionStore {
  readonly path: string;
  readonly #db: DatabaseSync;

  constructor(path: string, options: SqliteSessionStoreOptions = {}) {
    this.path = path;
    if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path);
    this.#db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    if (path !== ':memory:') this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    this.#transaction(() => {
      this.#db.exec(SCHEMA);
      this.#db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    });
  }

  async create(topic: TopicSlug, id?: string, initialItems: readonly AgentInputItem[] = []): Promise<string> {
    const sessionId = id ?? generateSessionId();
    this.#transaction(() => {
      const now = new Date().toISOString();
      this.#db.prepare('INSERT INTO sessions (id, topic, created_at, updated_at) VALUES (?, ?, ?, ?)').run(sessionId, topic, now, now);
      this.#insertItems(sessionId, 1, 0, initialItems);
    });
    return sessionId;
  }

  async get(sessionId: string): Promise<StoredSession | undefined> {
    const row = this.#db.prepare('SELECT topic FROM sessions WHERE id = ?').get(sessionId) as { topic: string } | undefined;
    if (!row) return undefined;
    if (!isTopicSlug(row.topic)) throw new Error(`Session ${sessionId} has an unknown topic ${JSON.stringify(row.topic)}`);
    const rows = this.#db
      .prepare('SELECT item FROM session_items WHERE session_id = ? ORDER BY seq')
      .all(sessionId) as Array<{ item: string }>;
    return { id: sessionId, topic: row.topic, items: rows.map((r) => JSON.parse(r.item) as AgentInputItem) };
  }

  async appendTurn(sessionId: string, items: readonly AgentInputItem[]): Promise<void> {
    this.#transaction(() => {
      const now = new Date().toISOString();
      const updated = this.#db.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?').run(now, sessionId);
      if (Number(updated.changes) === 0) throw new SessionNotFoundError(sessionId);
      const last = this.#db
        .prepare('SELECT COALESCE(MAX(seq), 0) AS seq, COALESCE(MAX(turn), 0) AS turn FROM session_items WHERE session_id = ?')
        .get(sessionId) as { seq: number; turn: number };
      this.#insertItems(sessionId, Number(last.turn) + 1, Number(last.seq), items);
    });
  }

  /** Number of completed turns stored for a session (0 for unknown ids). */
  turnCount(sessionId: string): number {
    const row = this.#db.prepare('SELECT COALESCE(MAX(turn), 0) AS turn FROM session_items WHERE session_id = ?').get(sessionId) as {
      turn: number;
    };
    return Number(row.turn);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }

  #insertItems(sessionId: string, turn: number, lastSeq: number, items: readonly AgentInputItem[]): void {
    if (items.length === 0) return;
    const insert = this.#db.prepare('INSERT INTO session_items (session_id, seq, turn, item) VALUES (?, ?, ?, ?)');
    let seq = lastSeq;
    for (const item of items) {
      // Serialised one by one inside the transaction: a failure on any item rolls back the whole turn.
      insert.run(sessionId, ++seq, turn, JSON.stringify(item));
    }
  }

  #transaction(fn: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      fn();
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
