import type { Tracer } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, test } from 'vitest';
import { ContentSafeGraphQLInstrumentation, OMITTED_ERROR_MESSAGE } from '../src/graphql.js';

/** The tracer the instrumentation itself uses (a protected getter), wired to an in-memory exporter. */
function tracerOf(captureContent: boolean): { tracer: Tracer; exporter: InMemorySpanExporter } {
  const exporter = new InMemorySpanExporter();
  const instrumentation = new ContentSafeGraphQLInstrumentation({ enabled: false }, { captureContent });
  instrumentation.setTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
  return { tracer: (instrumentation as unknown as { tracer: Tracer }).tracer, exporter };
}

const QUOTING = {
  name: 'graphql.validation.error',
  message: 'Expected value of type "ReportInput!", found "my secret prompt".',
};

describe('ContentSafeGraphQLInstrumentation', () => {
  test('content capture off: parse and validation exceptions keep their type, not their message', () => {
    const { tracer, exporter } = tracerOf(false);
    for (const name of ['graphql.parse', 'graphql.validate', 'graphql.resolve report']) {
      const span = tracer.startSpan(name);
      span.recordException(QUOTING);
      span.end();
    }
    const events = Object.fromEntries(exporter.getFinishedSpans().map((s) => [s.name, s.events[0]!.attributes]));
    expect(events['graphql.parse']).toMatchObject({
      'exception.type': 'graphql.validation.error',
      'exception.message': OMITTED_ERROR_MESSAGE,
    });
    expect(events['graphql.validate']).toMatchObject({ 'exception.message': OMITTED_ERROR_MESSAGE });
    // Resolver errors are the service's own messages: kept.
    expect(events['graphql.resolve report']).toMatchObject({ 'exception.message': QUOTING.message });
  });

  test('content capture on: messages are kept', () => {
    const { tracer, exporter } = tracerOf(true);
    const span = tracer.startSpan('graphql.validate');
    span.recordException(QUOTING);
    span.end();
    expect(exporter.getFinishedSpans()[0]!.events[0]!.attributes).toMatchObject({
      'exception.message': QUOTING.message,
    });
  });
});
