import type { TraceStoreReader } from './trace-view/types.js';

/** The running SDK is kept on a global symbol so the app can flush it without importing it. */
export interface RunningTelemetry {
  shutdown(): Promise<void>;
  /** What was started, for logs and health output. */
  readonly summary: string;
}

export const TELEMETRY_STATE = Symbol.for('nba-reporter.telemetry');

export function runningTelemetry(): RunningTelemetry | undefined {
  return (globalThis as { [TELEMETRY_STATE]?: RunningTelemetry })[TELEMETRY_STATE];
}

export function setRunningTelemetry(state: RunningTelemetry): void {
  (globalThis as { [TELEMETRY_STATE]?: RunningTelemetry })[TELEMETRY_STATE] = state;
}

/** The trace view's store, set by the bootstrap only when the view is on. Typed by its read side only. */
export const TRACE_STORE_STATE = Symbol.for('nba-reporter.trace-store');

export function runningTraceStore(): TraceStoreReader | undefined {
  return (globalThis as { [TRACE_STORE_STATE]?: TraceStoreReader })[TRACE_STORE_STATE];
}

export function setTraceStore(store: TraceStoreReader | undefined): void {
  (globalThis as { [TRACE_STORE_STATE]?: TraceStoreReader })[TRACE_STORE_STATE] = store;
}
