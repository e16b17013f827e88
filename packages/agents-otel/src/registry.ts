/**
 * Process-wide registry that connects {@link AgentsContextManager} to the live processors, without the
 * manager and the processor importing each other. Stored on `globalThis` so duplicate copies of this
 * package in one process still share it.
 */
import { type Context, context } from '@opentelemetry/api';

/** What the context manager needs from a processor. */
export interface SdkSpanContextSource {
  /**
   * The OTel context to make active while the SDK span `sdkSpanId` is current, or undefined when the span
   * is unknown or when `innerActive` is not the context its run was anchored on.
   */
  contextForSdkSpan(sdkSpanId: string, innerActive: Context): Context | undefined;
}

/** What the processor needs from an enabled context manager. */
export interface InnerContextSource {
  /** The wrapped manager's active context (without the SDK-span substitution). */
  innerActive(): Context;
}

export interface Registry {
  sources: Set<SdkSpanContextSource>;
  /** Number of SDK spans currently tracked by all processors; 0 lets `active()` skip all lookups. */
  live: number;
  manager: InnerContextSource | undefined;
}

const KEY = Symbol.for('@nba-reporter/agents-otel/registry');

export function getRegistry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  let r = g[KEY];
  if (!r) {
    r = { sources: new Set(), live: 0, manager: undefined };
    g[KEY] = r;
  }
  return r;
}

/** The active OTel context as the wrapped (inner) manager sees it. */
export function rawActiveContext(): Context {
  const m = getRegistry().manager;
  return m ? m.innerActive() : context.active();
}
