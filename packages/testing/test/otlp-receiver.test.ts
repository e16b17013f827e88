import { SpanKind } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../src/otlp-receiver.js';

describe('the OTLP/HTTP JSON test receiver, fed by the real OTLP exporters', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  test('flattens spans with typed attributes, parents, kinds, events and the resource', async () => {
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'svc' }),
      spanProcessors: [
        new SimpleSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${receiver.url}/v1/traces` }) }),
      ],
    });
    const tracer = provider.getTracer('scope-a');
    const parent = tracer.startSpan('parent', { kind: SpanKind.SERVER });
    const child = tracer.startSpan(
      'child',
      { attributes: { s: 'x', i: 7, d: 1.5, b: false, arr: ['a', 'b'] } },
      (await import('@opentelemetry/api')).trace.setSpan((await import('@opentelemetry/api')).context.active(), parent),
    );
    child.addEvent('exception', { 'error.type': 'E' });
    child.end();
    parent.end();
    await provider.forceFlush();
    const spans = await receiver.waitFor(() => receiver.spans().length >= 2 && receiver.spans());
    const c = spans.find((s) => s.name === 'child')!;
    const p = spans.find((s) => s.name === 'parent')!;
    expect(p.kind).toBe(2);
    expect(c.kind).toBe(1);
    expect(c.parentSpanId).toBe(p.spanId);
    expect(c.traceId).toBe(parent.spanContext().traceId);
    expect(c.attributes).toEqual({ s: 'x', i: 7, d: 1.5, b: false, arr: ['a', 'b'] });
    expect(c.events).toEqual([{ name: 'exception', attributes: { 'error.type': 'E' } }]);
    expect(c.resource['service.name']).toBe('svc');
    expect(c.scope).toBe('scope-a');
    expect(receiver.requests()[0]).toMatchObject({ path: '/v1/traces', contentType: 'application/json' });
    await provider.shutdown();
  });

  test('keeps the latest point of each cumulative histogram stream, with its buckets', async () => {
    const reader = new PeriodicExportingMetricReader({
      exporter: new OTLPMetricExporter({ url: `${receiver.url}/v1/metrics` }),
      exportIntervalMillis: 60_000,
    });
    const provider = new MeterProvider({ readers: [reader] });
    const h = provider.getMeter('m').createHistogram('h', { unit: 's', advice: { explicitBucketBoundaries: [1, 2] } });
    h.record(0.5, { k: 'a' });
    await provider.forceFlush();
    h.record(1.5, { k: 'a' });
    h.record(3, { k: 'b' });
    await provider.forceFlush();
    const points = receiver.metricPoints().filter((p) => p.name === 'h');
    expect(points).toHaveLength(2);
    const a = points.find((p) => p.attributes['k'] === 'a')!;
    expect(a).toMatchObject({
      type: 'histogram',
      unit: 's',
      count: 2,
      sum: 2,
      explicitBounds: [1, 2],
      bucketCounts: [1, 1, 0],
    });
    await provider.shutdown();
  });
});
