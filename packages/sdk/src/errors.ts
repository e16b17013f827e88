import { ErrorCode } from './__generated__/enums.js';

/** Codes the server puts in `extensions.code` (generated from the schema's `ErrorCode` enum). */
export type ServerErrorCode = ErrorCode;

/** Codes the SDK produces itself when there is no usable GraphQL error to report. */
export type ClientErrorCode =
  /** `fetch` rejected: DNS, connection refused, reset, CORS, … (`cause` holds the original error). */
  | 'NETWORK_ERROR'
  /** Non-2xx HTTP response without a GraphQL error body (proxy error page, 404, 502, …). */
  | 'HTTP_ERROR'
  /** 2xx response that is not a GraphQL response or lacks the selected field. */
  | 'INVALID_RESPONSE'
  /** The request was aborted through a `signal` or timed out (`timeoutMs`). */
  | 'ABORTED'
  /** A GraphQL error whose `extensions.code` is missing or not in the schema (e.g. a newer server). */
  | 'UNKNOWN_ERROR';

export type NbaReporterErrorCode = ServerErrorCode | ClientErrorCode;

/** A GraphQL error as the server sent it (the `errors[]` entries of the response). */
export interface GraphQLErrorPayload {
  readonly message: string;
  readonly locations?: readonly { readonly line: number; readonly column: number }[];
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface NbaReporterErrorInit {
  code: NbaReporterErrorCode;
  message: string;
  /** The operation (client method) that failed. */
  operation?: string | undefined;
  status?: number | undefined;
  traceId?: string | undefined;
  errors?: readonly GraphQLErrorPayload[] | undefined;
  cause?: unknown;
}

const BRAND = Symbol.for('@nba-reporter/sdk/NbaReporterError');
const serverCodes: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** Whether `code` is one of the schema's `ErrorCode` values. */
export function isServerErrorCode(code: unknown): code is ServerErrorCode {
  return typeof code === 'string' && serverCodes.has(code);
}

/**
 * The one error type every client method rejects with.
 * `code` is a literal union: the schema's `ErrorCode` values plus the SDK's own {@link ClientErrorCode}s.
 */
export class NbaReporterError<TCode extends NbaReporterErrorCode = NbaReporterErrorCode> extends Error {
  readonly code: TCode;
  /** The client method that failed, e.g. `report`. */
  readonly operation: string | undefined;
  /** HTTP status of the response, if one arrived (GraphQL errors often come with 200). */
  readonly status: number | undefined;
  /**
   * W3C trace id of the failed request: the error's `extensions.traceId`, else the `traceresponse`
   * response header, else the trace id of the `traceparent` the SDK sent.
   */
  readonly traceId: string | undefined;
  /** Every GraphQL error in the response (empty for client-side codes). */
  readonly errors: readonly GraphQLErrorPayload[];
  /** `extensions` of the first GraphQL error (`{}` if none). */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** GUARDRAIL_TRIPPED: why the guardrail tripped (`extensions.reason`). */
  readonly reason: string | undefined;
  /** MODEL_RATE_LIMITED: when to retry, in milliseconds (`extensions.retryAfterMs`), if known. */
  readonly retryAfterMs: number | undefined;

  constructor(init: NbaReporterErrorInit & { code: TCode }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'NbaReporterError';
    Object.defineProperty(this, BRAND, { value: true });
    this.code = init.code;
    this.operation = init.operation;
    this.status = init.status;
    this.traceId = init.traceId;
    this.errors = init.errors ?? [];
    const extensions = this.errors[0]?.extensions ?? {};
    this.extensions = extensions;
    this.reason = typeof extensions['reason'] === 'string' ? extensions['reason'] : undefined;
    this.retryAfterMs = typeof extensions['retryAfterMs'] === 'number' ? extensions['retryAfterMs'] : undefined;
  }

  /** Serialisable summary (for logs): no `cause` chain, no stack. */
  toJSON(): Record<string, unknown> {
    const { name, code, message, operation, status, traceId, extensions } = this;
    return { name, code, message, operation, status, traceId, extensions };
  }
}

/**
 * Type guard for {@link NbaReporterError}; pass `code` (or several) to narrow `error.code` too.
 * Works across bundle copies of the SDK (checks a global symbol brand, not only `instanceof`).
 */
export function isNbaReporterError<const TCode extends NbaReporterErrorCode = NbaReporterErrorCode>(
  error: unknown,
  ...codes: TCode[]
): error is NbaReporterError<TCode> {
  if (typeof error !== 'object' || error === null) return false;
  if (!(error instanceof NbaReporterError) && (error as Record<symbol, unknown>)[BRAND] !== true) return false;
  return codes.length === 0 || (codes as string[]).includes((error as NbaReporterError).code);
}
