/**
 * The turn rate limit on PostgreSQL: two limiters on two pools (two API instances) share one budget per caller,
 * so N instances do not multiply a client's limit; a database outage falls back to per-instance memory counters.
 */
import { PostgresSessionStore } from '@nba-reporter/agent';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiConfig } from '../src/config.js';
import { createTurnLimiter, postgresRateLimitStore, POSTGRES_RATE_LIMIT_TABLE } from '../src/rate-limit.js';
import { createTestDatabase, pgUnavailable, type TestDatabase } from '@nba-reporter/testing';

describe('NBA_REPORTER_RATE_LIMIT_STORE default', () => {
  it('is postgres when the session database is PostgreSQL, memory otherwise', () => {
    expect(loadApiConfig({ NBA_REPORTER_SESSION_DB: 'postgres://u@db/nba' }).rateLimitStore).toBe('postgres');
    expect(loadApiConfig({ NBA_REPORTER_SESSION_DB: './data/sessions.db' }).rateLimitStore).toBe('memory');
    expect(loadApiConfig({}).rateLimitStore).toBe('memory');
    expect(loadApiConfig({ NBA_REPORTER_SESSION_DB: 'postgres://u@db/nba', NBA_REPORTER_RATE_LIMIT_STORE: 'memory' }).rateLimitStore).toBe('memory');
  });
});

describe.skipIf(pgUnavailable)('turn rate limit shared through PostgreSQL', () => {
  let db: TestDatabase;
  const pools: pg.Pool[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('nba_ratelimit');
    const store = new PostgresSessionStore(db.url, { poolSize: 1 }); // runs the migrations that create the table
    await store.ready();
    await store.close();
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db?.drop();
  });
  const pool = (url = db.url) => {
    const p = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2_000 });
    p.on('error', () => {});
    pools.push(p);
    return p;
  };

  it('gives a caller one budget across two instances', async () => {
    const [a, b] = [pool(), pool()].map((p) => createTurnLimiter({ turnsPerMinute: 5, store: postgresRateLimitStore(p), keyPrefix: 'test' })!);
    const decisions = [];
    for (let i = 0; i < 6; i++) decisions.push(await (i % 2 === 0 ? a! : b!).consume('alice'));
    expect(decisions.slice(0, 5)).toEqual(Array(5).fill({ allowed: true }));
    expect(decisions[5]).toMatchObject({ allowed: false });
    expect((decisions[5] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(await b!.consume('bob')).toEqual({ allowed: true }); // per caller
    const { rows } = await pools[0]!.query(`SELECT key, points FROM ${POSTGRES_RATE_LIMIT_TABLE} ORDER BY key`);
    expect(rows).toEqual([
      { key: 'test:alice', points: 6 },
      { key: 'test:bob', points: 1 },
    ]);
  });

  it('falls back to per-instance memory counters when the database is unreachable', async () => {
    const limiter = createTurnLimiter({ turnsPerMinute: 2, store: postgresRateLimitStore(pool('postgres://nobody@127.0.0.1:1/nba')) })!;
    expect(await limiter.consume('carol')).toEqual({ allowed: true });
    expect(await limiter.consume('carol')).toEqual({ allowed: true });
    expect(await limiter.consume('carol')).toMatchObject({ allowed: false });
  });
});
