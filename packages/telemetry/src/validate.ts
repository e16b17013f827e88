/**
 * Checks the OTEL_* variables the bootstrap and the NodeSDK read, before any OpenTelemetry code is loaded. The stock
 * SDK only warns through its diagnostic logger (silent unless OTEL_LOG_LEVEL is set) and then falls back to a
 * default, so `OTEL_EXPORTER_OTLP_PROTOCOL=foo` would quietly export http/protobuf. Here a bad value stops start-up
 * with one line, like the service's own configuration errors. Pure and dependency-free.
 */
import type { Env } from './env.js';

const PROTOCOLS = ['grpc', 'http/protobuf', 'http/json'];
const EXPORTERS: Record<'traces' | 'metrics' | 'logs', string[]> = {
  traces: ['otlp', 'console', 'zipkin', 'none'],
  metrics: ['otlp', 'console', 'prometheus', 'none'],
  logs: ['otlp', 'console', 'none'],
};
const LOG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'];
const BOOLEANS = ['true', 'false'];

const list = (allowed: readonly string[]) => allowed.join(', ');

/** Exporter and protocol names are matched exactly, as the NodeSDK does; levels and booleans in any case. */
function checkOne(env: Env, name: string, allowed: readonly string[], problems: string[], anyCase = false): void {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return;
  const value = anyCase ? raw.trim().toLowerCase() : raw.trim();
  if (!allowed.includes(value)) problems.push(`${name} must be one of ${list(allowed)} (got "${raw}")`);
}

function checkUrl(env: Env, name: string, problems: string[]): void {
  const raw = env[name]?.trim();
  if (!raw) return;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push(`${name} must be an http:// or https:// URL, e.g. http://localhost:4318 (got "${env[name]}")`);
  }
}

/**
 * The first problem with the OTEL_* variables, as one line naming the variable, the allowed values and the value
 * given; `undefined` when they are all usable. With OTEL_SDK_DISABLED=true only that variable is read.
 */
export function telemetryConfigError(env: Env = process.env): string | undefined {
  const problems: string[] = [];
  checkOne(env, 'OTEL_SDK_DISABLED', BOOLEANS, problems, true);
  if (problems.length || env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return problems[0];

  checkOne(env, 'OTEL_LOG_LEVEL', LOG_LEVELS, problems, true);
  checkOne(env, 'NBA_REPORTER_SPAN_TREE', BOOLEANS, problems, true);
  checkOne(env, 'OTEL_EXPORTER_OTLP_PROTOCOL', PROTOCOLS, problems);
  checkUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', problems);
  for (const signal of ['traces', 'metrics', 'logs'] as const) {
    const upper = signal.toUpperCase();
    checkOne(env, `OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`, PROTOCOLS, problems);
    checkUrl(env, `OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`, problems);
    const name = `OTEL_${upper}_EXPORTER`;
    const values = (env[name] ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const unknown = values.find((v) => !EXPORTERS[signal].includes(v));
    if (unknown !== undefined) {
      problems.push(`${name} must be a comma-separated list of ${list(EXPORTERS[signal])} (got "${env[name]}")`);
    } else if (values.length > 1 && values.includes('none')) {
      problems.push(`${name} cannot combine "none" with other exporters (got "${env[name]}")`);
    }
  }
  return problems[0];
}
