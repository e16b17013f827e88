/**
 * A bounded in-memory store of recent traces for the local trace view.
 *
 * Bounds, both enforced on every insert:
 * - `maxTraces` traces: the least recently updated trace goes first (a Map kept in update order);
 * - `maxBytes`: the UTF-8 size of the stored spans' JSON; older traces go until the total fits, and a span that
 *   would push a single trace past the bound on its own is refused and counted (`droppedSpans`);
 * - `maxSpansPerTrace` spans per trace (a runaway loop cannot fill the store with one trace).
 * So the store never holds more than `maxBytes` of span data, however many requests run.
 */
import { genAiPoints, isAgent, isInference } from './genai-points.js';
import type {
  Attributes,
  TokenTotals,
  TraceDetail,
  TraceFilter,
  TraceStoreReader,
  TraceStoreStats,
  TraceSummary,
  ViewSpan,
} from './types.js';

export interface TraceStoreOptions {
  maxTraces: number;
  maxBytes: number;
  /** Default 1,000. */
  maxSpansPerTrace?: number;
}

interface Entry {
  readonly traceId: string;
  /** In the order they ended. */
  readonly spans: ViewSpan[];
  bytes: number;
  complete: boolean;
  rootSpanId: string | null;
  sessionId: string | null;
  dropped: number;
  /** Reads the process's resource attributes (shared by every trace; see the processor). */
  resource: () => Attributes;
}

const nanos = (value: string): bigint => BigInt(value);
const noResource = (): Attributes => ({});

export class TraceStore implements TraceStoreReader {
  readonly #entries = new Map<string, Entry>();
  readonly #maxTraces: number;
  readonly #maxBytes: number;
  readonly #maxSpansPerTrace: number;
  #bytes = 0;
  #spans = 0;
  #evicted = 0;
  #dropped = 0;

  constructor(options: TraceStoreOptions) {
    this.#maxTraces = Math.max(1, Math.floor(options.maxTraces));
    this.#maxBytes = Math.max(1, Math.floor(options.maxBytes));
    this.#maxSpansPerTrace = Math.max(1, Math.floor(options.maxSpansPerTrace ?? 1_000));
  }

  /** Adds one ended span. `isLocalRoot`: the span has no parent in this process (it ends the trace here). */
  add(span: ViewSpan, isLocalRoot: boolean, resource: () => Attributes = noResource): void {
    let entry = this.#entries.get(span.traceId);
    if (entry) {
      this.#entries.delete(span.traceId); // re-inserted below: the Map stays in update order
    } else {
      entry = {
        traceId: span.traceId,
        spans: [],
        bytes: 0,
        complete: false,
        rootSpanId: null,
        sessionId: null,
        dropped: 0,
        resource,
      };
    }
    this.#entries.set(span.traceId, entry);
    if (isLocalRoot) {
      entry.complete = true;
      entry.rootSpanId = span.spanId;
    }
    const size = Buffer.byteLength(JSON.stringify(span));
    if (entry.spans.length >= this.#maxSpansPerTrace || entry.bytes + size > this.#maxBytes) {
      entry.dropped++;
      this.#dropped++;
    } else {
      entry.spans.push(span);
      entry.bytes += size;
      this.#bytes += size;
      this.#spans++;
      const conversation = span.attributes['gen_ai.conversation.id'];
      if (entry.sessionId === null && typeof conversation === 'string') entry.sessionId = conversation;
    }
    this.#evict();
  }

  #evict(): void {
    while (this.#entries.size > this.#maxTraces || (this.#bytes > this.#maxBytes && this.#entries.size > 1)) {
      const oldest = this.#entries.values().next().value as Entry;
      this.#entries.delete(oldest.traceId);
      this.#bytes -= oldest.bytes;
      this.#spans -= oldest.spans.length;
      this.#evicted++;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#spans = 0;
  }

  list(filter: TraceFilter = {}): TraceSummary[] {
    const entries = [...this.#entries.values()].filter(
      (e) => (filter.sessionId === undefined || e.sessionId === filter.sessionId) && carries(e, filter.attribute),
    );
    const summaries = entries.map(summarize);
    summaries.sort((a, b) => (a.startTime < b.startTime ? 1 : a.startTime > b.startTime ? -1 : 0));
    return filter.limit === undefined ? summaries : summaries.slice(0, Math.max(0, filter.limit));
  }

  get(traceId: string, attribute?: { key: string; value: string }): TraceDetail | undefined {
    const entry = this.#entries.get(traceId);
    if (!entry || !carries(entry, attribute)) return undefined;
    const spans = sortedSpans(entry);
    return { ...summarize(entry), resource: entry.resource(), spans, metrics: genAiPoints(entry.spans) };
  }

  stats(): TraceStoreStats {
    return {
      traces: this.#entries.size,
      spans: this.#spans,
      bytes: this.#bytes,
      maxTraces: this.#maxTraces,
      maxBytes: this.#maxBytes,
      evictedTraces: this.#evicted,
      droppedSpans: this.#dropped,
    };
  }
}

function carries(entry: Entry, attribute: { key: string; value: string } | undefined): boolean {
  return attribute === undefined || entry.spans.some((s) => s.attributes[attribute.key] === attribute.value);
}

function sortedSpans(entry: Entry): ViewSpan[] {
  return [...entry.spans].sort((a, b) => {
    const d = nanos(a.startTimeUnixNano) - nanos(b.startTimeUnixNano);
    if (d !== 0n) return d < 0n ? -1 : 1;
    // Same clock tick: a parent before its child.
    return b.parentSpanId === a.spanId ? -1 : a.parentSpanId === b.spanId ? 1 : 0;
  });
}

function summarize(entry: Entry): TraceSummary {
  const spans = sortedSpans(entry);
  const root = spans.find((s) => s.spanId === entry.rootSpanId) ?? spans[0];
  let start = spans[0] ? nanos(spans[0].startTimeUnixNano) : 0n;
  let end = start;
  for (const s of spans) {
    const a = nanos(s.startTimeUnixNano);
    const b = nanos(s.endTimeUnixNano);
    if (a < start) start = a;
    if (b > end) end = b;
  }
  let usage: TokenTotals | null = null;
  const models: string[] = [];
  let agentDurationMs: number | null = null;
  let modelError: string | null = null;
  let agentError: string | null = null;
  let guardrailTripped = false;
  let operation: string | null = null;
  for (const s of spans) {
    const a = s.attributes;
    if (operation === null && typeof a['graphql.operation.name'] === 'string') operation = a['graphql.operation.name'];
    if (a['gen_ai.guardrail.triggered'] === true) guardrailTripped = true;
    if (isAgent(s) && agentDurationMs === null) agentDurationMs = s.durationMs;
    if (typeof a['error.type'] === 'string') {
      if (isInference(s)) modelError ??= a['error.type'];
      else if (isAgent(s)) agentError ??= a['error.type'];
    }
    if (!isInference(s)) continue;
    const model = a['gen_ai.request.model'];
    if (typeof model === 'string' && !models.includes(model)) models.push(model);
    const input = a['gen_ai.usage.input_tokens'];
    const output = a['gen_ai.usage.output_tokens'];
    if (typeof input !== 'number' && typeof output !== 'number') continue;
    usage ??= { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
    usage.inputTokens += typeof input === 'number' ? input : 0;
    usage.outputTokens += typeof output === 'number' ? output : 0;
    const cached = a['gen_ai.usage.cache_read.input_tokens'];
    usage.cachedInputTokens += typeof cached === 'number' ? cached : 0;
  }
  const rootError = root?.attributes['error.type'];
  return {
    traceId: entry.traceId,
    name: root?.name ?? '',
    startTime: new Date(Number(start / 1_000_000n)).toISOString(),
    durationMs: Number(end - start) / 1e6,
    spanCount: spans.length,
    complete: entry.complete,
    sessionId: entry.sessionId,
    operation,
    errorType: modelError ?? agentError ?? (typeof rootError === 'string' ? rootError : null),
    guardrailTripped,
    usage,
    agentDurationMs,
    models,
    droppedSpans: entry.dropped,
  };
}
