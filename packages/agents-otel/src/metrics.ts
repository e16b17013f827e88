/**
 * The `gen_ai.client.*` instruments, created once per meter provider, recorded in the span's context so that an SDK
 * with exemplar support links each point to its span.
 */
import {
  type Attributes,
  type Context,
  type Counter,
  type Histogram,
  type MeterProvider,
  metrics as metricsApi,
  ValueType,
} from '@opentelemetry/api';
import * as sc from './semconv.js';
import { createTimeToFirstChunkHistogram, timeToFirstChunkAttributes } from './streaming.js';
import type { UsageInfo } from './usage.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

type Instruments = {
  provider: MeterProvider;
  duration: Histogram;
  tokens: Histogram;
  cacheRead: Counter;
  timeToFirstChunk: Histogram;
};

export class GenAiMetrics {
  readonly #enabled: boolean;
  readonly #provider: MeterProvider | undefined;
  #instruments: Instruments | undefined;

  constructor(enabled: boolean, provider: MeterProvider | undefined) {
    this.#enabled = enabled;
    this.#provider = provider;
  }

  #get(): Instruments | undefined {
    if (!this.#enabled) return undefined;
    const provider = this.#provider ?? metricsApi.getMeterProvider();
    if (this.#instruments?.provider === provider) return this.#instruments;
    const meter = provider.getMeter(PACKAGE_NAME, PACKAGE_VERSION, { schemaUrl: sc.SCHEMA_URL });
    this.#instruments = {
      provider,
      duration: meter.createHistogram(sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION, {
        unit: sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION_UNIT,
        description: sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION_DESCRIPTION,
        advice: { explicitBucketBoundaries: [...sc.METRIC_GEN_AI_CLIENT_OPERATION_DURATION_BUCKETS] },
      }),
      tokens: meter.createHistogram(sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE, {
        unit: sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE_UNIT,
        description: sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE_DESCRIPTION,
        valueType: ValueType.INT,
        advice: { explicitBucketBoundaries: [...sc.METRIC_GEN_AI_CLIENT_TOKEN_USAGE_BUCKETS] },
      }),
      timeToFirstChunk: createTimeToFirstChunkHistogram(meter),
      cacheRead: meter.createCounter(sc.METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS, {
        unit: sc.METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS_UNIT,
        description: sc.METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS_DESCRIPTION,
        valueType: ValueType.INT,
      }),
    };
    return this.#instruments;
  }

  /** One `gen_ai.client.operation.duration` point; `attrs` already carries `error.type` on failure. */
  duration(seconds: number, attrs: Attributes, ctx: Context): void {
    this.#get()?.duration.record(seconds, attrs, ctx);
  }

  /**
   * Token points (input, output) and the cache-read counter of one chat. On a failed call the provider may still
   * report usage: it is recorded, with `error.type` in `attrs`.
   */
  tokens(u: UsageInfo, attrs: Attributes, ctx: Context): void {
    const inst = this.#get();
    if (!inst) return;
    if (u.input !== undefined)
      inst.tokens.record(u.input, { ...attrs, [sc.ATTR_GEN_AI_TOKEN_TYPE]: sc.GEN_AI_TOKEN_TYPE_VALUE_INPUT }, ctx);
    if (u.output !== undefined)
      inst.tokens.record(u.output, { ...attrs, [sc.ATTR_GEN_AI_TOKEN_TYPE]: sc.GEN_AI_TOKEN_TYPE_VALUE_OUTPUT }, ctx);
    if (u.cacheRead !== undefined) inst.cacheRead.add(u.cacheRead, attrs, ctx);
  }

  /** One `gen_ai.client.operation.time_to_first_chunk` point of a streamed chat (its attributes without `error.type`). */
  timeToFirstChunk(seconds: number, attrs: Attributes, ctx: Context): void {
    this.#get()?.timeToFirstChunk.record(seconds, timeToFirstChunkAttributes(attrs), ctx);
  }
}
