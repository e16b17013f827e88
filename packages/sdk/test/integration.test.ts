// Integration: the real, built API (spawned as `npm start` runs it, offline model) driven through the SDK.
// The API exports its traces to an in-test OTLP receiver; this process runs a real OTel SDK, so a
// client span started here must become the parent of the API's SERVER span.

import {
  type AgentTurn,
  createNbaReporterClient,
  isNbaReporterError,
  type NbaReporterClient,
  type NbaReporterError,
} from '@nba-reporter/sdk';
import { type OtlpReceiver, otlpTestEnv, type SpawnedApi, spawnApi, startOtlpReceiver } from '@nba-reporter/testing';
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestTracing, type TestTracing } from './support/otel.js';

const RAPTORS = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
const WEATHER = "What's the weather in Barcelona today?";
const TRACE_ID = /^[\da-f]{32}$/;

let receiver: OtlpReceiver;
let api: SpawnedApi;
let tracing: TestTracing;
let client: NbaReporterClient;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  api = await spawnApi({
    env: otlpTestEnv(receiver.url),
  });
  tracing = startTestTracing();
  client = createNbaReporterClient({ url: api.graphqlUrl, timeoutMs: 30_000 });
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await receiver?.close();
  await tracing?.shutdown();
});

async function rejection(promise: Promise<unknown>): Promise<NbaReporterError> {
  try {
    await promise;
  } catch (error) {
    if (isNbaReporterError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to reject');
}

describe('SDK against the real API', () => {
  let first: AgentTurn;

  test('health and topics', async () => {
    const health = await client.health();
    expect(health).toMatchObject({ status: expect.any(String), provider: 'offline' });
    const topics = await client.topics();
    expect(topics.map((t) => t.topic).sort()).toEqual(['EASTERN', 'FINALS', 'GENERAL', 'WESTERN']);
    for (const t of topics) expect(t.name).toEqual(expect.any(String));
  });

  test('report resolves a typed AgentTurn', async () => {
    first = await client.report({ topic: 'GENERAL', message: RAPTORS });
    expect(first.sessionId).toEqual(expect.any(String));
    expect(first.topic).toBe('GENERAL');
    expect(first.message).toContain('.561');
    expect(first.model).toEqual(expect.any(String));
    expect(first.usage.totalTokens).toBeGreaterThanOrEqual(0);
    expect(first.traceId).toMatch(TRACE_ID);
  });

  test('followUp continues the session', async () => {
    const next = await client.followUp({ sessionId: first.sessionId, message: 'How does their record compare?' });
    expect(next.sessionId).toBe(first.sessionId);
    expect(next.topic).toBe('GENERAL');
    expect(next.message).toMatch(/Raptors/);
  });

  test('a guardrail trip rejects with GUARDRAIL_TRIPPED, its reason and the trace id', async () => {
    const error = await rejection(client.report({ topic: 'GENERAL', message: WEATHER }));
    expect(error.code).toBe('GUARDRAIL_TRIPPED');
    expect(error.status).toBe(200);
    expect(error.reason).toEqual(expect.any(String));
    expect(error.traceId).toMatch(TRACE_ID);
    expect(error.operation).toBe('report');
  });

  test('an unknown session rejects with SESSION_NOT_FOUND', async () => {
    const error = await rejection(client.followUp({ sessionId: 'no-such-session', message: 'Still there?' }));
    expect(isNbaReporterError(error, 'SESSION_NOT_FOUND')).toBe(true);
    expect(error.traceId).toMatch(TRACE_ID);
  });

  test('a wrong enum value that slips past the types is BAD_USER_INPUT with HTTP 400', async () => {
    // @ts-expect-error deliberately wrong at runtime: 'NBA' is not a Topic
    const error = await rejection(client.report({ topic: 'NBA', message: 'hi' }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
  });
});

describe('trace continuity', () => {
  test("a client span in this process is the parent of the API's SERVER span", async () => {
    const { turn, span } = await tracing.tracer.startActiveSpan(
      'nba-reporter.sdk report',
      { kind: SpanKind.CLIENT },
      async (clientSpan) => {
        try {
          return { turn: await client.report({ topic: 'GENERAL', message: RAPTORS }), span: clientSpan.spanContext() };
        } finally {
          clientSpan.end();
        }
      },
    );
    expect(turn.traceId).toBe(span.traceId);
    const server = await receiver.waitFor(
      () => receiver.spans().find((s) => s.kind === 2 && s.traceId === span.traceId),
      15_000,
    );
    expect(server.parentSpanId).toBe(span.spanId);
    const exported = tracing.exporter.getFinishedSpans().find((s) => s.spanContext().spanId === span.spanId);
    expect(exported?.name).toBe('nba-reporter.sdk report');
  });

  test('errors carry the caller trace id too', async () => {
    const { error, traceId } = await tracing.tracer.startActiveSpan('guardrail', async (clientSpan) => {
      const result = {
        error: await rejection(client.report({ topic: 'GENERAL', message: WEATHER })),
        traceId: clientSpan.spanContext().traceId,
      };
      clientSpan.end();
      return result;
    });
    expect(error.code).toBe('GUARDRAIL_TRIPPED');
    expect(error.traceId).toBe(traceId);
  });

  test('an explicit traceparent (no OTel span) is honoured by the API', async () => {
    const traceId = 'abcdef0123456789abcdef0123456789';
    const parentSpanId = '0123456789abcdef';
    const turn = await client.health({ traceparent: `00-${traceId}-${parentSpanId}-01` });
    expect(turn.status).toEqual(expect.any(String));
    const server = await receiver.waitFor(
      () => receiver.spans().find((s) => s.kind === 2 && s.traceId === traceId),
      15_000,
    );
    expect(server.parentSpanId).toBe(parentSpanId);
  });
});

describe('streaming methods against the real API (GraphQL over SSE at /graphql/stream)', () => {
  async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const event of stream) out.push(event);
    return out;
  }

  test('reportStream yields tool calls and deltas, then one TurnCompleted; followUpStream continues the session', async () => {
    const events = await collect(client.reportStream({ topic: 'GENERAL', message: RAPTORS }));
    const last = events.at(-1)!;
    if (last.__typename !== 'TurnCompleted') throw new Error(`last event is ${last.__typename}`);
    expect(events.filter((e) => e.__typename === 'TurnCompleted')).toHaveLength(1);
    const text = events.map((e) => (e.__typename === 'TextDelta' ? e.delta : '')).join('');
    expect(events.filter((e) => e.__typename === 'TextDelta').length).toBeGreaterThan(5);
    expect(text).toBe(last.turn.message);
    expect(last.turn.message).toContain('.561');
    expect(last.turn.traceId).toMatch(TRACE_ID);
    expect(
      events.filter((e) => e.__typename === 'ToolCallEvent').map((e) => e.__typename === 'ToolCallEvent' && e.status),
    ).toEqual(['STARTED', 'COMPLETED']);

    const next = await collect(
      client.followUpStream({
        sessionId: last.turn.sessionId,
        message: 'How does their record compare with the rest of the league?',
      }),
    );
    const done = next.at(-1)!;
    expect(done.__typename === 'TurnCompleted' && done.turn.sessionId).toBe(last.turn.sessionId);
  });

  test('errors are thrown from the iterator as NbaReporterError with the server code and trace id', async () => {
    let caught: unknown;
    try {
      await collect(client.reportStream({ topic: 'GENERAL', message: WEATHER }));
    } catch (error) {
      caught = error;
    }
    expect(isNbaReporterError(caught, 'GUARDRAIL_TRIPPED')).toBe(true);
    const error = caught as NbaReporterError;
    expect(error.reason).toMatch(/off-topic/);
    expect(error.traceId).toMatch(TRACE_ID);
    expect(error.operation).toBe('reportStream');

    await expect(
      collect(client.followUpStream({ sessionId: 'no-such-session', message: 'Hi there' })),
    ).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });

  test('breaking out of the loop closes the request; an aborted signal ends it with ABORTED', async () => {
    const signals: AbortSignal[] = [];
    const recording = createNbaReporterClient({
      url: api.graphqlUrl,
      fetch: (input, init) => {
        if (init?.signal) signals.push(init.signal);
        return fetch(input, init);
      },
    });
    let seen = 0;
    for await (const event of recording.reportStream({ topic: 'GENERAL', message: RAPTORS })) {
      seen++;
      if (event.__typename === 'ToolCallEvent') break;
    }
    expect(seen).toBe(1);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);

    const controller = new AbortController();
    let error: unknown;
    try {
      for await (const _event of client.reportStream(
        { topic: 'GENERAL', message: RAPTORS },
        { signal: controller.signal },
      )) {
        controller.abort(new Error('user pressed stop'));
      }
    } catch (e) {
      error = e;
    }
    expect(isNbaReporterError(error, 'ABORTED')).toBe(true);
    expect((error as Error).message).toMatch(/user pressed stop/);
  });
});
