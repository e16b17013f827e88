/**
 * The local view: when no OTLP endpoint is configured, each finished request's spans are
 * printed as a compact tree (name, kind, duration and the gen_ai attributes that matter),
 * so a newcomer sees what the service emits without running a backend.
 */
import type { Context } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';

const MAX_TRACES = 256;
const MAX_SPANS_PER_TRACE = 512;

const KIND = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;

function durationMs(span: ReadableSpan): number {
  const [s, ns] = span.duration;
  return s * 1e3 + ns / 1e6;
}

function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

/** The few attributes worth a glance, in reading order. */
function highlights(span: ReadableSpan): string {
  const a = span.attributes;
  const parts: string[] = [];
  const push = (label: string, key: string) => {
    const v = a[key];
    if (v !== undefined) parts.push(`${label}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  };
  push('status', 'http.response.status_code');
  push('provider', 'gen_ai.provider.name');
  push('in', 'gen_ai.usage.input_tokens');
  if (Number(a['gen_ai.usage.cache_read.input_tokens']) > 0) push('cached', 'gen_ai.usage.cache_read.input_tokens');
  push('out', 'gen_ai.usage.output_tokens');
  push('finish', 'gen_ai.response.finish_reasons');
  push('triggered', 'gen_ai.guardrail.triggered');
  push('call', 'gen_ai.tool.call.id');
  if (a['gen_ai.operation.name'] === 'invoke_agent') push('session', 'gen_ai.conversation.id');
  push('error', 'error.type');
  if (span.status.code === SpanStatusCode.ERROR && a['error.type'] === undefined) parts.push('ERROR');
  return parts.join(' ');
}

export interface SpanTreeOptions {
  /** Where to write; defaults to stderr so it does not mix with JSON logs on stdout. */
  write?: (text: string) => void;
}

export class SpanTreeProcessor implements SpanProcessor {
  readonly #traces = new Map<string, ReadableSpan[]>();
  readonly #write: (text: string) => void;

  constructor(options: SpanTreeOptions = {}) {
    this.#write = options.write ?? ((text) => process.stderr.write(text));
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    let spans = this.#traces.get(traceId);
    if (!spans) {
      if (this.#traces.size >= MAX_TRACES) {
        const oldest = this.#traces.keys().next().value;
        if (oldest !== undefined) this.#traces.delete(oldest);
      }
      spans = [];
      this.#traces.set(traceId, spans);
    }
    if (spans.length < MAX_SPANS_PER_TRACE) spans.push(span);
    const parent = span.parentSpanContext;
    if (!parent || parent.isRemote) {
      this.#traces.delete(traceId);
      // Requests only: a lone internal span (graphql.parseSchema at start-up) is not worth a tree.
      if (spans.length > 1 || span.kind === SpanKind.SERVER) this.#write(render(traceId, span, spans));
    }
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {
    this.#traces.clear();
  }
}

export function render(traceId: string, root: ReadableSpan, spans: readonly ReadableSpan[]): string {
  const children = new Map<string, ReadableSpan[]>();
  for (const s of spans) {
    const pid = s.parentSpanContext?.spanId;
    if (!pid || s === root) continue;
    const list = children.get(pid) ?? [];
    list.push(s);
    children.set(pid, list);
  }
  const startOf = (s: ReadableSpan) => s.startTime[0] * 1e9 + s.startTime[1];
  const lines = [`trace ${traceId}`];
  const walk = (span: ReadableSpan, prefix: string, last: boolean, depth: number) => {
    const branch = depth === 0 ? '' : last ? '└─ ' : '├─ ';
    const kind = span.kind === SpanKind.INTERNAL ? '' : ` ${KIND[span.kind] ?? ''}`;
    const extra = highlights(span);
    lines.push(`${prefix}${branch}${span.name}${kind}  ${formatMs(durationMs(span))}${extra ? `  ${extra}` : ''}`);
    const kids = (children.get(span.spanContext().spanId) ?? []).sort((a, b) => startOf(a) - startOf(b));
    const nextPrefix = depth === 0 ? '' : prefix + (last ? '   ' : '│  ');
    kids.forEach((k, i) => walk(k, nextPrefix, i === kids.length - 1, depth + 1));
  };
  walk(root, '', true, 0);
  return `${lines.join('\n')}\n`;
}
