import { TOPIC_NAMES, type Reporter, type TopicSlug, type TurnResult } from '@nba-reporter/agent';
import type { Logger } from 'pino';
import { toGraphQLError } from './errors.js';
import type { RequestTelemetry } from './telemetry.js';

export type TopicEnum = 'EASTERN' | 'WESTERN' | 'FINALS' | 'GENERAL';

export interface ApiContext {
  reporter: Reporter;
  telemetry: RequestTelemetry;
  logger: Logger;
  /** Aborted when the client goes away, so an abandoned turn stops calling the model. */
  signal: AbortSignal;
  version: string;
}

const toEnum = (slug: TopicSlug): TopicEnum => slug.toUpperCase() as TopicEnum;
const toSlug = (topic: TopicEnum): TopicSlug => topic.toLowerCase() as TopicSlug;

function toAgentTurn(result: TurnResult, traceId: string | null) {
  return { ...result, topic: toEnum(result.topic), traceId };
}

async function runTurn(
  ctx: ApiContext,
  operation: 'report' | 'followUp',
  turn: () => Promise<TurnResult>,
): Promise<ReturnType<typeof toAgentTurn>> {
  const started = performance.now();
  try {
    const result = await turn();
    ctx.logger.info(
      {
        operation,
        sessionId: result.sessionId,
        topic: result.topic,
        model: result.model,
        totalTokens: result.usage.totalTokens,
        durationMs: Math.round(performance.now() - started),
      },
      'turn answered',
    );
    return toAgentTurn(result, ctx.telemetry.currentTraceId());
  } catch (error) {
    const graphQLError = toGraphQLError(error);
    const code = String(graphQLError.extensions.code);
    // The GraphQL instrumentation records the thrown error as the resolver span's one exception event.
    ctx.telemetry.markError(code);
    const fields = { operation, code, durationMs: Math.round(performance.now() - started) };
    if (code === 'INTERNAL_SERVER_ERROR') ctx.logger.error({ ...fields, err: error }, 'turn failed unexpectedly');
    else ctx.logger.warn(fields, 'turn refused');
    throw graphQLError;
  }
}

interface ReportArgs {
  input: { topic: TopicEnum; message?: string | null };
}
interface FollowUpArgs {
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
      runTurn(ctx, 'report', () =>
        ctx.reporter.report({ topic: toSlug(input.topic), message: input.message ?? null }, { signal: ctx.signal }),
      ),
    followUp: (_parent: unknown, { input }: FollowUpArgs, ctx: ApiContext) =>
      runTurn(ctx, 'followUp', () =>
        ctx.reporter.followUp({ sessionId: input.sessionId, message: input.message }, { signal: ctx.signal }),
      ),
  },
};

