/**
 * The one place where domain errors become GraphQL errors. `extensions.code` is the contract: the
 * schema's ErrorCode enum, whose type is generated into @nba-reporter/schema; anything unexpected is
 * masked as INTERNAL_SERVER_ERROR.
 */
import { isReporterError, type ReporterError } from '@nba-reporter/agent';
import type { ErrorCode } from '@nba-reporter/schema';
import { GraphQLError } from 'graphql';

declare module 'graphql' {
  interface GraphQLErrorExtensions {
    /** Always one of the schema's `ErrorCode` values (generated from schema.graphql). */
    code?: ErrorCode;
    traceId?: string;
  }
}

/** Extra, client-useful fields per error class. Never the cause, never a stack. */
function details(error: ReporterError): Record<string, unknown> {
  const e = error as ReporterError & Record<string, unknown>;
  switch (error.code) {
    case 'GUARDRAIL_TRIPPED':
      return { reason: e['reason'], guardrail: e['guardrail'] };
    case 'SESSION_NOT_FOUND':
    case 'SESSION_BUSY':
      return { sessionId: e['sessionId'] }; // the caller's own input, echoed to it only (messages carry a prefix)
    case 'SESSION_TURN_LIMIT':
      return { maxTurns: e['maxTurns'] };
    case 'BAD_USER_INPUT':
      return { field: e['field'] };
    case 'MODEL_TIMEOUT':
      return { timeoutMs: e['timeoutMs'] };
    case 'MODEL_RATE_LIMITED':
      return e['retryAfterMs'] === undefined ? {} : { retryAfterMs: e['retryAfterMs'] };
    default:
      return {};
  }
}

/** Maps a thrown value from the agent to the GraphQL error the client sees. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isReporterError(error) && error.code !== 'CONFIG_ERROR') {
    return new GraphQLError(error.message, { extensions: { code: error.code, ...details(error) } });
  }
  return new GraphQLError('Internal server error', {
    originalError: error instanceof Error ? error : new Error(String(error)),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/** The error for a turn that ran past `NBA_REPORTER_TURN_TIMEOUT_MS` (the run is aborted, nothing is stored). */
export function turnTimeoutError(timeoutMs: number): GraphQLError {
  return new GraphQLError(`The turn did not finish within ${timeoutMs} ms`, {
    extensions: { code: 'TURN_TIMEOUT', timeoutMs },
  });
}

/**
 * The code an error reaches the client with. Apollo raises a few client errors without a code but with a 4xx
 * status (a persisted-query hash mismatch, an unsupported persisted-query version): those are BAD_REQUEST, not
 * INTERNAL_SERVER_ERROR.
 */
export function errorCodeOf(error: { extensions?: Record<string, unknown> | undefined }): string {
  const code = error.extensions?.['code'];
  if (typeof code === 'string') return code;
  const status = (error.extensions?.['http'] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
}

/**
 * Codes whose message may quote the client's input (a variable's value, a field name, a query fragment): with
 * content capture off, telemetry records the code instead of such a message.
 */
export const CLIENT_TEXT_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);
