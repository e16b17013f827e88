/**
 * Subscriptions in the playground: GraphQL over SSE (graphql-sse "distinct connections" mode) to the API's
 * `/graphql/stream`, as an async iterable GraphiQL shows event by event, and a store of the streamed answer's text
 * so far for the panel above the editors.
 */
import { readEventStream } from '@nba-reporter/sdk/sse';

/** The streamed answer the panel shows. */
export interface StreamState {
  readonly operationName: string;
  readonly text: string;
  readonly status: 'streaming' | 'completed' | 'failed';
}

type Listener = () => void;

/** A minimal external store for React's useSyncExternalStore. */
export class StreamStore {
  #state: StreamState | null = null;
  readonly #listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): StreamState | null => this.#state;

  set(state: StreamState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

/** Whether the operation that would run is a subscription (comments and strings aside). */
export function isSubscription(query: string, operationName: string | undefined): boolean {
  const code = query.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, ' ');
  const operations = [...code.matchAll(/\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)?/g)];
  const chosen =
    operations.find((m) => m[2] === operationName) ?? (operations.length === 1 ? operations[0] : undefined);
  return chosen?.[1] === 'subscription';
}

type Result = { data?: Record<string, unknown> | null; errors?: unknown[] };

/**
 * Runs a subscription; yields each `next` payload as GraphQL result. Text deltas are appended to `store` as they
 * arrive; `onResult` sees every result (for the header bar).
 */
export async function* streamSubscription(
  url: string,
  request: { query: string; operationName: string | undefined; variables: unknown; headers: Headers },
  store: StreamStore,
  onResult: (result: Result) => void,
): AsyncGenerator<Result> {
  const name = request.operationName ?? '';
  let text = '';
  store.set({ operationName: name, text, status: 'streaming' });
  const headers = request.headers;
  headers.set('content-type', 'application/json');
  headers.set('accept', 'text/event-stream');
  const response = await fetch(url, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: JSON.stringify({
      query: request.query,
      operationName: request.operationName,
      variables: request.variables ?? undefined,
    }),
  });
  if (!response.ok || !response.body || !/^text\/event-stream/.test(response.headers.get('content-type') ?? '')) {
    store.set({ operationName: name, text, status: 'failed' });
    const body = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }))) as Result;
    onResult(body);
    yield body;
    return;
  }
  let status: StreamState['status'] = 'failed';
  try {
    for await (const { event, data } of readEventStream(response.body)) {
      if (event === 'complete') break;
      if (event !== 'next') continue;
      const result = JSON.parse(data) as Result;
      const root = result.data ? Object.values(result.data)[0] : undefined;
      const typename = root && typeof root === 'object' ? (root as { __typename?: unknown }).__typename : undefined;
      if (typename === 'TextDelta') text += String((root as { delta?: unknown }).delta ?? '');
      if (typename === 'TurnCompleted') status = 'completed';
      if (result.errors) status = 'failed';
      store.set({ operationName: name, text, status: status === 'completed' || result.errors ? status : 'streaming' });
      onResult(result);
      yield result;
    }
  } finally {
    store.set({ operationName: name, text, status });
  }
}
