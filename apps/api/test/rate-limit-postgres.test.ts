/**
 * The turn rate limit on PostgreSQL: two limiters on two pools (two API instances) share one budget per caller,
 * so N instances do not multiply a client's limit; a database outage falls back to per-instance memory counters.
 */
import { PostgresSessionStore } from '@nba-reporter/agent';
import { createTestDatabase, pgUnavailable, type SpawnedApi, spawnApi, type TestDatabase } from '@nba-reporter/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiConfig } from '../src/config.js';
import { createTurnLimiter, POSTGRES_RATE_LIMIT_TABLE, postgresRateLimitStore } from '../src/rate-limit.js';
import { gql, RAPTORS, REPORT } from './helpers.js';

describe('NBA_REPORTER_RATE_LIMIT_STORE default', () => {
  it('is postgres when the session database is PostgreSQL, memory otherwise', () => {
    expect(loadApiConfig({ NBA_REPORTER_SESSION_DB: 'postgres://u@db/nba' }).rateLimitStore).toBe('postgres');
    expect(loadApiConfig({ NBA_REPORTER_SESSION_DB: './data/sessions.db' }).rateLimitStore).toBe('memory');
    expect(loadApiConfig({}).rateLimitStore).toBe('memory');
    expect(
      loadApiConfig({ NBA_REPORTER_SESSION_DB: 'postgres://u@db/nba', NBA_REPORTER_RATE_LIMIT_STORE: 'memory' })
        .rateLimitStore,
    ).toBe('memory');
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
    const [a, b] = [pool(), pool()].map(
      (p) => createTurnLimiter({ turnsPerMinute: 5, store: postgresRateLimitStore(p), keyPrefix: 'test' })!,
    );
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
    const limiter = createTurnLimiter({
      turnsPerMinute: 2,
      store: postgresRateLimitStore(pool('postgres://nobody@127.0.0.1:1/nba')),
    })!;
    expect(await limiter.consume('carol')).toEqual({ allowed: true });
    expect(await limiter.consume('carol')).toEqual({ allowed: true });
    expect(await limiter.consume('carol')).toMatchObject({ allowed: false });
  });
});

describe.skipIf(pgUnavailable)('two built API instances on one PostgreSQL session database', () => {
  let db: TestDatabase;
  let apis: SpawnedApi[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('nba_ratelimit_api');
    const env = { NBA_REPORTER_SESSION_DB: db.url, NBA_REPORTER_RATE_LIMIT: '4', OTEL_SDK_DISABLED: 'true' };
    apis = await Promise.all([spawnApi({ env }), spawnApi({ env })]); // no NBA_REPORTER_RATE_LIMIT_STORE: the default
  }, 60_000);
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await db?.drop();
  });

  // With NBA_REPORTER_RATE_LIMIT_STORE=memory the same requests all pass (checked: 6 × 200).
  it('share one budget per client: 4 turns a minute in total, not 4 per instance', async () => {
    const turn = (api: SpawnedApi) => gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await turn(apis[i % 2]!));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(answers[4]!.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const { rows } = await pool.query(`SELECT points FROM ${POSTGRES_RATE_LIMIT_TABLE}`);
      expect(rows).toEqual([{ points: 6 }]); // one caller (127.0.0.1), counted in the shared table
    } finally {
      await pool.end();
    }
  }, 30_000);
});
