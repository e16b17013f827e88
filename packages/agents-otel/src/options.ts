/**
 * Options of {@link registerAgentsOtel} / `AgentsOtelProcessor`, with their defaults, and their resolved form.
 */
import {
  type LoggerProvider,
  type MeterProvider,
  SpanKind,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { type ContentCaptureMode, contentCaptureFromEnv } from './config.js';
import * as sc from './semconv.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

/** Every field is optional; the default is given with each. */
export interface AgentsOtelOptions {
  /** Tracer provider for the spans. Default: the global one (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
  /** Meter provider for the metrics. Default: the global one (`metrics.getMeterProvider()`, resolved at each use). */
  meterProvider?: MeterProvider;
  /** Logger provider for the inference-details events. Default: the global one (`logs.getLoggerProvider()`, at each use). */
  loggerProvider?: LoggerProvider;
  /**
   * Where message content (prompts, completions, system instructions, tool definitions, tool arguments and results)
   * goes. `true` = `'span_only'`, `false` = `'no_content'`. Default: from
   * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`, else `'no_content'` (no content anywhere).
   */
  captureMessageContent?: boolean | ContentCaptureMode;
  /**
   * Shape of content attributes: `'structured'` (AnyValue: arrays and maps, as the conventions prefer) or
   * `'json_string'` (the same value serialised, for backends that cannot store structured attributes). Default
   * `'structured'`.
   */
  contentFormat?: 'structured' | 'json_string';
  /** Maximum length, in characters of its JSON form, of one content value. Default 16384 (minimum 64). */
  maxContentLength?: number;
  /** `gen_ai.provider.name` of model calls and agent spans. Default `'openai'`. */
  providerName?: string;
  /** `server.address` of chat spans and their metric points (network models only). Default: not set. */
  serverAddress?: string;
  /** `server.port`, only emitted together with `serverAddress`. Default: not set. */
  serverPort?: number;
  /** Kind of `chat` spans. Default `SpanKind.CLIENT`; `SpanKind.INTERNAL` suits in-process models. */
  modelSpanKind?: SpanKind;
  /**
   * `gen_ai.request.model` of `invoke_agent` spans at start (and of chat spans whose data has no model): one string
   * or a lookup by agent name. Default: not set; the agent span then takes its first chat's model at end.
   */
  requestModel?: string | ((agentName: string) => string | undefined);
  /** Record the `gen_ai.client.*` metrics. Default `true`. */
  metrics?: boolean;
  /** Upper bound of SDK spans tracked at once; beyond it the oldest is ended. Default 10000. */
  maxInFlightSpans?: number;
  /** Upper bound of SDK traces remembered (conversation id, turn, anchoring). Default 1000. */
  maxTraces?: number;
}

export interface ResolvedOptions {
  tracer: Tracer;
  tracerProvider: TracerProvider | undefined;
  meterProvider: MeterProvider | undefined;
  loggerProvider: LoggerProvider | undefined;
  contentOnSpans: boolean;
  contentInEvents: boolean;
  /** Content is read at all (spans or events): gates every piece of content work. */
  content: boolean;
  contentAsString: boolean;
  maxContent: number;
  provider: string;
  isOpenAI: boolean;
  serverAddress: string | undefined;
  serverPort: number | undefined;
  modelKind: SpanKind;
  requestModel: AgentsOtelOptions['requestModel'];
  metrics: boolean;
  maxInFlight: number;
  maxTraces: number;
}

function modeOf(v: AgentsOtelOptions['captureMessageContent']): ContentCaptureMode {
  if (v === undefined) return contentCaptureFromEnv();
  if (v === true) return 'span_only';
  if (v === false) return 'no_content';
  return v;
}

export function resolveOptions(o: AgentsOtelOptions): ResolvedOptions {
  const mode = modeOf(o.captureMessageContent);
  const contentOnSpans = mode === 'span_only' || mode === 'span_and_event';
  const contentInEvents = mode === 'event_only' || mode === 'span_and_event';
  const provider = o.providerName ?? sc.GEN_AI_PROVIDER_NAME_VALUE_OPENAI;
  return {
    tracer: (o.tracerProvider ?? trace.getTracerProvider()).getTracer(PACKAGE_NAME, PACKAGE_VERSION, {
      schemaUrl: sc.SCHEMA_URL,
    }),
    tracerProvider: o.tracerProvider,
    meterProvider: o.meterProvider,
    loggerProvider: o.loggerProvider,
    contentOnSpans,
    contentInEvents,
    content: contentOnSpans || contentInEvents,
    contentAsString: o.contentFormat === 'json_string',
    maxContent: Math.max(64, o.maxContentLength ?? 16384),
    provider,
    isOpenAI: provider === sc.GEN_AI_PROVIDER_NAME_VALUE_OPENAI,
    serverAddress: o.serverAddress,
    serverPort: o.serverAddress !== undefined ? o.serverPort : undefined,
    modelKind: o.modelSpanKind ?? SpanKind.CLIENT,
    requestModel: o.requestModel,
    metrics: o.metrics ?? true,
    maxInFlight: Math.max(1, o.maxInFlightSpans ?? 10_000),
    maxTraces: Math.max(1, o.maxTraces ?? 1000),
  };
}

/** `requestModel` for an agent name; never throws. */
export function agentRequestModel(o: ResolvedOptions, agentName: string | undefined): string | undefined {
  const rm = o.requestModel;
  if (typeof rm === 'string') return rm;
  if (typeof rm === 'function' && agentName !== undefined) {
    try {
      return rm(agentName) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
