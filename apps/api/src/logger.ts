import { createRequire } from 'node:module';
import type { Logger } from 'pino';

/**
 * pino is loaded through `require` on purpose: the OpenTelemetry pino instrumentation hooks
 * CommonJS loading, and an ESM `import` of pino would bypass it (no trace ids in logs, no OTLP
 * log export) unless the much costlier ESM loader hook were registered for every module.
 */
const { pino } = createRequire(import.meta.url)('pino') as typeof import('pino');

/**
 * JSON logs on stdout. With telemetry on, each record carries trace_id/span_id and is also sent
 * over OTLP. Message content is never logged; secrets are redacted.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'nba-reporter-api' },
    redact: { paths: ['apiKey', '*.apiKey', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
  });
}
export type { Logger };
