import { describe, expect, test } from 'vitest';
import { createTelemetryConfig, DEFAULT_SERVICE_NAME } from '../src/bootstrap.js';
import { SpanTreeProcessor } from '../src/span-tree.js';

const names = (config: ReturnType<typeof createTelemetryConfig>) =>
  (config.instrumentations ?? []).flat().map((i) => i.instrumentationName);

describe('the NodeSDK configuration built from OTEL_* variables', () => {
  test('with no endpoint: the terminal tree for traces, no metric readers and no log processors', () => {
    const config = createTelemetryConfig({});
    expect(config.spanProcessors).toHaveLength(1);
    expect(config.spanProcessors![0]).toBeInstanceOf(SpanTreeProcessor);
    expect(config.metricReaders).toEqual([]);
    expect(config.logRecordProcessors).toEqual([]);
    expect(config.serviceName).toBe(DEFAULT_SERVICE_NAME);
  });

  test('with an endpoint: every signal is left to the standard OTEL_* handling of the NodeSDK', () => {
    const config = createTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'mine' });
    expect(config.spanProcessors).toBeUndefined();
    expect(config.metricReaders).toBeUndefined();
    expect(config.logRecordProcessors).toBeUndefined();
    expect(config.serviceName).toBeUndefined(); // OTEL_SERVICE_NAME wins through the env detector
  });

  test('service.name in OTEL_RESOURCE_ATTRIBUTES is respected too', () => {
    expect(createTelemetryConfig({ OTEL_RESOURCE_ATTRIBUTES: 'a=b,service.name=x' }).serviceName).toBeUndefined();
  });

  test('instruments http, undici, graphql (root fields only) and pino', () => {
    const config = createTelemetryConfig({});
    expect(names(config)).toEqual([
      '@opentelemetry/instrumentation-http',
      '@opentelemetry/instrumentation-undici',
      '@opentelemetry/instrumentation-graphql',
      '@opentelemetry/instrumentation-pino',
    ]);
    const graphql = (config.instrumentations ?? []).flat().find((i) => i.instrumentationName.endsWith('graphql'))!;
    expect(graphql.getConfig()).toMatchObject({ depth: 1, mergeItems: true });
    for (const i of (config.instrumentations ?? []).flat()) i.disable();
  });
});
