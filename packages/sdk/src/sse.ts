/**
 * A minimal Server-Sent Events reader (the WHATWG `text/event-stream` format) over a fetch body: enough for
 * GraphQL over SSE (graphql-sse's `next` / `complete` events), with no dependency.
 */

export interface SseMessage {
  /** The `event:` field; `message` when absent. */
  readonly event: string;
  /** The `data:` lines, joined with "\n". */
  readonly data: string;
}

/** Yields the events of `body` as they arrive. Comments (keep-alive pings) are skipped. */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (let at = buffer.search(/\r\n|\r|\n/); at >= 0; at = buffer.search(/\r\n|\r|\n/)) {
        // A lone "\r" at the very end may be the first half of "\r\n": wait for the next chunk.
        if (!done && at === buffer.length - 1 && buffer[at] === '\r') break;
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + (buffer.startsWith('\r\n', at) ? 2 : 1));
        if (line === '') {
          if (data.length > 0 || event !== '') yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (done) return;
    }
  } finally {
    // Stops the download when the consumer stops early (break / return).
    await reader.cancel().catch(() => undefined);
  }
}
