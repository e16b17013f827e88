/**
 * The `fetch` the OpenAI client is given: undici's `request` (the dispatcher API Node's own `fetch` is built on) behind
 * the `fetch` signature, without the WHATWG fetch layer (a Request, Headers and web streams per call, the spec's
 * algorithm steps). A model call costs about a third less client CPU this way (README, "What each change saved").
 *
 * Kept from `fetch`: keep-alive connections, redirects (307/308 resend the body, 301-303 become GET; credentials are
 * dropped across origins), the caller's abort signal for headers and body alike, a `Response` the client reads as
 * before, and undici's diagnostics channels, so the HTTP client span under `chat` is the same span. Bodies the fast
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

/**
 * undici, loaded on the first model call (an offline server never loads it: ~50 ms of start-up), and one connection
 * pool for every model call of the process. `NODE_USE_ENV_PROXY` keeps its meaning for Node's fetch: HTTP_PROXY /
 * HTTPS_PROXY / NO_PROXY are honoured.
 */
function loadClient(): Promise<Client> {
  client ??= import('undici').then(({ Agent, EnvHttpProxyAgent, interceptors, request }) => ({
    request,
    dispatcher: (process.env.NODE_USE_ENV_PROXY === '1' ? new EnvHttpProxyAgent() : new Agent()).compose(
      interceptors.redirect({ maxRedirections: 20 }),
    ),
  }));
  return client;
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
  const type = res.headers['content-type'];
  // Server-sent events (streamed answers) are passed on as they arrive; anything else is read whole, under the same
  // signal, so the client's per-attempt timeout still covers the body.
  if (typeof type === 'string' && type.includes('text/event-stream')) {
    return new Response(Readable.toWeb(res.body) as ReadableStream<Uint8Array>, { status, headers });
  }
  return new Response(await res.body.arrayBuffer(), { status, headers });
};
