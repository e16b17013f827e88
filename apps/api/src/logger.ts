import { pino, type Logger } from 'pino';

/**
 * JSON logs on stdout. With telemetry on, the pino instrumentation adds trace_id/span_id to each
 * record and sends it over OTLP. Message content is never logged; secrets are redacted.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'nba-reporter-api' },
    redact: { paths: ['apiKey', '*.apiKey', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
  });
}
export type { Logger };
