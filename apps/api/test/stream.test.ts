/**
 * Issue 15: streamed turns over GraphQL over SSE at /graphql/stream, against the BUILT API (offline model), with
 * telemetry exported over OTLP to a receiver in the test.
 */

import {
  type FlatSpan,
  type OtlpReceiver,
  otlpTestEnv,
  type SpawnedApi,
  spawnApi,
  startOtlpReceiver,
} from '@nba-reporter/testing';
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FOLLOW_UP, gql, OFF_TOPIC, RAPTORS } from './helpers.js';
import { eventsOf, FOLLOW_UP_STREAM, REPORT_STREAM, subscribeSse, subscriptionRequest, textOf } from './sse.js';

const SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;

let receiver: OtlpReceiver;
let api: SpawnedApi;
let streamUrl: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  api = await spawnApi({ env: { ...otlpTestEnv(receiver.url), OTEL_SERVICE_NAME: 'nba-reporter-stream-test' } });
  streamUrl = `${api.url}/graphql/stream`;
}, 40_000);

afterAll(async () => {
  await api?.stop();
  await receiver?.close();
});

/** Spans of one trace once the subscription's resolver span and the agent's spans have all arrived. */
async function traceSpans(traceId: string, ready: (spans: FlatSpan[]) => boolean): Promise<FlatSpan[]> {
  return receiver.waitFor(() => {
    const spans = receiver.spans().filter((s) => s.traceId === traceId);
    return ready(spans) && spans;
  }, 15_000);
}

describe('subscriptions over SSE (offline model)', () => {
  test('reportStream: tool call events, text deltas that add up to the message, one TurnCompleted last', async () => {
    const res = await subscribeSse(streamUrl, REPORT_STREAM, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.completed).toBe(true);
    const events = eventsOf(res);
    const completed = events.filter((e) => e.__typename === 'TurnCompleted');
    expect(completed).toHaveLength(1);
    expect(events.at(-1).__typename).toBe('TurnCompleted');
    const turn = completed[0].turn;
    expect(events.filter((e) => e.__typename === 'TextDelta').length).toBeGreaterThan(5);
    expect(textOf(events)).toBe(turn.message);
    expect(turn.message).toContain('.561');
    expect(turn.usage.requests).toBe(2);
    expect(turn.traceId).toMatch(/^[0-9a-f]{32}$/);
    const tools = events.filter((e) => e.__typename === 'ToolCallEvent');
    expect(tools.map((t) => [t.name, t.status])).toEqual([
      ['calculate_win_percentage', 'STARTED'],
      ['calculate_win_percentage', 'COMPLETED'],
    ]);
    expect(tools[0].callId).toBe(tools[1].callId);

    // The session was stored: the mutation continues it, and so does followUpStream.
    const next = await gql(api.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: turn.sessionId, message: 'How does their record compare with the rest of the league?' },
    });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.followUp.message).toMatch(/Raptors/);
    const streamed = await subscribeSse(streamUrl, FOLLOW_UP_STREAM, {
      input: { sessionId: turn.sessionId, message: 'And the Celtics?' },
    });
    const followEvents = eventsOf(streamed);
    const followTurn = followEvents.at(-1).turn;
    expect(followTurn.sessionId).toBe(turn.sessionId);
    expect(textOf(followEvents)).toBe(followTurn.message);
  });

  test("graphql-sse's own client (distinct connections mode) reads the same stream", async () => {
    const client = createClient({ url: streamUrl, singleConnection: false, retryAttempts: 0 });
    try {
      const events: any[] = [];
      for await (const result of client.iterate<{ reportStream: any }>({
        query: REPORT_STREAM,
        variables: { input: { topic: 'EASTERN', message: RAPTORS } },
      })) {
        expect(result.errors).toBeUndefined();
        events.push(result.data!.reportStream);
      }
      const turn = events.at(-1).turn;
      expect(events.filter((e) => e.__typename === 'ToolCallEvent')).toHaveLength(2);
      expect(textOf(events)).toBe(turn.message);
      expect(turn.message).toContain('.561');
    } finally {
      client.dispose();
    }
  });

  test('the resolver span of the subscription parents the agent spans, as for mutations', async () => {
    const res = await subscribeSse(streamUrl, REPORT_STREAM, { input: { topic: 'GENERAL', message: RAPTORS } });
    const turn = eventsOf(res).at(-1).turn;
    const spans = await traceSpans(
      turn.traceId,
      (s) =>
        s.filter((x) => x.attributes['gen_ai.operation.name'] === 'chat').length === 2 &&
        s.some((x) => x.kind === SPAN_KIND.SERVER),
    );
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (s: FlatSpan) => byId.get(s.parentSpanId);
    const server = spans.find((s) => s.kind === SPAN_KIND.SERVER)!;
    expect(server.attributes['http.route']).toBe('/graphql/stream');
    expect(server.name).toBe('POST /graphql/stream');
    const operation = spans.find((s) => s.name === 'subscription ReportStream')!;
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'subscription',
      'graphql.operation.name': 'ReportStream',
    });
    expect(parentOf(operation)?.spanId).toBe(server.spanId);
    const resolver = spans.find((s) => s.name === 'graphql.resolve reportStream')!;
    expect(resolver.attributes).toMatchObject({
      'graphql.field.name': 'reportStream',
      'graphql.field.type': 'TurnEvent!',
    });
    expect(parentOf(resolver)?.spanId).toBe(operation.spanId);
    const agent = spans.find((s) => s.name.startsWith('invoke_agent'))!;
    expect(parentOf(agent)?.spanId).toBe(resolver.spanId);
    const chats = spans.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat');
    const tool = spans.find((s) => s.name === 'execute_tool calculate_win_percentage')!;
    for (const child of [...chats, tool]) expect(parentOf(child)?.spanId).toBe(agent.spanId);
    for (const chat of chats) {
      expect(chat.attributes['gen_ai.request.stream']).toBe(true);
      expect(chat.attributes['gen_ai.response.time_to_first_chunk']).toEqual(expect.any(Number));
    }
    // No execute span per streamed event: one `execute` per delta would be noise.
    expect(spans.filter((s) => s.name.startsWith('graphql.resolve')).map((s) => s.name)).toEqual([
      'graphql.resolve reportStream',
    ]);
  });

  test('concurrent streams get disjoint traces and each its own agent tree', async () => {
    const results = await Promise.all(
      ['GENERAL', 'EASTERN', 'WESTERN', 'FINALS'].map((topic) =>
        subscribeSse(streamUrl, REPORT_STREAM, { input: { topic, message: RAPTORS } }),
      ),
    );
    const turns = results.map((r) => {
      const events = eventsOf(r);
      const turn = events.at(-1).turn;
      expect(textOf(events)).toBe(turn.message);
      return turn;
    });
    expect(new Set(turns.map((t) => t.traceId)).size).toBe(4);
    for (const turn of turns) {
      const spans = await traceSpans(
        turn.traceId,
        (s) =>
          s.filter((x) => x.attributes['gen_ai.operation.name'] === 'chat').length === 2 &&
          s.some((x) => x.name.startsWith('invoke_agent')),
      );
      const agents = spans.filter((s) => s.name.startsWith('invoke_agent'));
      expect(agents).toHaveLength(1);
      // The conversation id on spans is a prefix of the session id (telemetry readers cannot continue a conversation).
      const conversation = String(agents[0]!.attributes['gen_ai.conversation.id']);
      expect(conversation.length).toBeGreaterThanOrEqual(8);
      expect(turn.sessionId.startsWith(conversation)).toBe(true);
      const resolver = spans.find((s) => s.name === 'graphql.resolve reportStream')!;
      expect(agents[0]!.parentSpanId).toBe(resolver.spanId);
    }
  });

  test('errors end the stream with one GraphQL error carrying extensions.code', async () => {
    const guard = await subscribeSse(streamUrl, REPORT_STREAM, { input: { topic: 'GENERAL', message: OFF_TOPIC } });
    expect(guard.completed).toBe(true);
    expect(guard.results).toHaveLength(1);
    expect(guard.results[0]!.data).toBeNull();
    expect(guard.results[0]!.errors![0]!.extensions).toMatchObject({
      code: 'GUARDRAIL_TRIPPED',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });

    const missing = await subscribeSse(streamUrl, FOLLOW_UP_STREAM, {
      input: { sessionId: 'no-such-session', message: 'Hi there' },
    });
    expect(missing.results[0]!.errors![0]!.extensions).toMatchObject({
      code: 'SESSION_NOT_FOUND',
      sessionId: 'no-such-session',
    });

    const badInput = await subscribeSse(streamUrl, REPORT_STREAM, { input: { topic: 'MARS' } });
    expect(badInput.results[0]!.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');

    const tooLong = await subscribeSse(streamUrl, REPORT_STREAM, {
      input: { topic: 'GENERAL', message: 'x'.repeat(2001) },
    });
    expect(tooLong.results[0]!.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });

    const parse = await subscribeSse(streamUrl, 'subscription {');
    expect(parse.status).toBe(200);
    expect(parse.results[0]!.errors![0]!.extensions!['code']).toBe('GRAPHQL_PARSE_FAILED');

    const invalid = await subscribeSse(streamUrl, 'subscription { reportStream(input: { topic: GENERAL }) { nope } }');
    expect(invalid.results[0]!.errors![0]!.extensions!['code']).toBe('GRAPHQL_VALIDATION_FAILED');

    const mutation = await subscribeSse(streamUrl, 'query { health { status } }');
    expect(mutation.results[0]!.errors![0]).toMatchObject({
      message: expect.stringMatching(/Only subscriptions/),
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  test('refuses requests that are not GraphQL over SSE, with a code', async () => {
    const noAccept = await fetch(streamUrl, {
      ...subscriptionRequest(REPORT_STREAM, { input: { topic: 'GENERAL' } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(noAccept.status).toBe(406);
    expect(((await noAccept.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const get = await fetch(
      `${streamUrl}?query=${encodeURIComponent('subscription { reportStream(input: {topic: GENERAL}) { __typename } }')}`,
      { headers: { accept: 'text/event-stream' } },
    );
    expect(get.status).toBe(405);
    const text = await fetch(streamUrl, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
  });
});
