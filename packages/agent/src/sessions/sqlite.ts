/**
 * {@link SessionStore} on Node's built-in SQLite (`node:sqlite`, Node 24+): one file, WAL, survives restarts.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { AgentInputItem } from '@openai/agents-core';
import { SessionBusyError, SessionNotFoundError, SessionTurnLimitError } from '../errors.js';
import { isTopicSlug, type TopicSlug } from '../topics.js';
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

const SCHEMA_VERSION = 2;

// `owner` is the API key name (NULL without authentication); `turns` counts completed turns (the openai provider's
// rows hold no items); `updated_at` (ISO 8601 UTC, so text order is time order) drives idle expiry.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id          TEXT PRIMARY KEY,
  topic       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  owner       TEXT,
  turns       INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE IF NOT EXISTS session_items (
  session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  turn        INTEGER NOT NULL,
  item        TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) STRICT;
CREATE INDEX IF NOT EXISTS sessions_updated_at ON sessions (updated_at);
`;

// Version 1 had no owner (those sessions stay reachable only without authentication) and no turn counter.
const MIGRATE_FROM_V1 = `
ALTER TABLE sessions ADD COLUMN owner TEXT;
ALTER TABLE sessions ADD COLUMN turns INTEGER NOT NULL DEFAULT 1;
UPDATE sessions SET turns = MAX(1, (SELECT COALESCE(MAX(turn), 0) FROM session_items WHERE session_id = sessions.id));
CREATE INDEX IF NOT EXISTS sessions_updated_at ON sessions (updated_at);
`;

/** Options of {@link SqliteSessionStore}. */
export interface SqliteSessionStoreOptions extends SessionStoreOptions {
  /** How long a writer waits for another connection's lock, in milliseconds. Default 5000. */
  busyTimeoutMs?: number;
}

interface SessionRow {
  topic: string;
  owner: string | null;
  turns: number;
  updated_at: string;
}

/** SQLite-backed sessions. Tables are created (or migrated) on open; every write is one transaction. */
export class SqliteSessionStore implements SessionStore {
  readonly path: string;
  readonly limits: Readonly<SessionLimits>;
  readonly #db: DatabaseSync;
  readonly #now: () => number;
  /** Prepared once, reused by every call (preparing costs about 5 µs, several times per turn). */
  readonly #statements = new Map<string, StatementSync>();

  constructor(path: string, options: SqliteSessionStoreOptions = {}) {
    this.path = path;
    this.limits = Object.freeze(resolveLimits(options));
    this.#now = options.now ?? Date.now;
    if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path);
    this.#db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    if (path !== ':memory:') this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    this.#transaction(() => {
      const { user_version: version } = this.#db.prepare('PRAGMA user_version').get() as { user_version: number };
      if (Number(version) === 1) this.#db.exec(MIGRATE_FROM_V1);
      else if (Number(version) > SCHEMA_VERSION) throw new Error(`${path} has a newer schema (version ${version})`);
      this.#db.exec(SCHEMA);
      this.#db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    });
  }

  async create(topic: TopicSlug, options: CreateSessionOptions = {}): Promise<string> {
    const sessionId = options.id ?? generateSessionId();
    this.#transaction(() => {
      this.#expire(sessionId); // an expired session's id may be reused (OpenAI ids never are, but be exact)
      const now = this.#iso(this.#now());
      this.#prepare(
        'INSERT INTO sessions (id, topic, created_at, updated_at, owner, turns) VALUES (?, ?, ?, ?, ?, 1)',
      ).run(sessionId, topic, now, now, options.owner ?? null);
      this.#insertItems(sessionId, 1, 0, options.items ?? []);
    });
    return sessionId;
  }

  async get(sessionId: string, options: SessionOwnerOptions = {}): Promise<StoredSession | undefined> {
    const owner = options.owner ?? null;
    const row = this.#live(sessionId);
    if (!row || row.owner !== owner) return undefined;
    if (!isTopicSlug(row.topic))
      throw new Error(`Session ${sessionId.slice(0, 8)} has an unknown topic ${JSON.stringify(row.topic)}`);
    const rows = this.#prepare('SELECT item FROM session_items WHERE session_id = ? ORDER BY seq').all(
      sessionId,
    ) as Array<{ item: string }>;
    return {
      id: sessionId,
      topic: row.topic,
      owner: row.owner,
      turns: Number(row.turns),
      items: rows.map((r) => JSON.parse(r.item) as AgentInputItem),
    };
  }

  async appendTurn(
    sessionId: string,
    items: readonly AgentInputItem[],
    options: AppendTurnOptions = {},
  ): Promise<void> {
    const owner = options.owner ?? null;
    this.#expire(sessionId); // outside the transaction: its rollback on SessionNotFoundError must not undo the delete
    this.#transaction(() => {
      const row = this.#live(sessionId);
      if (!row || row.owner !== owner) throw new SessionNotFoundError(sessionId);
      if (Number(row.turns) >= this.limits.maxTurns) throw new SessionTurnLimitError(sessionId, this.limits.maxTurns);
      // Another process on the same file stored a turn since the caller read the session.
      if (options.expectedTurns !== undefined && Number(row.turns) !== options.expectedTurns)
        throw new SessionBusyError(sessionId);
      const turn = Number(row.turns) + 1;
      this.#prepare('UPDATE sessions SET updated_at = ?, turns = ? WHERE id = ?').run(
        this.#iso(this.#now()),
        turn,
        sessionId,
      );
      const last = this.#prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM session_items WHERE session_id = ?').get(
        sessionId,
      ) as { seq: number };
      this.#insertItems(sessionId, turn, Number(last.seq), items);
    });
  }

  async deleteExpired(): Promise<number> {
    let deleted = 0;
    this.#transaction(() => {
      const result = this.#prepare('DELETE FROM sessions WHERE updated_at <= ?').run(this.#cutoff());
      deleted = Number(result.changes);
    });
    return deleted;
  }

  /** Number of completed turns stored for a session (0 for unknown ids). */
  turnCount(sessionId: string): number {
    const row = this.#prepare('SELECT turns FROM sessions WHERE id = ?').get(sessionId) as
      | { turns: number }
      | undefined;
    return Number(row?.turns ?? 0);
  }

  async close(): Promise<void> {
    this.#statements.clear();
    if (this.#db.isOpen) this.#db.close();
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #insertItems(sessionId: string, turn: number, lastSeq: number, items: readonly AgentInputItem[]): void {
    if (items.length === 0) return;
    const insert = this.#prepare('INSERT INTO session_items (session_id, seq, turn, item) VALUES (?, ?, ?, ?)');
    let seq = lastSeq;
    for (const item of items) {
      // Serialised one by one inside the transaction: a failure on any item rolls back the whole turn.
      insert.run(sessionId, ++seq, turn, JSON.stringify(item));
    }
  }

  /** The session row unless it is missing or expired; an expired one is deleted (items cascade). */
  #live(sessionId: string): SessionRow | undefined {
    const row = this.#prepare('SELECT topic, owner, turns, updated_at FROM sessions WHERE id = ?').get(sessionId) as
      | SessionRow
      | undefined;
    if (!row) return undefined;
    if (row.updated_at <= this.#cutoff()) {
      this.#expire(sessionId);
      return undefined;
    }
    return row;
  }

  #expire(sessionId: string): void {
    this.#prepare('DELETE FROM sessions WHERE id = ? AND updated_at <= ?').run(sessionId, this.#cutoff());
  }

  /** Sessions last written at or before this instant have expired. */
  #cutoff(): string {
    return this.#iso(this.#now() - this.limits.ttlMs);
  }

  #iso(ms: number): string {
    return new Date(ms).toISOString();
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
