/**
 * The trace view's side of the wire: the JSON the API serves at GET {traces} and GET {traces}/{traceId}
 * (see @nba-reporter/telemetry's trace-view types; only what the page reads is declared here), the polling that
 * waits for a trace to complete, and the pure helpers the waterfall uses (tree order, offsets, formatting).
 */
import { authorizationHeader } from './credentials.js';

export type AttributeValue = string | number | boolean | ReadonlyArray<string | number | boolean | null>;

export interface ViewSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationMs: number;
  status: { code: 'UNSET' | 'OK' | 'ERROR'; message?: string };
  attributes: Record<string, AttributeValue>;
  events: { name: string; timeUnixNano: string; attributes: Record<string, AttributeValue> }[];
  scope: string;
}

export interface TraceSummary {
  traceId: string;
  name: string;
  startTime: string;
  durationMs: number;
  spanCount: number;
  complete: boolean;
  sessionId: string | null;
  operation: string | null;
  errorType: string | null;
  guardrailTripped: boolean;
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number } | null;
  agentDurationMs: number | null;
  models: string[];
  droppedSpans: number;
}

export interface TraceDetail extends TraceSummary {
  spans: ViewSpan[];
  metrics: { name: string; unit: string; value: number; attributes: Record<string, AttributeValue>; spanId: string }[];
}

export type TraceState =
  | { status: 'loading' }
  | { status: 'ready'; trace: TraceDetail }
  | { status: 'missing'; message: string }
  | { status: 'failed'; message: string };

const POLL_INTERVAL_MS = 250;
/** A request's root span ends a moment after its response; a streaming turn may take much longer. */
const POLL_LIMIT_MS = 60_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });

async function getJson(url: string, signal: AbortSignal): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    headers: { accept: 'application/json', ...authorizationHeader() },
    credentials: 'same-origin',
    signal,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: { errors: [{ message: text.slice(0, 200) }] } };
  }
}

function errorMessage(body: unknown, status: number): string {
  const errors = (body as { errors?: { message?: string }[] })?.errors;
  return errors?.[0]?.message ?? `HTTP ${status}`;
}

/**
 * Fetches one trace by id, polling until its root span has ended (the trace is complete) or the time limit passes.
 * Works for any request the API served, whatever the transport: all it needs is the trace id.
 */
export async function watchTrace(
  base: string,
  traceId: string,
  signal: AbortSignal,
  onState: (state: TraceState) => void,
): Promise<void> {
  const deadline = Date.now() + POLL_LIMIT_MS;
  onState({ status: 'loading' });
  while (!signal.aborted) {
    try {
      const { status, body } = await getJson(`${base}/${encodeURIComponent(traceId)}`, signal);
      if (signal.aborted) return;
      if (status === 200) {
        const trace = body as TraceDetail;
        onState({ status: 'ready', trace });
        if (trace.complete) return;
      } else if (status !== 404) {
        onState({ status: 'failed', message: errorMessage(body, status) });
        return;
      } else if (Date.now() > deadline) {
        onState({ status: 'missing', message: errorMessage(body, status) });
        return;
      }
    } catch (error) {
      if (signal.aborted) return;
      onState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (Date.now() > deadline) return;
    await sleep(POLL_INTERVAL_MS, signal);
  }
}

/** The turns of one conversation, oldest first. */
export async function fetchSessionTraces(
  base: string,
  sessionId: string,
  signal: AbortSignal,
): Promise<TraceSummary[]> {
  const { status, body } = await getJson(`${base}?sessionId=${encodeURIComponent(sessionId)}`, signal);
  if (status !== 200) throw new Error(errorMessage(body, status));
  return [...(body as { traces: TraceSummary[] }).traces].reverse();
}

export async function fetchRecentTraces(base: string, signal: AbortSignal, limit = 20): Promise<TraceSummary[]> {
  const { status, body } = await getJson(`${base}?limit=${limit}`, signal);
  if (status !== 200) throw new Error(errorMessage(body, status));
  return (body as { traces: TraceSummary[] }).traces;
}

export interface WaterfallRow {
  span: ViewSpan;
  depth: number;
  /** Offset of the span's start from the trace's start, and its length, in milliseconds. */
  offsetMs: number;
  durationMs: number;
}

/** The spans in tree order (each parent followed by its children, by start time), with their offsets. */
export function waterfallRows(spans: readonly ViewSpan[]): { rows: WaterfallRow[]; totalMs: number } {
  if (spans.length === 0) return { rows: [], totalMs: 0 };
  const start = spans.reduce(
    (min, s) => (BigInt(s.startTimeUnixNano) < min ? BigInt(s.startTimeUnixNano) : min),
    BigInt(spans[0]!.startTimeUnixNano),
  );
  const end = spans.reduce((max, s) => (BigInt(s.endTimeUnixNano) > max ? BigInt(s.endTimeUnixNano) : max), start);
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, ViewSpan[]>();
  const roots: ViewSpan[] = [];
  for (const span of spans) {
    if (span.parentSpanId && ids.has(span.parentSpanId)) {
      const list = children.get(span.parentSpanId) ?? [];
      list.push(span);
      children.set(span.parentSpanId, list);
    } else roots.push(span);
  }
  const byStart = (a: ViewSpan, b: ViewSpan) => {
    const d = BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  };
  const rows: WaterfallRow[] = [];
  const walk = (span: ViewSpan, depth: number) => {
    rows.push({
      span,
      depth,
      offsetMs: Number(BigInt(span.startTimeUnixNano) - start) / 1e6,
      durationMs: span.durationMs,
    });
    for (const child of (children.get(span.spanId) ?? []).sort(byStart)) walk(child, depth + 1);
  };
  for (const root of roots.sort(byStart)) walk(root, 0);
  return { rows, totalMs: Number(end - start) / 1e6 };
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** What marks a span in the waterfall: a tripped guardrail, or a failure (with its error.type when known). */
export function spanMarks(span: ViewSpan): { tripped: boolean; error: string | null } {
  const tripped = span.attributes['gen_ai.guardrail.triggered'] === true;
  const type = span.attributes['error.type'];
  const error =
    typeof type === 'string' ? type : span.status.code === 'ERROR' ? (span.status.message ?? 'error') : null;
  return { tripped, error };
}

/** The attributes that carry message content: present only when the API captures content. */
export const CONTENT_ATTRIBUTES = [
  'gen_ai.system_instructions',
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.tool.definitions',
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.call.result',
] as const;

/** The GenAI attributes shown first when a span is selected, with their labels. */
export const GENAI_FIELDS: readonly (readonly [key: string, label: string])[] = [
  ['gen_ai.operation.name', 'operation'],
  ['gen_ai.provider.name', 'provider'],
  ['gen_ai.request.model', 'model'],
  ['gen_ai.response.model', 'response model'],
  ['gen_ai.usage.input_tokens', 'tokens in'],
  ['gen_ai.usage.output_tokens', 'tokens out'],
  ['gen_ai.usage.cache_read.input_tokens', 'tokens cached'],
  ['gen_ai.usage.reasoning.output_tokens', 'reasoning tokens'],
  ['gen_ai.response.finish_reasons', 'finish reasons'],
  ['gen_ai.response.id', 'response id'],
  ['error.type', 'error.type'],
  ['gen_ai.tool.name', 'tool'],
  ['gen_ai.tool.call.id', 'tool call id'],
  ['gen_ai.guardrail.name', 'guardrail'],
  ['gen_ai.guardrail.triggered', 'triggered'],
  ['gen_ai.agent.name', 'agent'],
  ['gen_ai.conversation.id', 'conversation id'],
];

export function formatValue(value: AttributeValue): string {
  return Array.isArray(value) ? value.map((v) => String(v)).join(', ') : String(value);
}
