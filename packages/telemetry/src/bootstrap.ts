/**
 * Starts the OpenTelemetry Node SDK for the service, configured by the standard OTEL_*
 * variables (service name, resource attributes, OTLP endpoint, headers, protocol, per-signal
 * exporters). Loaded by ./register.js before the app, so http, undici, graphql and pino are
 * patched before they are first required.
 */
import { AgentsContextManager, captureContentFromEnv } from '@nba-reporter/agents-otel';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { type Env, localDefault, traceViewSettings } from './env.js';
import { reportExportFailures } from './export-failures.js';
import { ContentSafeGraphQLInstrumentation } from './graphql.js';
import { spanProcessorsFromEnv } from './span-exporters.js';
import { SpanTreeProcessor } from './span-tree.js';
import { setRunningTelemetry, setTraceStore } from './state.js';

/**
 * Requests that are not worth a trace: probes, static playground assets, and the trace view's own reads
 * (its polling would otherwise fill the store with traces of itself).
 */
const UNTRACED_PATHS = ['/healthz', '/readyz', '/playground/', '/favicon.ico', '/debug/traces'];

export interface TelemetryExtras {
  /** The trace view's processor, run beside the exporters (or alone without an OTLP endpoint). */
  traceView?: SpanProcessor | undefined;
}

/** NBA_REPORTER_SESSION_DB values that select the PostgreSQL session store (see @nba-reporter/agent). */
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export const DEFAULT_SERVICE_NAME = 'nba-reporter-api';

function hasServiceName(env: Env): boolean {
  if (env.OTEL_SERVICE_NAME?.trim()) return true;
  return (env.OTEL_RESOURCE_ATTRIBUTES ?? '').split(',').some((kv) => kv.trim().startsWith('service.name='));
}

/** GraphQL-over-HTTP GET parameters (client input). */
const GRAPHQL_GET_PARAMS = ['query', 'variables', 'extensions', 'operationName'];
/** The instrumentation's own default list, kept when we give ours. */
const SIGNATURE_PARAMS = [
  'sig',
  'Signature',
  'AWSAccessKeyId',
  'X-Goog-Signature',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
];

/** What receives spans: the terminal tree or the exporters named by OTEL_*, plus the trace view when on. */
function spanProcessors(env: Env, traceView: SpanProcessor | undefined): SpanProcessor[] | undefined {
  const traces = localDefault('traces', env);
  if (traces === 'tree') return [new SpanTreeProcessor(), ...(traceView ? [traceView] : [])];
  // No exporter and no tree (NODE_ENV=production): spans are still made, so trace ids reach answers, errors and log
  // lines, but nothing is printed.
  if (traces === 'none') return traceView ? [traceView] : [new NoopSpanProcessor()];
  // Otherwise the NodeSDK reads OTEL_TRACES_EXPORTER itself, unless a processor of ours must run beside its exporters.
  return traceView ? [...spanProcessorsFromEnv(env), traceView] : undefined;
}

export function createTelemetryConfig(
  env: Env = process.env,
  extras: TelemetryExtras = {},
): Partial<NodeSDKConfiguration> {
  const processors = spanProcessors(env, extras.traceView);
  const metrics = localDefault('metrics', env);
  const logs = localDefault('logs', env);
  return {
    ...(hasServiceName(env) ? {} : { serviceName: DEFAULT_SERVICE_NAME }),
    // Makes the OTel context follow the Agents SDK's current span, so HTTP or DB spans
    // opened inside a tool or a model call nest under execute_tool / chat.
    contextManager: new AgentsContextManager(new AsyncLocalStorageContextManager()),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.some((p) => req.url?.startsWith(p) ?? false),
        // url.query of a GraphQL GET holds the client's document and variables: recorded as REDACTED.
        redactedQueryParamsServer: [...GRAPHQL_GET_PARAMS, ...SIGNATURE_PARAMS],
      }),
      new UndiciInstrumentation(),
      // Root fields only: one `graphql.resolve report` span instead of one per scalar field.
      new ContentSafeGraphQLInstrumentation(
        { depth: 1, mergeItems: true, ignoreTrivialResolveSpans: true },
        { captureContent: captureContentFromEnv(env) },
      ),
      new PinoInstrumentation(),
      // Sessions (and rate limits) on PostgreSQL: a client span per query inside a request, never the parameter
      // values (the statements are parameterised). Start-up work such as migrations has no parent and is not traced.
      ...(POSTGRES_URL.test(env.NBA_REPORTER_SESSION_DB?.trim() ?? '')
        ? [new PgInstrumentation({ requireParentSpan: true })]
        : []),
    ],
    ...(processors ? { spanProcessors: processors } : {}),
    ...(metrics === 'none' ? { metricReaders: [] } : {}),
    ...(logs === 'none' ? { logRecordProcessors: [] } : {}),
  };
}

export async function startTelemetry(env: Env = process.env): Promise<void> {
  if (!env.OTEL_LOG_LEVEL?.trim()) {
    // Without OTEL_LOG_LEVEL the SDK's own diagnostics are silent; a failing exporter still says so, once.
    reportExportFailures((line) => process.stderr.write(`nba-reporter: ${line}\n`), env);
  }
  const view = traceViewSettings(env);
  // Loaded only when on: with the view off, none of its code is in the process.
  const traceView = view.enabled
    ? new (await import('./trace-view/processor.js')).TraceStoreProcessor(view)
    : undefined;
  const sdk = new NodeSDK(createTelemetryConfig(env, { traceView }));
  sdk.start();
  if (traceView) setTraceStore(traceView.store);
  const describe = (signal: 'traces' | 'metrics' | 'logs') => {
    const local = localDefault(signal, env);
    if (local === 'tree') return `${signal}: terminal span tree`;
    if (local === 'none' && signal === 'traces') return 'traces: not exported (no OTLP endpoint; no span tree)';
    if (local === 'none') return `${signal}: off (no OTLP endpoint)`;
    return `${signal}: ${env[`OTEL_${signal.toUpperCase()}_EXPORTER`] ?? 'otlp'}`;
  };
  setRunningTelemetry({
    shutdown: () => sdk.shutdown(),
    summary: `telemetry on (${describe('traces')}; ${describe('metrics')}; ${describe('logs')}; trace view: ${
      traceView ? `last ${view.maxTraces} traces, at most ${view.maxBytes} bytes` : 'off'
    })`,
  });
}
