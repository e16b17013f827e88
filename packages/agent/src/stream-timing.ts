/**
 * Streaming facts on the SDK's model spans, for the OpenTelemetry bridge: the Agents SDK records no "this call
 * streamed" nor "when the first chunk came". A streamed model call sets two extension fields on its generation /
 * response span data (read by @nba-reporter/agents-otel, like the offline model's `response_model`):
 * - `stream: true` as soon as the call starts;
 * - `time_to_first_chunk`: seconds from the start of the call to its first chunk.
 */
import { getCurrentSpan, type Span, type StreamEvent } from '@openai/agents-core';

/** The extension fields a streamed model call adds to its span data. */
export interface StreamSpanFields {
  stream?: boolean;
  time_to_first_chunk?: number;
}

function isModelSpan(span: Span<any> | null): span is Span<any> {
  const type = (span?.spanData as { type?: string } | undefined)?.type;
  return type === 'generation' || type === 'response';
}

/** Marks `span` as streamed, started at `startedAt` (performance.now()). */
export function markStreamed(span: Span<any> | null | undefined): void {
  if (span && isModelSpan(span)) Object.assign(span.spanData, { stream: true } satisfies StreamSpanFields);
}

/** Records the first chunk on `span`. */
export function markFirstChunk(span: Span<any> | null | undefined, startedAt: number): void {
  if (!span || !isModelSpan(span)) return;
  const data = span.spanData as StreamSpanFields;
  if (data.time_to_first_chunk === undefined) data.time_to_first_chunk = (performance.now() - startedAt) / 1000;
}

/**
 * Passes a model's stream through, marking the span the model opened for it. The SDK's OpenAI models create their
 * span and make it current synchronously, on the first `next()`, before their first `await`; so right after that
 * call the current span is theirs (unless tracing is off for the call: then it is the caller's, left untouched).
 */
export async function* timedModelStream(start: () => AsyncIterable<StreamEvent>): AsyncGenerator<StreamEvent> {
  const startedAt = performance.now();
  const before = getCurrentSpan();
  const iterator = start()[Symbol.asyncIterator]();
  const first = iterator.next();
  const current = getCurrentSpan();
  const span = current !== before ? current : null;
  markStreamed(span);
  let step = await first;
  if (!step.done) markFirstChunk(span, startedAt);
  try {
    while (!step.done) {
      yield step.value;
      step = await iterator.next();
    }
  } finally {
    if (!step.done) await iterator.return?.();
  }
}
