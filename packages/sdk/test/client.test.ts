import {
  createNbaReporterClient,
  ErrorCode,
  isNbaReporterError,
  NbaReporterError,
  type NbaReporterErrorCode,
} from '@nba-reporter/sdk';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { startLoopback, turn } from './support/loopback.js';

const server = await startLoopback();
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

async function rejection(promise: Promise<unknown>): Promise<NbaReporterError> {
  try {
    await promise;
  } catch (error) {
    if (isNbaReporterError(error)) return error;
    throw new Error(`expected an NbaReporterError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection');
}

describe('requests and results', () => {
  test('report POSTs the pre-printed document with { input } and resolves data.report', async () => {
    server.reply({ body: { data: { report: turn } } });
    const client = createNbaReporterClient({ url: server.url, opentelemetry: false });
    const result = await client.report({ topic: 'GENERAL', message: 'Win percentage?' });
    expect(result).toEqual(turn);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toContain('application/graphql-response+json');
    expect(request?.body.query).toMatch(/^\s*mutation Report\(\$input: ReportInput!\)/);
    expect(request?.body.variables).toEqual({ input: { topic: 'GENERAL', message: 'Win percentage?' } });
  });

  test('followUp, topics and health: one method per operation, queries send no variables', async () => {
    const client = createNbaReporterClient({ url: new URL(server.url), opentelemetry: false });
    expect(Object.keys(client).sort()).toEqual([
      'followUp',
      'followUpStream',
      'health',
      'report',
      'reportStream',
      'topics',
    ]);
    server.reply((request) => {
      const query = request.body.query ?? '';
      if (query.includes('followUp')) return { body: { data: { followUp: { ...turn, message: 'Raptors!' } } } };
      if (query.includes('topics')) return { body: { data: { topics: [{ topic: 'GENERAL', name: 'General' }] } } };
      return { body: { data: { health: { status: 'ok', provider: 'offline', model: 'm', version: '1' } } } };
    });
    await expect(client.followUp({ sessionId: 'sess-1', message: 'Their record?' })).resolves.toMatchObject({
      message: 'Raptors!',
    });
    await expect(client.topics()).resolves.toEqual([{ topic: 'GENERAL', name: 'General' }]);
    await expect(client.health()).resolves.toMatchObject({ status: 'ok' });
    expect(server.requests.map((r) => 'variables' in r.body)).toEqual([true, false, false]);
    expect(server.requests[2]?.body.query).toMatch(/^\s*query Health/);
  });

  test('headers: static, async function and per call; content-type is not overridable', async () => {
    server.reply({ body: { data: { health: { status: 'ok', provider: 'p', model: 'm', version: 'v' } } } });
    const staticClient = createNbaReporterClient({
      url: server.url,
      opentelemetry: false,
      headers: { authorization: 'Bearer a', 'x-team': 'raptors', 'content-type': 'text/plain' },
    });
    await staticClient.health({ headers: [['x-team', 'celtics']] });
    let n = 0;
    const dynamicClient = createNbaReporterClient({
      url: server.url,
      opentelemetry: false,
      headers: async () => ({ authorization: `Bearer ${++n}` }),
    });
    await dynamicClient.health();
    await dynamicClient.health();
    const [a, b, c] = server.requests;
    expect(a?.headers).toMatchObject({
      authorization: 'Bearer a',
      'x-team': 'celtics',
      'content-type': 'application/json',
    });
    expect([b?.headers.authorization, c?.headers.authorization]).toEqual(['Bearer 1', 'Bearer 2']);
  });

  test('a custom fetch is used instead of the global one', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () =>
      Response.json({ data: { topics: [] } }, { headers: { 'content-type': 'application/json' } }),
    );
    const client = createNbaReporterClient({ url: 'http://example.invalid/graphql', fetch, opentelemetry: false });
    await expect(client.topics()).resolves.toEqual([]);
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch.mock.calls[0]?.[0]).toBe('http://example.invalid/graphql');
  });
});

describe('errors: one typed class', () => {
  const client = createNbaReporterClient({ url: server.url, opentelemetry: false });

  test('a GraphQL error carries the server code, extensions, status and extensions.traceId', async () => {
    server.reply({
      body: {
        errors: [
          {
            message: 'Off topic: weather',
            path: ['report'],
            extensions: { code: 'GUARDRAIL_TRIPPED', reason: 'weather', traceId: TRACE_ID },
          },
        ],
        data: null,
      },
    });
    const error = await rejection(client.report({ topic: 'GENERAL', message: 'Weather?' }));
    expect(error).toBeInstanceOf(NbaReporterError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('NbaReporterError');
    expect(error).toMatchObject({
      code: 'GUARDRAIL_TRIPPED',
      status: 200,
      traceId: TRACE_ID,
      reason: 'weather',
      operation: 'report',
      message: 'report: Off topic: weather',
    });
    expect(error.errors).toHaveLength(1);
    expect(error.toJSON()).toMatchObject({ code: 'GUARDRAIL_TRIPPED', traceId: TRACE_ID });
    expect(isNbaReporterError(error, 'GUARDRAIL_TRIPPED')).toBe(true);
    expect(isNbaReporterError(error, 'SESSION_NOT_FOUND', 'BAD_USER_INPUT')).toBe(false);
  });

  test('HTTP 400 BAD_USER_INPUT keeps the status; the traceresponse header is the trace id fallback', async () => {
    server.reply({
      status: 400,
      headers: { traceresponse: `00-${TRACE_ID}-b7ad6b7169203331-01` },
      body: { errors: [{ message: 'Variable "$input" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    const error = await rejection(client.report({ topic: 'GENERAL' }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', status: 400, traceId: TRACE_ID });
  });

  test('MODEL_RATE_LIMITED exposes retryAfterMs', async () => {
    server.reply({
      body: { errors: [{ message: 'slow down', extensions: { code: 'MODEL_RATE_LIMITED', retryAfterMs: 1500 } }] },
    });
    const error = await rejection(client.report({ topic: 'GENERAL' }));
    expect(error).toMatchObject({ code: 'MODEL_RATE_LIMITED', retryAfterMs: 1500, traceId: undefined });
  });

  test('every schema ErrorCode is passed through as is', async () => {
    for (const code of Object.values(ErrorCode)) {
      server.reply({ body: { errors: [{ message: code, extensions: { code } }] } });
      const error = await rejection(client.health());
      expect(error.code).toBe(code);
    }
  });

  test('a code the schema does not know becomes UNKNOWN_ERROR (raw code kept in extensions)', async () => {
    server.reply({ body: { errors: [{ message: 'nope', extensions: { code: 'SOME_FUTURE_CODE' } }] } });
    const error = await rejection(client.health());
    expect(error).toMatchObject({ code: 'UNKNOWN_ERROR', extensions: { code: 'SOME_FUTURE_CODE' } });
  });

  test('non-GraphQL error page -> HTTP_ERROR with status', async () => {
    server.reply({
      status: 502,
      body: '<html>Bad gateway</html>',
      headers: { traceresponse: `00-${TRACE_ID}-b7ad6b7169203331-01` },
    });
    const error = await rejection(client.health());
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 502, traceId: TRACE_ID });
    expect(error.message).toContain('502');
  });

  test.each<[string, unknown, NbaReporterErrorCode]>([
    ['HTML with 200', '<html>hello</html>', 'INVALID_RESPONSE'],
    ['JSON that is not GraphQL', { hello: 'world' }, 'INVALID_RESPONSE'],
    ['data without the field', { data: { other: 1 } }, 'INVALID_RESPONSE'],
    ['data null without errors', { data: null }, 'INVALID_RESPONSE'],
  ])('%s -> %s', async (_name, body, code) => {
    server.reply({ body });
    const error = await rejection(client.topics());
    expect(error).toMatchObject({ code, status: 200 });
  });

  test('connection refused -> NETWORK_ERROR with the cause', async () => {
    const dead = await startLoopback();
    await dead.close();
    const error = await rejection(createNbaReporterClient({ url: dead.url, opentelemetry: false }).health());
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
  });

  test('no fetch anywhere -> NETWORK_ERROR explaining the fetch option', async () => {
    vi.stubGlobal('fetch', undefined);
    try {
      const error = await rejection(createNbaReporterClient({ url: server.url, opentelemetry: false }).health());
      expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
      expect(error.message).toContain('fetch');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('aborts: per-call signal, client signal and timeoutMs -> ABORTED', async () => {
    server.reply({ delayMs: 2_000, body: { data: { topics: [] } } });
    const perCall = new AbortController();
    const p1 = rejection(client.topics({ signal: perCall.signal }));
    perCall.abort(new Error('user navigated away'));
    expect(await p1).toMatchObject({ code: 'ABORTED' });

    const shutdown = new AbortController();
    const sent = server.requests.length;
    const p2 = rejection(
      createNbaReporterClient({ url: server.url, signal: shutdown.signal, opentelemetry: false }).topics(),
    );
    // Abort while the request is in flight: the server has it and holds its answer for 2 s.
    await vi.waitFor(() => expect(server.requests.length).toBe(sent + 1), { timeout: 5_000, interval: 5 });
    shutdown.abort();
    expect(await p2).toMatchObject({ code: 'ABORTED' });

    const timed = createNbaReporterClient({ url: server.url, timeoutMs: 50, opentelemetry: false });
    const error = await rejection(timed.topics());
    expect(error.code).toBe('ABORTED');
    expect(error.message).toContain('TimeoutError');
  });

  test('the guard accepts errors from another copy of the SDK (symbol brand) and rejects look-alikes', () => {
    const foreign = Object.assign(new Error('x'), { code: 'SESSION_NOT_FOUND' });
    Object.defineProperty(foreign, Symbol.for('@nba-reporter/sdk/NbaReporterError'), { value: true });
    expect(isNbaReporterError(foreign, 'SESSION_NOT_FOUND')).toBe(true);
    expect(isNbaReporterError(Object.assign(new Error('x'), { code: 'SESSION_NOT_FOUND' }))).toBe(false);
    expect(isNbaReporterError(null)).toBe(false);
    expect(isNbaReporterError('SESSION_NOT_FOUND')).toBe(false);
  });
});

describe('explicit traceparent', () => {
  test('per client, per call (wins), with tracestate; no OpenTelemetry needed', async () => {
    server.reply({ body: { data: { topics: [] } } });
    const client = createNbaReporterClient({ url: server.url, traceparent: PARENT, tracestate: 'team=raptors' });
    await client.topics();
    const other = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;
    await client.topics({ traceparent: other });
    const [a, b] = server.requests;
    expect(a?.headers).toMatchObject({ traceparent: PARENT, tracestate: 'team=raptors' });
    expect(b?.headers.traceparent).toBe(other);
    expect(b?.headers.tracestate).toBeUndefined();
  });

  test('a function per client is called per request', async () => {
    server.reply({ body: { data: { topics: [] } } });
    const parents = [PARENT, undefined];
    const client = createNbaReporterClient({
      url: server.url,
      traceparent: () => parents.shift(),
      opentelemetry: false,
    });
    await client.topics();
    await client.topics();
    expect(server.requests.map((r) => r.headers.traceparent)).toEqual([PARENT, undefined]);
  });

  test('errors without a server trace id fall back to the trace id that was sent', async () => {
    const dead = await startLoopback();
    await dead.close();
    const error = await rejection(createNbaReporterClient({ url: dead.url, traceparent: PARENT }).health());
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', traceId: TRACE_ID });
  });
});
