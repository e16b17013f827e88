/**
 * Says so when an OTLP exporter cannot deliver, once per exporter, with the likely fix. The stock SDK hands export
 * errors to its diagnostic logger, which prints nothing unless OTEL_LOG_LEVEL is set, so a wrong endpoint or a
 * stopped collector went unnoticed. Every OTLP exporter (traces, metrics, logs; grpc, http/protobuf, http/json)
 * extends OTLPExporterBase, so its `export` is wrapped once here. After a failure has been reported the next one is
 * not, until an export succeeds again (then one "works again" line re-arms the report).
 */
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import type { Env, Signal } from './env.js';

const WRAPPED = Symbol.for('nba-reporter.telemetry.export-failures');

function signalOf(exporter: object): Signal | undefined {
  for (let proto = Object.getPrototypeOf(exporter); proto; proto = Object.getPrototypeOf(proto)) {
    const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? '';
    if (name.includes('Trace')) return 'traces';
    if (name.includes('Metric')) return 'metrics';
    if (name.includes('Log')) return 'logs';
  }
  return undefined;
}

/** Where the exporter sends, by the OTLP exporter specification's rules for these variables. */
export function otlpTarget(signal: Signal, env: Env = process.env): string {
  const upper = signal.toUpperCase();
  const protocol =
    env[`OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`]?.trim() || env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim() || 'http/protobuf';
  const specific = env[`OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`]?.trim();
  if (specific) return specific;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (protocol === 'grpc') return base || 'http://localhost:4317';
  return `${(base || 'http://localhost:4318').replace(/\/+$/, '')}/v1/${signal}`;
}

function describeError(error: unknown): { what: string; hint: string } {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.code === 'number' ? String(e.code) : undefined;
  const message = String(e.message ?? error ?? 'unknown error').split('\n')[0] ?? '';
  const endpoint = 'set OTEL_EXPORTER_OTLP_ENDPOINT to the collector (e.g. http://localhost:4318)';
  switch (code) {
    case 'ECONNREFUSED':
      return { what: 'ECONNREFUSED', hint: `is the collector running? ${endpoint}` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { what: code, hint: `the host name does not resolve; ${endpoint}` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { what: code, hint: 'the connection was dropped: is it an OTLP receiver, with the protocol it expects?' };
    case '401':
    case '403':
      return { what: `HTTP ${code}`, hint: 'the collector refused the credentials; check OTEL_EXPORTER_OTLP_HEADERS' };
    case '404':
      return {
        what: 'HTTP 404',
        hint: 'OTEL_EXPORTER_OTLP_ENDPOINT is the base URL (the SDK adds /v1/<signal>); a per-signal endpoint is the full URL',
      };
    default:
      if (/timed out|timeout/i.test(message)) {
        return { what: 'timed out', hint: 'the collector did not answer in time; check the endpoint and the network' };
      }
      return { what: code ? `${code} ${message}`.trim() : message, hint: `check the collector; ${endpoint}` };
  }
}

/**
 * Wraps OTLPExporterBase.prototype.export (once per process) so that failures are written by `write`, one line per
 * failing exporter. Also to disable: set the signal's exporter to none (e.g. OTEL_METRICS_EXPORTER=none).
 */
export function reportExportFailures(write: (line: string) => void, env: Env = process.env): void {
  const proto = OTLPExporterBase.prototype as OTLPExporterBase<unknown> & { [WRAPPED]?: true };
  if (proto[WRAPPED]) return;
  proto[WRAPPED] = true;
  const original = proto.export;
  const failing = new WeakSet<object>();
  proto.export = function exportAndReport(this: OTLPExporterBase<unknown>, items, resultCallback) {
    const signal = signalOf(this);
    original.call(this, items, (result: ExportResult) => {
      try {
        if (signal && result.code === ExportResultCode.FAILED && !failing.has(this)) {
          failing.add(this);
          const { what, hint } = describeError(result.error);
          const disable = `OTEL_${signal.toUpperCase()}_EXPORTER=none`;
          write(`OTLP ${signal} export to ${otlpTarget(signal, env)} failed: ${what}; ${hint} (or ${disable})`);
        } else if (signal && result.code === ExportResultCode.SUCCESS && failing.has(this)) {
          failing.delete(this);
          write(`OTLP ${signal} export to ${otlpTarget(signal, env)} works again`);
        }
      } finally {
        resultCallback(result);
      }
    });
  };
}
