import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_DIR, type SpawnedApi, spawnApi, startCommand } from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { FOLLOW_UP, gql, OFF_TOPIC, RAPTORS, REPORT } from './helpers.js';

describe('the API over real HTTP (offline model, SQLite sessions)', () => {
  let api: SpawnedApi;
  beforeAll(async () => {
    api = await spawnApi({ env: { OTEL_SDK_DISABLED: 'true' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  test('report(GENERAL) without a message returns an overview with a session, the model and usage', async () => {
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL' } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const turn = res.body.data!.report;
    expect(turn.message.length).toBeGreaterThan(40);
    expect(turn.topic).toBe('GENERAL');
    expect(turn.model).toBe('offline-nba-2024-25');
    expect(turn.sessionId.length).toBeGreaterThanOrEqual(22);
    expect(turn.usage.totalTokens).toBe(turn.usage.inputTokens + turn.usage.outputTokens);
    expect(turn.usage.totalTokens).toBeGreaterThan(0);
    expect(turn.usage.requests).toBeGreaterThanOrEqual(1);
    expect(turn.traceId).toBeNull(); // OTEL_SDK_DISABLED=true
  });

  test('a stated record is answered with the tool result, and a follow-up resolves "their"', async () => {
    const first = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(first.body.errors).toBeUndefined();
    const report = first.body.data!.report;
    expect(report.message).toContain('.561');
    expect(report.usage.requests).toBe(2); // tool call, then the answer

    const next = await gql(api.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: report.sessionId, message: 'How does their record compare with the rest of the league?' },
    });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.followUp.sessionId).toBe(report.sessionId);
    expect(next.body.data!.followUp.topic).toBe('GENERAL');
    expect(next.body.data!.followUp.message).toMatch(/Raptors/);
  });

  test('an off-topic message trips the guardrail, in a report and in a follow-up', async () => {
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: OFF_TOPIC } });
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    const error = res.body.errors![0]!;
    expect(error.extensions!['code']).toBe('GUARDRAIL_TRIPPED');
    expect(error.extensions!['reason']).toBe(
      'The request is off-topic. Please ask questions relevant to NBA or basketball.',
    );
    expect(error.extensions!['stacktrace']).toBeUndefined();

    const ok = await gql(api.graphqlUrl, REPORT, { input: { topic: 'EASTERN' } });
    const off = await gql(api.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: ok.body.data!.report.sessionId, message: OFF_TOPIC },
    });
    expect(off.body.errors![0]!.extensions!['code']).toBe('GUARDRAIL_TRIPPED');
  });

  test('an unknown session id is SESSION_NOT_FOUND, never a silent new conversation', async () => {
    const res = await gql(api.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: 'no-such-session-0000000000', message: 'And their playoff seed?' },
    });
    expect(res.body.errors![0]!.extensions!['code']).toBe('SESSION_NOT_FOUND');
  });

  test('invalid input is rejected with BAD_USER_INPUT: unknown topic, empty and over-long messages', async () => {
    const topic = await gql(api.graphqlUrl, REPORT, { input: { topic: 'SOUTHERN' } });
    expect(topic.status).toBe(400);
    expect(topic.body.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');

    const inline = await gql(api.graphqlUrl, 'mutation { report(input: { topic: SOUTHERN }) { sessionId } }');
    expect(inline.status).toBe(400);
    expect(inline.body.errors![0]!.extensions!['code']).toBe('GRAPHQL_VALIDATION_FAILED');

    const empty = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: '   ' } });
    expect(empty.body.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');

    const long = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: 'nba '.repeat(600) } });
    expect(long.body.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
  });

  test('malformed and oversized bodies get a GraphQL-shaped error without a stack trace', async () => {
    const bad = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { errors: { extensions: { code: string } }[] };
    expect(badBody.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(badBody)).not.toMatch(/at .*\.js:\d+/);

    const big = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { status } }', padding: 'x'.repeat(200_000) }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'BAD_REQUEST',
    );
  });

  test('topics, health and /healthz answer, and the server is still serving after every error', async () => {
    const res = await gql(api.graphqlUrl, '{ topics { topic name } health { status provider model version } }');
    expect(res.body.data!.topics).toEqual([
      { topic: 'EASTERN', name: 'Eastern Conference' },
      { topic: 'WESTERN', name: 'Western Conference' },
      { topic: 'FINALS', name: 'Finals' },
      { topic: 'GENERAL', name: 'Season' },
    ]);
    expect(res.body.data!.health).toMatchObject({ status: 'ok', provider: 'offline', model: 'offline-nba-2024-25' });
    // Nothing is cacheable: answers and errors alike say so.
    expect(res.headers.get('cache-control')).toBe('no-store');
    const invalid = await gql(api.graphqlUrl, '{ nope }');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('cache-control')).toBe('no-store');
    const health = await fetch(`${api.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  test('CSRF prevention stays on: a text/plain POST is refused', async () => {
    const res = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('the built server', () => {
  test('runs from dist/ and generated modules: it loads or reads nothing from any src/ folder', async () => {
    const recorder = fileURLToPath(new URL('./fixtures/record-src-loads.mjs', import.meta.url));
    const api = await spawnApi({ env: { OTEL_SDK_DISABLED: 'true' }, nodeFlags: ['--import', recorder] });
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(res.body.errors).toBeUndefined();
    expect(await api.stop()).toBe(0);
    const line = api
      .output()
      .split('\n')
      .find((l) => l.startsWith('SRC_MODULES_LOADED='))!;
    expect(JSON.parse(line.slice('SRC_MODULES_LOADED='.length))).toEqual([]);
  });
});

describe('sessions are durable', () => {
  test('a session survives a restart of the server (SQLite store)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'nba-restart-')), 'sessions.db');
    const env = { OTEL_SDK_DISABLED: 'true', NBA_REPORTER_SESSION_DB: db };
    const first = await spawnApi({ env });
    const report = await gql(first.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    const sessionId = report.body.data!.report.sessionId as string;
    expect(await first.stop()).toBe(0);

    const second = await spawnApi({ env });
    try {
      const next = await gql(second.graphqlUrl, FOLLOW_UP, {
        input: { sessionId, message: 'What about their record?' },
      });
      expect(next.body.errors).toBeUndefined();
      expect(next.body.data!.followUp.sessionId).toBe(sessionId);
      expect(next.body.data!.followUp.message).toMatch(/Raptors/);
    } finally {
      await second.stop();
    }
  });

  test('SIGTERM under load: every answered turn is stored, late requests are refused cleanly, exit 0', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'nba-drain-')), 'sessions.db');
    const env = { OTEL_SDK_DISABLED: 'true', NBA_REPORTER_SESSION_DB: db };
    const api = await spawnApi({ env });
    const answered: string[] = [];
    const refused: string[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        try {
          const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
          if (res.status === 200 && res.body.data) answered.push(res.body.data.report.sessionId);
          else refused.push(String(res.body.errors?.[0]?.extensions?.['code']));
        } catch {
          refused.push('connection closed'); // the listener is gone: nothing was accepted
          return;
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    // Stop once the clients are well under way: several turns answered, more in flight.
    await vi.waitFor(() => expect(answered.length).toBeGreaterThanOrEqual(8), { timeout: 15_000, interval: 10 });
    const exit = api.stop();
    expect(await exit).toBe(0);
    stop = true;
    await Promise.all(clients);
    expect(answered.length).toBeGreaterThan(0);
    for (const code of refused) expect(['SHUTTING_DOWN', 'connection closed']).toContain(code);
    expect(api.output()).toMatch(/"msg":"stopped"/);

    const again = await spawnApi({ env });
    try {
      for (const sessionId of answered) {
        const next = await gql(again.graphqlUrl, FOLLOW_UP, { input: { sessionId, message: 'And their record?' } });
        expect(next.body.errors, sessionId).toBeUndefined();
      }
    } finally {
      await again.stop();
    }
  });
});

describe('configuration', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, startCommand(), {
      cwd: API_DIR,
      env: { PATH: process.env.PATH ?? '', OTEL_SDK_DISABLED: 'true', PORT: '0', ...env },
      encoding: 'utf8',
      timeout: 15_000,
    });

  test.each([
    [{ NBA_REPORTER_MODEL_PROVIDER: 'gemini' }, 'NBA_REPORTER_MODEL_PROVIDER', 'offline, openai, openai-compatible'],
    [{ PORT: 'eighty' }, 'PORT', '0 to 65535'],
    [{ NBA_REPORTER_PLAYGROUND: 'maybe' }, 'NBA_REPORTER_PLAYGROUND', 'true, false'],
    // a parent that is a file, not a directory: the store cannot be created
    [
      { NBA_REPORTER_SESSION_DB: `${fileURLToPath(import.meta.url)}/sessions.db` },
      'NBA_REPORTER_SESSION_DB',
      'writable SQLite file path',
    ],
    [{ NBA_REPORTER_RATE_LIMIT: 'lots' }, 'NBA_REPORTER_RATE_LIMIT', 'turns per minute from 0'],
    [{ NBA_REPORTER_SESSION_TTL: '7 days' }, 'NBA_REPORTER_SESSION_TTL', '30m, 12h or 7d'],
    [{ NBA_REPORTER_API_KEYS: 'ci:short' }, 'NBA_REPORTER_API_KEYS', 'at least 16 characters'],
    [{ NBA_REPORTER_RATE_LIMIT_STORE: 'redis' }, 'NBA_REPORTER_RATE_LIMIT_STORE', 'memory'],
  ])('a bad value stops start-up with one line naming the variable (%o)', (env, variable, allowed) => {
    const run = start(env);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).toContain(allowed);
  });
});
