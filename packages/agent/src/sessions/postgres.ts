/**
 * {@link SessionStore} on PostgreSQL (`pg`), for several API instances sharing one database.
 *
 * A turn is one row (`nba_session_turns`, its items as one JSON array) written in the same transaction as the
 * session's turn counter, so it is stored whole or not at all. Concurrency across instances is optimistic: a caller
 * that read the session at turn N appends with `expectedTurns: N`; if another instance stored turn N+1 meanwhile,
 * the append fails with {@link SessionBusyError} and nothing is written (see the README, "Scaling out").
 * Expiry, the turn cap and ownership follow the {@link SessionStore} contract, like the SQLite store.
 */
import { createHash } from 'node:crypto';
import type { AgentInputItem } from '@openai/agents-core';
import pg from 'pg';
import { DEFAULT_PG_POOL_SIZE } from '../config.js';
import { SessionBusyError, SessionNotFoundError, SessionTurnLimitError } from '../errors.js';
import { isTopicSlug, type TopicSlug } from '../topics.js';
import { migrate } from './postgres-migrations.js';
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
  sessionIdPrefix,
  type TurnRecord,
} from './store.js';

/** How long a query waits for a free pooled connection before failing. */
export const DEFAULT_PG_CONNECT_TIMEOUT_MS = 5_000;
/** Server-side limit of one statement. */
export const DEFAULT_PG_STATEMENT_TIMEOUT_MS = 10_000;

/** Options of {@link PostgresSessionStore}. */
export interface PostgresSessionStoreOptions extends SessionStoreOptions {
  /** Connections in the pool. Default {@link DEFAULT_PG_POOL_SIZE}. */
  poolSize?: number;
  /** Wait for a free connection, in milliseconds. Default {@link DEFAULT_PG_CONNECT_TIMEOUT_MS}. */
  connectionTimeoutMs?: number;
  /** Server-side statement timeout, in milliseconds. Default {@link DEFAULT_PG_STATEMENT_TIMEOUT_MS}. */
  statementTimeoutMs?: number;
  /** `application_name` shown in pg_stat_activity. Default `nba-reporter`. */
  applicationName?: string;
}

interface SessionRow {
  topic: string;
  owner: string | null;
  turns: number;
  updated_at: Date;
  items: AgentInputItem[] | null;
}

const UNIQUE_VIOLATION = '23505';

/** PostgreSQL-backed sessions; the schema is migrated on first use (see {@link PostgresSessionStore.ready}). */
export class PostgresSessionStore implements SessionStore {
  /** The pool, shared with other users of the same database (e.g. the rate limiter). */
  readonly pool: pg.Pool;
  readonly limits: Readonly<SessionLimits>;
  readonly #now: () => number;
  readonly #ready: Promise<void>;
  #closed = false;

  constructor(url: string, options: PostgresSessionStoreOptions = {}) {
    this.limits = Object.freeze(resolveLimits(options));
    this.#now = options.now ?? Date.now;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? DEFAULT_PG_POOL_SIZE,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_PG_CONNECT_TIMEOUT_MS,
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_PG_STATEMENT_TIMEOUT_MS,
      application_name: options.applicationName ?? 'nba-reporter',
    });
    // An idle connection that dies (database restart, network cut) emits 'error' on the pool; pg has already
    // dropped it, and the next query opens a new one. Without a listener the process would crash.
    this.pool.on('error', () => {});
    this.#ready = migrate(this.pool).then(() => undefined);
    this.#ready.catch(() => {}); // surfaced by ready() and by every operation
  }

  /** Resolves once the database is reachable and its schema is current; rejects with the reason otherwise. */
  ready(): Promise<void> {
    return this.#ready;
  }

  async create(topic: TopicSlug, options: CreateSessionOptions = {}): Promise<string> {
    await this.#open();
    const sessionId = options.id ?? generateSessionId();
    const items = JSON.stringify(options.items ?? []); // serialise first: a failure writes nothing
    const now = new Date(this.#now());
    await this.#transaction(async (client) => {
      // An expired session's id may be reused (OpenAI ids never are, but be exact).
      await client.query('DELETE FROM nba_sessions WHERE id = $1 AND updated_at <= $2', [sessionId, this.#cutoff()]);
      await client.query(
        'INSERT INTO nba_sessions (id, topic, owner, turns, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $4)',
        [sessionId, topic, options.owner ?? null, now],
      );
      await client.query(
        'INSERT INTO nba_session_turns (session_id, turn, items, created_at, request_key, result) VALUES ($1, 1, $2, $3, $4, $5)',
        [sessionId, items, now, ...this.#record(options, options.owner ?? null)],
      );
    });
    return sessionId;
  }

  async get(sessionId: string, options: SessionOwnerOptions = {}): Promise<StoredSession | undefined> {
    await this.#open();
    const owner = options.owner ?? null;
    // One statement, so one snapshot: the turn count and the items always agree.
    const { rows } = await this.pool.query<SessionRow>(
      `SELECT s.topic, s.owner, s.turns, s.updated_at, t.items
         FROM nba_sessions s LEFT JOIN nba_session_turns t ON t.session_id = s.id
        WHERE s.id = $1
        ORDER BY t.turn`,
      [sessionId],
    );
    const first = rows[0];
    if (!first) return undefined;
    if (first.updated_at.getTime() <= this.#cutoff().getTime()) {
      await this.pool.query('DELETE FROM nba_sessions WHERE id = $1 AND updated_at <= $2', [sessionId, this.#cutoff()]);
      return undefined;
    }
    if (first.owner !== owner) return undefined;
    if (!isTopicSlug(first.topic)) {
      throw new Error(`Session ${sessionIdPrefix(sessionId)} has an unknown topic ${JSON.stringify(first.topic)}`);
    }
    const items = rows.flatMap((row) => row.items ?? []);
    return { id: sessionId, topic: first.topic, owner: first.owner, turns: Number(first.turns), items };
  }

  async appendTurn(
    sessionId: string,
    items: readonly AgentInputItem[],
    options: AppendTurnOptions = {},
  ): Promise<void> {
    await this.#open();
    const owner = options.owner ?? null;
    const json = JSON.stringify(items);
    const expected = options.expectedTurns ?? null;
    const now = new Date(this.#now());
    const cutoff = this.#cutoff();
    await this.#transaction(async (client) => {
      // The UPDATE locks the session row until COMMIT; a concurrent append waits for it, then re-checks the row.
      const updated = await client.query<{ turns: number }>(
        `UPDATE nba_sessions SET turns = turns + 1, updated_at = $2
          WHERE id = $1 AND owner IS NOT DISTINCT FROM $3 AND updated_at > $4 AND turns < $5
            AND ($6::integer IS NULL OR turns = $6::integer)
          RETURNING turns`,
        [sessionId, now, owner, cutoff, this.limits.maxTurns, expected],
      );
      const row = updated.rows[0];
      if (!row) {
        const found = await client.query<{ owner: string | null; turns: number; updated_at: Date }>(
          'SELECT owner, turns, updated_at FROM nba_sessions WHERE id = $1',
          [sessionId],
        );
        const current = found.rows[0];
        if (!current || current.owner !== owner || current.updated_at.getTime() <= cutoff.getTime()) {
          throw new SessionNotFoundError(sessionId);
        }
        if (Number(current.turns) >= this.limits.maxTurns)
          throw new SessionTurnLimitError(sessionId, this.limits.maxTurns);
        throw new SessionBusyError(sessionId);
      }
      try {
        await client.query(
          'INSERT INTO nba_session_turns (session_id, turn, items, created_at, request_key, result) VALUES ($1, $2, $3, $4, $5, $6)',
          [sessionId, row.turns, json, now, ...this.#record(options, owner)],
        );
      } catch (error) {
        // Cannot happen while every writer goes through the counter above; kept as the last line of defence.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION)
          throw new SessionBusyError(sessionId, { cause: error });
        throw error;
      }
    });
  }

  async findTurn(
    requestKey: string,
    options: SessionOwnerOptions = {},
  ): Promise<{ sessionId: string; result: unknown } | undefined> {
    await this.#open();
    const { rows } = await this.pool.query<{ session_id: string; result: unknown; updated_at: Date }>(
      `SELECT t.session_id, t.result, s.updated_at
         FROM nba_session_turns t JOIN nba_sessions s ON s.id = t.session_id
        WHERE t.request_key = $1`,
      [this.#keyHash(requestKey, options.owner ?? null)],
    );
    const row = rows[0];
    if (!row || row.result === null || row.updated_at.getTime() <= this.#cutoff().getTime()) return undefined;
    return { sessionId: row.session_id, result: row.result };
  }

  async deleteExpired(): Promise<number> {
    await this.#open();
    const result = await this.pool.query('DELETE FROM nba_sessions WHERE updated_at <= $1', [this.#cutoff()]);
    return result.rowCount ?? 0;
  }

  /** Number of completed turns stored for a session (0 for unknown ids). */
  async turnCount(sessionId: string): Promise<number> {
    await this.#open();
    const { rows } = await this.pool.query<{ turns: number }>('SELECT turns FROM nba_sessions WHERE id = $1', [
      sessionId,
    ]);
    return Number(rows[0]?.turns ?? 0);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ready.catch(() => {});
    await this.pool.end();
  }

  /** The request_key and result columns of a turn: the key hashed with its owner, so owners never collide. */
  #record(record: TurnRecord, owner: string | null): [string | null, string | null] {
    if (record.requestKey === undefined) return [null, null];
    return [this.#keyHash(record.requestKey, owner), JSON.stringify(record.result ?? null)];
  }

  #keyHash(requestKey: string, owner: string | null): string {
    return createHash('sha256')
      .update(`${owner ?? ''}\u0000${requestKey}`)
      .digest('hex');
  }

  /** Sessions last written at or before this instant have expired. */
  #cutoff(): Date {
    return new Date(this.#now() - this.limits.ttlMs);
  }

  async #open(): Promise<void> {
    if (this.#closed) throw new Error('PostgresSessionStore is closed');
    await this.#ready;
  }

  async #transaction(fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await fn(client);
      await client.query('COMMIT');
    } catch (error) {
      // A connection that cannot even roll back is destroyed rather than returned to the pool.
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
