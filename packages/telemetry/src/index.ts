/**
 * The app-facing side of the telemetry bootstrap. Importing it loads no OpenTelemetry
 * code: the SDK itself is started by `node --import @nba-reporter/telemetry/register`.
 */
import { runningTelemetry, runningTraceStore } from './state.js';
import type { TraceStoreReader } from './trace-view/types.js';

export {
  type Env,
  hasOtlpEndpoint,
  isSdkDisabled,
  localDefault,
  type Signal,
  TRACE_VIEW_DEFAULTS,
  type TraceViewSettings,
  traceViewSettings,
} from './env.js';
export type * from './trace-view/types.js';

/**
 * The local trace view's store of recent traces, when the bootstrap runs it (NBA_REPORTER_TRACE_VIEW, by default
 * wherever the playground is on); undefined otherwise. Read-only.
 */
export function traceStore(): TraceStoreReader | undefined {
  return runningTraceStore();
}

/** True when the bootstrap started the OpenTelemetry SDK in this process. */
export function isTelemetryStarted(): boolean {
  return runningTelemetry() !== undefined;
}

/** One line saying what the bootstrap started, or why nothing runs. */
export function telemetrySummary(): string {
  return runningTelemetry()?.summary ?? 'telemetry off (OTEL_SDK_DISABLED=true or the bootstrap was not loaded)';
}

/**
 * Flushes and stops traces, metrics and logs. Bounded by `timeoutMs` so an unreachable
 * collector can delay shutdown but never hang it. Safe to call when telemetry is off.
 */
export async function shutdownTelemetry(timeoutMs = 5_000): Promise<void> {
  const running = runningTelemetry();
  if (!running) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    running.shutdown().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}
