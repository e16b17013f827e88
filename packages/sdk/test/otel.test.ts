// Propagation from the caller's active OpenTelemetry context, with a real OTel SDK in this process.

import { createNbaReporterClient, type OpenTelemetryApiLike } from '@nba-reporter/sdk';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { startLoopback } from './support/loopback.js';
import { startTestTracing } from './support/otel.js';

const server = await startLoopback();
const tracing = startTestTracing();
afterAll(async () => {
  await tracing.shutdown();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ body: { data: { topics: [] } } });
});

const parentOf = (spanContext: { traceId: string; spanId: string }): string =>
  `00-${spanContext.traceId}-${spanContext.spanId}-01`;

describe('OpenTelemetry propagation', () => {
  test('@opentelemetry/api is loaded lazily and the active span becomes the traceparent', async () => {
    const client = createNbaReporterClient({ url: server.url });
    const spanContext = await tracing.tracer.startActiveSpan('client call', { kind: SpanKind.CLIENT }, async (span) => {
      await client.topics();
      span.end();
      return span.spanContext();
    });
    expect(server.requests[0]?.headers.traceparent).toBe(parentOf(spanContext));
  });

  test('the first call (before the lazy import settles) already carries the caller context', async () => {
    // A fresh client starts the import at creation; the call captures the context synchronously or after it.
    const spanContext = await tracing.tracer.startActiveSpan('first', async (span) => {
      await createNbaReporterClient({ url: server.url }).topics();
      span.end();
      return span.spanContext();
    });
    expect(server.requests[0]?.headers.traceparent).toBe(parentOf(spanContext));
  });

  test('tracestate from the incoming context is forwarded', async () => {
    const incoming = propagation.extract(context.active(), {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'team=raptors',
    });
    const client = createNbaReporterClient({ url: server.url });
    await context.with(incoming, () =>
      tracing.tracer.startActiveSpan('child', async (span) => {
        await client.topics();
        span.end();
      }),
    );
    const headers = server.requests[0]?.headers;
    expect(headers?.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[\da-f]{16}-01$/);
    expect(headers?.tracestate).toBe('team=raptors');
  });

  test('no active span -> no traceparent; opentelemetry: false -> never', async () => {
    await createNbaReporterClient({ url: server.url }).topics();
    const off = createNbaReporterClient({ url: server.url, opentelemetry: false });
    await tracing.tracer.startActiveSpan('ignored', async (span) => {
      await off.topics();
      span.end();
    });
    expect(server.requests.map((r) => r.headers.traceparent)).toEqual([undefined, undefined]);
  });

  test('an explicit traceparent wins over the active span', async () => {
    const explicit = `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`;
    const client = createNbaReporterClient({ url: server.url });
    await tracing.tracer.startActiveSpan('ignored', async (span) => {
      await client.topics({ traceparent: explicit });
      span.end();
    });
    expect(server.requests[0]?.headers.traceparent).toBe(explicit);
  });

  test('an injected API (e.g. for bundled browser apps) is used as is', async () => {
    const injected: OpenTelemetryApiLike = {
      context: { active: () => 'ctx' },
      propagation: {
        inject(ctx, carrier) {
          carrier['traceparent'] = `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01`;
          carrier['baggage'] = `from=${String(ctx)}`;
        },
      },
    };
    await createNbaReporterClient({ url: server.url, opentelemetry: injected }).topics();
    expect(server.requests[0]?.headers).toMatchObject({
      traceparent: `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01`,
      baggage: 'from=ctx',
    });
    // and the real module namespace type-checks as an injected API
    const real: OpenTelemetryApiLike = { context, propagation };
    expect(real).toBeDefined();
    expect(trace).toBeDefined();
  });
});
