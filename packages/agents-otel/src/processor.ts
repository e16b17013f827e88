/**
 * `AgentsOtelProcessor`: an Agents SDK `TracingProcessor` that re-emits the SDK's tracing as OpenTelemetry spans,
 * metrics and (optionally) events following the GenAI semantic conventions v1.41.
 *
 * This file is the lifecycle and the span store: which SDK spans are tracked, which OTel context each one parents
 * on, and when they end. What each SDK span type becomes lives in `mappers/`.
 */

import {
  getCurrentSpan,
  getCurrentTrace,
  type Span as SdkSpan,
  type Trace as SdkTrace,
  type TracingProcessor,
} from '@openai/agents-core';
import {
  type Attributes,
  type Context,
  context,
  type HrTime,
  metrics as metricsApi,
  type SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { InferenceEvents } from './content.js';
import type { Entry, MapperEnv, SpanData, SpanMapper } from './entry.js';
import { errorTypeOf, exceptionTypeOf } from './errors.js';
import { agentMapper } from './mappers/agent.js';
import { chatMapper } from './mappers/chat.js';
import { guardrailMapper } from './mappers/guardrail.js';
import { handoffMapper } from './mappers/handoff.js';
import { toolMapper } from './mappers/tool.js';
import { turnMapper } from './mappers/turn.js';
import { GenAiMetrics } from './metrics.js';
import { observeRunner, type RunnerLike } from './observe.js';
import { type AgentsOtelOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { getRegistry, rawActiveContext, type SdkSpanContextSource } from './registry.js';
import * as sc from './semconv.js';
import { hrTimeBefore, nowHrTime } from './time.js';
import { truncateString } from './truncate.js';

/** One mapper per SDK span type; any other type (task, custom, transcription...) is folded: no OTel span. */
const MAPPERS: Readonly<Record<string, SpanMapper>> = {
  agent: agentMapper,
  generation: chatMapper,
  response: chatMapper,
  function: toolMapper,
  guardrail: guardrailMapper,
  handoff: handoffMapper,
  turn: turnMapper,
};

type TraceInfo = { trace: SdkTrace; ctx: Context; base: Context; turn: number | undefined };

function turnOf(t: { metadata?: Record<string, unknown> } | null | undefined): number | undefined {
  const raw = t?.metadata?.[sc.TRACE_METADATA_TURN];
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Bridges Agents SDK tracing to OpenTelemetry. Register it as the ONLY SDK trace processor (see
 * `registerAgentsOtel`) so that `onSpanStart`/`onSpanEnd` run synchronously in the caller's context: the parent is
 * the OTel span active there, and start/end times are read from a monotonic clock at that moment (sub-millisecond;
 * the SDK's own timestamps have millisecond precision).
 */
export class AgentsOtelProcessor implements TracingProcessor, SdkSpanContextSource {
  readonly #o: ResolvedOptions;
  readonly #env: MapperEnv;
  readonly #entries = new Map<string, Entry>();
  readonly #traces = new Map<string, TraceInfo>();
  #shutdown = false;

  constructor(options: AgentsOtelOptions = {}) {
    const o = resolveOptions(options);
    this.#o = o;
    this.#env = {
      o,
      metrics: new GenAiMetrics(o.metrics, o.meterProvider),
      events: new InferenceEvents(o),
      emit(entry: Entry, name: string, kind: SpanKind, attributes: Attributes): void {
        entry.otel = o.tracer.startSpan(name, { kind, attributes, startTime: entry.start }, entry.ctx);
      },
    };
    getRegistry().sources.add(this);
  }

  /** True when message content goes on span attributes. */
  get captureMessageContent(): boolean {
    return this.#o.contentOnSpans;
  }

  /** Number of SDK spans currently tracked (for tests and diagnostics). */
  get inFlightSpanCount(): number {
    return this.#entries.size;
  }

  async onTraceStart(t: SdkTrace): Promise<void> {
    if (this.#shutdown) return;
    if (this.#traces.size >= this.#o.maxTraces) {
      const oldest = this.#traces.keys().next().value;
      if (oldest !== undefined) this.#traces.delete(oldest);
    }
    this.#traces.set(t.traceId, { trace: t, ctx: context.active(), base: rawActiveContext(), turn: turnOf(t) });
  }

  async onTraceEnd(t: SdkTrace): Promise<void> {
    this.#traces.delete(t.traceId);
  }

  async onSpanStart(span: SdkSpan<any>): Promise<void> {
    // Runs synchronously (no await), in the caller's async context.
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
      this.#finish(e, nowHrTime());
    } catch {
      // never break the agent run because of telemetry
    }
  }

  /** Ends every still-open span (at "now") so nothing in flight is lost, then flushes the providers. */
  async shutdown(_timeout?: number): Promise<void> {
    if (!this.#shutdown) {
      const now = nowHrTime();
      for (const e of [...this.#entries.values()]) if (!e.done) this.#finish(e, now);
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
      if (typeof f === 'function') await f.call(target).catch(() => undefined);
    };
    await flush(this.#o.tracerProvider ?? trace.getTracerProvider());
    await flush(this.#o.meterProvider ?? metricsApi.getMeterProvider());
  }

  /** @internal used by AgentsContextManager. */
  contextForSdkSpan(sdkSpanId: string, innerActive: Context): Context | undefined {
    const e = this.#entries.get(sdkSpanId);
    if (!e || e.base !== innerActive) return undefined;
    return e.ctx;
  }

  /** The OTel context (holding the mapped OTel span) of an SDK span, e.g. `contextFor(getCurrentSpan())`. */
  contextFor(sdkSpan: { spanId: string } | null | undefined): Context | undefined {
    return sdkSpan ? this.#entries.get(sdkSpan.spanId)?.ctx : undefined;
  }

  /**
   * Subscribes to the lifecycle hooks of a `Runner` or an `Agent` (both event emitters): `agent_start` gives the
   * agent's tools (descriptions, hosted tool types, tool definitions of Chat Completions calls) and
   * `agent_tool_start` the tool call id and tool of the running `execute_tool` span. Returns an unsubscribe function.
   */
  observe(emitter: RunnerLike): () => void {
    return observeRunner(emitter, () => {
      const current = getCurrentSpan();
      return current ? this.#entries.get(current.spanId) : undefined;
    });
  }

  /** @deprecated use {@link observe}, which also records tool descriptions. */
  observeToolCalls(emitter: RunnerLike): () => void {
    return this.observe(emitter);
  }

  #start(span: SdkSpan<any>): void {
    if (this.#entries.size >= this.#o.maxInFlight) {
      const oldest = this.#entries.values().next().value;
      if (oldest) this.#finish(oldest, nowHrTime());
    }
    const data = span.spanData as SpanData;
    const parent = span.parentId ? this.#entries.get(span.parentId) : undefined;
    const traceInfo = this.#traces.get(span.traceId);
    let ctx: Context;
    let base: Context;
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
    let conversationId = parent?.conversationId;
    let turn = parent?.turn;
    if (!parent) {
      const current = getCurrentTrace();
      const sameTrace = current?.traceId === span.traceId ? current : undefined;
      conversationId = sameTrace?.groupId ?? traceInfo?.trace.groupId ?? undefined;
      turn = traceInfo?.turn ?? turnOf(sameTrace);
    }
    const entry: Entry = {
      sdk: span,
      kind: 'folded',
      parent,
      children: new Set(),
      ctx,
      base,
      otel: undefined,
      start: nowHrTime(),
      conversationId,
      turn,
      agent: parent?.agent,
      done: false,
    };
    MAPPERS[data.type]?.start(entry, data, this.#env);
    if (entry.otel) entry.ctx = trace.setSpan(ctx, entry.otel);
    parent?.children.add(entry);
    this.#entries.set(span.spanId, entry);
    getRegistry().live++;
  }

  #finish(e: Entry, end: HrTime): void {
    if (e.done) return;
    // A child can never outlive its ancestor: end whatever is still open first (e.g. a thrown run).
    for (const child of [...e.children]) this.#finish(child, end);
    e.done = true;
    if (hrTimeBefore(end, e.start)) end = e.start;
    const data = e.sdk.spanData as SpanData;
    const error = e.sdk.error;
    let errorType: string | undefined;
    if (error) {
      const a = e.kind === 'agent' ? e.agent : undefined;
      const guardrail = typeof error.data?.guardrail === 'string' ? error.data.guardrail : undefined;
      errorType = errorTypeOf(e.kind === 'agent' || e.kind === 'chat' ? e.kind : 'other', error, {
        ...(a?.failedChat ? { failedChat: a.failedChat } : {}),
        ...(a && (a.tripped || guardrail)
          ? {
              trippedTarget:
                (guardrail ? a.guardrailTargets.get(guardrail) : undefined) ?? a.tripped?.target ?? 'input',
            }
          : {}),
      });
    }
    MAPPERS[data.type]?.end(e, data, end, errorType, this.#env);
    if (e.otel) {
      if (error && errorType !== undefined) {
        e.otel.setAttribute(sc.ATTR_ERROR_TYPE, errorType);
        e.otel.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        let message = error.message;
        const detail = error.data?.error;
        if (this.#o.contentOnSpans && typeof detail === 'string' && detail && detail !== 'Error') {
          message = `${message}: ${truncateString(detail, this.#o.maxContent)}`;
        }
        // exception.type is a class (never a status); error.type keeps the status.
        const openaiProtocol = this.#o.isOpenAI || data.type === 'response';
        const name = exceptionTypeOf(error, errorType, openaiProtocol);
        e.otel.recordException(name ? { name, message } : { message }, end);
      }
      e.otel.end(end);
    }
    e.parent?.children.delete(e);
    this.#entries.delete(e.sdk.spanId);
    getRegistry().live--;
  }
}
