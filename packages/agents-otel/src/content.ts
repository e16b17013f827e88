/**
 * Content values (messages, instructions, tool definitions, tool arguments and results): bounded, structured
 * (AnyValue) or JSON strings, and the inference-details event that carries them as a log record.
 */
import {
  type AnyValue,
  type Attributes,
  type Context,
  type HrTime,
  type Logger,
  logs as logsApi,
} from '@opentelemetry/api';
import type { ResolvedOptions } from './options.js';
import * as sc from './semconv.js';
import { boundedJson, truncateString } from './truncate.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

/** A content value as an attribute: the structured value when its JSON fits `maxContent`, else a bounded copy. */
export function contentValue(o: ResolvedOptions, value: unknown): AnyValue {
  if (typeof value === 'string') return truncateString(value, o.maxContent);
  const full = JSON.stringify(value) ?? 'null';
  if (full.length <= o.maxContent) return o.contentAsString ? full : (value as AnyValue);
  const bounded = boundedJson(value, o.maxContent); // rare: cut inside the value, keeping its shape
  return o.contentAsString ? bounded : (JSON.parse(bounded) as AnyValue);
}

/** Emits `gen_ai.client.inference.operation.details` log records (event modes only). */
export class InferenceEvents {
  readonly #options: ResolvedOptions;
  #logger: { provider: unknown; logger: Logger } | undefined;

  constructor(options: ResolvedOptions) {
    this.#options = options;
  }

  emit(attributes: Attributes, ctx: Context, time: HrTime): void {
    const provider = this.#options.loggerProvider ?? logsApi.getLoggerProvider();
    if (this.#logger?.provider !== provider) {
      this.#logger = {
        provider,
        logger: provider.getLogger(PACKAGE_NAME, PACKAGE_VERSION, { schemaUrl: sc.SCHEMA_URL }),
      };
    }
    this.#logger.logger.emit({
      eventName: sc.EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS,
      attributes,
      context: ctx,
      timestamp: time,
    });
  }
}
