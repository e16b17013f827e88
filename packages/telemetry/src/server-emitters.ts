/**
 * A context manager wrapper that leaves the HTTP server's requests and responses unbound.
 *
 * OpenTelemetry's HTTP instrumentation binds each incoming request and its response (both EventEmitters) to the
 * request's context: it patches their listener methods so that every listener added later runs in that context.
 * Express, body-parser and on-finished add a dozen listeners per request, and this binding was the largest single
 * cost of telemetry per request: a `{ __typename }` query cost about 200-450 µs of CPU more with it (README, "What each
 * change saved"). Only work continued from those events needs it: code that runs synchronously inside the request
 * handler, or after an `await`, already has the request's context, and Express's body parser (raw-body) calls back
 * through an AsyncResource made in it, so the operation still runs under the request's span when the body arrives
 * later (apps/api/test/telemetry.test.ts sends one in pieces). A new middleware that goes on from a request or response
 * event itself must carry the context the same way (`AsyncResource.bind`, `AsyncLocalStorage.snapshot()`).
 *
 * Everything else is bound as before: functions, other emitters, and the messages of outgoing HTTP requests.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, ContextManager } from '@opentelemetry/api';

/** A request received by a server (an outgoing request's response is an IncomingMessage with no method). */
function isServerMessage(target: unknown): boolean {
  return target instanceof ServerResponse || (target instanceof IncomingMessage && typeof target.method === 'string');
}

export class ServerEmittersUnboundContextManager implements ContextManager {
  readonly #inner: ContextManager;

  /** @param inner the manager to wrap, e.g. `new AsyncLocalStorageContextManager()`. */
  constructor(inner: ContextManager) {
    this.#inner = inner;
  }

  active(): Context {
    return this.#inner.active();
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#inner.with(context, fn, thisArg, ...args);
  }

  bind<T>(context: Context, target: T): T {
    return isServerMessage(target) ? target : this.#inner.bind(context, target);
  }

  enable(): this {
    this.#inner.enable();
    return this;
  }

  disable(): this {
    this.#inner.disable();
    return this;
  }
}
