/**
 * The `fetch` the OpenAI client is given: undici's `request` (the dispatcher API Node's own `fetch` is built on) behind
 * the `fetch` signature, without the WHATWG fetch layer (a Request, Headers and web streams per call, the spec's
 * algorithm steps). A model call costs about a third less client CPU this way (README, "What each change saved").
 *
 * Kept from `fetch`: keep-alive connections, redirects (307/308 resend the body, 301-303 become GET; credentials are
 * dropped across origins), decoding of compressed answers, the caller's abort signal for headers and body alike, a
 * body that breaks after the headers failing when it is read (`TypeError: terminated`: the client does not retry a
 * call the server may already have answered), a `Response` the client reads as before, and undici's
 * diagnostics channels, so the HTTP client span under `chat` is the same span. Unlike `fetch` it sends no
 * `accept-encoding`: model answers come uncompressed (less CPU; any compressed one is still decoded). Bodies the fast
 * path does not take (streams, forms, blobs) and `Request` objects go to the global `fetch`.
 */
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';

/** Statuses whose `Response` must have no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

interface Client {
  request: typeof import('undici').request;
  dispatcher: Dispatcher;
}
let client: Promise<Client> | undefined;

/** Node's own switch for its fetch (`NODE_USE_ENV_PROXY=1` or `--use-env-proxy`): HTTP_PROXY / HTTPS_PROXY / NO_PROXY. */
const useEnvProxy = () => process.env.NODE_USE_ENV_PROXY === '1' || process.execArgv.includes('--use-env-proxy');

/**
 * undici, loaded on the first model call (an offline server never loads it: ~50 ms of start-up), and one connection
 * pool for every model call of the process.
 */
function loadClient(): Promise<Client> {
  client ??= import('undici').then(
    ({ Agent, EnvHttpProxyAgent, interceptors, request }) => ({
      request,
      dispatcher: (useEnvProxy() ? new EnvHttpProxyAgent() : new Agent()).compose(
        interceptors.redirect({ maxRedirections: 20 }),
        interceptors.decompress(),
      ),
    }),
    (error: unknown) => {
      client = undefined; // tried again on the next call
      throw error;
    },
  );
  return client;
}

/** What the client parses as JSON (its own test): read whole. Anything else may be a stream and is passed on. */
function isJson(type: string | string[] | undefined): boolean {
  const media = (typeof type === 'string' ? type : '').split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || media.endsWith('+json');
}

/** A body that broke after the headers: a Response whose body fails when read, as `fetch` gives. */
function brokenBody(cause: unknown, init: ResponseInit): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.error(new TypeError('terminated', { cause }));
    },
  });
  return new Response(body, init);
}

function isPlainBody(body: unknown): body is string | Uint8Array | undefined | null {
  return body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): NonNullable<ResponseInit['headers']> {
  let multi = false;
  for (const key in raw) if (Array.isArray(raw[key])) multi = true;
  if (!multi) return raw as Record<string, string>;
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}

/** A `fetch` for API clients over undici's `request`; see the module comment for what it keeps. */
export const undiciFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  if (url === undefined || !isPlainBody(init?.body)) return globalThis.fetch(input, init);
  const { request, dispatcher } = await loadClient();
  const res = await request(url, {
    method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: init?.headers as Dispatcher.RequestOptions['headers'],
    body: init?.body ?? null,
    signal: init?.signal ?? undefined,
    dispatcher,
  });
  const headers = responseHeaders(res.headers);
  const status = res.statusCode;
  if (NULL_BODY.has(status) || init?.method === 'HEAD') {
    res.body.resume();
    return new Response(null, { status, headers });
  }
  // JSON is read whole, under the same signal, so the client's per-attempt timeout still covers the body. Anything
  // else (server-sent events above all: the client streams by what it asked for, whatever the content-type) is passed
  // on as it arrives.
  if (!isJson(res.headers['content-type'])) {
    return new Response(Readable.toWeb(res.body) as ReadableStream<Uint8Array>, { status, headers });
  }
  try {
    return new Response(await res.body.arrayBuffer(), { status, headers });
  } catch (error) {
    if (init?.signal?.aborted) throw error; // a timeout or the caller's abort, classified by the client as before
    return brokenBody(error, { status, headers });
  }
};
