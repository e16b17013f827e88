import { describe, expect, test } from 'vitest';
import { telemetryConfigError } from '../src/validate.js';

describe('OTEL_* values are refused with one line instead of being replaced silently', () => {
  test('usable values and unset variables pass', () => {
    expect(telemetryConfigError({})).toBeUndefined();
    expect(
      telemetryConfigError({
        OTEL_SDK_DISABLED: 'FALSE',
        OTEL_LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://ingest.eu.signoz.cloud:443',
        OTEL_TRACES_EXPORTER: 'otlp,console',
        OTEL_METRICS_EXPORTER: 'prometheus',
        OTEL_LOGS_EXPORTER: 'none',
      }),
    ).toBeUndefined();
  });

  test.each([
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'foo' },
      'OTEL_EXPORTER_OTLP_PROTOCOL must be one of grpc, http/protobuf, http/json (got "foo")',
    ],
    [
      { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http' },
      'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be one of grpc, http/protobuf, http/json (got "http")',
    ],
    [
      { OTEL_TRACES_EXPORTER: 'bar' },
      'OTEL_TRACES_EXPORTER must be a comma-separated list of otlp, console, zipkin, none (got "bar")',
    ],
    [
      { OTEL_LOGS_EXPORTER: 'otlp,prometheus' },
      'OTEL_LOGS_EXPORTER must be a comma-separated list of otlp, console, none (got "otlp,prometheus")',
    ],
    [
      { OTEL_METRICS_EXPORTER: 'otlp,none' },
      'OTEL_METRICS_EXPORTER cannot combine "none" with other exporters (got "otlp,none")',
    ],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318' },
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, e.g. http://localhost:4318 (got "localhost:4318")',
    ],
    [
      { OTEL_LOG_LEVEL: 'loud' },
      'OTEL_LOG_LEVEL must be one of none, error, warn, info, debug, verbose, all (got "loud")',
    ],
    [{ OTEL_SDK_DISABLED: 'yes' }, 'OTEL_SDK_DISABLED must be one of true, false (got "yes")'],
  ])('%o', (env, message) => {
    expect(telemetryConfigError(env)).toBe(message);
  });

  test('with the SDK disabled, the other OTEL_* variables are not read', () => {
    expect(telemetryConfigError({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_PROTOCOL: 'foo' })).toBeUndefined();
  });
});
