/**
 * Reads the standard OTEL_* variables that decide what the bootstrap starts.
 * Pure and dependency-free: it runs before any OpenTelemetry code is loaded.
 */
export type Env = Readonly<Record<string, string | undefined>>;
export type Signal = 'traces' | 'metrics' | 'logs';

const truthy = (value: string | undefined): boolean => value?.trim().toLowerCase() === 'true';

/** `OTEL_SDK_DISABLED=true` turns every signal off; nothing from OpenTelemetry is then loaded. */
export function isSdkDisabled(env: Env = process.env): boolean {
  return truthy(env.OTEL_SDK_DISABLED);
}

/** True when an OTLP endpoint is configured for `signal`, generically or for that signal only. */
export function hasOtlpEndpoint(signal: Signal, env: Env = process.env): boolean {
  const specific = env[`OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`];
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || specific?.trim());
}

/**
 * The per-request span tree on the terminal: on by default, off with NODE_ENV=production (one tree per request is
 * not what a production log wants); NBA_REPORTER_SPAN_TREE=true or false decides explicitly.
 */
export function spanTreeEnabled(env: Env = process.env): boolean {
  const explicit = env.NBA_REPORTER_SPAN_TREE?.trim().toLowerCase();
  if (explicit === 'true' || explicit === 'false') return explicit === 'true';
  return env.NODE_ENV?.trim() !== 'production';
}

/**
 * What a signal does when its OTEL_<SIGNAL>_EXPORTER variable is unset: export over OTLP
 * when an endpoint is configured, otherwise stay local (the span tree on the terminal for
 * traces unless {@link spanTreeEnabled} says no, nothing for metrics and logs) instead of
 * retrying localhost:4318 forever. `undefined` means "let the NodeSDK read
 * OTEL_<SIGNAL>_EXPORTER as usual".
 */
export function localDefault(signal: Signal, env: Env = process.env): 'tree' | 'none' | undefined {
  if (env[`OTEL_${signal.toUpperCase()}_EXPORTER`]?.trim()) return undefined;
  if (hasOtlpEndpoint(signal, env)) return undefined;
  return signal === 'traces' && spanTreeEnabled(env) ? 'tree' : 'none';
}
