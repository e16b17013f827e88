import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerStore, createFetcher, operationNameFor, operationNamesOf, toLastAnswer } from '../src/client/answers.js';

const REPORT = 'mutation R($m: String) { report(input: { topic: EASTERN, message: $m }) { sessionId traceId } }';

describe('toLastAnswer', () => {
  it('reads sessionId and traceId of a report or a follow-up', () => {
    expect(toLastAnswer(REPORT, 'R', { data: { report: { sessionId: 's1', traceId: 't1' } } })).toEqual({
      operationName: 'R',
      field: 'report',
      sessionId: 's1',
      traceId: 't1',
      errorCode: null,
      errorMessage: null,
    });
    expect(
      toLastAnswer('mutation { f: followUp(input: {sessionId: "s1", message: "m"}) { sessionId } }', undefined, {
        data: { f: { sessionId: 's1' } },
      }),
    ).toMatchObject({
      field: 'f',
      sessionId: 's1',
      traceId: null,
    });
  });

  it("reads a failed turn's error code and the trace id the API puts on its errors", () => {
    const body = {
      data: null,
      errors: [{ message: 'off-topic', extensions: { code: 'GUARDRAIL_TRIPPED', traceId: 't2' } }],
    };
    expect(toLastAnswer(REPORT, 'OffTopic', body)).toEqual({
      operationName: 'OffTopic',
      field: 'report',
      sessionId: null,
      traceId: 't2',
      errorCode: 'GUARDRAIL_TRIPPED',
      errorMessage: 'off-topic',
    });
  });

  it('ignores introspection and other queries', () => {
    expect(
      toLastAnswer('query IntrospectionQuery { __schema { queryType { name } } }', 'IntrospectionQuery', {
        data: { __schema: {} },
      }),
    ).toBeNull();
    expect(toLastAnswer('{ health { status } }', undefined, { data: { health: { status: 'ok' } } })).toBeNull();
    expect(toLastAnswer(REPORT, 'R', 'not json')).toBeNull();
  });
});

describe('createFetcher', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('POSTs JSON (content-type application/json, whatever the user set) and records the answer', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(JSON.stringify({ data: { report: { sessionId: 's1', traceId: 't1' } } }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const answers = new AnswerStore();
    const seen: unknown[] = [];
    answers.subscribe(() => seen.push(answers.getSnapshot()));
    const fetcher = createFetcher('/graphql', answers);

    const result = await fetcher(
      { query: REPORT, operationName: 'R', variables: { m: 'hi' } },
      { headers: { 'Content-Type': 'text/plain', 'x-user': 'a' } },
    );

    expect(result).toEqual({ data: { report: { sessionId: 's1', traceId: 't1' } } });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-user')).toBe('a');
    expect(JSON.parse(String(init?.body))).toEqual({ query: REPORT, operationName: 'R', variables: { m: 'hi' } });
    expect(answers.getSnapshot()).toMatchObject({ sessionId: 's1', traceId: 't1' });
    expect(seen).toHaveLength(1);
  });

  it('returns GraphQL errors of a 4xx as a result, and fails clearly on a non-JSON answer', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] }), {
          status: 400,
        }),
    );
    const fetcher = createFetcher('/graphql', new AnswerStore());
    await expect(fetcher({ query: REPORT })).resolves.toMatchObject({ errors: [{ message: 'bad' }] });
    vi.stubGlobal(
      'fetch',
      async () => new Response('<html>proxy error</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(fetcher({ query: REPORT })).rejects.toThrow(/HTTP 502 Bad Gateway: <html>proxy error/);
  });
});

describe('operationNameFor', () => {
  it("corrects a stale name to the document's only operation", () => {
    const offTopic =
      '# not mutation Fake\nmutation OffTopic($m: String) { report(input: { topic: GENERAL, message: "query X" }) { traceId } }';
    expect(operationNamesOf(offTopic)).toEqual(['OffTopic']);
    expect(operationNameFor(offTopic, 'FollowUp')).toBe('OffTopic');
    expect(operationNameFor(offTopic, undefined)).toBe('OffTopic');
    expect(operationNameFor('{ health { status } }', null)).toBeUndefined();
  });

  it('keeps the chosen operation of a document with several', () => {
    const two = 'query A { health { status } } query B { topics { name } }';
    expect(operationNameFor(two, 'B')).toBe('B');
    expect(operationNameFor(two, 'Stale')).toBe('Stale');
  });
});
