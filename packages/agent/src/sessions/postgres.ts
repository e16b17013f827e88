/**
 * {@link SessionStore} on PostgreSQL (`pg`), for several API instances sharing one database.
 *
 * A turn is one row (`nba_session_turns`, its items as one JSON array) written in the same transaction as the
 * session's turn counter, so it is stored whole or not at all. Concurrency across instances is optimistic: a caller
 * that read the session at turn N appends with `expectedTurns: N`; if another instance stored turn N+1 meanwhile,
 * the append fails with {@link SessionBusyError} and nothing is written (see the README, "Scaling out").
 */
import type { AgentInputItem } from '@openai/agents-core';
import pg from 'pg';
import { SessionBusyError, SessionNotFoundError } from '../errors.js';
import { DEFAULT_PG_POOL_SIZE } from '../config.js';
import { isTopicSlug, type TopicSlug } from '../topics.js';
import { migrate } from './postgres-migrations.js';
import { generateSessionId, type AppendTurnOptions, type SessionStore, type StoredSession } from './store.js';

/** How long a query waits for a free pooled connection before failing. */
export const DEFAULT_PG_CONNECT_TIMEOUT_MS = 5_000;
/** Server-side limit of one statement. */
export const DEFAULT_PG_STATEMENT_TIMEOUT_MS = 10_000;

/** Options of {@link PostgresSessionStore}. */
export interface PostgresSessionStoreOptions {
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
  turns: number;
  items: AgentInputItem[] | null;
}

const UNIQUE_VIOLATION = '23505';

/** PostgreSQL-backed sessions; the schema is migrated on first use (see {@link PostgresSessionStore.ready}). */
export class PostgresSessionStore implements SessionStore {
  /** The pool, shared with other users of the same database (e.g. the rate limiter). */
  readonly pool: pg.Pool;
  readonly #ready: Promise<void>;
  #closed = false;

  constructor(url: string, options: PostgresSessionStoreOptions = {}) {
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

  async create(topic: TopicSlug, id?: string, initialItems: readonly AgentInputItem[] = []): Promise<string> {
    await this.#open();
    const sessionId = id ?? generateSessionId();
    const items = JSON.stringify(initialItems); // serialise first: a failure writes nothing
    await this.#transaction(async (client) => {
      await client.query('INSERT INTO nba_sessions (id, topic, turns) VALUES ($1, $2, 1)', [sessionId, topic]);
      await client.query('INSERT INTO nba_session_turns (session_id, turn, items) VALUES ($1, 1, $2)', [sessionId, items]);
    });
    return sessionId;
  }

  async get(sessionId: string): Promise<StoredSession | undefined> {
    await this.#open();
    // One statement, so one snapshot: the turn count and the items always agree.
    const { rows } = await this.pool.query<SessionRow>(
      `SELECT s.topic, s.turns, t.items
         FROM nba_sessions s LEFT JOIN nba_session_turns t ON t.session_id = s.id
        WHERE s.id = $1
        ORDER BY t.turn`,
      [sessionId],
    );
    const first = rows[0];
    if (!first) return undefined;
    if (!isTopicSlug(first.topic)) throw new Error(`Session ${sessionId} has an unknown topic ${JSON.stringify(first.topic)}`);
    const items = rows.flatMap((row) => row.items ?? []);
    return { id: sessionId, topic: first.topic, items, turns: Number(first.turns) };
  }

  async appendTurn(sessionId: string, items: readonly AgentInputItem[], options: AppendTurnOptions = {}): Promise<void> {
    await this.#open();
    const json = JSON.stringify(items);
    const expected = options.expectedTurns;
    await this.#transaction(async (client) => {
      // The UPDATE locks the session row until COMMIT; a concurrent append waits for it, then re-checks `turns`.
      const updated = await client.query<{ turns: number }>(
        expected === undefined
          ? 'UPDATE nba_sessions SET turns = turns + 1, updated_at = now() WHERE id = $1 RETURNING turns'
          : 'UPDATE nba_sessions SET turns = turns + 1, updated_at = now() WHERE id = $1 AND turns = $2 RETURNING turns',
        expected === undefined ? [sessionId] : [sessionId, expected],
      );
      const row = updated.rows[0];
      if (!row) {
        const exists = await client.query('SELECT 1 FROM nba_sessions WHERE id = $1', [sessionId]);
        if (exists.rowCount === 0) throw new SessionNotFoundError(sessionId);
        throw new SessionBusyError(sessionId);
      }
      try {
        await client.query('INSERT INTO nba_session_turns (session_id, turn, items) VALUES ($1, $2, $3)', [sessionId, row.turns, json]);
      } catch (error) {
        // Cannot happen while every writer goes through the counter above; kept as the last line of defence.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new SessionBusyError(sessionId, { cause: error });
        throw error;
      }
    });
  }

  /** Number of completed turns stored for a session (0 for unknown ids). */
  async turnCount(sessionId: string): Promise<number> {
    await this.#open();
    const { rows } = await this.pool.query<{ turns: number }>('SELECT turns FROM nba_sessions WHERE id = $1', [sessionId]);
    return Number(rows[0]?.turns ?? 0);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ready.catch(() => {});
    await this.pool.end();
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
