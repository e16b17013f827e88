/**
 * Streamed chats: a model that marks its span data (`stream`, `time_to_first_chunk`) gets `gen_ai.request.stream`,
 * `gen_ai.response.time_to_first_chunk` and a `gen_ai.client.operation.time_to_first_chunk` point; other chats none.
 */
import { getCurrentSpan } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import * as sc from '../src/semconv.js';
import {
  byName,
  createHarness,
  flush,
  histogramPoints,
  MODEL,
  makeAgent,
  metric,
  RESPONSE_MODEL,
  runner,
  underResolver,
} from './helpers.js';

async function run(streamed: boolean, failOn?: { call: number; error: Error }) {
  const h = createHarness();
  const { agent } = makeAgent({
    ...(failOn ? { failOn } : {}),
    onCall: (call) => {
      // What a streamed model does (see @nba-reporter/agent stream-timing.ts): mark its own span.
      if (streamed) Object.assign(getCurrentSpan()!.spanData, { stream: true, time_to_first_chunk: 0.05 * call });
    },
  });
  await underResolver(h.tracer, 'resolver', async () => {
    if (!streamed) return runner().run(agent, 'Where is order 42?');
    const result = await runner().run(agent, 'Where is order 42?', { stream: true });
    for await (const _ of result);
    return result.completed;
  }).catch(() => undefined);
  await flush(h);
  return { spans: h.spans(), metrics: await h.metrics() };
}

describe('streamed chats', () => {
  it('carry gen_ai.request.stream and the time to first chunk; the histogram gets one point per chat', async () => {
    const { spans, metrics } = await run(true);
    const chats = byName(spans, `chat ${MODEL}`);
    expect(chats).toHaveLength(2);
    expect(
      chats
        .map((c) => [
          c.attributes[sc.ATTR_GEN_AI_REQUEST_STREAM],
          c.attributes[sc.ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK],
        ])
        .sort(),
    ).toEqual([
      [true, 0.05],
      [true, 0.1],
    ]);
    const ttfc = metric(metrics, sc.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK);
    expect(ttfc?.descriptor.unit).toBe('s');
    const points = histogramPoints(ttfc);
    expect(points).toHaveLength(1);
    expect(points[0]!.value).toMatchObject({ count: 2, sum: expect.closeTo(0.15, 6) });
    expect(points[0]!.value.buckets.boundaries).toEqual([...sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION_BUCKETS]);
    expect(points[0]!.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.response.model': RESPONSE_MODEL,
    });
  });

  it('a failed streamed chat keeps its stream attributes; the metric point has no error.type', async () => {
    const { spans, metrics } = await run(true, { call: 2, error: Object.assign(new Error('boom'), { status: 500 }) });
    const chats = byName(spans, `chat ${MODEL}`);
    expect(chats.every((c) => c.attributes[sc.ATTR_GEN_AI_REQUEST_STREAM] === true)).toBe(true);
    for (const p of histogramPoints(metric(metrics, sc.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK))) {
      expect(p.attributes[sc.ATTR_ERROR_TYPE]).toBeUndefined();
    }
  });

  it('chats that did not stream carry neither, and record no point', async () => {
    const { spans, metrics } = await run(false);
    for (const c of byName(spans, `chat ${MODEL}`)) {
      expect(c.attributes[sc.ATTR_GEN_AI_REQUEST_STREAM]).toBeUndefined();
      expect(c.attributes[sc.ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK]).toBeUndefined();
    }
    expect(histogramPoints(metric(metrics, sc.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK))).toEqual([]);
  });
});
