/**
 * The JSON the local trace view serves (GET /debug/traces, GET /debug/traces/{traceId}).
 * Plain data: field names follow OTLP's JSON where one exists (traceId, spanId, parentSpanId,
 * startTimeUnixNano, ...), so a span here reads like the one a collector receives.
 */
export type AttributeValue = string | number | boolean | ReadonlyArray<string | number | boolean | null | undefined>;
export type Attributes = Record<string, AttributeValue>;

export type SpanKindName = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';

export interface ViewSpan {
  traceId: string;
  spanId: string;
  /** Empty for a root span, as in OTLP. */
  parentSpanId: string;
  name: string;
  kind: SpanKindName;
  /** Nanoseconds since the Unix epoch, as a decimal string (too large for a JSON number). */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationMs: number;
  status: { code: StatusCodeName; message?: string };
  attributes: Attributes;
  events: { name: string; timeUnixNano: string; attributes: Attributes }[];
  /** The instrumentation scope that made the span. */
  scope: string;
}

/** One GenAI metric point of a turn, as the bridge records it (see genai-points.ts). */
export interface GenAiMetricPoint {
  name: 'gen_ai.client.operation.duration' | 'gen_ai.client.token.usage';
  unit: 's' | '{token}';
  value: number;
  attributes: Attributes;
  /** The span the point was recorded in (its exemplar). */
  spanId: string;
}

export interface TokenTotals {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

/** What the list endpoint returns per trace: enough for a table and the per-turn chart. */
export interface TraceSummary {
  traceId: string;
  /** The local root's name (e.g. `POST /graphql`), or the earliest span's while the root is still open. */
  name: string;
  /** ISO 8601 start of the earliest span. */
  startTime: string;
  durationMs: number;
  spanCount: number;
  /** True once the local root span (the HTTP request) has ended: no more spans will arrive. */
  complete: boolean;
  /** `gen_ai.conversation.id` of the trace's agent spans: the API's session id. */
  sessionId: string | null;
  /** `graphql.operation.name`, when the trace is a GraphQL request. */
  operation: string | null;
  /**
   * The most specific `error.type`: of the first failed model call, else of the agent run, else of the root span
   * (the GraphQL error code); null when nothing failed.
   */
  errorType: string | null;
  guardrailTripped: boolean;
  /** Summed over the model calls (chat spans); null when no usage was reported. */
  usage: TokenTotals | null;
  /** Duration of the (first) invoke_agent span, null if the trace has none. */
  agentDurationMs: number | null;
  /** Request models of the model calls, in order of first appearance. */
  models: string[];
  /** Spans refused because the trace hit its span or byte bound. */
  droppedSpans: number;
}

export interface TraceDetail extends TraceSummary {
  /** Resource attributes (service.name, ...), shared by every span of the process. */
  resource: Attributes;
  /** Sorted by start time. */
  spans: ViewSpan[];
  metrics: GenAiMetricPoint[];
}

export interface TraceStoreStats {
  traces: number;
  spans: number;
  /** UTF-8 bytes of the stored spans' JSON. */
  bytes: number;
  maxTraces: number;
  maxBytes: number;
  /** Traces dropped to stay within the bounds since start. */
  evictedTraces: number;
  droppedSpans: number;
}

export interface TraceFilter {
  sessionId?: string | undefined;
  attribute?: { key: string; value: string } | undefined;
  limit?: number | undefined;
}

/** The read side the API serves. */
export interface TraceStoreReader {
  /**
   * Most recent first (by start time); `sessionId` keeps the traces of one conversation, `attribute` the traces with
   * a span carrying that attribute value (e.g. the API key name of the caller).
   */
  list(filter?: TraceFilter): TraceSummary[];
  /** One trace; with `attribute`, only if one of its spans carries that value. */
  get(traceId: string, attribute?: { key: string; value: string }): TraceDetail | undefined;
  stats(): TraceStoreStats;
}
