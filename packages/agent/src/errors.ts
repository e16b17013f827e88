/**
 * Error classes of `@nba-reporter/agent`.
 *
 * Every error thrown on purpose by the reporter extends {@link ReporterError} and carries a literal `code`, so callers
 * (the GraphQL API) can map it to an extension code without `instanceof` chains across package copies.
 */

import type { ErrorCode } from '@nba-reporter/schema';

/**
 * Machine-readable codes of every {@link ReporterError}: the API contract's `ErrorCode` values (generated from the
 * schema, so a code the schema lacks does not compile), plus `CONFIG_ERROR`, which stops start-up and is never sent.
 */
export type ReporterErrorCode = ErrorCode | 'CONFIG_ERROR';

/** Marks reporter errors, so one from another copy of this package is recognised too. */
const BRAND = Symbol.for('@nba-reporter/agent/ReporterError');

/** Base class of all errors raised on purpose by the NBA reporter. */
export abstract class ReporterError extends Error {
  abstract readonly code: ReporterErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** The input guardrail judged the request off-topic; `reason` is the guardrail's user-facing explanation. */
export class GuardrailTrippedError extends ReporterError {
  readonly code = 'GUARDRAIL_TRIPPED' as const;
  readonly guardrail: string;
  readonly reason: string;

  constructor(guardrail: string, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.guardrail = guardrail;
    this.reason = reason;
  }
}

/** The first 12 characters of an id (as sessionIdPrefix): messages reach telemetry, a whole session id never does. */
function idPrefix(id: string): string {
  return id.length <= 12 ? id : `${id.slice(0, 12)}…`;
}

/**
 * A follow-up named a session that does not exist, has expired or belongs to another API key (the same error for
 * all three: no oracle). Never silently starts a new conversation. The message holds only a short id prefix.
 */
export class SessionNotFoundError extends ReporterError {
  readonly code = 'SESSION_NOT_FOUND' as const;
  readonly sessionId: string;

  constructor(sessionId: string) {
    super(
      `Session ${idPrefix(sessionId)} not found (unknown, expired or not yours). Start a conversation with report.`,
    );
    this.sessionId = sessionId;
  }
}

/**
 * Another request stored a turn in this session while this one ran (two follow-ups on one session at once, on
 * different instances). Nothing of this turn was stored: retrying the same message is safe.
 */
export class SessionBusyError extends ReporterError {
  readonly code = 'SESSION_BUSY' as const;
  readonly sessionId: string;

  constructor(sessionId: string, options?: { cause?: unknown }) {
    super('Another follow-up on this session was answered first; nothing was stored. Retry the message.', options);
    this.sessionId = sessionId;
  }
}

/** The session already holds its maximum number of turns; start a new one with `report`. */
export class SessionTurnLimitError extends ReporterError {
  readonly code = 'SESSION_TURN_LIMIT' as const;
  readonly maxTurns: number;

  constructor(sessionId: string, maxTurns: number) {
    super(
      `Session ${idPrefix(sessionId)} has reached its limit of ${maxTurns} turns. Start a new conversation with report.`,
    );
    this.maxTurns = maxTurns;
  }
}

/** The caller's input is invalid (unknown topic, empty or over-long message, missing session id); `field` names it. */
export class InvalidInputError extends ReporterError {
  readonly code = 'BAD_USER_INPUT' as const;
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** The agent run finished but produced no text once the answer was sanitized. */
export class EmptyAnswerError extends ReporterError {
  readonly code = 'EMPTY_ANSWER' as const;

  constructor(message = 'The agent run did not produce any output text', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The model provider failed (5xx, connection error, rejected request or misbehaving model). */
export class ModelUnavailableError extends ReporterError {
  readonly code = 'MODEL_UNAVAILABLE' as const;

  constructor(message = 'The model provider is unavailable', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A model call took longer than the configured per-call timeout. */
export class ModelTimeoutError extends ReporterError {
  readonly code = 'MODEL_TIMEOUT' as const;
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`The model did not answer within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The model provider rate-limited the request (HTTP 429); `retryAfterMs` comes from its retry-after headers. */
export class ModelRateLimitedError extends ReporterError {
  readonly code = 'MODEL_RATE_LIMITED' as const;
  readonly retryAfterMs?: number;

  constructor(retryAfterMs?: number, options?: { cause?: unknown }) {
    super(
      retryAfterMs === undefined
        ? 'The model provider is rate limiting requests'
        : `The model provider is rate limiting requests; retry after ${retryAfterMs} ms`,
      options,
    );
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** An environment variable has an invalid value; the message is one line naming `variable` and the allowed values. */
export class ConfigError extends ReporterError {
  readonly code = 'CONFIG_ERROR' as const;
  readonly variable: string;

  constructor(variable: string, message: string) {
    super(message);
    this.variable = variable;
  }
}

/** True for any {@link ReporterError}, also one from another copy of this package (checked by a global brand). */
export function isReporterError(e: unknown): e is ReporterError {
  return (
    e instanceof ReporterError || (e instanceof Error && (e as unknown as Record<symbol, unknown>)[BRAND] === true)
  );
}
