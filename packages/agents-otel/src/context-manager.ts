/**
 * `AgentsContextManager`: an OpenTelemetry ContextManager that makes the OTel span mapped from the Agents
 * SDK's *current* span active inside SDK callbacks (tool `execute`, model `getResponse`, guardrails...),
 * so spans opened there (HTTP clients, DB drivers, manual spans) nest under `execute_tool …` / `chat …`.
 *
 * It wraps an inner manager (typically `AsyncLocalStorageContextManager`) and never patches the SDK:
 * `active()` returns the inner active context, except when
 *  1. the SDK's current span (`getCurrentSpan()`, read from the SDK's own AsyncLocalStorage) is tracked
 *     by a live {@link AgentsOtelProcessor}, and
 *  2. the inner active context is still the one the SDK run was anchored on (nobody changed the OTel
 *     context inside the run);
 * then it returns the context holding the mapped OTel span. `with`, `bind`, `enable`, `disable` delegate.
 */

import { getCurrentSpan } from '@openai/agents-core';
import type { Context, ContextManager } from '@opentelemetry/api';
import { getRegistry, type InnerContextSource } from './registry.js';

export class AgentsContextManager implements ContextManager, InnerContextSource {
  readonly #inner: ContextManager;

  /** @param inner the manager to wrap, e.g. `new AsyncLocalStorageContextManager()`. */
  constructor(inner: ContextManager) {
    this.#inner = inner;
  }

  /** The wrapped manager. */
  get inner(): ContextManager {
    return this.#inner;
  }

  innerActive(): Context {
    return this.#inner.active();
  }

  active(): Context {
    const inner = this.#inner.active();
    const registry = getRegistry();
    if (registry.live === 0) return inner; // no SDK span tracked anywhere: zero-cost path
    const sdkSpan = getCurrentSpan();
    if (!sdkSpan) return inner;
    for (const source of registry.sources) {
      const ctx = source.contextForSdkSpan(sdkSpan.spanId, inner);
      if (ctx) return ctx;
    }
    return inner;
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
    return this.#inner.bind(context, target);
  }

  enable(): this {
    this.#inner.enable();
    getRegistry().manager = this;
    return this;
  }

  disable(): this {
    this.#inner.disable();
    const registry = getRegistry();
    if (registry.manager === this) registry.manager = undefined;
    return this;
  }
}
