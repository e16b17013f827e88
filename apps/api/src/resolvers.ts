import {
  type Reporter,
  sessionIdPrefix,
  TOPIC_NAMES,
  type TopicSlug,
  type TurnOptions,
  type TurnResult,
} from '@nba-reporter/agent';
import type { Logger } from 'pino';
import { toGraphQLError, turnTimeoutError } from './errors.js';
import type { RequestTelemetry } from './telemetry.js';

export type TopicEnum = 'EASTERN' | 'WESTERN' | 'FINALS' | 'GENERAL';

export interface ApiContext {
  reporter: Reporter;
  telemetry: RequestTelemetry;
  logger: Logger;
  /** Aborted when the client goes away, so an abandoned turn stops calling the model. */
  signal: AbortSignal;
  /** The request's `Idempotency-Key` header, when sent. */
  requestKey?: string;
  version: string;
  /** The API key name of the caller; `null` when authentication is off. Owns the sessions it creates. */
  keyName: string | null;
  /** The client's address (Express `req.ip`, which honours NBA_REPORTER_TRUST_PROXY): the rate-limit key without keys. */
  clientIp: string;
  /** Overall deadline of one turn (`NBA_REPORTER_TURN_TIMEOUT_MS`). */
  turnTimeoutMs: number;
}

const toEnum = (slug: TopicSlug): TopicEnum => slug.toUpperCase() as TopicEnum;
export const toSlug = (topic: TopicEnum): TopicSlug => topic.toLowerCase() as TopicSlug;

export function toAgentTurn(result: TurnResult, traceId: string | null) {
  return { ...result, topic: toEnum(result.topic), traceId };
}

/**
 * The signal a turn runs under: aborted when the client goes away or when `timeoutMs` has passed. One controller and
 * one timer, cleared by `dispose` when the turn ends (`AbortSignal.timeout` + `AbortSignal.any` cost several times more
 * per turn, and left a timer pending for the whole turn timeout after every answered turn).
 */
function turnDeadline(clientSignal: AbortSignal, timeoutMs: number) {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, timeoutMs);
  timer.unref();
  const onClientAbort = () => controller.abort(clientSignal.reason);
  if (clientSignal.aborted) onClientAbort();
  else clientSignal.addEventListener('abort', onClientAbort, { once: true });
  return {
    signal: controller.signal,
    /** True when the deadline (not the client) ended the turn. */
    expired: () => expired && !clientSignal.aborted,
    dispose() {
      clearTimeout(timer);
      clientSignal.removeEventListener('abort', onClientAbort);
    },
  };
}

async function runTurn(
  ctx: ApiContext,
  operation: 'report' | 'followUp',
  turn: (options: TurnOptions) => Promise<TurnResult>,
): Promise<ReturnType<typeof toAgentTurn>> {
  const started = performance.now();
  // The deadline aborts the run like a client that went away: the model call stops and nothing is stored.
  const deadline = turnDeadline(ctx.signal, ctx.turnTimeoutMs);
  const { signal } = deadline;
  const caller = ctx.keyName === null ? {} : { apiKeyName: ctx.keyName };
  try {
    const result = await turn({
      signal,
      owner: ctx.keyName,
      ...(ctx.requestKey === undefined ? {} : { requestKey: ctx.requestKey }),
    });
    ctx.logger.info(
      {
        operation,
        ...caller,
        sessionId: sessionIdPrefix(result.sessionId),
        topic: result.topic,
        model: result.model,
        totalTokens: result.usage.totalTokens,
        durationMs: Math.round(performance.now() - started),
      },
      'turn answered',
    );
    return toAgentTurn(result, ctx.telemetry.currentTraceId());
  } catch (error) {
    const graphQLError = deadline.expired() ? turnTimeoutError(ctx.turnTimeoutMs) : toGraphQLError(error);
    const code = String(graphQLError.extensions.code);
    // The GraphQL instrumentation records the thrown error as the resolver span's one exception event.
    ctx.telemetry.markError(code);
    const fields = { operation, ...caller, code, durationMs: Math.round(performance.now() - started) };
    if (code === 'INTERNAL_SERVER_ERROR') ctx.logger.error({ ...fields, err: error }, 'turn failed unexpectedly');
    else ctx.logger.warn(fields, 'turn refused');
    throw graphQLError;
  } finally {
    deadline.dispose();
  }
}

export interface ReportArgs {
  input: { topic: TopicEnum; message?: string | null };
}
export interface FollowUpArgs {
  input: { sessionId: string; message: string };
}

export const resolvers = {
  Query: {
    topics: () => Object.entries(TOPIC_NAMES).map(([slug, name]) => ({ topic: toEnum(slug as TopicSlug), name })),
    health: (_parent: unknown, _args: unknown, ctx: ApiContext) => ({
      status: 'ok',
      provider: ctx.reporter.provider,
      model: ctx.reporter.model,
      version: ctx.version,
    }),
  },
  Mutation: {
    report: (_parent: unknown, { input }: ReportArgs, ctx: ApiContext) =>
      runTurn(ctx, 'report', (options) =>
        ctx.reporter.report({ topic: toSlug(input.topic), message: input.message ?? null }, options),
      ),
    followUp: (_parent: unknown, { input }: FollowUpArgs, ctx: ApiContext) =>
      runTurn(ctx, 'followUp', (options) =>
        ctx.reporter.followUp({ sessionId: input.sessionId, message: input.message }, options),
      ),
  },
};
