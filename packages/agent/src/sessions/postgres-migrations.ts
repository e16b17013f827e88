/**
 * Schema migrations of the PostgreSQL session store. They run on start-up under a PostgreSQL advisory lock, so when
 * several instances start together exactly one applies each migration and the others wait, then find it recorded
 * in `nba_schema_migrations`.
 */
import type { Pool } from 'pg';

/** One schema change, applied in its own transaction and recorded with its version. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration, oldest first. Never edit an applied one: append a new version.
 * `turn` numbers a session's completed turns from 1; the primary key (session_id, turn) is what makes two
 * instances unable to store the same turn twice (see `PostgresSessionStore.appendTurn`).
 */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'sessions and their turns',
    sql: `
CREATE TABLE nba_sessions (
  id          text PRIMARY KEY,
  topic       text NOT NULL,
  turns       integer NOT NULL CHECK (turns >= 1),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE nba_session_turns (
  session_id  text NOT NULL REFERENCES nba_sessions (id) ON DELETE CASCADE,
  turn        integer NOT NULL CHECK (turn >= 1),
  items       json NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, turn)
);
CREATE INDEX nba_sessions_updated_at ON nba_sessions (updated_at);
`,
  },
  {
    version: 2,
    name: 'session owner (the API key name; NULL without authentication)',
    sql: 'ALTER TABLE nba_sessions ADD COLUMN owner text;',
  },
  {
    version: 3,
    // The table rate-limiter-flexible's RateLimiterPostgres expects (created here, under the migration lock, rather
    // than by each instance's limiter racing to CREATE TABLE IF NOT EXISTS).
    name: 'rate-limit counters shared by every instance',
    sql: `
CREATE TABLE nba_rate_limits (
  key     varchar(255) PRIMARY KEY,
  points  integer NOT NULL DEFAULT 0,
  expire  bigint
);
`,
  },
  {
    version: 4,
    // request_key: sha-256 of owner + idempotency key; result: the answer replayed to a retry with the same key.
    name: 'idempotency keys and stored answers of turns',
    sql: `
ALTER TABLE nba_session_turns ADD COLUMN request_key text, ADD COLUMN result json;
CREATE UNIQUE INDEX nba_session_turns_request_key ON nba_session_turns (request_key) WHERE request_key IS NOT NULL;
`,
  },
]);

/** The advisory lock key pair held while migrating: ('nba_', 1). Documented so operators can see it in pg_locks. */
export const MIGRATION_LOCK: readonly [number, number] = Object.freeze([0x6e62615f, 1]) as readonly [number, number];

/** Applies the migrations `pool`'s database lacks; returns the versions applied by this call (often none). */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  let released = false;
  try {
    // Session-level lock: waits while another instance migrates. It dies with the connection if this process does.
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      await client.query(`
CREATE TABLE IF NOT EXISTS nba_schema_migrations (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
)`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM nba_schema_migrations');
      const done = new Set(rows.map((r) => Number(r.version)));
      const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
      const newest = Math.max(0, ...done);
      if (newest > latest) {
        throw new Error(
          `the database schema is version ${newest}, newer than this build knows (${latest}); upgrade the API`,
        );
      }
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO nba_schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(migration.version);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]).catch(() => {
        // The connection is broken: destroy it, which releases the lock server-side.
        client.release(true);
        released = true;
      });
    }
  } finally {
    if (!released) client.release();
  }
  return applied;
}
