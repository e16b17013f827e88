/**
 * The API's side of telemetry. When the bootstrap did not start the SDK (OTEL_SDK_DISABLED=true),
 * this module loads no OpenTelemetry code at all; otherwise it installs the Agents SDK bridge and
 * gives the request path a few cheap helpers.
 */
import type { ModelProviderName } from '@nba-reporter/agent';
import { isTelemetryStarted } from '@nba-reporter/telemetry';
import type { TracingConfig } from '@openai/agents-core';
import type { Span } from '@opentelemetry/api';
import { CLIENT_TEXT_CODES } from './errors.js';

export interface RequestTelemetry {
  readonly enabled: boolean;
  /** W3C trace id of the active span, or null when tracing is off. */
  currentTraceId(): string | null;
  /** A W3C `traceresponse` header value for the active span, or null. */
  traceResponse(): string | null;
  /**
   * Records a GraphQL error on the active span: exception event, error.type, ERROR status. With content capture off,
   * a message that may quote the client's input is replaced by the code.
   */
  recordError(code: string, error: unknown): void;
  /**
   * Marks the active span as failed with `error.type` = code and ERROR status, without an exception event: for the
   * resolver span, whose exception the GraphQL instrumentation already records (one event per error).
   */
  markError(code: string): void;
  /** Sets `http.route` of the current HTTP server span and its `http.server.request.duration` point. */
  setHttpRoute(route: string): void;
  /**
   * Prepares a turn's SDK Runner for the GenAI bridge: subscribes it to the Runner's hooks (tool descriptions and
   * types, tool call ids) and turns off the SDK's `task` and `turn` spans, which the bridge folds (no OTel span).
   */
  observeRunner(runner: ObservedRunner): void;
  /** Puts the caller's API key name (never the key) on the active span. */
  setCaller(keyName: string): void;
  /**
   * Opens the spans of one subscription under the active (HTTP request) span: `subscription <name>` and its
   * `graphql.resolve <field>`, the parent of the agent's spans. The GraphQL instrumentation traces `execute` only,
   * not `subscribe`, so without these a streamed turn would hang off the HTTP span alone.
   */
  startSubscription(info: {
    operationName: string | undefined;
    fieldName: string;
    fieldType: string;
  }): SubscriptionScope;
  /** Runs `fn` with tracing suppressed: each event of a subscription is one `execute`, a span apiece would be noise. */
  untraced<T>(fn: () => T): T;
}

/** What {@link RequestTelemetry.observeRunner} needs of an SDK `Runner`. */
export interface ObservedRunner {
  on(event: any, listener: (...args: any[]) => void): unknown;
  config: { tracing?: TracingConfig | undefined };
}

/** The spans of one subscription (see {@link RequestTelemetry.startSubscription}). */
export interface SubscriptionScope {
  /** Runs `fn` with the resolver span active (start the turn in here). */
  run<T>(fn: () => T): T;
  /** W3C trace id of the subscription, or null when tracing is off. */
  readonly traceId: string | null;
  /** Marks the subscription failed with `code` (exception event, error.type, ERROR status). */
  fail(code: string, error: unknown): void;
  /** Ends the spans; idempotent. */
  end(): void;
}

const OFF_SCOPE: SubscriptionScope = { run: (fn) => fn(), traceId: null, fail: () => {}, end: () => {} };

/** Span attribute holding the API key name of the caller. */
export const ATTR_API_KEY_NAME = 'nba_reporter.api_key.name';

/** Telemetry when the SDK is off: no spans, no trace ids (also what tests use for an API without telemetry). */
export const TELEMETRY_OFF: RequestTelemetry = {
  enabled: false,
  currentTraceId: () => null,
  traceResponse: () => null,
  recordError: () => {},
  markError: () => {},
  setHttpRoute: () => {},
  observeRunner: () => {},
  setCaller: () => {},
  startSubscription: () => OFF_SCOPE,
  untraced: (fn) => fn(),
};

/**
 * gen_ai.provider.name per provider. An OpenAI-compatible endpoint is driven with the OpenAI client and
 * protocol, so it reports `openai` as the OpenAI instrumentations do (server.address tells the hosts
 * apart); the offline model is not OpenAI at all, so it gets a custom value.
 */
export const GENAI_PROVIDER_NAME: Record<ModelProviderName, string> = {
  openai: 'openai',
  'openai-compatible': 'openai',
  offline: 'nba_reporter.offline',
};

export interface ModelEndpoint {
  provider: ModelProviderName;
  model: string;
  baseURL?: string | undefined;
}

function serverOf(endpoint: ModelEndpoint): { serverAddress?: string; serverPort?: number } {
  if (endpoint.provider === 'offline') return {};
  const url = new URL(endpoint.baseURL ?? 'https://api.openai.com/v1');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { serverAddress: url.hostname, serverPort: port };
}

export async function setupTelemetry(endpoint: ModelEndpoint): Promise<RequestTelemetry> {
  const { setTracingDisabled } = await import('@openai/agents-core');
  if (!isTelemetryStarted()) {
    // No OpenTelemetry: also stop the Agents SDK from exporting traces to OpenAI by itself.
    setTracingDisabled(true);
    return TELEMETRY_OFF;
  }
  const [
    { context, trace, SpanKind, SpanStatusCode, isSpanContextValid },
    { registerAgentsOtel },
    { getRPCMetadata, RPCType, suppressTracing },
  ] = await Promise.all([
    import('@opentelemetry/api'),
    import('@nba-reporter/agents-otel'),
    import('@opentelemetry/core'),
  ]);
  const tracer = trace.getTracer('@nba-reporter/api');
  // The SDK turns its tracing off under NODE_ENV=test; the bridge needs it on.
  setTracingDisabled(false);
  const bridge = registerAgentsOtel({
    providerName: GENAI_PROVIDER_NAME[endpoint.provider],
    requestModel: endpoint.model,
    modelSpanKind: endpoint.provider === 'offline' ? SpanKind.INTERNAL : SpanKind.CLIENT,
    ...serverOf(endpoint),
  });

  // Message content on spans (span_only / span_and_event): the bridge resolved it from the environment.
  const captureContent = bridge.captureMessageContent;
  const activeContext = () => {
    const sc = trace.getActiveSpan()?.spanContext();
    return sc && isSpanContextValid(sc) ? sc : undefined;
  };
  function markFailed(span: Span | undefined, code: string, error: unknown): void {
    if (!span) return;
    const err = error instanceof Error ? error : new Error(String(error));
    // With content capture off, a message that may quote the client's input is replaced by the code.
    const message = captureContent || !CLIENT_TEXT_CODES.has(code) ? err.message : code;
    span.addEvent('exception', { 'exception.type': err.name, 'exception.message': message, 'error.type': code });
    span.setAttribute('error.type', code);
    span.setStatus({ code: SpanStatusCode.ERROR, message: code });
  }

  return {
    enabled: true,
    currentTraceId: () => activeContext()?.traceId ?? null,
    traceResponse: () => {
      const sc = activeContext();
      return sc ? `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & 1).toString(16).padStart(2, '0')}` : null;
    },
    recordError(code, error) {
      markFailed(trace.getActiveSpan(), code, error);
    },
    markError(code) {
      const span = trace.getActiveSpan();
      if (!span) return;
      span.setAttribute('error.type', code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: code });
    },
    setHttpRoute(route) {
      // The HTTP instrumentation reads this when the response finishes: span attribute, span name, metric attribute.
      const rpc = getRPCMetadata(context.active());
      if (rpc?.type === RPCType.HTTP) rpc.route = route;
    },
    observeRunner(runner) {
      // The SDK's task and turn spans become no OTel span (the bridge folds them, and the chats carry the usage the
      // turn spans would repeat): not creating them saves three SDK spans of eight per tool-calling turn, with
      // their ids, timestamps, contexts and processor calls. The OTel tree is the same.
      runner.config.tracing = { ...runner.config.tracing, includeTaskAndTurnSpans: false };
      bridge.observe(runner);
    },
    setCaller(keyName) {
      trace.getActiveSpan()?.setAttribute(ATTR_API_KEY_NAME, keyName);
    },
    startSubscription({ operationName, fieldName, fieldType }) {
      const parent = context.active();
      const request = trace.getSpan(parent);
      const operation = tracer.startSpan(
        operationName ? `subscription ${operationName}` : 'subscription',
        {
          kind: SpanKind.INTERNAL,
          attributes: {
            'graphql.operation.type': 'subscription',
            ...(operationName ? { 'graphql.operation.name': operationName } : {}),
          },
        },
        parent,
      );
      const operationContext = trace.setSpan(parent, operation);
      const resolver = tracer.startSpan(
        `graphql.resolve ${fieldName}`,
        {
          kind: SpanKind.INTERNAL,
          attributes: {
            'graphql.field.name': fieldName,
            'graphql.field.path': fieldName,
            'graphql.field.type': fieldType,
          },
        },
        operationContext,
      );
      const resolverContext = trace.setSpan(operationContext, resolver);
      const sc = resolver.spanContext();
      let ended = false;
      return {
        run: (fn) => context.with(resolverContext, fn),
        traceId: isSpanContextValid(sc) ? sc.traceId : null,
        fail(code, error) {
          markFailed(resolver, code, error);
          markFailed(operation, code, error);
          markFailed(request, code, error);
        },
        end() {
          if (ended) return;
          ended = true;
          resolver.end();
          operation.end();
        },
      };
    },
    untraced: (fn) => context.with(suppressTracing(context.active()), fn),
  };
}
