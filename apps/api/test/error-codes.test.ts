/**
 * One error vocabulary: every value of the schema's ErrorCode enum is provoked over real HTTP against the BUILT API,
 * spawned as `npm start` runs it. The list of codes comes from the enum itself (@nba-reporter/schema), so a new value
 * without an entry in CASES fails this test (and the type check). Adding a code = adding one entry to CASES.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PostgresSessionStore } from '@nba-reporter/agent';
import { type ErrorCode, errorCodes } from '@nba-reporter/schema';
import {
  createTestDatabase,
  pgUnavailable,
  type ScriptedOpenAI,
  type SpawnedApi,
  spawnApi,
  startScriptedOpenAI,
} from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FOLLOW_UP, type GraphQLResponse, gql, OFF_TOPIC, RAPTORS, REPORT } from './helpers.js';

type Body = GraphQLResponse['body'];

/** What each case can use: an API on the offline model, and one on a scripted OpenAI-compatible server. */
interface Servers {
  offline: SpawnedApi;
  /** Path of the offline API's SQLite session file. */
  sessionDb: string;
  scripted: SpawnedApi;
  model: ScriptedOpenAI;
}

interface Case {
  /** The HTTP status the README documents for this way of provoking the code. */
  status: number;
  /** Why this case cannot run here (e.g. no PostgreSQL); the test is then reported as skipped with the reason. */
  unavailable?: string | undefined;
  provoke(servers: Servers): Promise<{ status: number; body: Body }>;
}

const MODEL_TIMEOUT_MS = 500;
/** Longer than one model call's timeout, shorter than two slow calls: TURN_TIMEOUT without hiding MODEL_TIMEOUT. */
const TURN_TIMEOUT_MS = 700;
/** The scripted API requires keys: `main` for the ordinary cases, `burst` to exhaust its own turn budget. */
const MAIN_KEY = 'main-key-for-error-codes-0001';
const BURST_KEY = 'burst-key-for-error-codes-002';
const RATE_LIMIT = 10;
const HEALTH = '{ health { status } }';
/** Authorization each spawned API needs (none for the offline one). */
const AUTH = new WeakMap<SpawnedApi, Record<string, string>>();

/** A POST to /graphql with a raw body. */
async function post(api: SpawnedApi, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(api.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

const report = (api: SpawnedApi, message?: string, headers = AUTH.get(api) ?? {}) =>
  gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', ...(message === undefined ? {} : { message }) } }, headers);

/** The one place to add a provoking case for a new ErrorCode. */
const CASES: { readonly [C in ErrorCode]: Case } = {
  GUARDRAIL_TRIPPED: { status: 200, provoke: ({ offline }) => report(offline, OFF_TOPIC) },
  SESSION_TURN_LIMIT: {
    status: 200,
    provoke: async ({ offline }) => {
      // The offline API allows 2 turns per session.
      const sessionId = (await report(offline)).body.data!['report'].sessionId as string;
      await gql(offline.graphqlUrl, FOLLOW_UP, { input: { sessionId, message: RAPTORS } });
      return gql(offline.graphqlUrl, FOLLOW_UP, { input: { sessionId, message: RAPTORS } });
    },
  },
  TURN_TIMEOUT: {
    status: 200,
    provoke: ({ scripted, model }) => {
      // Two model calls of 400 ms each: every call within its timeout, the turn past its deadline.
      const slow = MODEL_TIMEOUT_MS - 100;
      model.enqueue(
        'chat.completions',
        { toolCalls: [{ name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 } }], delayMs: slow },
        { text: 'Too late.', delayMs: slow },
      );
      return report(scripted, RAPTORS);
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    provoke: ({ scripted }) => report(scripted, undefined, { authorization: 'Bearer wrong-key-000000000000' }),
  },
  RATE_LIMITED: {
    status: 429,
    provoke: async ({ scripted }) => {
      // Turns refused for their input still count, and reach no model.
      const burst = { authorization: `Bearer ${BURST_KEY}` };
      for (let i = 0; i < RATE_LIMIT; i++) expect((await report(scripted, '   ', burst)).status).toBe(200);
      return report(scripted, '   ', burst);
    },
  },
  ONE_TURN_PER_REQUEST: {
    status: 400,
    provoke: ({ offline }) =>
      post(
        offline,
        JSON.stringify({
          query:
            'mutation { a: report(input: {topic: GENERAL}) { sessionId } b: report(input: {topic: EASTERN}) { sessionId } }',
        }),
      ),
  },
  SESSION_NOT_FOUND: {
    status: 200,
    provoke: ({ offline }) =>
      gql(offline.graphqlUrl, FOLLOW_UP, { input: { sessionId: 'no-such-session', message: RAPTORS } }),
  },
  SESSION_BUSY: { status: 200, unavailable: pgUnavailable, provoke: ({ model }) => followUpOvertaken(model) },
  BAD_USER_INPUT: { status: 200, provoke: ({ offline }) => report(offline, '   ') },
  EMPTY_ANSWER: {
    status: 200,
    provoke: ({ scripted, model }) => {
      // Nothing is left once the answer is sanitised (a bare link).
      model.enqueue('chat.completions', { text: 'https://www.nba.com/standings' });
      return report(scripted);
    },
  },
  MODEL_UNAVAILABLE: {
    status: 200,
    provoke: ({ scripted, model }) => {
      model.enqueue('chat.completions', { fault: { status: 500 } });
      return report(scripted);
    },
  },
  MODEL_TIMEOUT: {
    status: 200,
    provoke: ({ scripted, model }) => {
      model.enqueue('chat.completions', { fault: { delayMs: MODEL_TIMEOUT_MS * 10 } });
      return report(scripted);
    },
  },
  MODEL_RATE_LIMITED: {
    status: 200,
    provoke: ({ scripted, model }) => {
      model.enqueue('chat.completions', { fault: { status: 429, headers: { 'retry-after-ms': '40' } } });
      return report(scripted);
    },
  },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    provoke: ({ offline }) => post(offline, JSON.stringify({ query: '{ health {' })),
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    provoke: ({ offline }) => post(offline, JSON.stringify({ query: '{ health { uptime } }' })),
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    provoke: ({ offline }) =>
      post(offline, JSON.stringify({ query: 'query A { health { status } } query B { topics { name } }' })),
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 200,
    provoke: ({ offline }) => {
      const sha256Hash = createHash('sha256').update(`${HEALTH} # never sent`).digest('hex');
      return post(offline, JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    },
  },
  BAD_REQUEST: { status: 400, provoke: ({ offline }) => post(offline, '{"query": ') },
  SHUTTING_DOWN: { status: 503, provoke: () => requestWhileDraining() },
  NOT_FOUND: {
    status: 404,
    provoke: async ({ offline }) => {
      // The trace view is on where the playground is (the default outside production); this trace id was never seen.
      const res = await fetch(`${offline.url}/debug/traces/${'0'.repeat(31)}1`, {
        signal: AbortSignal.timeout(15_000),
      });
      return { status: res.status, body: (await res.json()) as Body };
    },
  },
  INTERNAL_SERVER_ERROR: {
    status: 200,
    provoke: ({ offline, sessionDb }) => {
      // A session row the server cannot read (an unknown topic): not a user error, so it must be masked.
      const db = new DatabaseSync(sessionDb);
      try {
        const now = new Date().toISOString();
        db.prepare('INSERT INTO sessions (id, topic, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
          'corrupt-session',
          'curling',
          now,
          now,
        );
      } finally {
        db.close();
      }
      return gql(offline.graphqlUrl, FOLLOW_UP, { input: { sessionId: 'corrupt-session', message: RAPTORS } });
    },
  },
};

/**
 * SESSION_BUSY: a follow-up whose session gained a turn (from another instance) while the model was answering it.
 * The API runs on PostgreSQL; once the follow-up's model call has arrived (a real condition), another store on the
 * same database appends a turn, then the model answers and the stale turn must be refused.
 */
async function followUpOvertaken(model: ScriptedOpenAI): Promise<{ status: number; body: Body }> {
  const db = await createTestDatabase('nba_error_codes');
  let api: SpawnedApi | undefined;
  const other = new PostgresSessionStore(db.url, { poolSize: 1 });
  try {
    api = await spawnApi({
      env: {
        OTEL_SDK_DISABLED: 'true',
        NBA_REPORTER_SESSION_DB: db.url,
        NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
        NBA_REPORTER_MODEL: 'local-model',
        OPENAI_BASE_URL: model.baseURL,
        OPENAI_API_KEY: 'test-key',
        NBA_REPORTER_MODEL_MAX_RETRIES: '0',
      },
    });
    const started = await report(api, RAPTORS);
    const sessionId = (started.body.data as { report: { sessionId: string } }).report.sessionId;
    model.enqueue('chat.completions', { text: 'They finished fifth in the East.', delayMs: 1_000 });
    const calls = model.requestsTo('chat.completions').length;
    const pending = gql(api.graphqlUrl, FOLLOW_UP, {
      input: { sessionId, message: 'And their rank in the NBA East?' },
    });
    await expect
      .poll(() => model.requestsTo('chat.completions').length, { timeout: 10_000, interval: 10 })
      .toBe(calls + 1);
    await other.appendTurn(sessionId, [{ type: 'message', role: 'user', content: 'from another instance' }]);
    return await pending;
  } finally {
    await other.close();
    await api?.stop();
    await db.drop();
  }
}

/**
 * SHUTTING_DOWN needs a request that arrives after SIGTERM on a connection the server still serves. Request 1 is
 * held open (its body half sent) so the drain waits for it; after SIGTERM, the rest of its body and request 2 go
 * down the same keep-alive connection (HTTP pipelining). Request 2 must be refused with 503 SHUTTING_DOWN.
 */
async function requestWhileDraining(): Promise<{ status: number; body: Body }> {
  const api = await spawnApi({ env: { OTEL_SDK_DISABLED: 'true' } });
  try {
    const body = JSON.stringify({ query: HEALTH });
    const head = (length: number, extra = '') =>
      `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n${extra}\r\n`;
    const socket = connect(api.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    // `expect: 100-continue`: the server answers "100 Continue" once it has taken the request in (Node emits the
    // request then), so the drain is sure to count it as in flight before SIGTERM arrives.
    const half = Math.floor(body.length / 2);
    socket.write(head(body.length, 'expect: 100-continue\r\n') + body.slice(0, half));
    await expect.poll(() => received, { timeout: 10_000, interval: 5 }).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n$/);

    api.process.kill('SIGTERM');
    await expect
      .poll(() => api.output(), { timeout: 10_000, interval: 10 })
      .toContain('shutting down: draining requests');
    socket.write(body.slice(half) + head(body.length) + body);
    await closed;

    const responses = parseResponses(received.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, ''));
    expect(
      responses.map((r) => r.status),
      'request 1 is served, request 2 refused',
    ).toEqual([200, 503]);
    expect(await api.stop()).toBe(0);
    return responses[1]!;
  } finally {
    await api.stop();
  }
}

/** Splits pipelined HTTP/1.1 responses (each with content-length, as Express sends JSON; bodies are ASCII here). */
function parseResponses(raw: string): { status: number; body: Body }[] {
  const out: { status: number; body: Body }[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`incomplete response: ${rest}`);
    const [statusLine = '', ...headerLines] = rest.slice(0, end).split('\r\n');
    const length = Number(/^content-length:\s*(\d+)$/im.exec(headerLines.join('\n'))?.[1] ?? NaN);
    if (!Number.isInteger(length)) throw new Error(`no content-length: ${statusLine}`);
    out.push({
      status: Number(statusLine.split(' ')[1]),
      body: JSON.parse(rest.slice(end + 4, end + 4 + length)) as Body,
    });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

describe('every ErrorCode of the schema is provoked over HTTP', () => {
  const servers = {} as Servers;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nba-error-codes-'));
    servers.sessionDb = join(dir, 'sessions.db');
    servers.model = await startScriptedOpenAI();
    [servers.offline, servers.scripted] = await Promise.all([
      // Telemetry on (no endpoint) so the local trace view, and with it NOT_FOUND, exists on this one.
      spawnApi({ env: { NBA_REPORTER_SESSION_DB: servers.sessionDb, NBA_REPORTER_SESSION_MAX_TURNS: '2' } }),
      spawnApi({
        env: {
          OTEL_SDK_DISABLED: 'true',
          NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
          NBA_REPORTER_MODEL: 'local-model',
          OPENAI_BASE_URL: servers.model.baseURL,
          OPENAI_API_KEY: 'test-key',
          NBA_REPORTER_MODEL_TIMEOUT_MS: String(MODEL_TIMEOUT_MS),
          NBA_REPORTER_MODEL_MAX_RETRIES: '0',
          NBA_REPORTER_TURN_TIMEOUT_MS: String(TURN_TIMEOUT_MS),
          NBA_REPORTER_API_KEYS: `main:${MAIN_KEY},burst:${BURST_KEY}`,
          NBA_REPORTER_RATE_LIMIT: String(RATE_LIMIT),
        },
      }),
    ]);
    AUTH.set(servers.scripted, { authorization: `Bearer ${MAIN_KEY}` });
  }, 40_000);

  afterAll(async () => {
    await Promise.all([servers.offline?.stop(), servers.scripted?.stop()]);
    await servers.model?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('CASES names only codes of the schema', () => {
    expect(Object.keys(CASES).filter((code) => !(errorCodes as readonly string[]).includes(code))).toEqual([]);
  });

  test("the README's error table documents every code", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Errors'), readme.indexOf('\n## ', readme.indexOf('## Errors') + 1));
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    expect(errorCodes.filter((code) => !rows.some((row) => row.includes(`\`${code}\``)))).toEqual([]);
  });

  for (const [code, c] of Object.entries(CASES as Record<string, Case>)) {
    if (c.unavailable) test.skip(`${code} (skipped: ${c.unavailable})`, () => {});
  }

  test.each(
    errorCodes.filter((code) => !(CASES as Partial<Record<string, Case>>)[code]?.unavailable).map((code) => [code]),
  )('%s', async (code) => {
    const c = (CASES as Partial<Record<string, Case>>)[code];
    if (!c) throw new Error(`no case provokes ${code}: add one to CASES in apps/api/test/error-codes.test.ts`);
    servers.model.reset();
    const { status, body } = await c.provoke(servers);
    expect(body.errors?.[0]?.extensions?.['code'], JSON.stringify(body)).toBe(code);
    expect(status).toBe(c.status);
    // Never a stack trace or an internal message outside development.
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\bat .+:\d+:\d+|curling/);
  });
});
