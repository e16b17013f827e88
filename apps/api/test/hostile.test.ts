/**
 * Hostile input against ONE spawned production-like server (offline model, rate limit off, short HTTP timeouts):
 * the bad-input corpus (test/fixtures/bad-input.json), the graphql-http audit, and slow clients on raw sockets.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { errorCodes } from '@nba-reporter/schema';
import { type SpawnedApi, spawnApi } from '@nba-reporter/testing';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gql } from './helpers.js';

interface CorpusCase {
  name: string;
  method?: string;
  path?: string;
  /** Default for POST: content-type application/json. */
  headers?: Record<string, string>;
  /** URL query parameters (GET). */
  query?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  expect: { status: number; code: string | null };
}

const corpus = JSON.parse(readFileSync(new URL('./fixtures/bad-input.json', import.meta.url), 'utf8')) as CorpusCase[];

/** `<<repeat N|text>>` repeats text N times; `<<n>>` inside it is the repetition's index (unique aliases). */
function expand(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(/<<repeat (\d+)\|((?:<<n>>|(?!>>)[\s\S])*)>>/g, (_m, count: string, text: string) =>
      Array.from({ length: Number(count) }, (_, i) => text.replaceAll('<<n>>', String(i))).join(''),
    );
  }
  if (Array.isArray(value)) return value.map(expand);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
  return value;
}

const ERROR_CODES: ReadonlySet<string | undefined> = new Set(errorCodes);

const HEADERS_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 4_000;
const KEEP_ALIVE_TIMEOUT_MS = 2_000;

let api: SpawnedApi;
beforeAll(async () => {
  api = await spawnApi({
    env: {
      OTEL_SDK_DISABLED: 'true',
      NBA_REPORTER_RATE_LIMIT: '0',
      NBA_REPORTER_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      NBA_REPORTER_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      NBA_REPORTER_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    },
  });
});
afterAll(async () => {
  await api?.stop();
});

const turnLines = () => (api.output().match(/"msg":"turn (answered|refused|failed unexpectedly)"/g) ?? []).length;

describe('bad-input corpus', () => {
  test('has at least 100 cases with unique names and known codes', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
    for (const c of corpus) if (c.expect.code !== null) expect(ERROR_CODES, c.name).toContain(c.expect.code);
  });

  test.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const method = c.method ?? 'POST';
    const url = new URL(c.path ?? '/graphql', api.url);
    for (const [key, value] of Object.entries((expand(c.query) as Record<string, string> | undefined) ?? {}))
      url.searchParams.set(key, value);
    const headers =
      (expand(c.headers) as Record<string, string> | undefined) ??
      (method === 'POST' ? { 'content-type': 'application/json' } : {});
    const body =
      c.body === undefined
        ? undefined
        : typeof c.body === 'string'
          ? (expand(c.body) as string)
          : JSON.stringify(expand(c.body));

    const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(c.expect.status);
    expect(text).not.toMatch(/stacktrace|Did you mean|\n\s+at .+:\d+:\d+/);
    if (c.expect.code !== null) {
      const parsed = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(parsed.errors?.[0]?.extensions?.code, text.slice(0, 300)).toBe(c.expect.code);
      for (const error of parsed.errors ?? []) expect(ERROR_CODES).toContain(error.extensions?.code);
    }

    // The server still answers.
    const health = await gql(api.graphqlUrl, '{ health { status } }');
    expect(health.status).toBe(200);
    expect(health.body.data).toEqual({ health: { status: 'ok' } });
  });

  test('start-up said the service is open (loopback: info, not a warning)', () => {
    expect(api.output()).toMatch(/"level":30,[^\n]*"msg":"authentication off: the API is open to anyone/);
  });

  test('no corpus request ran an agent turn, and nothing was logged as unexpected', () => {
    expect(api.output()).not.toContain('"msg":"turn answered"');
    expect(api.output()).not.toMatch(/failed unexpectedly|unhandled request error|Unexpected error processing request/);
    expect(api.process.exitCode).toBeNull();
  });
});

describe('graphql-http audit', () => {
  test('no audit errors; the non-ok set is pinned', async () => {
    const results = await auditServer({
      url: api.graphqlUrl,
      // Apollo's CSRF prevention needs this header on GETs; every browser-less client can send it.
      fetchFn: (input: string | URL | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('apollo-require-preflight', 'true');
        return fetch(input, { ...init, headers });
      },
    });
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}`)).toEqual([]);
    const notOk = results
      .filter((r) => r.status !== 'ok')
      .map((r) => `${r.status} ${r.id}`)
      .sort();
    expect(notOk).toEqual(PINNED_NOT_OK);
  });
});

/**
 * Audit results that are not `ok`. All three are the same accepted choice (Apollo Server 5's default, kept on
 * purpose): a document that fails to parse, fails validation or has invalid variables is answered 400 even to an
 * `Accept: application/json` client, so proxies and dashboards see client errors as 4xx.
 */
const PINNED_NOT_OK = ['warn 572B', 'warn 7B9B', 'warn FDE2'];

/** Opens a raw TCP connection; resolves with helpers once connected. */
async function rawSocket(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const socket = connect(api.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let data = '';
  socket.on('data', (chunk) => (data += chunk.toString('latin1')));
  socket.on('error', () => {});
  const opened = performance.now();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - opened)));
  return { socket, received: () => data, closed };
}

describe('slow clients are cut off', () => {
  // The server checks its timers every second; allow that plus scheduling noise on a busy machine.
  const SLACK_MS = 3_000;

  test('slow headers: 408 and closed after the header timeout, no turn run', async () => {
    const before = turnLines();
    const { socket, received, closed } = await rawSocket();
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 250);
    const elapsed = await closed;
    clearInterval(trickle);
    expect(elapsed).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
    expect(turnLines()).toBe(before);
  });

  test('slow body: 408 and closed after the request timeout, the mutation never runs', async () => {
    const before = turnLines();
    const body = JSON.stringify({ query: 'mutation { report(input: {topic: GENERAL}) { sessionId } }' });
    const { socket, received, closed } = await rawSocket();
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    let sent = 0;
    const trickle = setInterval(() => {
      if (socket.writable && sent < body.length - 1) socket.write(body[sent++]!); // never the last byte
    }, 200);
    const elapsed = await closed;
    clearInterval(trickle);
    expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
    expect(turnLines()).toBe(before);
    expect(api.output()).not.toContain('"msg":"turn answered"');
  });

  test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const { socket, received, closed } = await rawSocket();
    const body = JSON.stringify({ query: '{ health { status } }' });
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    const elapsed = await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200/);
    expect(received()).toContain('"status":"ok"');
    expect(elapsed).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + SLACK_MS);
  });
});
