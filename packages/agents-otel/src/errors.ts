/**
 * `error.type` and the exception recorded on a failed span, from what the SDK keeps of an error: a message and,
 * sometimes, `data.error` (`String(error)` with sensitive data on, else a bare class name or "Error").
 */
import type { SpanError } from '@openai/agents-core';
import * as sc from './semconv.js';

const CLASS_NAME_RE = /^([A-Za-z_$][\w$]*)(?::|$)/;

/** Class name at the start of `String(error)` ("TypeError: boom" → "TypeError"), when it looks like one. */
export function classNameFromErrorString(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = CLASS_NAME_RE.exec(v.trim());
  const name = m?.[1];
  if (!name) return undefined;
  return /(Error|Exception|Triggered|Exceeded)$/.test(name) ? name : undefined;
}

/**
 * Transport failures of model calls, recognised by the fixed messages of the `openai` client (which the SDK's
 * OpenAI models use) and of `JSON.parse`, since the SDK keeps only the message of a model error, not its class.
 */
const MODEL_ERROR_MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Request timed out\b/i, 'APIConnectionTimeoutError'],
  [/^Connection error\.?$/i, 'APIConnectionError'],
  [/^Request was aborted\.?$/i, 'APIUserAbortError'],
  [/\bJSON\b|^Unexpected (?:token|end of)\b/, 'SyntaxError'],
  [/\btimed? ?out\b|\btimeout\b/i, 'timeout'],
];

/** Values of {@link modelErrorType} that are class names (the others are HTTP statuses or `timeout`). */
const CLASS_TYPES = new Set(['APIConnectionTimeoutError', 'APIConnectionError', 'APIUserAbortError', 'SyntaxError']);

/**
 * `error.type` of a failed model call, from what the SDK keeps: an HTTP status in `data` or leading the message
 * ("429 Rate limit reached"), else the class of a recognised transport failure; `undefined` when nothing matches.
 */
export function modelErrorType(message: string, data: Record<string, unknown> = {}): string | undefined {
  const status = data.status ?? data.statusCode ?? data.status_code;
  if ((typeof status === 'number' || typeof status === 'string') && /^\d{3}$/.test(String(status)))
    return String(status);
  const texts = [message, typeof data.error === 'string' ? data.error.replace(/^Error:\s*/, '') : undefined];
  for (const text of texts) {
    if (!text) continue;
    const m = /^([45]\d\d)\b/.exec(text.trim());
    if (m?.[1]) return m[1];
  }
  for (const text of texts) {
    if (!text) continue;
    for (const [re, type] of MODEL_ERROR_MESSAGES) if (re.test(text.trim())) return type;
  }
  return undefined;
}

/**
 * The class the `openai` client throws for an HTTP status (its `APIError.generate`), so `exception.type` names a class
 * while `error.type` keeps the status.
 */
export function openaiErrorClass(status: string): string {
  switch (status) {
    case '400':
      return 'BadRequestError';
    case '401':
      return 'AuthenticationError';
    case '403':
      return 'PermissionDeniedError';
    case '404':
      return 'NotFoundError';
    case '409':
      return 'ConflictError';
    case '422':
      return 'UnprocessableEntityError';
    case '429':
      return 'RateLimitError';
    default:
      return Number(status) >= 500 ? 'InternalServerError' : 'APIError';
  }
}

export type SpanRole = 'agent' | 'chat' | 'other';

/** What the agent span's error is, given what is known of the agent's run. */
export interface AgentErrorContext {
  /** `error.type` of the agent's most recent failed chat, if any. */
  failedChat?: string;
  /** Target (`input`/`output`) of a guardrail that tripped, or of the one named in the error. */
  trippedTarget?: string;
}

/**
 * `error.type` of a failed span. Agent spans: the tripwire class, `MaxTurnsExceededError`, else the cause: the
 * failed chat's type (so model faults do not all merge into `Error`), else a class from `data.error`, else `_OTHER`.
 */
export function errorTypeOf(role: SpanRole, error: SpanError, agent?: AgentErrorContext): string {
  const data = error.data ?? {};
  if (role === 'agent') {
    if (error.message === 'Guardrail tripwire triggered' || agent?.trippedTarget) {
      return agent?.trippedTarget === sc.GUARDRAIL_TARGET_TYPE_VALUE_OUTPUT
        ? 'OutputGuardrailTripwireTriggered'
        : 'InputGuardrailTripwireTriggered';
    }
    if (error.message === 'Max turns exceeded') return 'MaxTurnsExceededError';
    if (agent?.failedChat) return agent.failedChat;
  }
  const fromClass = classNameFromErrorString(data.error);
  // A bare `Error` (e.g. the `openai` client's errors, which keep the default name) says nothing.
  if (fromClass && fromClass !== 'Error') return fromClass;
  if (role === 'chat') return modelErrorType(error.message, data) ?? sc.ERROR_TYPE_VALUE_OTHER;
  if (role === 'agent' && typeof data.error === 'string') {
    const t = modelErrorType(data.error.replace(/^Error:\s*/, ''));
    if (t) return t;
  }
  return sc.ERROR_TYPE_VALUE_OTHER;
}

/**
 * `exception.type` for a failed span: a class name, never a status. For a status from an OpenAI-protocol model, the
 * class the `openai` client uses for it; `undefined` (no `exception.type`, the message still says it) when unknown.
 */
export function exceptionTypeOf(error: SpanError, errorType: string, openaiProtocol: boolean): string | undefined {
  if (/^\d{3}$/.test(errorType)) return openaiProtocol ? openaiErrorClass(errorType) : undefined;
  if (errorType === sc.ERROR_TYPE_VALUE_OTHER || errorType === 'timeout') {
    const fromClass = classNameFromErrorString(error.data?.error);
    return fromClass;
  }
  if (CLASS_TYPES.has(errorType) || /^[A-Z]\w*(Error|Exception|Triggered)$/.test(errorType)) return errorType;
  return undefined;
}
