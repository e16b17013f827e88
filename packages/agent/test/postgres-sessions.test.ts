/**
 * PostgresSessionStore on a real PostgreSQL server (a fresh database per file, dropped afterwards): the same
 * contract as the SQLite store, migrations under concurrent start-up, and optimistic concurrency between two
 * stores standing for two API instances.
 */

import { createTestDatabase, pgUnavailable, type TestDatabase } from '@nba-reporter/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  createReporter,
  loadReporterConfig,
  MIGRATIONS,
  migrate,
  PostgresSessionStore,
  SessionBusyError,
  SessionNotFoundError,
} from '../src/index.js';
import { assistantItem, sessionStoreContract, userItem } from './session-store-contract.js';

// The SessionStore contract every store passes (expiry, turn cap, ownership, atomic turns), on a real database:
// each store starts on emptied tables.
if (!pgUnavailable) {
  let contractDb: TestDatabase | undefined;
  const stores: PostgresSessionStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await contractDb?.drop();
  });
  sessionStoreContract('PostgresSessionStore', async (options) => {
    contractDb ??= await createTestDatabase();
    const store = new PostgresSessionStore(contractDb.url, { ...options, poolSize: 2 });
    await store.ready();
    await store.pool.query('TRUNCATE nba_sessions CASCADE');
    stores.push(store);
    return store;
  });
}

describe.skipIf(pgUnavailable)('PostgresSessionStore', () => {
  let db: TestDatabase;
  const open: PostgresSessionStore[] = [];
  const make = (poolSize = 4) => {
    const store = new PostgresSessionStore(db.url, { poolSize });
    open.push(store);
    return store;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await db?.drop();
  });

  it('keeps text PostgreSQL cannot hold in jsonb (NUL), emoji and quotes exactly', async () => {
    const store = make();
    const odd = userItem('nul \u0000 and emoji 🏀 and "quotes"');
    const id = await store.create('general', { items: [odd] });
    expect((await store.get(id))?.items).toEqual([odd]);
  });

  it('refuses a turn computed from stale history (another instance stored one meanwhile) and writes nothing', async () => {
    const a = make();
    const b = make(); // a second pool: another API instance
    const id = await a.create('western', { items: [userItem('q1'), assistantItem('a1')], owner: 'alice' });
    const seenByA = await a.get(id, { owner: 'alice' });
    const seenByB = await b.get(id, { owner: 'alice' });
    expect(seenByA?.turns).toBe(1);
    await b.appendTurn(id, [userItem('from b'), assistantItem('b')], { owner: 'alice', expectedTurns: seenByB!.turns });
    const refused = a.appendTurn(id, [userItem('from a'), assistantItem('a')], {
      owner: 'alice',
      expectedTurns: seenByA!.turns,
    });
    await expect(refused).rejects.toBeInstanceOf(SessionBusyError);
    await expect(refused).rejects.toMatchObject({ code: 'SESSION_BUSY', sessionId: id });
    expect(await a.get(id, { owner: 'alice' })).toEqual({
      id,
      topic: 'western',
      owner: 'alice',
      turns: 2,
      items: [userItem('q1'), assistantItem('a1'), userItem('from b'), assistantItem('b')],
    });
  });

  it('lets exactly one of many simultaneous appends at the same turn win, across pools', async () => {
    const stores = [make(), make(), make()];
    const id = await stores[0]!.create('general', { items: [userItem('q1')] });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => stores[i % 3]!.appendTurn(id, [userItem(`try ${i}`)], { expectedTurns: 1 })),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(SessionBusyError);
    expect(await stores[1]!.get(id)).toMatchObject({ turns: 2, items: [userItem('q1'), userItem(`try ${won[0]}`)] });
  });

  it('serialises appends without an expected turn: every one stored once, turns contiguous', async () => {
    const stores = [make(), make()];
    const id = await stores[0]!.create('general', { items: [userItem('t1')] });
    await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.appendTurn(id, [userItem(`n${i}`)])));
    const session = await stores[1]!.get(id);
    expect(session?.turns).toBe(21);
    const texts = session!.items.map((item) => (item as { content: string }).content);
    expect(texts[0]).toBe('t1');
    expect(new Set(texts).size).toBe(21);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT turn FROM nba_session_turns WHERE session_id = $1 ORDER BY turn', [id]);
    await client.end();
    expect(rows.map((r) => r.turn)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('close is idempotent and later calls fail clearly', async () => {
    const store = new PostgresSessionStore(db.url);
    await store.ready();
    await store.close();
    await store.close();
    await expect(store.get('x')).rejects.toThrow(/closed/);
  });
});

describe.skipIf(pgUnavailable)('PostgreSQL migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('run once when eight instances start together, recorded in nba_schema_migrations', async () => {
    const pools = Array.from({ length: 8 }, () => new pg.Pool({ connectionString: db.url, max: 2 }));
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(applied.filter((versions) => versions.length > 0)).toHaveLength(1);
      const { rows } = await pools[0]!.query('SELECT version, name FROM nba_schema_migrations ORDER BY version');
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      // The lock is released: a later start migrates nothing and does not wait.
      expect(await migrate(pools[1]!)).toEqual([]);
      const locks = await pools[0]!.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      expect(locks.rows[0].n).toBe(0);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('refuse a database whose schema is newer than the build', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      await migrate(pool);
      await pool.query("INSERT INTO nba_schema_migrations (version, name) VALUES (999, 'from the future')");
      await expect(migrate(pool)).rejects.toThrow(/schema is version 999, newer than this build knows/);
      const store = new PostgresSessionStore(db.url);
      await expect(store.ready()).rejects.toThrow(/newer/);
      await store.close();
      await pool.query('DELETE FROM nba_schema_migrations WHERE version = 999');
    } finally {
      await pool.end();
    }
  });

  it('roll back a failing migration whole, and record nothing', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const latest = MIGRATIONS.at(-1)!.version;
      const broken = [
        ...MIGRATIONS,
        { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT 1/0;' },
      ];
      await expect(migrate(pool, broken)).rejects.toThrow(/division by zero/);
      const { rows } = await pool.query(
        "SELECT to_regclass('half_done') AS t, (SELECT max(version) FROM nba_schema_migrations) AS v",
      );
      expect(rows[0]).toEqual({ t: null, v: latest });
    } finally {
      await pool.end();
    }
  });
});

describe.skipIf(pgUnavailable)('Reporter on PostgreSQL (NBA_REPORTER_SESSION_DB=postgres://…)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('continues a conversation on a second reporter (another instance) with the whole history', async () => {
    const config = loadReporterConfig({ NBA_REPORTER_SESSION_DB: db.url, NBA_REPORTER_PG_POOL_SIZE: '3' });
    expect(config).toMatchObject({ sessionDb: db.url, pgPoolSize: 3 });
    const one = createReporter(config);
    const two = createReporter(config);
    try {
      await Promise.all([one.ready(), two.ready()]);
      const first = await one.report({
        topic: 'general',
        message: 'The Raptors went 46-36. What was their win percentage?',
      });
      const second = await two.followUp({ sessionId: first.sessionId, message: 'And the Celtics went 61-21?' });
      expect(second.sessionId).toBe(first.sessionId);
      const store = new PostgresSessionStore(db.url);
      const stored = await store.get(first.sessionId);
      await store.close();
      expect(stored?.turns).toBe(2);
      const users = stored!.items
        .filter((i) => (i as { role?: string }).role === 'user')
        .map((i) => (i as { content: string }).content);
      expect(users).toHaveLength(2);
      expect(users[1]).toBe('And the Celtics went 61-21?');
      await expect(two.followUp({ sessionId: 'unknown', message: 'Hello NBA?' })).rejects.toBeInstanceOf(
        SessionNotFoundError,
      );
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('answers a request retried with the same idempotency key from the store, per owner, without a second turn', async () => {
    const config = loadReporterConfig({ NBA_REPORTER_SESSION_DB: db.url, NBA_REPORTER_PG_POOL_SIZE: '2' });
    const one = createReporter(config);
    const two = createReporter(config); // the retry lands on another instance
    const store = new PostgresSessionStore(db.url, { poolSize: 1 });
    try {
      const question = { topic: 'general' as const, message: 'The Raptors went 46-36. What was their win percentage?' };
      const first = await one.report(question, { requestKey: 'report-key-000001' });
      expect(await two.report(question, { requestKey: 'report-key-000001' })).toEqual(first);
      const other = await two.report(question, { requestKey: 'report-key-000001', owner: 'alice' }); // another owner: its own turn
      expect(other.sessionId).not.toBe(first.sessionId);

      const follow = { sessionId: first.sessionId, message: 'And the Celtics went 61-21?' };
      const answer = await two.followUp(follow, { requestKey: 'follow-key-000001' });
      expect(await one.followUp(follow, { requestKey: 'follow-key-000001' })).toEqual(answer);
      expect((await store.get(first.sessionId))?.turns).toBe(2);
      await one.followUp(follow, { requestKey: 'follow-key-000002' });
      expect((await store.get(first.sessionId))?.turns).toBe(3);
      // Bound to the request: the same key with another question is another turn, never the stored answer.
      const different = await one.followUp(
        { ...follow, message: 'And the Knicks went 51-31?' },
        { requestKey: 'follow-key-000001' },
      );
      expect(different.message).not.toBe(answer.message);
      expect((await store.get(first.sessionId))?.turns).toBe(4);
      for (const bad of ['short', 'no spaces allowed here!', 'x'.repeat(256)]) {
        await expect(one.followUp(follow, { requestKey: bad })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'Idempotency-Key',
        });
      }
    } finally {
      await Promise.all([one.close(), two.close(), store.close()]);
    }
  });

  it('fails ready() with a one-line ConfigError that hides the password when the server is unreachable', async () => {
    const reporter = createReporter(
      loadReporterConfig({ NBA_REPORTER_SESSION_DB: 'postgres://app:s3cret@127.0.0.1:1/nba' }),
    );
    try {
      const error = await reporter.ready().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('NBA_REPORTER_SESSION_DB');
      expect((error as Error).message).toMatch(
        /^NBA_REPORTER_SESSION_DB: cannot use postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/nba \(.+\)$/,
      );
      expect((error as Error).message).not.toContain('s3cret');
    } finally {
      await reporter.close();
    }
  });
});

describe('NBA_REPORTER_SESSION_DB and NBA_REPORTER_PG_POOL_SIZE parsing', () => {
  it('keeps a postgres URL as is and validates the pool size', () => {
    expect(loadReporterConfig({ NBA_REPORTER_SESSION_DB: 'postgresql://u@db:5432/nba' }).sessionDb).toBe(
      'postgresql://u@db:5432/nba',
    );
    expect(loadReporterConfig({}).pgPoolSize).toBeUndefined();
    expect(() => loadReporterConfig({ NBA_REPORTER_PG_POOL_SIZE: '0' })).toThrow(
      /NBA_REPORTER_PG_POOL_SIZE must be a whole number from 1 to 1000/,
    );
    expect(() => loadReporterConfig({ NBA_REPORTER_SESSION_DB: 'postgres://u:pw@/nba' })).toThrow(
      /not a valid PostgreSQL URL/,
    );
    try {
      loadReporterConfig({ NBA_REPORTER_SESSION_DB: 'postgres://u:pw@/nba' });
    } catch (error) {
      expect((error as Error).message).not.toContain('pw');
    }
  });
});
