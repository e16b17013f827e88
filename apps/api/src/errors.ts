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
      return { sessionId: e['sessionId'] };
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
