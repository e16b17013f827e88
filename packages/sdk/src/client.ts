import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { operations } from './__generated__/operation-map.js';
import { type GraphQLErrorPayload, isServerErrorCode, NbaReporterError, type NbaReporterErrorCode } from './errors.js';
import { readEventStream } from './sse.js';
import {
  injectContext,
  loadedOpenTelemetry,
  loadOpenTelemetry,
  type OpenTelemetryApiLike,
  traceIdOf,
} from './trace.js';

type Operations = typeof operations;

/** Every client method name: one per operation in @nba-reporter/schema/operations/. */
export type OperationName = keyof Operations;

/** What `client[K]` resolves with: the root field the operation selects, exactly as selected. */
export type OperationResult<K extends OperationName> =
  ResultOf<Operations[K]['document']> extends { readonly [P in K]: infer R } ? R : never;

/** What `client[K]` takes as its first argument (`never` for operations without input). */
export type OperationInput<K extends OperationName> = Operations[K]['input'] extends true
  ? VariablesOf<Operations[K]['document']> extends { input: infer I }
    ? I
    : never
  : never;

/** Anything `new Headers(...)` accepts: a `Headers`, a record or `[name, value]` pairs. */
export type HeadersInitLike = ConstructorParameters<typeof Headers>[0];
export type HeadersOption = HeadersInitLike | (() => HeadersInitLike | Promise<HeadersInitLike>);

export interface CallOptions {
  /** Aborts this call (combined with the client's `signal` and `timeoutMs`). */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call; they override the client's. */
  headers?: HeadersInitLike | undefined;
  /** Explicit W3C `traceparent` for this call; wins over the client's and over OpenTelemetry. */
  traceparent?: string | undefined;
  /** W3C `tracestate` to send with an explicit `traceparent`. */
  tracestate?: string | undefined;
}

export interface NbaReporterClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string | URL;
  /** The GraphQL over SSE endpoint of the streaming methods; default `url` + `/stream`. */
  streamUrl?: string | URL | undefined;
  /** Headers for every request, or a (possibly async) function returning them (e.g. fresh auth tokens). */
  headers?: HeadersOption | undefined;
  /** A `fetch` implementation; defaults to `globalThis.fetch` looked up at call time. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Aborts every call made by this client (e.g. on shutdown). */
  signal?: AbortSignal | undefined;
  /** Per-call time limit in milliseconds; the call rejects with code `ABORTED`. */
  timeoutMs?: number | undefined;
  /** Explicit W3C `traceparent` for every call (or a function returning one); wins over OpenTelemetry. */
  traceparent?: string | (() => string | undefined) | undefined;
  /** W3C `tracestate` to send with an explicit `traceparent`. */
  tracestate?: string | undefined;
  /**
   * OpenTelemetry propagation. Default: `@opentelemetry/api` is imported lazily, once, if installed, and the
   * active context is injected (`traceparent`/`tracestate`). Pass the API module (`import * as otel from
   * '@opentelemetry/api'`) to inject it explicitly (e.g. in bundled browser apps), or `false` to disable.
   */
  opentelemetry?: OpenTelemetryApiLike | false | undefined;
}

/** What a method returns: a promise for queries and mutations, an async iterable of events for subscriptions. */
type Returned<K extends OperationName> = Operations[K]['type'] extends 'subscription'
  ? AsyncIterable<OperationResult<K>>
  : Promise<OperationResult<K>>;

type Method<K extends OperationName> = Operations[K]['input'] extends true
  ? (input: OperationInput<K>, options?: CallOptions) => Returned<K>
  : (options?: CallOptions) => Returned<K>;

/**
 * The typed client: one method per operation. Query and mutation methods return a promise; streaming methods
 * (`reportStream`, `followUpStream`) return an async iterable of events (GraphQL over SSE): the request starts when
 * iteration starts, and breaking out of the loop or aborting the signal stops it. Every method rejects (or its
 * iterator throws) with `NbaReporterError`.
 */
export type NbaReporterClient = { readonly [K in OperationName]: Method<K> };

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorPayload[];
}

const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

/** Creates a typed client for the NBA Reporter GraphQL API. Works wherever `fetch` exists. */
export function createNbaReporterClient(options: NbaReporterClientOptions): NbaReporterClient {
  const url = String(options.url);
  if (options.opentelemetry === undefined && options.traceparent === undefined) void loadOpenTelemetry();

  const streamUrl = String(options.streamUrl ?? `${url.replace(/\/+$/, '')}/stream`);

  /** Headers, signal, body and error helpers of one call; shared by requests and streams. */
  async function prepare(name: OperationName, input: unknown, callOptions: CallOptions, accept: string) {
    const operation = operations[name];
    const headers = new Headers();
    // Capture the caller's OpenTelemetry context before the first `await`.
    const explicitParent =
      callOptions.traceparent ??
      (typeof options.traceparent === 'function' ? options.traceparent() : options.traceparent);
    let otel: OpenTelemetryApiLike | undefined;
    let otelContext: unknown;
    if (explicitParent === undefined && options.opentelemetry !== false) {
      otel = options.opentelemetry ?? loadedOpenTelemetry();
      otelContext = otel?.context.active();
    }
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    new Headers(extra).forEach((value, key) => headers.set(key, value));
    new Headers(callOptions.headers).forEach((value, key) => headers.set(key, value));
    headers.set('content-type', 'application/json');
    if (!headers.has('accept') || accept !== ACCEPT) headers.set('accept', accept);
    if (explicitParent !== undefined) {
      headers.set('traceparent', explicitParent);
      const state = callOptions.traceparent !== undefined ? callOptions.tracestate : options.tracestate;
      if (state !== undefined) headers.set('tracestate', state);
    } else if (options.opentelemetry !== false) {
      if (!otel) {
        otel = await loadOpenTelemetry();
        otelContext = otel?.context.active();
      }
      if (otel) injectContext(otel, otelContext, headers);
    }
    const sentTraceId = traceIdOf(headers.get('traceparent'));

    const signals = [callOptions.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
    if (options.timeoutMs !== undefined) signals.push(AbortSignal.timeout(options.timeoutMs));
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];

    const fail = (
      code: NbaReporterErrorCode,
      message: string,
      extra: { status?: number; traceId?: string | undefined; errors?: GraphQLErrorPayload[]; cause?: unknown } = {},
    ): NbaReporterError =>
      new NbaReporterError({
        code,
        message: `${name}: ${message}`,
        operation: name,
        ...extra,
        traceId: extra.traceId ?? sentTraceId,
      });
    const failRequest = (cause: unknown, status?: number, traceId?: string): NbaReporterError =>
      signal?.aborted
        ? fail('ABORTED', `request aborted (${describe(signal.reason)})`, { status, traceId, cause: signal.reason })
        : fail('NETWORK_ERROR', `request failed (${describe(cause)})`, { status, traceId, cause });

    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw fail('NETWORK_ERROR', 'no fetch implementation: pass the `fetch` option');
    }
    const body = JSON.stringify(
      operation.input
        ? { query: String(operation.document), variables: { input } }
        : { query: String(operation.document) },
    );
    return { headers, signal, body, fail, failRequest, fetchImpl };
  }

  /** The first GraphQL error of `errors` as an NbaReporterError, if any. */
  function graphQLFailure(
    fail: Awaited<ReturnType<typeof prepare>>['fail'],
    errors: GraphQLErrorPayload[],
    status: number,
    headerTraceId: string | undefined,
  ): NbaReporterError | undefined {
    const first = errors[0];
    if (!first) return undefined;
    const code = first.extensions?.['code'];
    const traceId = first.extensions?.['traceId'];
    return fail(isServerErrorCode(code) ? code : 'UNKNOWN_ERROR', String(first.message), {
      status,
      traceId: typeof traceId === 'string' && traceId !== '' ? traceId : headerTraceId,
      errors,
    });
  }

  async function call(name: OperationName, input: unknown, callOptions: CallOptions = {}): Promise<unknown> {
    const { headers, signal, body, fail, failRequest, fetchImpl } = await prepare(name, input, callOptions, ACCEPT);
    let response: Response;
    try {
      response = await fetchImpl(url, { method: 'POST', headers, body, signal: signal ?? null });
    } catch (error) {
      throw failRequest(error);
    }
    const { status } = response;
    const headerTraceId = traceIdOf(response.headers.get('traceresponse'));
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw failRequest(error, status, headerTraceId);
    }
    let parsed: GraphQLResponseBody | undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && ('data' in value || 'errors' in value)) {
        parsed = value as GraphQLResponseBody;
      }
    } catch {
      // not JSON: handled below
    }

    const failure = graphQLFailure(fail, Array.isArray(parsed?.errors) ? parsed.errors : [], status, headerTraceId);
    if (failure) throw failure;
    if (!response.ok) {
      throw fail('HTTP_ERROR', `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`, {
        status,
        traceId: headerTraceId,
      });
    }
    const data = parsed?.data;
    if (!data || !(name in data) || data[name] === undefined || data[name] === null) {
      throw fail('INVALID_RESPONSE', parsed ? `response has no data.${name}` : 'response is not GraphQL JSON', {
        status,
        traceId: headerTraceId,
      });
    }
    return data[name];
  }

  /**
   * A subscription over GraphQL over SSE (graphql-sse "distinct connections": POST, `Accept: text/event-stream`):
   * yields the root field of each `next` event until `complete`; an `errors` event ends it with NbaReporterError.
   */
  async function* stream(name: OperationName, input: unknown, callOptions: CallOptions = {}): AsyncGenerator<unknown> {
    // Our own controller too, so leaving the loop (return) aborts the request.
    const leave = new AbortController();
    const prepared = await prepare(
      name,
      input,
      {
        ...callOptions,
        signal: callOptions.signal ? AbortSignal.any([callOptions.signal, leave.signal]) : leave.signal,
      },
      'text/event-stream',
    );
    const { headers, signal, body, fail, failRequest, fetchImpl } = prepared;
    try {
      let response: Response;
      try {
        response = await fetchImpl(streamUrl, { method: 'POST', headers, body, signal: signal ?? null });
      } catch (error) {
        throw failRequest(error);
      }
      const { status } = response;
      const headerTraceId = traceIdOf(response.headers.get('traceresponse'));
      if (!response.ok || !response.body || !/^text\/event-stream/i.test(response.headers.get('content-type') ?? '')) {
        let parsed: GraphQLResponseBody | undefined;
        try {
          parsed = JSON.parse(await response.text()) as GraphQLResponseBody;
        } catch {
          // not JSON
        }
        const failure = graphQLFailure(fail, Array.isArray(parsed?.errors) ? parsed.errors : [], status, headerTraceId);
        if (failure) throw failure;
        if (!response.ok)
          throw fail('HTTP_ERROR', `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`, {
            status,
            traceId: headerTraceId,
          });
        throw fail('INVALID_RESPONSE', 'response is not an event stream', { status, traceId: headerTraceId });
      }
      const events = readEventStream(response.body);
      for (;;) {
        let next: IteratorResult<{ event: string; data: string }>;
        try {
          next = await events.next();
        } catch (error) {
          throw failRequest(error, status, headerTraceId);
        }
        if (next.done)
          throw fail('NETWORK_ERROR', 'the stream ended before it completed', { status, traceId: headerTraceId });
        const { event, data } = next.value;
        if (event === 'complete') return;
        if (event !== 'next') continue;
        let parsed: GraphQLResponseBody;
        try {
          parsed = JSON.parse(data) as GraphQLResponseBody;
        } catch {
          throw fail('INVALID_RESPONSE', 'an event is not GraphQL JSON', { status, traceId: headerTraceId });
        }
        const failure = graphQLFailure(fail, Array.isArray(parsed.errors) ? parsed.errors : [], status, headerTraceId);
        if (failure) throw failure;
        const value = parsed.data?.[name];
        if (value === undefined || value === null)
          throw fail('INVALID_RESPONSE', `event has no data.${name}`, { status, traceId: headerTraceId });
        yield value;
      }
    } finally {
      leave.abort(new Error('the stream was closed by the caller'));
    }
  }

  const client: Record<string, unknown> = {};
  for (const name of Object.keys(operations) as OperationName[]) {
    const run = operations[name].type === 'subscription' ? stream : call;
    client[name] = operations[name].input
      ? (input: unknown, callOptions?: CallOptions) => run(name, input, callOptions)
      : (callOptions?: CallOptions) => run(name, undefined, callOptions);
  }
  return Object.freeze(client) as NbaReporterClient;
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.name === 'Error' ? value.message : `${value.name}: ${value.message}`;
  return String(value);
}
