/**
 * API keys, session ownership, the turn rate limit and what reaches logs and telemetry, against ONE spawned server
 * (keys from both variables, 3 turns per minute, OTLP to a receiver in the test, content capture off).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OtlpReceiver, otlpTestEnv, type SpawnedApi, spawnApi, startOtlpReceiver } from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FOLLOW_UP, gql, REPORT } from './helpers.js';

const ALICE_KEY = 'alice-key-6f1c0b2e9d8a7f3c';
const BOB_KEY = 'bob-key-0a9b8c7d6e5f4a3b2c';
const CAROL_KEY = 'carol-key-5e4d3c2b1a0f9e8d';
const MARKER = 'PRIVATE-INPUT-7q2w';
const FIELD_MARKER = 'private_field_9x8y';
const RATE_LIMIT = 3;

const as = (key: string) => ({ authorization: `Bearer ${key}` });

let receiver: OtlpReceiver;
let api: SpawnedApi;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const dir = mkdtempSync(join(tmpdir(), 'nba-keys-'));
  const file = join(dir, 'keys');
  const digest = createHash('sha256').update(ALICE_KEY).digest('hex');
  writeFileSync(file, `# name:sha256(key)\nalice:${digest}\n\n`);
  api = await spawnApi({
    env: {
      ...otlpTestEnv(receiver.url),
      NBA_REPORTER_API_KEYS_FILE: file,
      NBA_REPORTER_API_KEYS: `bob:${BOB_KEY}, carol:${CAROL_KEY}`,
      NBA_REPORTER_RATE_LIMIT: String(RATE_LIMIT),
    },
  });
});
afterAll(async () => {
  await api?.stop();
  await receiver?.close();
});

const turnLines = () => (api.output().match(/"msg":"turn (answered|refused)"/g) ?? []).length;

describe('authentication', () => {
  test('start-up says authentication is on and names the keys, never the keys', () => {
    expect(api.output()).toMatch(/"apiKeys":\["bob","carol","alice"\][^\n]*"msg":"authentication on: 3 API key\(s\)"/);
  });

  test.each([
    ['no Authorization header', {}],
    ['an unknown key', { authorization: 'Bearer not-a-key-0000000000000' }],
    ['a key with one character changed', { authorization: `Bearer ${ALICE_KEY.slice(0, -1)}d` }],
    ['the Basic scheme', { authorization: `Basic ${Buffer.from(`alice:${ALICE_KEY}`).toString('base64')}` }],
    ['a bare key', { authorization: ALICE_KEY }],
    ['the key file digest itself', { authorization: `Bearer ${createHash('sha256').update(ALICE_KEY).digest('hex')}` }],
  ])('%s → 401 UNAUTHENTICATED, before any GraphQL work', async (_name, headers) => {
    const res = await gql(api.graphqlUrl, '{ health { status } }', undefined, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="nba-reporter"');
    expect(res.body.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
  });

  test('either key works, from the file (sha256) or the variable; the scheme is case-insensitive', async () => {
    for (const headers of [as(ALICE_KEY), as(BOB_KEY), { authorization: `bearer ${BOB_KEY}` }]) {
      const res = await gql(api.graphqlUrl, '{ health { status } }', undefined, headers);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ health: { status: 'ok' } });
    }
  });
});

let aliceSession: string;

describe('ownership and rate limiting', () => {
  test('a session belongs to the key that created it: another key gets SESSION_NOT_FOUND', async () => {
    const report = await gql(api.graphqlUrl, REPORT, { input: { topic: 'EASTERN' } }, as(ALICE_KEY)); // alice: 1
    expect(report.body.errors).toBeUndefined();
    aliceSession = report.body.data!.report.sessionId;

    const stolen = await gql(
      api.graphqlUrl,
      FOLLOW_UP,
      { input: { sessionId: aliceSession, message: 'Who won the East?' } },
      as(BOB_KEY),
    ); // bob: 1
    expect(stolen.body.errors![0]!.extensions!['code']).toBe('SESSION_NOT_FOUND');
    const unknown = await gql(
      api.graphqlUrl,
      FOLLOW_UP,
      { input: { sessionId: `${aliceSession.slice(0, 13)}-4000-8000-000000000000`, message: 'Who won the East?' } },
      as(BOB_KEY),
    ); // bob: 2
    expect(stolen.body.errors![0]!.message).toBe(unknown.body.errors![0]!.message); // no oracle
    expect(stolen.body.errors![0]!.message).not.toContain(aliceSession);

    const own = await gql(
      api.graphqlUrl,
      FOLLOW_UP,
      { input: { sessionId: aliceSession, message: 'Who won the East?' } },
      as(ALICE_KEY),
    ); // alice: 2
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.followUp.sessionId).toBe(aliceSession);
  });

  test(`${RATE_LIMIT} turns per minute per key: the next is 429 RATE_LIMITED with Retry-After, and no turn runs`, async () => {
    const third = await gql(api.graphqlUrl, REPORT, { input: { topic: 'WESTERN' } }, as(ALICE_KEY)); // alice: 3
    expect(third.status).toBe(200);
    const before = turnLines();
    const limited = await gql(api.graphqlUrl, REPORT, { input: { topic: 'WESTERN' } }, as(ALICE_KEY));
    expect(limited.status).toBe(429);
    const error = limited.body.errors![0]!;
    expect(error.extensions!['code']).toBe('RATE_LIMITED');
    const retryAfterMs = error.extensions!['retryAfterMs'] as number;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(Number(limited.headers.get('retry-after'))).toBe(Math.ceil(retryAfterMs / 1000));
    expect(limited.body.data).toBeUndefined(); // refused before execution
    expect(turnLines()).toBe(before);

    // Queries that run no turn are not limited; another key has its own budget.
    expect((await gql(api.graphqlUrl, '{ health { status } }', undefined, as(ALICE_KEY))).status).toBe(200);
    const bob = await gql(api.graphqlUrl, REPORT, { input: { topic: 'FINALS' } }, as(BOB_KEY)); // bob: 3
    expect(bob.status).toBe(200);
    expect((await gql(api.graphqlUrl, REPORT, { input: { topic: 'FINALS' } }, as(BOB_KEY))).status).toBe(429);
  });

  test('logs carry key names and short session prefixes, never keys or whole session ids', () => {
    const output = api.output();
    expect(output).toMatch(/"apiKeyName":"alice"[^\n]*"msg":"turn answered"/);
    expect(output).toContain(`"sessionId":"${aliceSession.slice(0, 12)}…"`);
    for (const secret of [ALICE_KEY, BOB_KEY, aliceSession]) expect(output).not.toContain(secret);
  });
});

describe('telemetry', () => {
  test('spans carry the key name; no key and no client input reaches spans or logs with content capture off', async () => {
    // Client input in places where it comes back in error messages: a variable value, a field name, a query string.
    // carol has her whole turn budget left, so each request reaches the stage that quotes the input.
    const badVariable = await gql(api.graphqlUrl, REPORT, { input: { topic: MARKER } }, as(CAROL_KEY));
    expect(badVariable.body.errors![0]!.message).toContain(MARKER); // the client sees it...
    await gql(api.graphqlUrl, `{ health { status ${FIELD_MARKER} } }`, undefined, as(CAROL_KEY));
    await gql(api.graphqlUrl, `{ health(note: "${MARKER} literal") { status } }`, undefined, as(CAROL_KEY));
    // A literal in the wrong place: graphql-js quotes it in the validation message.
    const quoted = await gql(
      api.graphqlUrl,
      `mutation { report(input: "${MARKER} prompt") { sessionId } }`,
      undefined,
      as(CAROL_KEY),
    );
    expect(quoted.body.errors![0]!.message).toContain(MARKER);
    await gql(api.graphqlUrl, `{ health { status } } ${MARKER}`, undefined, as(CAROL_KEY)); // parse error quoting a name
    const session = await gql(
      api.graphqlUrl,
      FOLLOW_UP,
      { input: { sessionId: `${MARKER}-session`, message: `${MARKER} Celtics?` } },
      as(CAROL_KEY),
    );
    expect(session.body.errors![0]!.extensions!['code']).toBe('SESSION_NOT_FOUND');
    const get = new URL(api.graphqlUrl);
    get.searchParams.set('query', `{ health { status } }`);
    get.searchParams.set('variables', JSON.stringify({ note: `${MARKER} query value` }));
    get.searchParams.set('extensions', `{"x": "${MARKER}`); // not JSON: BAD_REQUEST
    expect((await fetch(get, { headers: { ...as(CAROL_KEY), 'apollo-require-preflight': 'true' } })).status).toBe(400);

    const expected = [
      'UNAUTHENTICATED',
      'RATE_LIMITED',
      'SESSION_NOT_FOUND',
      'BAD_USER_INPUT',
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_PARSE_FAILED',
    ];
    const codesIn = (spans: typeof all) =>
      new Set(spans.flatMap((s) => s.events).map((e) => e.attributes['error.type']));
    const all = receiver.spans();
    const spans = await receiver
      .waitFor(() => {
        const now = receiver.spans();
        const codes = codesIn(now);
        return expected.every((code) => codes.has(code)) && now;
      }, 15_000)
      .catch(() => receiver.spans());
    expect([...codesIn(spans)]).toEqual(expect.arrayContaining(expected));
    const server = spans.filter((s) => s.kind === 2 && s.attributes['nba_reporter.api_key.name'] !== undefined);
    expect(new Set(server.map((s) => s.attributes['nba_reporter.api_key.name']))).toEqual(
      new Set(['alice', 'bob', 'carol']),
    );

    // ...telemetry does not (the logs are flushed by now too: same export interval): not in variables, literal values,
    // URL query values or our error events. (graphql.source and the GraphQL instrumentation's own validation event
    // keep the document's names, so a field name is checked in the error events this service records.)
    const exported = JSON.stringify({ spans: receiver.spans(), logs: receiver.logs() });
    for (const secret of [ALICE_KEY, BOB_KEY, CAROL_KEY, MARKER, aliceSession]) expect(exported).not.toContain(secret);
    expect(exported).toContain(`"gen_ai.conversation.id":"${aliceSession.slice(0, 12)}"`);
    const ours = receiver.spans().flatMap((s) => s.events.filter((e) => e.attributes['error.type'] !== undefined));
    expect(ours.length).toBeGreaterThanOrEqual(5);
    const exceptions = receiver.spans().flatMap((s) => [s.status, ...s.events.filter((e) => e.name === 'exception')]);
    expect(exceptions.some((e) => JSON.stringify(e).includes('graphql.validation.error'))).toBe(true);
    expect(JSON.stringify(exceptions)).not.toContain(FIELD_MARKER);
  });
});
