/**
 * Streaming on chat spans (semconv v1.41): `gen_ai.request.stream`, `gen_ai.response.time_to_first_chunk` and the
 * `gen_ai.client.operation.time_to_first_chunk` histogram.
 *
 * The Agents SDK records neither "this call streamed" nor "when its first chunk came", so the model does: a
 * streamed call sets `stream: true` and `time_to_first_chunk` (seconds) on its generation / response span data
 * (extension fields, like `response_model`). A span without them is a call that did not stream.
 */
import type { Attributes, Histogram, Meter } from '@opentelemetry/api';
import * as sc from './semconv.js';

/** What a model span says about streaming. */
export interface StreamFacts {
  /** Seconds from the start of the call to its first chunk; absent when no chunk came. */
  readonly timeToFirstChunk?: number;
}

/** The streaming facts of a generation / response span's data, or undefined when the call did not stream. */
export function readStreamFacts(data: Record<string, unknown>): StreamFacts | undefined {
  if (data.stream !== true) return undefined;
  const t = data.time_to_first_chunk;
  return typeof t === 'number' && Number.isFinite(t) && t >= 0 ? { timeToFirstChunk: t } : {};
}

/** Span attributes for a streamed chat. */
export function streamAttributes(facts: StreamFacts): Attributes {
  const attrs: Attributes = { [sc.ATTR_GEN_AI_REQUEST_STREAM]: true };
  if (facts.timeToFirstChunk !== undefined) attrs[sc.ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK] = facts.timeToFirstChunk;
  return attrs;
}

export function createTimeToFirstChunkHistogram(meter: Meter): Histogram {
  return meter.createHistogram(sc.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK, {
    unit: sc.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK_UNIT,
    description: sc.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK_DESCRIPTION,
    advice: { explicitBucketBoundaries: [...sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION_BUCKETS] },
  });
}

/** The metric's attributes: the chat's duration attributes without `error.type` (as the spec lists them). */
export function timeToFirstChunkAttributes(durationAttrs: Attributes): Attributes {
  const { [sc.ATTR_ERROR_TYPE]: _ignored, ...rest } = durationAttrs;
  return rest;
}
