/**
 * The span processor that feeds the trace view's store. It sits beside the exporters' processors (or alone,
 * with no OTLP endpoint) and sees exactly the spans they see: ended, sampled spans, copied into plain JSON data
 * at once, so the store holds no reference to the SDK's span objects.
 */
import type { Context, HrTime } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { TraceStore, type TraceStoreOptions } from './store.js';
import type { Attributes, SpanKindName, StatusCodeName, ViewSpan } from './types.js';

const KINDS: readonly SpanKindName[] = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];
const SAMPLED = 1;

const unixNano = ([s, ns]: HrTime): string => (BigInt(s) * 1_000_000_000n + BigInt(ns)).toString();

function copyAttributes(attributes: Readonly<Record<string, unknown>>): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? [...(value as Array<string | number | boolean>)] : (value as Attributes[string]);
  }
  return out;
}

export function toViewSpan(span: ReadableSpan): ViewSpan {
  const sc = span.spanContext();
  const [ds, dns] = span.duration;
  return {
    traceId: sc.traceId,
    spanId: sc.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? '',
    name: span.name,
    kind: KINDS[span.kind] ?? 'INTERNAL',
    startTimeUnixNano: unixNano(span.startTime),
    endTimeUnixNano: unixNano(span.endTime),
    durationMs: ds * 1e3 + dns / 1e6,
    status: {
      code: STATUS[span.status.code] ?? 'UNSET',
      ...(span.status.message ? { message: span.status.message } : {}),
    },
    attributes: copyAttributes(span.attributes),
    events: span.events.map((e) => ({
      name: e.name,
      timeUnixNano: unixNano(e.time),
      attributes: copyAttributes(e.attributes ?? {}),
    })),
    scope: span.instrumentationScope.name,
  };
}

export class TraceStoreProcessor implements SpanProcessor {
  readonly store: TraceStore;
  readonly #resources = new WeakMap<object, Attributes>();
  readonly #readers = new WeakMap<object, () => Attributes>();

  constructor(options: TraceStoreOptions) {
    this.store = new TraceStore(options);
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    if ((span.spanContext().traceFlags & SAMPLED) === 0) return; // as the batch processor: unsampled spans are not exported
    const parent = span.parentSpanContext;
    this.store.add(toViewSpan(span), !parent || parent.isRemote === true, this.#resourceReader(span.resource));
  }

  /**
   * The resource's attributes, read when a trace is served. Detected attributes such as host.id settle a moment
   * after start (the exporters wait for them); until then the settled ones are returned, and the copy is kept
   * once all are in.
   */
  #resourceReader(resource: ReadableSpan['resource']): () => Attributes {
    const known = this.#readers.get(resource);
    if (known) return known;
    if (resource.asyncAttributesPending) void resource.waitForAsyncAttributes?.();
    const reader = () => {
      const cached = this.#resources.get(resource);
      if (cached) return cached;
      if (resource.asyncAttributesPending) {
        const settled: Record<string, unknown> = {};
        for (const [key, value] of resource.getRawAttributes()) {
          if (!(key in settled) && value !== undefined && typeof (value as { then?: unknown }).then !== 'function')
            settled[key] = value;
        }
        return copyAttributes(settled);
      }
      const attributes = copyAttributes(resource.attributes);
      this.#resources.set(resource, attributes);
      return attributes;
    };
    this.#readers.set(resource, reader);
    return reader;
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {
    this.store.clear();
  }
}
