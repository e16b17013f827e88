/**
 * A throwaway PostgreSQL database per test file: created with a random name on the server at
 * NBA_REPORTER_TEST_PG_URL (default postgres://root@127.0.0.1:5432/postgres) and dropped afterwards.
 * `pgUnavailable` says why PostgreSQL tests are skipped when the server cannot be reached.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const ADMIN_URL = process.env.NBA_REPORTER_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL is not reachable at ${ADMIN_URL} (${(error as Error).message}); set NBA_REPORTER_TEST_PG_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export const pgUnavailable = await probe();
if (pgUnavailable) process.stderr.write(`skipping PostgreSQL tests: ${pgUnavailable}\n`);

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name. */
export async function createTestDatabase(prefix = 'nba_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
