/**
 * A context manager wrapper that binds the HTTP server's requests and responses to their context cheaply.
 *
 * OpenTelemetry's HTTP instrumentation binds each incoming request and its response (both EventEmitters) to the
 * request's context, so that their listeners run in it: the instrumentation's own `close` listener reads the route
 * from the active context to name the span and label the duration metric, and a client that goes away fires `close`
 * from the socket, outside any request. The AsyncLocalStorage manager does it by patching the emitter's listener
 * methods and wrapping every listener added later (a dozen per request from Express, body-parser and on-finished, each
 * with its own bookkeeping for removal), which was the largest single cost of telemetry per request: a
 * `{ __typename }` query cost about 200-450 µs of CPU more with it (README, "What each change saved").
 *
 * Here the server's requests and responses are bound by wrapping their `emit` once instead: every listener, whenever
 * added, runs in the bound context, as before; listeners themselves are left as they are. Everything else (functions,
 * other emitters, the messages of outgoing HTTP requests) is bound by the wrapped manager as before.
 */
import type { EventEmitter } from 'node:events';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, ContextManager } from '@opentelemetry/api';

/** A request received by a server, or its response (an outgoing request's response is an IncomingMessage with no method). */
function isServerMessage(target: unknown): target is IncomingMessage | ServerResponse {
  return target instanceof ServerResponse || (target instanceof IncomingMessage && typeof target.method === 'string');
}

export class ServerMessageBindingContextManager implements ContextManager {
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
    if (!isServerMessage(target)) return this.#inner.bind(context, target);
    const emitter: EventEmitter = target;
    const emit = emitter.emit;
    const inner = this.#inner;
    emitter.emit = function boundEmit(this: EventEmitter, ...args: Parameters<EventEmitter['emit']>) {
      return inner.with(context, emit, this, ...args);
    };
    return target;
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
