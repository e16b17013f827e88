/**
 * The guards of /graphql apply to /graphql/stream too (in process, real HTTP on loopback): API keys and session
 * ownership, the turn rate limit, the document limits (token limit, GraphQL Armor depth), hidden suggestions, and the
 * turn deadline over a slow streamed model.
 */
import { createReporter, loadReporterConfig, MemorySessionStore, type Reporter } from '@nba-reporter/agent';
import { startScriptedOpenAI } from '@nba-reporter/testing';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadApiKeys } from '../src/auth.js';
import { loadApiConfig } from '../src/config.js';
import { createTurnLimiter } from '../src/rate-limit.js';
import { type Api, createApi } from '../src/server.js';
import { TELEMETRY_OFF } from '../src/telemetry.js';
import { eventsOf, FOLLOW_UP_STREAM, REPORT_STREAM, subscribeSse } from './sse.js';

const KEY_A = 'key-a-for-stream-tests-0123';
const KEY_B = 'key-b-for-stream-tests-4567';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function start(
  options: { reporter?: Reporter; env?: Record<string, string>; apiKeys?: string; turnsPerMinute?: number } = {},
) {
  const reporter =
    options.reporter ??
    createReporter({ ...loadReporterConfig({}), sessionDb: ':memory:' }, { sessionStore: new MemorySessionStore() });
  const api: Api = await createApi({
    reporter,
    config: loadApiConfig({ LOG_LEVEL: 'silent', ...options.env }),
    logger: pino({ level: process.env.DEBUG_STREAM ? 'error' : 'silent' }),
    telemetry: TELEMETRY_OFF,
    version: 'test',
    ...(options.apiKeys ? { apiKeys: loadApiKeys({ keys: options.apiKeys }) } : {}),
    ...(options.turnsPerMinute ? { turnLimiter: createTurnLimiter({ turnsPerMinute: options.turnsPerMinute }) } : {}),
  });
  const { port } = await api.listen(0, '127.0.0.1');
  cleanup.push(async () => {
    await api.stop();
    await new Promise<void>((resolve) => api.httpServer.close(() => resolve()));
    await reporter.close();
  });
  return `http://127.0.0.1:${port}/graphql/stream`;
}

describe('guards on /graphql/stream', () => {
  it('API keys: 401 UNAUTHENTICATED without one; a session belongs to the key that created it', async () => {
    const url = await start({ apiKeys: `a:${KEY_A},b:${KEY_B}` });
    const anonymous = await subscribeSse(url, REPORT_STREAM, { input: { topic: 'GENERAL' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.results[0]!.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');

    const asA = { headers: { authorization: `Bearer ${KEY_A}` } };
    const turn = eventsOf(await subscribeSse(url, REPORT_STREAM, { input: { topic: 'GENERAL' } }, asA)).at(-1).turn;
    const mine = await subscribeSse(
      url,
      FOLLOW_UP_STREAM,
      { input: { sessionId: turn.sessionId, message: 'Who won the NBA title?' } },
      asA,
    );
    expect(eventsOf(mine).at(-1).__typename).toBe('TurnCompleted');
    const foreign = await subscribeSse(
      url,
      FOLLOW_UP_STREAM,
      { input: { sessionId: turn.sessionId, message: 'Who won the NBA title?' } },
      {
        headers: { authorization: `Bearer ${KEY_B}` },
      },
    );
    expect(foreign.results[0]!.errors![0]!.extensions!['code']).toBe('SESSION_NOT_FOUND');
  });

  it('rate limit: a stream counts one turn; over the limit it is HTTP 429 RATE_LIMITED with Retry-After, and no turn runs', async () => {
    const base = createReporter(
      { ...loadReporterConfig({}), sessionDb: ':memory:' },
      { sessionStore: new MemorySessionStore() },
    );
    let turns = 0;
    const counting: Reporter = {
      ...base,
      reportStream: (...args) => {
        turns += 1;
        return base.reportStream(...args);
      },
    };
    const url = await start({ reporter: counting, turnsPerMinute: 2 });
    for (let i = 0; i < 2; i++)
      expect(eventsOf(await subscribeSse(url, REPORT_STREAM, { input: { topic: 'GENERAL' } })).at(-1).__typename).toBe(
        'TurnCompleted',
      );
    const limited = await subscribeSse(url, REPORT_STREAM, { input: { topic: 'GENERAL' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.results[0]!.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: expect.any(Number),
    });
    expect(limited.results[0]!.errors![0]!.extensions).not.toHaveProperty('http');
    expect(turns).toBe(2);
  });

  it('document limits and hidden suggestions, as on /graphql', async () => {
    const url = await start();
    const tooMany = await subscribeSse(
      url,
      `subscription { reportStream(input: { topic: GENERAL }) { __typename ${' ... on TextDelta { delta }'.repeat(200)} } }`,
    );
    expect(tooMany.results[0]!.errors![0]!.extensions!['code']).toBe('GRAPHQL_PARSE_FAILED');
    const deep =
      'subscription { reportStream(input: { topic: GENERAL }) { __typename ... on TurnCompleted { turn { usage { totalTokens } } } } }';
    expect(eventsOf(await subscribeSse(url, deep)).at(-1).__typename).toBe('TurnCompleted');
    const aliases = `subscription { reportStream(input: { topic: GENERAL }) { ${Array.from({ length: 12 }, (_, i) => `a${i}: __typename`).join(' ')} ... on TextDelta { x1: delta x2: delta x3: delta x4: delta x5: delta x6: delta x7: delta x8: delta x9: delta x10: delta x11: delta } } }`;
    const armor = await subscribeSse(url, aliases);
    expect(armor.results[0]!.errors![0]!.extensions!['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await subscribeSse(
      url,
      'subscription { reportStream(input: { topic: GENERAL }) { ... on TextDelta { delt } } }',
    );
    expect(typo.results[0]!.errors![0]!.extensions!['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.results[0]!.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('the turn deadline covers the whole stream: TURN_TIMEOUT after the text so far, the model call stopped', async () => {
    const scripted = await startScriptedOpenAI();
    cleanup.push(() => scripted.close());
    const reporter = createReporter(
      loadReporterConfig({
        NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
        NBA_REPORTER_MODEL: 'slow-model',
        OPENAI_BASE_URL: scripted.baseURL,
        NBA_REPORTER_MODEL_MAX_RETRIES: '0',
        NBA_REPORTER_SESSION_DB: ':memory:',
      }),
      { sessionStore: new MemorySessionStore() },
    );
    const url = await start({ reporter, env: { NBA_REPORTER_TURN_TIMEOUT_MS: '600' } });
    scripted.enqueue('chat.completions', {
      text: 'A slow answer that takes far longer than the turn may.',
      chunkSize: 4,
      chunkDelayMs: 100,
    });
    const res = await subscribeSse(url, REPORT_STREAM, { input: { topic: 'FINALS' } });
    const last = res.results.at(-1)!;
    expect(last.errors![0]!.extensions).toMatchObject({ code: 'TURN_TIMEOUT', timeoutMs: 600 });
    expect(res.results.length).toBeGreaterThan(1); // some text came first
    await expect.poll(() => scripted.requestsTo('chat.completions')[0]!.outcome).toBe('aborted');
  });
});
