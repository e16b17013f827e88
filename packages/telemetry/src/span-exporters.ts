/**
 * The span processors the NodeSDK would build from OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_*PROTOCOL and
 * OTEL_BSP_*, built here because the NodeSDK builds them only when it is given no `spanProcessors` of its own,
 * and its helper is not exported. Needed only to run the trace view's processor beside them.
 * Supported exporters: `otlp` (grpc, http/protobuf, http/json) and `console`; `none` gives no exporter.
 */
import { diag } from '@opentelemetry/api';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { Env } from './env.js';

function list(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && s !== 'null'),
    ),
  ];
}

function nonNegative(env: Env, name: string): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function otlpExporter(env: Env): SpanExporter {
  const protocol =
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() || env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim() || 'http/protobuf';
  if (protocol === 'grpc') return new GrpcExporter();
  if (protocol === 'http/json') return new JsonExporter();
  if (protocol !== 'http/protobuf') diag.warn(`Unsupported OTLP traces protocol: ${protocol}. Using http/protobuf.`);
  return new ProtoExporter();
}

export function spanProcessorsFromEnv(env: Env = process.env): SpanProcessor[] {
  let names = list(env.OTEL_TRACES_EXPORTER);
  if (names[0] === 'none') return [];
  if (names.length === 0 || names.includes('none')) names = ['otlp'];
  const processors: SpanProcessor[] = [];
  for (const name of names) {
    if (name === 'console') processors.push(new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() }));
    else if (name === 'otlp') {
      processors.push(
        new BatchSpanProcessor({
          exporter: otlpExporter(env),
          maxQueueSize: nonNegative(env, 'OTEL_BSP_MAX_QUEUE_SIZE'),
          scheduledDelayMillis: nonNegative(env, 'OTEL_BSP_SCHEDULE_DELAY'),
          exportTimeoutMillis: nonNegative(env, 'OTEL_BSP_EXPORT_TIMEOUT'),
          maxExportBatchSize: nonNegative(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
        }),
      );
    } else diag.warn(`Unsupported OTEL_TRACES_EXPORTER value with the trace view on: ${name}.`);
  }
  return processors;
}
