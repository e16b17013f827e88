/**
 * Streaming turns: the events a streamed turn yields, the queue that carries them from the running turn to its
 * consumer, and the translation of the Agents SDK's stream events into them.
 */
import type { AgentInputItem, ModelResponse, RunStreamEvent, Usage } from '@openai/agents-core';
import type { TurnResult } from './reporter.js';
import { StreamingSanitizer } from './sanitize-stream.js';

/** Status of a tool call as it is reported while a turn streams. */
export type ToolCallStatus = 'started' | 'completed' | 'failed';

/** One event of a streamed turn. A stream ends with exactly one `turn_completed`, or throws. */
export type TurnEvent =
  | { readonly type: 'text_delta'; readonly delta: string }
  | { readonly type: 'tool_call'; readonly name: string; readonly callId: string; readonly status: ToolCallStatus }
  | { readonly type: 'turn_completed'; readonly turn: TurnResult };

/** A streamed turn: iterate it once. Breaking out of the loop (or the caller's signal) stops the turn. */
export type TurnStream = AsyncIterable<TurnEvent>;

/**
 * Assistant text between model responses of one turn (e.g. a preamble before a tool call, then the answer). The
 * mutation joins the texts of a turn's responses the same way, so both give the same message.
 */
export const RESPONSE_SEPARATOR = '\n\n';

/** The raw (unsanitised) assistant text of a run: every response's output text, responses joined by {@link RESPONSE_SEPARATOR}. */
export function rawTurnText(responses: readonly ModelResponse[]): string {
  const texts: string[] = [];
  for (const response of responses) {
    let text = '';
    for (const item of response.output) {
      if (item.type !== 'message' || item.role !== 'assistant') continue;
      for (const part of item.content) if (part.type === 'output_text') text += part.text;
    }
    if (text.length > 0) texts.push(text);
  }
  return texts.join(RESPONSE_SEPARATOR);
}

/**
 * A tool's output that reports a failure. Our tool answers failures with "Error: …" through the SDK's
 * `errorFunction`; the SDK's default error function says "An error occurred while running the tool…".
 */
export function isToolFailureOutput(output: unknown): boolean {
  const text =
    typeof output === 'string'
      ? output
      : output && typeof output === 'object' && 'text' in output && typeof output.text === 'string'
        ? output.text
        : '';
  return /^(?:Error:|An error occurred while running the tool)/.test(text);
}

/** What the reporter needs back from a streamed run. */
export interface StreamedRun {
  readonly history: AgentInputItem[];
  readonly state: { readonly usage: Usage };
  /** The sanitised message, exactly the concatenation of the text deltas emitted (the last one still to send). */
  readonly message: string;
  /** The text still held by the sanitiser at the end: send it as the last delta once the turn is stored. */
  readonly rest: string;
}

/** Sink for the events of a running turn. */
export interface TurnSink {
  emit(event: TurnEvent): void;
}

/**
 * Consumes the SDK's stream of one run: forwards text (sanitised incrementally) and tool calls to `sink`, and
 * returns the finished run. Throws the run's error, or the abort reason when `signal` fired.
 */
export async function consumeRunStream(
  result: AsyncIterable<RunStreamEvent> & {
    readonly completed: Promise<void>;
    readonly error: unknown;
    readonly history: AgentInputItem[];
    readonly state: { readonly usage: Usage };
  },
  sink: TurnSink,
  signal: AbortSignal,
): Promise<StreamedRun> {
  const sanitizer = new StreamingSanitizer();
  let emitted = '';
  let rawSeen = false;
  let responseHasText = false;
  const text = (delta: string) => {
    if (delta.length === 0) return;
    emitted += delta;
    sink.emit({ type: 'text_delta', delta });
  };
  for await (const event of result) {
    if (event.type === 'raw_model_stream_event') {
      const data = event.data;
      if (data.type === 'response_started') responseHasText = false;
      else if (data.type === 'output_text_delta' && data.delta.length > 0) {
        if (!responseHasText && rawSeen) text(sanitizer.push(RESPONSE_SEPARATOR));
        responseHasText = true;
        rawSeen = true;
        text(sanitizer.push(data.delta));
      }
    } else if (event.type === 'run_item_stream_event') {
      const raw = event.item.rawItem as {
        type?: string;
        name?: string;
        callId?: string;
        id?: string;
        output?: unknown;
      };
      const name = raw.name ?? raw.type ?? 'tool';
      const callId = raw.callId ?? raw.id ?? '';
      if (event.name === 'tool_called') sink.emit({ type: 'tool_call', name, callId, status: 'started' });
      else if (event.name === 'tool_output') {
        sink.emit({
          type: 'tool_call',
          name,
          callId,
          status: isToolFailureOutput(raw.output) ? 'failed' : 'completed',
        });
      }
    }
  }
  await result.completed.catch(() => undefined);
  if (signal.aborted) throw signal.reason;
  if (result.error !== undefined && result.error !== null) throw result.error;
  const rest = sanitizer.end();
  return { history: result.history, state: result.state, message: emitted + rest, rest };
}

/**
 * A single-consumer async queue between a running turn and its reader. `return()` (a `break` in `for await`)
 * calls `onCancel`, which aborts the turn.
 */
export class TurnChannel implements AsyncIterable<TurnEvent>, TurnSink {
  readonly #items: TurnEvent[] = [];
  #error: { error: unknown } | undefined;
  #done = false;
  #wake: (() => void) | undefined;
  #iterated = false;

  private readonly onCancel: () => void;

  constructor(onCancel: () => void) {
    this.onCancel = onCancel;
  }

  emit(event: TurnEvent): void {
    if (this.#done) return;
    this.#items.push(event);
    this.#wake?.();
  }

  fail(error: unknown): void {
    if (this.#done) return;
    this.#error = { error };
    this.#done = true;
    this.#wake?.();
  }

  close(): void {
    this.#done = true;
    this.#wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<TurnEvent> {
    if (this.#iterated) throw new Error('A turn stream can be iterated only once');
    this.#iterated = true;
    return {
      next: async (): Promise<IteratorResult<TurnEvent>> => {
        for (;;) {
          const item = this.#items.shift();
          if (item) return { value: item, done: false };
          if (this.#error) {
            const { error } = this.#error;
            this.#error = undefined;
            throw error;
          }
          if (this.#done) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (this.#wake = resolve));
          this.#wake = undefined;
        }
      },
      return: async (): Promise<IteratorResult<TurnEvent>> => {
        if (!this.#done) {
          this.#done = true;
          this.#items.length = 0;
          this.onCancel();
        }
        return { value: undefined, done: true };
      },
    };
  }
}
