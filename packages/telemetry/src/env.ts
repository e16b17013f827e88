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

/** Defaults of the local trace view's store (`NBA_REPORTER_TRACE_VIEW_MAX_TRACES`, `..._MAX_BYTES`). */
export const TRACE_VIEW_DEFAULTS = { maxTraces: 200, maxBytes: 8 * 1024 * 1024 } as const;

export interface TraceViewSettings {
  enabled: boolean;
  /** How many traces are kept (the most recently updated ones). */
  maxTraces: number;
  /** Upper bound on the stored spans' size, measured as UTF-8 bytes of their JSON. */
  maxBytes: number;
}

function parseFlag(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const v = value?.trim();
  return v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : fallback;
}

/**
 * Whether the in-process trace store behind the playground's trace view runs, and its bounds.
 * `NBA_REPORTER_TRACE_VIEW=true|false` decides; unset, it follows the playground (`NBA_REPORTER_PLAYGROUND`,
 * itself on unless `NODE_ENV=production`), so a production process never keeps traces in memory by default.
 * Malformed values count as unset here; the API's configuration refuses them with a clear message.
 */
export function traceViewSettings(env: Env = process.env): TraceViewSettings {
  const playground = parseFlag(env.NBA_REPORTER_PLAYGROUND) ?? env.NODE_ENV?.trim() !== 'production';
  return {
    enabled: parseFlag(env.NBA_REPORTER_TRACE_VIEW) ?? playground,
    maxTraces: positiveInt(env.NBA_REPORTER_TRACE_VIEW_MAX_TRACES, TRACE_VIEW_DEFAULTS.maxTraces),
    maxBytes: positiveInt(env.NBA_REPORTER_TRACE_VIEW_MAX_BYTES, TRACE_VIEW_DEFAULTS.maxBytes),
  };
}
