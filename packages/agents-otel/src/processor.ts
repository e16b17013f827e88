/**
 * `AgentsOtelProcessor`: an Agents SDK `TracingProcessor` that re-emits the SDK's own tracing as
 * OpenTelemetry spans and metrics following the GenAI semantic conventions v1.41.
 */
import {
  context,
  metrics as metricsApi,
  SpanKind,
  SpanStatusCode,
  trace,
  ValueType,
  type Attributes,
  type Context,
  type Counter,
  type Histogram,
  type HrTime,
  type Meter,
  type MeterProvider,
  type Span as OtelSpan,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import {
  getCurrentSpan,
  getCurrentTrace,
  setTraceProcessors,
  type Span as SdkSpan,
  type SpanError,
  type Trace as SdkTrace,
  type TracingProcessor,
} from '@openai/agents-core';
import { readChatInfo, readUsage, type UsageInfo } from './chat-data.js';
import { captureContentFromEnv } from './config.js';
import { parseJsonLoose, type ChatMessage, type OutputMessage, type Part, type ToolCallInfo } from './messages.js';
import { getRegistry, rawActiveContext, type SdkSpanContextSource } from './registry.js';
import * as sc from './semconv.js';
import { createTimeToFirstChunkHistogram, readStreamFacts, streamAttributes, timeToFirstChunkAttributes } from './streaming.js';
import { durationSeconds, hrTimeBefore, isoToHrTime, nowHrTime } from './time.js';
import { boundedJson, truncateString } from './truncate.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

/** Options of {@link AgentsOtelProcessor} / {@link registerAgentsOtel}. Every field is optional. */
export interface AgentsOtelOptions {
  /** Tracer provider to create spans with. Default: the global one (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
  /** Meter provider to record metrics with. Default: the global one (`metrics.getMeterProvider()`, resolved lazily). */
  meterProvider?: MeterProvider;
  /**
   * Record prompts, completions, system instructions, tool definitions, tool arguments and results
   * (opt-in GenAI attributes). Default: from `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`
   * (`true`/`1`/`span_only`/`span_and_event` → on; anything else or unset → off).
   */
  captureMessageContent?: boolean;
  /** Maximum length, in characters, of one content attribute. Values stay valid JSON. Default 16384. */
  maxContentLength?: number;
  /** `gen_ai.provider.name` of the model calls (and agent spans). Default `'openai'`. */
  providerName?: string;
  /** `server.address` for chat spans and their metric points (network models only). Default: not set. */
  serverAddress?: string;
  /** `server.port` (only emitted together with `serverAddress`). Default: not set. */
  serverPort?: number;
  /** Span kind of `chat` spans. Default `SpanKind.CLIENT`; use `SpanKind.INTERNAL` for in-process models. */
  modelSpanKind?: SpanKind;
  /**
   * `gen_ai.request.model` for `invoke_agent` spans (and chat spans whose span data carries no model),
   * either one string or a lookup by agent name. Default: not known at start; the agent span then takes
   * the request model of its first chat at end.
   */
  requestModel?: string | ((agentName: string) => string | undefined);
  /** Record `gen_ai.client.*` metrics. Default `true`. */
  metrics?: boolean;
  /** Upper bound of SDK spans tracked at once; the oldest is ended and dropped beyond it. Default 10000. */
  maxInFlightSpans?: number;
  /** Upper bound of SDK traces remembered (for conversation id / anchoring). Default 1000. */
  maxTraces?: number;
}

type Instruments = { provider: MeterProvider; duration: Histogram; tokens: Histogram; cacheRead: Counter; timeToFirstChunk: Histogram };

type EntryKind = 'agent' | 'chat' | 'tool' | 'guardrail' | 'handoff' | 'folded';

type UsageAgg = { input: number; output: number; cacheRead?: number; reasoning?: number; reported: boolean };

interface AgentState {
  name: string;
  requestModel?: string;
  chats: number;
  chatsEnded: number;
  chatsWithoutUsage: number;
  chatUsage: UsageAgg;
  turnUsage: UsageAgg;
  firstChatModel?: string;
  firstSystem?: Part[];
  firstInput?: ChatMessage[];
  lastOutput?: OutputMessage[];
  lastFinishReasons?: string[];
  guardrailTargets: Map<string, string>;
  tripped?: { name: string; target: string };
}

interface TurnChat {
  entry: Entry;
  hadUsage: boolean;
}

interface Entry {
  sdk: SdkSpan<any>;
  kind: EntryKind;
  parent: Entry | undefined;
  children: Set<Entry>;
  /** Context for children: holds the nearest emitted OTel span (or the anchor context). */
  ctx: Context;
  /** Inner (raw) OTel context active when the run was anchored; see AgentsContextManager. */
  base: Context;
  otel: OtelSpan | undefined;
  start: HrTime;
  conversationId: string | undefined;
  agent: AgentState | undefined;
  requestModel?: string;
  metricAttrs?: Attributes;
  /** Tool calls of the latest model response among this entry's children (turn or agent). */
  pendingToolCalls?: Array<ToolCallInfo & { used?: boolean }>;
  /** Chats that ran under this (turn) entry. */
  turnChats?: TurnChat[];
  done: boolean;
}

const DEFAULT_MAX_CONTENT = 16384;

function emptyUsage(): UsageAgg {
  return { input: 0, output: 0, reported: false };
}

function addUsage(agg: UsageAgg, u: UsageInfo): void {
  agg.reported = true;
  agg.input += u.input ?? 0;
  agg.output += u.output ?? 0;
  if (u.cacheRead !== undefined) agg.cacheRead = (agg.cacheRead ?? 0) + u.cacheRead;
  if (u.reasoning !== undefined) agg.reasoning = (agg.reasoning ?? 0) + u.reasoning;
}

const CLASS_NAME_RE = /^([A-Za-z_$][\w$]*)(?::|$)/;

/** Class name at the start of `String(error)` ("TypeError: boom" → "TypeError"), when it looks like one. */
function classNameFromErrorString(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = CLASS_NAME_RE.exec(v.trim());
  const name = m?.[1];
  if (!name) return undefined;
  return /(Error|Exception|Triggered|Exceeded)$/.test(name) ? name : undefined;
}

/**
 * Transport failures of model calls, recognised by the fixed messages of the `openai` client (which the SDK's
 * OpenAI models use) and of `JSON.parse`, since the SDK keeps only the message of a model error, not its class.
 */
const MODEL_ERROR_MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Request timed out\b/i, 'APIConnectionTimeoutError'],
  [/^Connection error\.?$/i, 'APIConnectionError'],
  [/^Request was aborted\.?$/i, 'APIUserAbortError'],
  [/\bJSON\b|^Unexpected (?:token|end of)\b/, 'SyntaxError'],
  [/\btimed? ?out\b|\btimeout\b/i, 'timeout'],
];

/**
 * `error.type` of a failed model call, from what the SDK keeps: an HTTP status in `data` or leading the message
 * ("429 Rate limit reached"), else the class of a recognised transport failure; `undefined` when nothing matches.
 */
export function modelErrorType(message: string, data: Record<string, unknown> = {}): string | undefined {
  const status = data.status ?? data.statusCode ?? data.status_code;
  if ((typeof status === 'number' || typeof status === 'string') && /^\d{3}$/.test(String(status))) return String(status);
  const texts = [message, typeof data.error === 'string' ? data.error.replace(/^Error:\s*/, '') : undefined];
  for (const text of texts) {
    if (!text) continue;
    const m = /^([45]\d\d)\b/.exec(text.trim());
    if (m?.[1]) return m[1];
  }
  for (const text of texts) {
    if (!text) continue;
    for (const [re, type] of MODEL_ERROR_MESSAGES) if (re.test(text.trim())) return type;
  }
  return undefined;
}

/**
 * Bridges Agents SDK tracing to OpenTelemetry. Register it as the ONLY SDK trace processor
 * (see {@link registerAgentsOtel}) so that `onSpanStart` runs synchronously in the caller's context.
 */
export class AgentsOtelProcessor implements TracingProcessor, SdkSpanContextSource {
  readonly captureMessageContent: boolean;
  readonly #tracer: Tracer;
  readonly #tracerProvider: TracerProvider | undefined;
  readonly #meterProvider: MeterProvider | undefined;
  readonly #metricsEnabled: boolean;
  readonly #maxContent: number;
  readonly #provider: string;
  readonly #serverAddress: string | undefined;
  readonly #serverPort: number | undefined;
  readonly #modelKind: SpanKind;
  readonly #requestModel: AgentsOtelOptions['requestModel'];
  readonly #maxInFlight: number;
  readonly #maxTraces: number;
  readonly #entries = new Map<string, Entry>();
  readonly #traces = new Map<string, { trace: SdkTrace; ctx: Context; base: Context }>();
  #instruments: Instruments | undefined;
  #shutdown = false;

  constructor(options: AgentsOtelOptions = {}) {
    this.captureMessageContent = options.captureMessageContent ?? captureContentFromEnv();
    this.#tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(PACKAGE_NAME, PACKAGE_VERSION, {
      schemaUrl: sc.SCHEMA_URL,
    });
    this.#tracerProvider = options.tracerProvider;
    this.#meterProvider = options.meterProvider;
    this.#metricsEnabled = options.metrics ?? true;
    this.#maxContent = Math.max(64, options.maxContentLength ?? DEFAULT_MAX_CONTENT);
    this.#provider = options.providerName ?? sc.GEN_AI_PROVIDER_NAME_VALUE_OPENAI;
    this.#serverAddress = options.serverAddress;
    this.#serverPort = options.serverAddress !== undefined ? options.serverPort : undefined;
    this.#modelKind = options.modelSpanKind ?? SpanKind.CLIENT;
    this.#requestModel = options.requestModel;
    this.#maxInFlight = Math.max(1, options.maxInFlightSpans ?? 10_000);
    this.#maxTraces = Math.max(1, options.maxTraces ?? 1000);
    getRegistry().sources.add(this);
  }

  /** Number of SDK spans currently tracked (for tests and diagnostics). */
  get inFlightSpanCount(): number {
    return this.#entries.size;
  }

  // ------------------------------------------------------------------------------------------------------
  // TracingProcessor
  // ------------------------------------------------------------------------------------------------------

  async onTraceStart(t: SdkTrace): Promise<void> {
    if (this.#shutdown) return;
    if (this.#traces.size >= this.#maxTraces) {
      const oldest = this.#traces.keys().next().value;
      if (oldest !== undefined) this.#traces.delete(oldest);
    }
    this.#traces.set(t.traceId, { trace: t, ctx: context.active(), base: rawActiveContext() });
  }

  async onTraceEnd(t: SdkTrace): Promise<void> {
    this.#traces.delete(t.traceId);
  }

  async onSpanStart(span: SdkSpan<any>): Promise<void> {
    // Everything here runs synchronously (before any await), in the caller's async context.
    if (this.#shutdown || this.#entries.has(span.spanId)) return;
    try {
      this.#start(span);
    } catch {
      // never break the agent run because of telemetry
    }
  }

  async onSpanEnd(span: SdkSpan<any>): Promise<void> {
    const e = this.#entries.get(span.spanId);
    if (!e || e.done) return;
    e.sdk = span;
    try {
      this.#finish(e, isoToHrTime(span.endedAt) ?? nowHrTime());
    } catch {
      // never break the agent run because of telemetry
    }
  }

  /** Ends every still-open span (at "now") so nothing in flight is lost, then flushes the providers. */
  async shutdown(_timeout?: number): Promise<void> {
    if (!this.#shutdown) {
      this.#endAll();
      this.#shutdown = true;
      this.#traces.clear();
      getRegistry().sources.delete(this);
    }
    await this.forceFlush();
  }

  /** Flushes the tracer/meter providers when they support it. In-flight spans stay open. */
  async forceFlush(): Promise<void> {
    const flush = async (p: unknown): Promise<void> => {
      const target = (p as { getDelegate?: () => unknown }).getDelegate?.() ?? p;
      const f = (target as { forceFlush?: () => Promise<unknown> }).forceFlush;
      if (typeof f === 'function') {
        try {
          await f.call(target);
        } catch {
          /* ignore */
        }
      }
    };
    await flush(this.#tracerProvider ?? trace.getTracerProvider());
    await flush(this.#meterProvider ?? metricsApi.getMeterProvider());
  }

  // ------------------------------------------------------------------------------------------------------
  // Context manager support
  // ------------------------------------------------------------------------------------------------------

  /** @internal used by AgentsContextManager. */
  contextForSdkSpan(sdkSpanId: string, innerActive: Context): Context | undefined {
    const e = this.#entries.get(sdkSpanId);
    if (!e || e.base !== innerActive) return undefined;
    return e.ctx;
  }

  /** The OTel context (holding the mapped OTel span) of an SDK span, e.g. `getCurrentSpan()`. */
  contextFor(sdkSpan: { spanId: string } | null | undefined): Context | undefined {
    return sdkSpan ? this.#entries.get(sdkSpan.spanId)?.ctx : undefined;
  }

  /**
   * Optional: subscribe to `agent_tool_start` of a `Runner` or an `Agent` (both are event emitters) to set
   * `gen_ai.tool.call.id` from the SDK hook instead of correlating it from the model output.
   * Returns a function that removes the listener.
   */
  observeToolCalls(emitter: {
    on(event: 'agent_tool_start', listener: (...args: any[]) => void): unknown;
    off?(event: 'agent_tool_start', listener: (...args: any[]) => void): unknown;
  }): () => void {
    const listener = (...args: unknown[]): void => {
      const details = args[args.length - 1] as { toolCall?: Record<string, unknown> } | undefined;
      const tc = details?.toolCall;
      const id = tc?.callId ?? tc?.call_id ?? tc?.id;
      const current = getCurrentSpan();
      const e = current ? this.#entries.get(current.spanId) : undefined;
      if (typeof id === 'string' && e?.kind === 'tool' && e.otel) e.otel.setAttribute(sc.ATTR_GEN_AI_TOOL_CALL_ID, id);
    };
    emitter.on('agent_tool_start', listener);
    return () => {
      emitter.off?.('agent_tool_start', listener);
    };
  }

  // ------------------------------------------------------------------------------------------------------
  // Span start
  // ------------------------------------------------------------------------------------------------------

  #start(span: SdkSpan<any>): void {
    if (this.#entries.size >= this.#maxInFlight) this.#evictOldest();
    const data = span.spanData as Record<string, unknown> & { type: string };
    const parent = span.parentId ? this.#entries.get(span.parentId) : undefined;
    let ctx: Context;
    let base: Context;
    const traceInfo = this.#traces.get(span.traceId);
    if (parent) {
      ctx = parent.ctx;
      base = parent.base;
    } else if (span.parentId && traceInfo) {
      // parent unknown (already dropped): hang on the trace anchor
      ctx = traceInfo.ctx;
      base = traceInfo.base;
    } else {
      // a root SDK span: anchor on the caller's OTel context, active right now
      ctx = context.active();
      base = rawActiveContext();
    }
    const currentTrace = getCurrentTrace();
    const groupId =
      (currentTrace?.traceId === span.traceId ? currentTrace.groupId : undefined) ?? traceInfo?.trace.groupId ?? undefined;
    const entry: Entry = {
      sdk: span,
      kind: 'folded',
      parent,
      children: new Set(),
      ctx,
      base,
      otel: undefined,
      start: isoToHrTime(span.startedAt) ?? nowHrTime(),
      conversationId: groupId ?? parent?.conversationId,
      agent: parent?.agent,
      done: false,
    };

    switch (data.type) {
      case 'agent':
        this.#startAgent(entry, data);
        break;
      case 'generation':
      case 'response':
        this.#startChat(entry, data);
        break;
      case 'function':
        this.#startTool(entry, data);
        break;
      case 'guardrail':
        this.#startGuardrail(entry, data);
        break;
      case 'handoff':
        this.#startHandoff(entry, data);
        break;
      default:
        // task, turn, custom, and any unknown type: folded (no OTel span); children reparent upwards.
        if (data.type === 'turn') entry.turnChats = [];
        break;
    }
    if (entry.otel) entry.ctx = trace.setSpan(ctx, entry.otel);
    parent?.children.add(entry);
    this.#entries.set(span.spanId, entry);
    getRegistry().live++;
  }

  #emit(entry: Entry, name: string, kind: SpanKind, attributes: Attributes): void {
    entry.otel = this.#tracer.startSpan(name, { kind, attributes, startTime: entry.start }, entry.ctx);
  }

  #agentRequestModel(agentName: string | undefined): string | undefined {
    const rm = this.#requestModel;
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

  #startAgent(entry: Entry, data: Record<string, unknown>): void {
    const name = typeof data.name === 'string' && data.name ? data.name : 'Agent';
    const requestModel = this.#agentRequestModel(name);
    entry.kind = 'agent';
    entry.agent = {
      name,
      chats: 0,
      chatsEnded: 0,
      chatsWithoutUsage: 0,
      chatUsage: emptyUsage(),
      turnUsage: emptyUsage(),
      guardrailTargets: new Map(),
      ...(requestModel ? { requestModel } : {}),
    };
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: this.#provider,
      [sc.ATTR_GEN_AI_AGENT_NAME]: name,
    };
    if (requestModel) attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
    if (entry.conversationId) attrs[sc.ATTR_GEN_AI_CONVERSATION_ID] = entry.conversationId;
    if (typeof data.output_type === 'string' && data.output_type) {
      attrs[sc.ATTR_GEN_AI_OUTPUT_TYPE] =
        data.output_type === 'text' ? sc.GEN_AI_OUTPUT_TYPE_VALUE_TEXT : sc.GEN_AI_OUTPUT_TYPE_VALUE_JSON;
    }
    this.#emit(entry, sc.spanNameInvokeAgent(name), SpanKind.INTERNAL, attrs);
  }

  #startChat(entry: Entry, data: Record<string, unknown>): void {
    entry.kind = 'chat';
    const model = (typeof data.model === 'string' && data.model) || this.#agentRequestModel(entry.agent?.name);
    if (model) entry.requestModel = model;
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_CHAT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: this.#provider,
    };
    if (model) attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = model;
    if (this.#serverAddress !== undefined) {
      attrs[sc.ATTR_SERVER_ADDRESS] = this.#serverAddress;
      if (this.#serverPort !== undefined) attrs[sc.ATTR_SERVER_PORT] = this.#serverPort;
    }
    if (entry.conversationId) attrs[sc.ATTR_GEN_AI_CONVERSATION_ID] = entry.conversationId;
    if (data.type === 'response' && this.#provider === sc.GEN_AI_PROVIDER_NAME_VALUE_OPENAI) {
      attrs[sc.ATTR_OPENAI_API_TYPE] = sc.OPENAI_API_TYPE_VALUE_RESPONSES;
    }
    if (entry.agent) entry.agent.chats++;
    this.#emit(entry, sc.spanNameChat(model), this.#modelKind, attrs);
  }

  #startTool(entry: Entry, data: Record<string, unknown>): void {
    entry.kind = 'tool';
    const name = typeof data.name === 'string' && data.name ? data.name : 'tool';
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL,
      [sc.ATTR_GEN_AI_TOOL_NAME]: name,
      [sc.ATTR_GEN_AI_TOOL_TYPE]: sc.GEN_AI_TOOL_TYPE_VALUE_FUNCTION,
    };
    const callId = this.#claimToolCall(entry, name);
    if (callId) attrs[sc.ATTR_GEN_AI_TOOL_CALL_ID] = callId;
    this.#emit(entry, sc.spanNameExecuteTool(name), SpanKind.INTERNAL, attrs);
  }

  /** Correlate the call id: first unused call of this tool in the latest model output of the same turn. */
  #claimToolCall(entry: Entry, name: string): string | undefined {
    for (let p = entry.parent; p; p = p.parent) {
      const pending = p.pendingToolCalls;
      if (pending) {
        const call = pending.find((c) => !c.used && c.name === name);
        if (call) {
          call.used = true;
          return call.id;
        }
      }
      if (p.kind === 'agent') break;
    }
    return undefined;
  }

  #startGuardrail(entry: Entry, data: Record<string, unknown>): void {
    entry.kind = 'guardrail';
    const name = typeof data.name === 'string' && data.name ? data.name : 'guardrail';
    // The SDK does not say input vs output: output guardrails run after the agent's final model call,
    // input guardrails before or concurrently with its first one.
    const target =
      entry.agent && entry.agent.chatsEnded > 0 ? sc.GUARDRAIL_TARGET_TYPE_VALUE_OUTPUT : sc.GUARDRAIL_TARGET_TYPE_VALUE_INPUT;
    entry.agent?.guardrailTargets.set(name, target);
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_RUN_GUARDRAIL,
      [sc.ATTR_GEN_AI_GUARDRAIL_NAME]: name,
      [sc.ATTR_GEN_AI_GUARDRAIL_TARGET_TYPE]: target,
    };
    if (entry.agent) attrs[sc.ATTR_GEN_AI_AGENT_NAME] = entry.agent.name;
    if (entry.conversationId) attrs[sc.ATTR_GEN_AI_CONVERSATION_ID] = entry.conversationId;
    this.#emit(entry, sc.spanNameRunGuardrail(name), SpanKind.INTERNAL, attrs);
  }

  #startHandoff(entry: Entry, data: Record<string, unknown>): void {
    entry.kind = 'handoff';
    const from = typeof data.from_agent === 'string' ? data.from_agent : entry.agent?.name;
    const to = typeof data.to_agent === 'string' ? data.to_agent : undefined;
    const attrs: Attributes = { [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_HANDOFF };
    if (from) attrs[sc.ATTR_GEN_AI_AGENT_HANDOFF_SOURCE_NAME] = from;
    if (to) attrs[sc.ATTR_GEN_AI_AGENT_HANDOFF_TARGET_NAME] = to;
    if (entry.conversationId) attrs[sc.ATTR_GEN_AI_CONVERSATION_ID] = entry.conversationId;
    this.#emit(entry, sc.spanNameHandoff(to, from), SpanKind.INTERNAL, attrs);
  }

  // ------------------------------------------------------------------------------------------------------
  // Span end
  // ------------------------------------------------------------------------------------------------------

  #finish(e: Entry, end: HrTime): void {
    if (e.done) return;
    // A child can never outlive its ancestor: end whatever is still open first (e.g. a thrown run).
    for (const child of [...e.children]) this.#finish(child, end);
    e.done = true;
    if (hrTimeBefore(end, e.start)) end = e.start;
    const data = e.sdk.spanData as Record<string, unknown> & { type: string };
    const error = e.sdk.error;
    let errorType: string | undefined;
    if (error) errorType = this.#errorType(e, error);
    switch (e.kind) {
      case 'agent':
        this.#endAgent(e, data, end, errorType);
        break;
      case 'chat':
        this.#endChat(e, data, end, errorType);
        break;
      case 'tool':
        this.#endTool(e, data, error);
        break;
      case 'guardrail':
        this.#endGuardrail(e, data);
        break;
      case 'handoff':
        this.#endHandoff(e, data);
        break;
      default:
        if (data.type === 'turn') this.#endTurn(e, data);
        break;
    }
    if (e.otel) {
      if (error && errorType !== undefined) {
        e.otel.setAttribute(sc.ATTR_ERROR_TYPE, errorType);
        e.otel.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        e.otel.recordException(this.#exception(error, errorType), end);
      }
      e.otel.end(end);
    }
    e.parent?.children.delete(e);
    this.#entries.delete(e.sdk.spanId);
    getRegistry().live--;
  }

  #exception(error: SpanError, errorType: string): { name?: string; message: string } {
    let message = error.message;
    const detail = error.data?.error;
    if (this.captureMessageContent && typeof detail === 'string' && detail && detail !== 'Error') {
      message = `${message}: ${truncateString(detail, this.#maxContent)}`;
    }
    return errorType === sc.ERROR_TYPE_VALUE_OTHER ? { message } : { name: errorType, message };
  }

  #errorType(e: Entry, error: SpanError): string {
    const data = error.data ?? {};
    if (e.kind === 'agent' && e.agent) {
      const guardrailName = typeof data.guardrail === 'string' ? data.guardrail : undefined;
      if (error.message === 'Guardrail tripwire triggered' || e.agent.tripped) {
        const target =
          (guardrailName ? e.agent.guardrailTargets.get(guardrailName) : undefined) ?? e.agent.tripped?.target ?? 'input';
        return target === sc.GUARDRAIL_TARGET_TYPE_VALUE_OUTPUT
          ? 'OutputGuardrailTripwireTriggered'
          : 'InputGuardrailTripwireTriggered';
      }
      if (error.message === 'Max turns exceeded') return 'MaxTurnsExceededError';
    }
    const fromClass = classNameFromErrorString(data.error);
    // A bare `Error` (e.g. the `openai` client's errors, which keep the default name) says nothing on a chat span.
    if (fromClass && !(e.kind === 'chat' && fromClass === 'Error')) return fromClass;
    if (e.kind === 'chat') return modelErrorType(error.message, data) ?? sc.ERROR_TYPE_VALUE_OTHER;
    return sc.ERROR_TYPE_VALUE_OTHER;
  }

  #content(value: unknown): string {
    return boundedJson(value, this.#maxContent);
  }

  #endAgent(e: Entry, data: Record<string, unknown>, end: HrTime, errorType: string | undefined): void {
    const span = e.otel;
    const a = e.agent;
    if (!span || !a) return;
    const requestModel = a.requestModel ?? a.firstChatModel;
    if (requestModel && !a.requestModel) span.setAttribute(sc.ATTR_GEN_AI_REQUEST_MODEL, requestModel);
    const usage = a.chats > 0 && a.chatsWithoutUsage === 0 && a.chatUsage.reported ? a.chatUsage : a.turnUsage.reported ? a.turnUsage : undefined;
    if (usage) {
      span.setAttribute(sc.ATTR_GEN_AI_USAGE_INPUT_TOKENS, usage.input);
      span.setAttribute(sc.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, usage.output);
      const cacheRead = usage.cacheRead ?? a.chatUsage.cacheRead;
      if (cacheRead !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, cacheRead);
      if (a.chatUsage.reasoning !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, a.chatUsage.reasoning);
    }
    if (a.lastFinishReasons?.length) span.setAttribute(sc.ATTR_GEN_AI_RESPONSE_FINISH_REASONS, a.lastFinishReasons);
    if (this.captureMessageContent) {
      if (a.firstSystem?.length) span.setAttribute(sc.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, this.#content(a.firstSystem));
      if (a.firstInput?.length) span.setAttribute(sc.ATTR_GEN_AI_INPUT_MESSAGES, this.#content(a.firstInput));
      if (a.lastOutput?.length) span.setAttribute(sc.ATTR_GEN_AI_OUTPUT_MESSAGES, this.#content(a.lastOutput));
      const tools = Array.isArray(data.tools) ? data.tools.filter((t): t is string => typeof t === 'string') : [];
      if (tools.length) {
        span.setAttribute(
          sc.ATTR_GEN_AI_TOOL_DEFINITIONS,
          this.#content(tools.map((name) => ({ type: sc.GEN_AI_TOOL_TYPE_VALUE_FUNCTION, name }))),
        );
      }
    }
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: this.#provider,
    };
    if (requestModel) attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
    if (errorType) attrs[sc.ATTR_ERROR_TYPE] = errorType;
    this.#recordDuration(durationSeconds(e.start, end), attrs, e.ctx);
  }

  #endChat(e: Entry, data: Record<string, unknown>, end: HrTime, errorType: string | undefined): void {
    const span = e.otel;
    if (!span) return;
    const info = readChatInfo(data, this.captureMessageContent);
    let requestModel = e.requestModel;
    const nameModelBefore = requestModel;
    if (info.requestModel && info.requestModel !== requestModel) requestModel = info.requestModel;
    if (!requestModel && info.responseModel) requestModel = info.responseModel;
    if (requestModel && requestModel !== nameModelBefore) {
      span.setAttribute(sc.ATTR_GEN_AI_REQUEST_MODEL, requestModel);
      span.updateName(sc.spanNameChat(requestModel));
    }
    for (const [k, v] of Object.entries(info.requestParams)) if (v !== undefined) span.setAttribute(k, v);
    if (info.responseId) span.setAttribute(sc.ATTR_GEN_AI_RESPONSE_ID, info.responseId);
    if (info.responseModel) span.setAttribute(sc.ATTR_GEN_AI_RESPONSE_MODEL, info.responseModel);
    if (info.finishReasons?.length) span.setAttribute(sc.ATTR_GEN_AI_RESPONSE_FINISH_REASONS, info.finishReasons);
    if (info.apiType && this.#provider === sc.GEN_AI_PROVIDER_NAME_VALUE_OPENAI) span.setAttribute(sc.ATTR_OPENAI_API_TYPE, info.apiType);
    const stream = readStreamFacts(data);
    if (stream) span.setAttributes(streamAttributes(stream));
    const u = info.usage;
    if (u) {
      if (u.input !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_INPUT_TOKENS, u.input);
      if (u.output !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, u.output);
      if (u.cacheRead !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, u.cacheRead);
      if (u.cacheCreation !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, u.cacheCreation);
      if (u.reasoning !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, u.reasoning);
    }
    if (this.captureMessageContent) {
      if (info.systemInstructions?.length) span.setAttribute(sc.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, this.#content(info.systemInstructions));
      if (info.inputMessages?.length) span.setAttribute(sc.ATTR_GEN_AI_INPUT_MESSAGES, this.#content(info.inputMessages));
      if (info.outputMessages?.length) span.setAttribute(sc.ATTR_GEN_AI_OUTPUT_MESSAGES, this.#content(info.outputMessages));
      if (info.toolDefinitions?.length) span.setAttribute(sc.ATTR_GEN_AI_TOOL_DEFINITIONS, this.#content(info.toolDefinitions));
    }
    // tool call ids for the function spans that follow in the same turn
    if (e.parent && info.toolCalls.length) e.parent.pendingToolCalls = info.toolCalls.map((c) => ({ ...c }));
    // roll up to the agent
    const a = e.agent;
    const hasTokens = !!u && (u.input !== undefined || u.output !== undefined);
    if (a) {
      a.chatsEnded++;
      if (hasTokens && u) addUsage(a.chatUsage, u);
      else a.chatsWithoutUsage++;
      if (a.firstChatModel === undefined && requestModel) a.firstChatModel = requestModel;
      if (a.chatsEnded === 1) {
        if (info.systemInstructions) a.firstSystem = info.systemInstructions;
        if (info.inputMessages) a.firstInput = info.inputMessages;
      }
      if (info.outputMessages) a.lastOutput = info.outputMessages;
      if (info.finishReasons) a.lastFinishReasons = info.finishReasons;
    }
    // metrics
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_CHAT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: this.#provider,
    };
    if (requestModel) attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
    if (info.responseModel) attrs[sc.ATTR_GEN_AI_RESPONSE_MODEL] = info.responseModel;
    if (this.#serverAddress !== undefined) {
      attrs[sc.ATTR_SERVER_ADDRESS] = this.#serverAddress;
      if (this.#serverPort !== undefined) attrs[sc.ATTR_SERVER_PORT] = this.#serverPort;
    }
    e.metricAttrs = attrs;
    const turn = e.parent?.turnChats ? e.parent : undefined;
    turn?.turnChats?.push({ entry: e, hadUsage: hasTokens });
    this.#recordDuration(durationSeconds(e.start, end), errorType ? { ...attrs, [sc.ATTR_ERROR_TYPE]: errorType } : attrs, e.ctx);
    if (u) this.#recordTokens(u, attrs, e.ctx);
    if (stream?.timeToFirstChunk !== undefined) {
      this.#getInstruments()?.timeToFirstChunk.record(stream.timeToFirstChunk, timeToFirstChunkAttributes(attrs), e.ctx);
    }
  }

  #endTurn(e: Entry, data: Record<string, unknown>): void {
    const u = readUsage(data.usage);
    if (!u || (u.input === undefined && u.output === undefined)) return;
    if (e.agent) addUsage(e.agent.turnUsage, u);
    // Fallback: the single chat of this turn reported no usage (e.g. a response span without sensitive
    // data) → record its token points from the runner's turn usage, with that chat's attributes.
    const chats = e.turnChats ?? [];
    const only = chats.length === 1 ? chats[0] : undefined;
    if (only && !only.hadUsage && only.entry.metricAttrs) {
      this.#recordTokens(u, only.entry.metricAttrs, only.entry.ctx);
    }
  }

  #endTool(e: Entry, data: Record<string, unknown>, error: SpanError | null): void {
    const span = e.otel;
    if (!span || !this.captureMessageContent) return;
    if (typeof data.input === 'string' && data.input) {
      const parsed = parseJsonLoose(data.input);
      span.setAttribute(
        sc.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
        typeof parsed === 'string' ? truncateString(parsed, this.#maxContent) : this.#content(parsed),
      );
    }
    if (!error && typeof data.output === 'string' && data.output) {
      const parsed = parseJsonLoose(data.output);
      span.setAttribute(
        sc.ATTR_GEN_AI_TOOL_CALL_RESULT,
        typeof parsed === 'string' ? truncateString(data.output, this.#maxContent) : this.#content(parsed),
      );
    }
  }

  #endGuardrail(e: Entry, data: Record<string, unknown>): void {
    const span = e.otel;
    if (!span) return;
    const triggered = data.triggered === true;
    span.setAttribute(sc.ATTR_GEN_AI_GUARDRAIL_TRIGGERED, triggered);
    span.setAttribute(
      sc.ATTR_GEN_AI_GUARDRAIL_VERDICT_TYPE,
      triggered ? sc.GUARDRAIL_VERDICT_TYPE_VALUE_DENY : sc.GUARDRAIL_VERDICT_TYPE_VALUE_ALLOW,
    );
    if (triggered && e.agent) {
      const name = typeof data.name === 'string' ? data.name : 'guardrail';
      e.agent.tripped = { name, target: e.agent.guardrailTargets.get(name) ?? sc.GUARDRAIL_TARGET_TYPE_VALUE_INPUT };
    }
  }

  #endHandoff(e: Entry, data: Record<string, unknown>): void {
    const span = e.otel;
    if (!span) return;
    const from = typeof data.from_agent === 'string' ? data.from_agent : e.agent?.name;
    const to = typeof data.to_agent === 'string' ? data.to_agent : undefined;
    if (from) span.setAttribute(sc.ATTR_GEN_AI_AGENT_HANDOFF_SOURCE_NAME, from);
    if (to) {
      span.setAttribute(sc.ATTR_GEN_AI_AGENT_HANDOFF_TARGET_NAME, to);
      span.updateName(sc.spanNameHandoff(to, from));
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Metrics
  // ------------------------------------------------------------------------------------------------------

  #getInstruments(): Instruments | undefined {
    if (!this.#metricsEnabled) return undefined;
    const provider = this.#meterProvider ?? metricsApi.getMeterProvider();
    if (this.#instruments?.provider === provider) return this.#instruments;
    const meter: Meter = provider.getMeter(PACKAGE_NAME, PACKAGE_VERSION, { schemaUrl: sc.SCHEMA_URL });
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

  #recordDuration(seconds: number, attrs: Attributes, ctx: Context): void {
    this.#getInstruments()?.duration.record(seconds, attrs, ctx);
  }

  #recordTokens(u: UsageInfo, attrs: Attributes, ctx: Context): void {
    const inst = this.#getInstruments();
    if (!inst) return;
    if (u.input !== undefined) inst.tokens.record(u.input, { ...attrs, [sc.ATTR_GEN_AI_TOKEN_TYPE]: sc.GEN_AI_TOKEN_TYPE_VALUE_INPUT }, ctx);
    if (u.output !== undefined) inst.tokens.record(u.output, { ...attrs, [sc.ATTR_GEN_AI_TOKEN_TYPE]: sc.GEN_AI_TOKEN_TYPE_VALUE_OUTPUT }, ctx);
    if (u.cacheRead !== undefined) inst.cacheRead.add(u.cacheRead, attrs, ctx);
  }

  // ------------------------------------------------------------------------------------------------------
  // Housekeeping
  // ------------------------------------------------------------------------------------------------------

  /** Cap reached (a leak, e.g. spans never ended): end the oldest tracked span (and its subtree). */
  #evictOldest(): void {
    const oldest = this.#entries.values().next().value;
    if (oldest) this.#finish(oldest, nowHrTime());
  }

  #endAll(): void {
    const now = nowHrTime();
    for (const e of [...this.#entries.values()]) if (!e.done) this.#finish(e, now);
  }
}

/**
 * One-line setup: creates an {@link AgentsOtelProcessor} and installs it as the ONLY Agents SDK trace
 * processor (`setTraceProcessors([processor])`), which also removes the SDK's default OpenAI exporter and
 * guarantees `onSpanStart` runs synchronously in the caller's OTel context. Returns the processor.
 */
export function registerAgentsOtel(options: AgentsOtelOptions = {}): AgentsOtelProcessor {
  const processor = new AgentsOtelProcessor(options);
  setTraceProcessors([processor]);
  return processor;
}
