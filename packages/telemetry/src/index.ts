/**
 * The app-facing side of the telemetry bootstrap. Importing it loads no OpenTelemetry
 * code: the SDK itself is started by `node --import @nba-reporter/telemetry/register`.
 */
import { runningTelemetry } from './state.js';

export { hasOtlpEndpoint, isSdkDisabled, localDefault, type Env, type Signal } from './env.js';

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
