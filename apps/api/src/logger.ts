import { createRequire } from 'node:module';
import type { Logger } from 'pino';

/**
 * pino is loaded through `require` on purpose: the OpenTelemetry pino instrumentation hooks
 * CommonJS loading, and an ESM `import` of pino would bypass it (no trace ids in logs, no OTLP
 * log export) unless the much costlier ESM loader hook were registered for every module.
 */
const require = createRequire(import.meta.url);
const { pino } = require('pino') as typeof import('pino');

/**
 * Logs on stdout: JSON lines (`format: 'json'`), or human-readable lines through pino-pretty on a terminal
 * (`'pretty'`, loaded only then). With telemetry on, each record carries trace_id/span_id and is also sent over OTLP
 * in both formats. Message content is never logged; secrets are redacted.
 */
export function createLogger(level: string, format: 'pretty' | 'json' = 'json'): Logger {
  const options = {
    level,
    base: { service: 'nba-reporter-api' },
    redact: { paths: ['apiKey', '*.apiKey', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
  };
  if (format === 'json') return pino(options);
  const { build } = require('pino-pretty') as typeof import('pino-pretty');
  // Synchronous: a start-up line is on screen before the process can exit; no worker thread.
  return pino(
    options,
    build({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,span_id,trace_flags' }),
  );
}
export type { Logger };
