import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { describe, expect, test } from 'vitest';
import { createTelemetryConfig, DEFAULT_SERVICE_NAME } from '../src/bootstrap.js';
import { spanProcessorsFromEnv } from '../src/span-exporters.js';
import { SpanTreeProcessor } from '../src/span-tree.js';
import { TraceStoreProcessor } from '../src/trace-view/processor.js';

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
    const config = createTelemetryConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'mine',
    });
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

describe('the trace view processor beside the exporters', () => {
  const view = new TraceStoreProcessor({ maxTraces: 1, maxBytes: 1 });

  test('with no endpoint: the terminal tree, then the trace view', () => {
    const config = createTelemetryConfig({}, { traceView: view });
    expect(config.spanProcessors?.map((p) => p.constructor)).toEqual([SpanTreeProcessor, TraceStoreProcessor]);
  });

  test('with an endpoint: the OTLP batch processor built from OTEL_*, then the trace view', async () => {
    const config = createTelemetryConfig(
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', OTEL_BSP_SCHEDULE_DELAY: '100' },
      { traceView: view },
    );
    expect(config.spanProcessors?.map((p) => p.constructor)).toEqual([BatchSpanProcessor, TraceStoreProcessor]);
    await config.spanProcessors![0]!.shutdown();
  });

  test('OTEL_TRACES_EXPORTER=none leaves the trace view alone; console is kept', () => {
    expect(createTelemetryConfig({ OTEL_TRACES_EXPORTER: 'none' }, { traceView: view }).spanProcessors).toEqual([view]);
    const both = createTelemetryConfig({ OTEL_TRACES_EXPORTER: 'console' }, { traceView: view }).spanProcessors;
    expect(both?.map((p) => p.constructor)).toEqual([SimpleSpanProcessor, TraceStoreProcessor]);
  });

  test('the OTLP protocol follows OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL', () => {
    const exporterOf = (env: Record<string, string>) =>
      (spanProcessorsFromEnv(env)[0] as unknown as { _exporter: object })._exporter.constructor;
    expect(exporterOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe(JsonExporter);
    expect(
      exporterOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' }),
    ).toBe(ProtoExporter);
    expect(exporterOf({})).toBe(ProtoExporter);
  });
});
