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
