/** A small GraphQL-over-SSE client for the tests (distinct connections mode), written against the SSE spec. */

export interface SseEvent {
  event: string;
  data: string;
}

/** Parses a `text/event-stream` body into events (comments skipped, multi-line data joined with "\n"). */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let newline = buffer.search(/\r\n|\r|\n/); newline >= 0; newline = buffer.search(/\r\n|\r|\n/)) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0 || event) yield { event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
  }
}

export interface StreamedResult {
  status: number;
  headers: Headers;
  /** The `next` payloads, in order. */
  results: Array<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>;
  /** Whether a `complete` event ended the stream. */
  completed: boolean;
}

export function subscriptionRequest(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
  };
}

/** One subscription over real HTTP, read to the end. `onResult` may return true to stop reading (the client leaves). */
export async function subscribeSse(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: {
    headers?: Record<string, string>;
    onResult?: (result: StreamedResult['results'][number]) => boolean | undefined;
  } = {},
): Promise<StreamedResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('subscription took longer than 20 s')), 20_000);
  try {
    const res = await fetch(url, {
      ...subscriptionRequest(query, variables, options.headers),
      signal: controller.signal,
    });
    const out: StreamedResult = { status: res.status, headers: res.headers, results: [], completed: false };
    if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
      out.results.push((await res.json()) as StreamedResult['results'][number]);
      return out;
    }
    let left = false;
    try {
      for await (const event of readSse(res.body!)) {
        if (event.event === 'complete') {
          out.completed = true;
          break;
        }
        if (event.event !== 'next') continue;
        const result = JSON.parse(event.data) as StreamedResult['results'][number];
        out.results.push(result);
        if (options.onResult?.(result) === true) {
          left = true;
          controller.abort(new Error('client left'));
          break;
        }
      }
    } catch (error) {
      if (!left) throw error;
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

export const TURN_EVENT_FIELDS = `__typename
  ... on TextDelta { delta }
  ... on ToolCallEvent { name callId status }
  ... on TurnCompleted { turn { sessionId topic message model traceId
    usage { requests inputTokens outputTokens totalTokens cachedInputTokens reasoningTokens } } }`;

export const REPORT_STREAM = `subscription ReportStream($input: ReportInput!) { reportStream(input: $input) { ${TURN_EVENT_FIELDS} } }`;
export const FOLLOW_UP_STREAM = `subscription FollowUpStream($input: FollowUpInput!) { followUpStream(input: $input) { ${TURN_EVENT_FIELDS} } }`;

/** The events of a stream as the union's objects (throws on an error result). */
export function eventsOf(result: StreamedResult): any[] {
  return result.results.map((r) => {
    if (r.errors) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
    return r.data!['reportStream'] ?? r.data!['followUpStream'];
  });
}

export function textOf(events: any[]): string {
  return events
    .filter((e) => e.__typename === 'TextDelta')
    .map((e) => e.delta as string)
    .join('');
}
