/**
 * Subscription resolvers: `reportStream` / `followUpStream` start a streamed turn (in the resolver span, so the
 * agent's spans hang under it) and map its events to the `TurnEvent` union. A failure becomes the stream's last
 * event: a GraphQL error with the same `extensions.code` as the mutations.
 */
import { sessionIdPrefix, type TurnEvent, type TurnOptions, type TurnStream } from '@nba-reporter/agent';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { toGraphQLError, turnTimeoutError } from './errors.js';
import { type ApiContext, type FollowUpArgs, type ReportArgs, toAgentTurn, toSlug } from './resolvers.js';

type Payload =
  | { __typename: 'TextDelta'; delta: string }
  | { __typename: 'ToolCallEvent'; name: string; callId: string; status: 'STARTED' | 'COMPLETED' | 'FAILED' }
  | { __typename: 'TurnCompleted'; turn: ReturnType<typeof toAgentTurn> }
  | { __typename: 'Failure'; error: GraphQLError };

function streamTurn(
  ctx: ApiContext,
  operation: 'report' | 'followUp',
  info: GraphQLResolveInfo,
  start: (options: TurnOptions) => TurnStream,
): AsyncGenerator<Payload> {
  const scope = ctx.telemetry.startSubscription({
    operationName: info.operation.name?.value,
    fieldName: info.fieldName,
    fieldType: String(info.returnType),
  });
  const started = performance.now();
  // The turn's deadline covers the whole stream; it aborts the run like a client that went away.
  const deadline = AbortSignal.timeout(ctx.turnTimeoutMs);
  const signal = AbortSignal.any([ctx.signal, deadline]);
  const caller = ctx.keyName === null ? {} : { apiKeyName: ctx.keyName };
  // Started here, in the resolver span's context: the turn's work (and the agent's spans) runs in it.
  const stream = scope.run(() => start({ signal, owner: ctx.keyName }));

  return (async function* events(): AsyncGenerator<Payload> {
    try {
      for await (const event of stream as AsyncIterable<TurnEvent>) {
        if (event.type === 'text_delta') yield { __typename: 'TextDelta', delta: event.delta };
        else if (event.type === 'tool_call') {
          yield {
            __typename: 'ToolCallEvent',
            name: event.name,
            callId: event.callId,
            status: event.status.toUpperCase() as 'STARTED',
          };
        } else {
          const { turn } = event;
          ctx.logger.info(
            {
              operation,
              streamed: true,
              ...caller,
              sessionId: sessionIdPrefix(turn.sessionId),
              topic: turn.topic,
              model: turn.model,
              totalTokens: turn.usage.totalTokens,
              durationMs: Math.round(performance.now() - started),
            },
            'turn answered',
          );
          yield { __typename: 'TurnCompleted', turn: toAgentTurn(turn, scope.traceId) };
        }
      }
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      if (ctx.signal.aborted) {
        // The client went away: nothing to answer, nothing was stored.
        ctx.logger.info({ operation, streamed: true, ...caller, durationMs }, 'turn cancelled by the client');
        return;
      }
      const mapped = deadline.aborted ? turnTimeoutError(ctx.turnTimeoutMs) : toGraphQLError(error);
      const code = String(mapped.extensions.code);
      const graphQLError = scope.traceId
        ? new GraphQLError(mapped.message, {
            originalError: mapped.originalError ?? null,
            extensions: { ...mapped.extensions, traceId: scope.traceId },
          })
        : mapped;
      scope.fail(code, error);
      const fields = { operation, streamed: true, ...caller, code, durationMs };
      if (code === 'INTERNAL_SERVER_ERROR') ctx.logger.error({ ...fields, err: error }, 'turn failed unexpectedly');
      else ctx.logger.warn(fields, 'turn refused');
      yield { __typename: 'Failure', error: graphQLError };
    } finally {
      scope.end();
    }
  })();
}

/** Each event is resolved as is; a failure is thrown, so graphql-js reports it as the event's error. */
function resolveEvent(payload: Payload): Payload {
  if (payload.__typename === 'Failure') throw payload.error;
  return payload;
}

export const streamResolvers = {
  Subscription: {
    reportStream: {
      subscribe: (_parent: unknown, { input }: ReportArgs, ctx: ApiContext, info: GraphQLResolveInfo) =>
        streamTurn(ctx, 'report', info, (options) =>
          ctx.reporter.reportStream({ topic: toSlug(input.topic), message: input.message ?? null }, options),
        ),
      resolve: resolveEvent,
    },
    followUpStream: {
      subscribe: (_parent: unknown, { input }: FollowUpArgs, ctx: ApiContext, info: GraphQLResolveInfo) =>
        streamTurn(ctx, 'followUp', info, (options) =>
          ctx.reporter.followUpStream({ sessionId: input.sessionId, message: input.message }, options),
        ),
      resolve: resolveEvent,
    },
  },
  TurnEvent: {
    __resolveType: (payload: Payload) => payload.__typename,
  },
};
