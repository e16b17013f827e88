/**
 * The slice of `@opentelemetry/api` the SDK uses. Pass the module itself
 * (`import * as otel from '@opentelemetry/api'`) as the `opentelemetry` option.
 */
export interface OpenTelemetryApiLike {
  context: { active(): unknown };
  propagation: { inject(context: any, carrier: Record<string, string>): void };
}

// A variable specifier keeps bundlers from resolving (and requiring) the optional peer dependency.
const OTEL_API: string = '@opentelemetry/api';
let loading: Promise<OpenTelemetryApiLike | undefined> | undefined;
let loaded: OpenTelemetryApiLike | undefined;

function isApi(value: unknown): value is OpenTelemetryApiLike {
  const api = value as Partial<OpenTelemetryApiLike> | undefined;
  return typeof api?.propagation?.inject === 'function' && typeof api.context?.active === 'function';
}

/** Loads `@opentelemetry/api` once, if it is installed; resolves `undefined` otherwise. */
export function loadOpenTelemetry(): Promise<OpenTelemetryApiLike | undefined> {
  loading ??= import(/* @vite-ignore */ /* webpackIgnore: true */ OTEL_API).then(
    (mod: unknown) => {
      const api = isApi(mod) ? mod : (mod as { default?: unknown }).default;
      loaded = isApi(api) ? api : undefined;
      return loaded;
    },
    () => undefined,
  );
  return loading;
}

/** The already-loaded API, if any (lets callers capture the active context synchronously). */
export function loadedOpenTelemetry(): OpenTelemetryApiLike | undefined {
  return loaded;
}

/** Injects the active context's `traceparent`/`tracestate` (and anything else the propagator writes). */
export function injectContext(api: OpenTelemetryApiLike, context: unknown, headers: Headers): void {
  const carrier: Record<string, string> = {};
  try {
    api.propagation.inject(context, carrier);
  } catch {
    return; // propagation must never break a request
  }
  for (const [key, value] of Object.entries(carrier)) headers.set(key, value);
}

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}(?:-|$)/;

/** The trace id of a W3C `traceparent` / `traceresponse` value, if well formed and valid. */
export function traceIdOf(header: string | null | undefined): string | undefined {
  const id = header ? TRACEPARENT.exec(header.trim().toLowerCase())?.[1] : undefined;
  return id && !/^0+$/.test(id) ? id : undefined;
}
