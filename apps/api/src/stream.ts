/**
 * GraphQL over Server-Sent Events at `/graphql/stream` (graphql-sse, "distinct connections" mode): subscriptions
 * only, on the same schema, context, validation rules and error codes as Apollo at `/graphql`.
 *
 * Every answer is a `text/event-stream`: `next` events with `{ data }` or `{ errors }`, then `complete`. Problems
 * found before the stream starts (parse, validation, a query or mutation sent here, bad variables) are also sent as
 * one `next` with `errors` (each with `extensions.code`) and `complete`, so a client has one way to read them.
 */

import type { ErrorCode } from '@nba-reporter/schema';
import type { Request as ExpressRequest, Response as ExpressResponse, RequestHandler } from 'express';
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  type ParseOptions,
  parse,
  specifiedRules,
  subscribe,
  type ValidationRule,
  validate,
} from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { hideSuggestions, stripSuggestions } from './limits.js';
import type { ApiContext } from './resolvers.js';
import type { RequestTelemetry } from './telemetry.js';

export interface StreamHandlerOptions {
  schema: GraphQLSchema;
  /** The same context builder as Apollo's. */
  context: (req: ExpressRequest, res: ExpressResponse) => Promise<ApiContext> | ApiContext;
  /** Validation rules beyond graphql-js's specified ones (the same list Apollo gets). */
  validationRules: readonly ValidationRule[];
  parseOptions?: ParseOptions;
  /** Remove "Did you mean …?" hints from validation and variable errors (as Apollo's path does in production). */
  hideSuggestions: boolean;
  /** Admits one turn for the caller (rate limit), or returns the error to refuse it with (before any work). */
  admitTurn: (context: ApiContext) => Promise<GraphQLError | undefined>;
  telemetry: RequestTelemetry;
  /** Development mode: internal error messages are not masked. */
  development: boolean;
}

// graphql-sse takes an object as a result only when it has `data` (null here).
function requestError(message: string, code: ErrorCode): ExecutionResult {
  return { data: null, errors: [new GraphQLError(message, { extensions: { code } })] };
}

/** Every error carries a code; unexpected ones are masked outside development (as Apollo's formatError does). */
function formatErrors(
  result: ExecutionResult,
  development: boolean,
  hide: boolean,
  fallbackCode: ErrorCode,
): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    const code: ErrorCode = error.extensions?.code ?? fallbackCode;
    if (code === 'INTERNAL_SERVER_ERROR' && !development) {
      const traceId = error.extensions?.traceId;
      return new GraphQLError('Internal server error', { extensions: { code, ...(traceId ? { traceId } : {}) } });
    }
    const { http: _http, ...extensions } = { ...error.extensions, code } as Record<string, unknown>;
    const message = hide ? stripSuggestions(error.message) : error.message;
    return new GraphQLError(message, { nodes: error.nodes ?? null, path: error.path ?? null, extensions });
  });
  return { ...result, errors };
}

/** The per-event iterator, each step untraced (one `execute` per event). Keeps `return` for graphql-sse's cleanup. */
function untracedEvents(
  events: AsyncGenerator<ExecutionResult>,
  telemetry: RequestTelemetry,
): AsyncGenerator<ExecutionResult> {
  const wrapped: AsyncGenerator<ExecutionResult> = {
    next: () => telemetry.untraced(() => events.next()),
    return: (value) => events.return(value),
    throw: (error) => events.throw(error),
    [Symbol.asyncIterator]: () => wrapped,
    [Symbol.asyncDispose]: async () => {
      await events.return(undefined);
    },
  };
  return wrapped;
}

/** A plain JSON answer for an error that carries its HTTP status and headers (`extensions.http`). */
function refusal(
  error: GraphQLError,
): [string, { status: number; statusText: string; headers: Record<string, string> }] {
  const { http, ...extensions } = error.extensions as {
    http?: { status?: number; headers?: Map<string, string> };
  } & Record<string, unknown>;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  for (const [key, value] of http?.headers ?? []) headers[key] = value;
  const status = http?.status ?? 400;
  return [
    JSON.stringify({ errors: [{ message: error.message, extensions }] }),
    { status, statusText: status === 429 ? 'Too Many Requests' : 'Bad Request', headers },
  ];
}

export function createStreamHandler(options: StreamHandlerOptions): RequestHandler {
  const { schema, telemetry, development } = options;
  const rules = [...specifiedRules, ...options.validationRules];

  const handler = createHandler<ApiContext & Record<PropertyKey, unknown>>({
    schema,
    // Distinct connections only: no stream reservations (no token, no PUT).
    authenticate: () => '',
    // Parsed and validated in onSubscribe, with our rules and codes.
    validate: () => [],
    async onSubscribe(req, params) {
      let document: DocumentNode;
      try {
        document = parse(params.query, options.parseOptions);
      } catch (error) {
        return requestError(error instanceof Error ? error.message : String(error), 'GRAPHQL_PARSE_FAILED');
      }
      const errors = validate(schema, document, rules);
      if (errors.length > 0) {
        if (options.hideSuggestions) hideSuggestions(errors);
        return {
          data: null,
          errors: errors.map(
            (e) =>
              new GraphQLError(e.message, {
                nodes: e.nodes ?? null,
                extensions: { ...e.extensions, code: e.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' },
              }),
          ),
        };
      }
      const operation = getOperationAST(document, params.operationName);
      if (!operation)
        return requestError(
          'The document has no operation to run, or several and operationName names none of them',
          'OPERATION_RESOLUTION_FAILURE',
        );
      if (operation.operation !== 'subscription') {
        return requestError(
          `Only subscriptions are served at /graphql/stream; send a ${operation.operation} to /graphql`,
          'BAD_REQUEST',
        );
      }
      const raw = req.raw as ExpressRequest;
      const res = (req.context as { res: ExpressResponse }).res;
      const contextValue = (await options.context(raw, res)) as ApiContext & Record<PropertyKey, unknown>;
      // Every subscription here runs one turn: it counts against the caller's rate limit before anything runs,
      // refused as on /graphql (HTTP 429 with Retry-After and RATE_LIMITED), not as a stream.
      const refused = await options.admitTurn(contextValue);
      if (refused) return refusal(refused);
      return {
        schema,
        document,
        operationName: params.operationName ?? null,
        variableValues: params.variables ?? null,
        contextValue,
      };
    },
    async subscribe(args) {
      const result = await subscribe(args);
      if (Symbol.asyncIterator in result) return untracedEvents(result, telemetry);
      // Errors before the stream starts: variable coercion (bad input) or a resolver that threw.
      return formatErrors(result, development, options.hideSuggestions, 'BAD_USER_INPUT');
    },
    onNext(_ctx, _req, result) {
      return formatErrors(result as ExecutionResult, development, options.hideSuggestions, 'INTERNAL_SERVER_ERROR');
    },
  });

  return (req, res, next) => {
    // graphql-sse answers `Accept: text/event-stream` exactly with a stream; accept any list that includes it.
    const accept = req.headers.accept ?? '';
    if (req.method !== 'POST') {
      res
        .status(405)
        .set('allow', 'POST')
        .json({
          errors: [{ message: 'Use POST with Accept: text/event-stream', extensions: { code: 'BAD_REQUEST' } }],
        });
      return;
    }
    if (!/(^|,)\s*text\/event-stream\s*(;|,|$)/i.test(accept)) {
      res.status(406).json({
        errors: [
          {
            message: 'Send Accept: text/event-stream (GraphQL over SSE, distinct connections mode)',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    if (!req.is('application/json')) {
      res.status(415).json({
        errors: [
          { message: 'Send the request as Content-Type: application/json', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
      return;
    }
    req.headers.accept = 'text/event-stream';
    handler(req, res).catch(next);
  };
}
