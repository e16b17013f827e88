/**
 * Issue 15: streamed turns over SSE with both network providers. The BUILT API streams from the scripted server
 * (Responses SSE / Chat Completions chunks, final usage included) through the real Agents SDK and `openai` client,
 * and exports telemetry to a receiver in the test.
 */
import {
  type Endpoint,
  type FlatSpan,
  type OtlpReceiver,
  otlpTestEnv,
  type ScriptedOpenAI,
  type SpawnedApi,
  spawnApi,
  startOtlpReceiver,
  startScriptedOpenAI,
} from '@nba-reporter/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FOLLOW_UP, gql, RAPTORS } from './helpers.js';
import { eventsOf, FOLLOW_UP_STREAM, REPORT_STREAM, subscribeSse, textOf } from './sse.js';

const TOOL_CALL = { name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 }, callId: 'call_raptors' };
const ANSWER = 'The Raptors went 46-36, which works out to a .561 winning percentage.';

let receiver: OtlpReceiver;
let scripted: ScriptedOpenAI;
const apis: Partial<Record<'openai' | 'openai-compatible', SpawnedApi>> = {};

beforeAll(async () => {
  [receiver, scripted] = await Promise.all([startOtlpReceiver(), startScriptedOpenAI()]);
  const common = {
    ...otlpTestEnv(receiver.url),
    OTEL_SERVICE_NAME: 'nba-reporter-stream-backends-test',
    OPENAI_BASE_URL: scripted.baseURL,
    OPENAI_API_KEY: 'test-key',
    NBA_REPORTER_MODEL_TIMEOUT_MS: '5000',
    NBA_REPORTER_MODEL_MAX_RETRIES: '0',
  };
  [apis.openai, apis['openai-compatible']] = await Promise.all([
    spawnApi({ env: { ...common, NBA_REPORTER_MODEL_PROVIDER: 'openai', NBA_REPORTER_MODEL: 'gpt-test' } }),
    spawnApi({
      env: { ...common, NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible', NBA_REPORTER_MODEL: 'local-model' },
    }),
  ]);
}, 40_000);

afterAll(async () => {
  await Promise.all([apis.openai?.stop(), apis['openai-compatible']?.stop()]);
  await Promise.all([scripted?.close(), receiver?.close()]);
});

beforeEach(() => scripted.reset());

async function traceSpans(traceId: string, ready: (spans: FlatSpan[]) => boolean): Promise<FlatSpan[]> {
  return receiver.waitFor(() => {
    const spans = receiver.spans().filter((s) => s.traceId === traceId);
    return ready(spans) && spans;
  }, 15_000);
}
const chatsOf = (spans: FlatSpan[]) => spans.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat');

describe.each([
  ['openai', 'responses'],
  ['openai-compatible', 'chat.completions'],
] as const)('%s provider, streamed over SSE', (provider, endpoint: Endpoint) => {
  const url = () => `${apis[provider]!.url}/graphql/stream`;

  test('a tool-calling answer streams in many deltas that add up to the message; usage from the final usage', async () => {
    scripted.enqueue(
      endpoint,
      {
        toolCalls: [TOOL_CALL],
        usage: { inputTokens: 210, outputTokens: 12, cachedInputTokens: 64, reasoningTokens: 5 },
      },
      {
        text: `${ANSWER} See [NBA.com](https://www.nba.com/standings) (nba.com).`,
        chunkSize: 4,
        usage: { inputTokens: 240, outputTokens: 22, cachedInputTokens: 192 },
      },
    );
    const res = await subscribeSse(url(), REPORT_STREAM, { input: { topic: 'GENERAL', message: RAPTORS } });
    const events = eventsOf(res);
    const turn = events.at(-1).turn;
    expect(turn.message).toBe(`${ANSWER} See NBA.com.`);
    expect(textOf(events)).toBe(turn.message);
    expect(events.filter((e) => e.__typename === 'TextDelta').length).toBeGreaterThan(10);
    expect(events.filter((e) => e.__typename === 'ToolCallEvent').map((e) => [e.callId, e.status])).toEqual([
      ['call_raptors', 'STARTED'],
      ['call_raptors', 'COMPLETED'],
    ]);
    expect(turn.usage).toEqual({
      requests: 2,
      inputTokens: 450,
      outputTokens: 34,
      totalTokens: 484,
      cachedInputTokens: 256,
      reasoningTokens: 5,
    });
    const calls = scripted.requestsTo(endpoint);
    expect(calls.map((c) => c.body.stream)).toEqual([true, true]);
    if (endpoint === 'chat.completions')
      expect(calls.map((c) => c.body.stream_options)).toEqual([{ include_usage: true }, { include_usage: true }]);

    // The chat spans carry the usage of the stream's final event.
    const spans = await traceSpans(
      turn.traceId,
      (s) =>
        chatsOf(s).length === 2 && chatsOf(s).every((c) => c.attributes['gen_ai.usage.input_tokens'] !== undefined),
    );
    const usage = chatsOf(spans)
      .map((c) => [c.attributes['gen_ai.usage.input_tokens'], c.attributes['gen_ai.usage.output_tokens']])
      .sort();
    expect(usage).toEqual([
      [210, 12],
      [240, 22],
    ]);
    // Streaming on the chat spans (v1.41): gen_ai.request.stream and the time to the first chunk.
    for (const chat of chatsOf(spans)) {
      expect(chat.attributes['gen_ai.request.stream']).toBe(true);
      const ttfc = chat.attributes['gen_ai.response.time_to_first_chunk'] as number;
      expect(ttfc).toBeGreaterThan(0);
      expect(ttfc * 1e9).toBeLessThanOrEqual(
        Number(BigInt(chat.endTimeUnixNano) - BigInt(chat.startTimeUnixNano)) + 5e6,
      );
    }
    const model = provider === 'openai' ? 'gpt-test' : 'local-model';
    const point = await receiver.waitFor(
      () =>
        receiver
          .metricPoints()
          .find(
            (p) =>
              p.name === 'gen_ai.client.operation.time_to_first_chunk' &&
              p.attributes['gen_ai.request.model'] === model &&
              (p.count ?? 0) >= 2,
          ),
      15_000,
    );
    expect(point).toMatchObject({ unit: 's', type: 'histogram' });
    expect(point.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'server.address': '127.0.0.1',
    });
    expect(point.attributes['error.type']).toBeUndefined();
  });

  test('a model stream that breaks mid-answer ends the SSE stream with MODEL_UNAVAILABLE after the text so far', async () => {
    const conversations = scripted.conversationIds().length;
    scripted.enqueue(endpoint, {
      text: 'The Oklahoma City Thunder won the 2025 title in seven games.',
      chunkSize: 6,
      breakAfterChunks: 3,
    });
    const res = await subscribeSse(url(), REPORT_STREAM, { input: { topic: 'FINALS' } });
    expect(res.completed).toBe(true);
    const last = res.results.at(-1)!;
    expect(last.data).toBeNull();
    expect(last.errors![0]!.extensions).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const deltas = res.results.slice(0, -1).map((r) => r.data!['reportStream']);
    expect(deltas.every((d) => d.__typename === 'TextDelta')).toBe(true);
    expect(textOf(deltas)).toBe('The Oklahoma City');
    expect(scripted.conversationIds().length).toBe(conversations); // openai: the new conversation was deleted
  });

  test('a client that leaves stops the model call (the scripted server sees the abort); nothing is stored', async () => {
    scripted.enqueue(endpoint, { text: 'The Thunder won the 2025 title.' });
    const first = eventsOf(await subscribeSse(url(), REPORT_STREAM, { input: { topic: 'FINALS' } })).at(-1).turn;

    scripted.enqueue(endpoint, {
      text: 'A long answer, written slowly, that nobody will ever read to the end.',
      chunkSize: 4,
      chunkDelayMs: 100,
    });
    const left = await subscribeSse(
      url(),
      FOLLOW_UP_STREAM,
      { input: { sessionId: first.sessionId, message: 'Who was the Finals MVP then?' } },
      {
        onResult: (r) => r.data?.['followUpStream']?.__typename === 'TextDelta',
      },
    );
    expect(left.completed).toBe(false);
    const slow = scripted.requestsTo(endpoint).at(-1)!;
    await expect.poll(() => slow.outcome, { timeout: 10_000 }).toBe('aborted');
    await expect
      .poll(() => apis[provider]!.output().includes('"msg":"turn cancelled by the client"'), { timeout: 10_000 })
      .toBe(true);

    // The session is usable, and the abandoned question is not in its history.
    scripted.enqueue(endpoint, { text: 'Shai Gilgeous-Alexander was Finals MVP.' });
    const next = await gql(apis[provider]!.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: first.sessionId, message: 'And the Finals MVP?' },
    });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.followUp.message).toBe('Shai Gilgeous-Alexander was Finals MVP.');
    const sent = JSON.stringify(scripted.requestsTo(endpoint).at(-1)!.body);
    expect(sent).not.toContain('Who was the Finals MVP then?');
    expect(sent).toContain('The Thunder won the 2025 title.');
  });
});
