/**
 * Express 5 + Apollo Server 5. Express is here for the routes beside GraphQL (/healthz, /readyz,
 * the playground) and for a body limit and error handler that never leak a stack trace.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Reporter } from '@nba-reporter/agent';
import { type ErrorCode, typeDefs } from '@nba-reporter/schema';
import type { TraceStoreReader } from '@nba-reporter/telemetry';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { type ApiKeyEntry, authenticate } from './auth.js';
import type { ApiConfig } from './config.js';
import { debugTracesRouter, TRACES_PATH } from './debug-traces.js';
import { errorCodeOf } from './errors.js';
import {
  countTurnSelections,
  DOCUMENT_LIMITS,
  documentValidationRules,
  hideSuggestions,
  stripSuggestions,
  subscriptionNotSupportedError,
  tooManyTurnsError,
} from './limits.js';
import type { TurnLimiter } from './rate-limit.js';
import { type ApiContext, resolvers } from './resolvers.js';
import { createStreamHandler } from './stream.js';
import { streamResolvers } from './stream-resolvers.js';
import type { RequestTelemetry } from './telemetry.js';

/** Prompts are short; this keeps a hostile client from making us parse megabytes. */
export const BODY_LIMIT = '64kb';

export interface CreateApiOptions {
  reporter: Reporter;
  config: ApiConfig;
  logger: Logger;
  telemetry: RequestTelemetry;
  version: string;
  /** Mounts extra routes before GraphQL (the playground). */
  mountExtras?: (app: express.Express) => void;
  /** The local trace view's store: serves GET /debug/traces when given. */
  traceStore?: TraceStoreReader | undefined;
  /** API keys (see auth.ts); empty or absent: authentication is off. */
  apiKeys?: readonly ApiKeyEntry[];
  /** Turn rate limiter; absent: no rate limit. */
  turnLimiter?: TurnLimiter | undefined;
}

export interface Api {
  readonly httpServer: Server;
  listen(port: number, host?: string): Promise<{ port: number }>;
  /** Stops accepting requests, drains in-flight ones, stops Apollo. */
  stop(): Promise<void>;
}

function graphQLErrorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

/** RATE_LIMITED: HTTP 429 with Retry-After (seconds, rounded up) and `extensions.retryAfterMs`. */
function rateLimitedError(retryAfterMs: number, turnsPerMinute: number): GraphQLError {
  return new GraphQLError(`Rate limit of ${turnsPerMinute} turns per minute reached; retry after ${retryAfterMs} ms`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterMs,
      http: { status: 429, headers: new Map([['retry-after', String(Math.ceil(retryAfterMs / 1000))]]) },
    },
  });
}

/** Express's `trust proxy`: a hop count, `true`/`false`, or addresses/subnets (`loopback`, `10.0.0.0/8`, …). */
function trustProxyValue(raw: string): boolean | number | string {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export async function createApi(options: CreateApiOptions): Promise<Api> {
  const { reporter, config, logger, telemetry, version, turnLimiter } = options;
  const apiKeys = options.apiKeys ?? [];
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', trustProxyValue(config.trustProxy));
  // A slow client (headers or body trickling in) is cut off after these; the check runs every second, not every 30 s.
  const httpServer = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      keepAliveTimeout: config.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
    },
    app,
  );
  let draining = false;

  /** Counts one turn against the caller's rate limit; the RATE_LIMITED error when it is used up. Both transports. */
  const admitTurn = async (contextValue: ApiContext): Promise<GraphQLError | undefined> => {
    if (!turnLimiter) return undefined;
    const caller = contextValue.keyName === null ? `ip:${contextValue.clientIp}` : `key:${contextValue.keyName}`;
    const decision = await turnLimiter.consume(caller);
    return decision.allowed ? undefined : rateLimitedError(decision.retryAfterMs, turnLimiter.turnsPerMinute);
  };

  // Runs after validation and before execution: nothing of a refused document runs, and no model is called.
  const turnGuard: ApolloServerPlugin<ApiContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!operation) return;
          if (operation.operation === 'subscription') throw subscriptionNotSupportedError();
          const turns = countTurnSelections(document, operation);
          if (turns > DOCUMENT_LIMITS.maxTurns) throw tooManyTurnsError(turns);
          if (turns === 0) return;
          const refused = await admitTurn(contextValue);
          if (refused) throw refused;
        },
      };
    },
  };
  // Validation messages without "Did you mean …?" (they map the schema for a prober), except in development.
  const suggestionFilter: ApolloServerPlugin<ApiContext> = {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors) => {
            if (errors) hideSuggestions(errors as readonly GraphQLError[]);
          };
        },
      };
    },
  };

  const errorTelemetry: ApolloServerPlugin<ApiContext> = {
    async requestDidStart() {
      return {
        // Runs in the HTTP request's context: the SERVER span gets error.type and an exception event.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            telemetry.recordError(errorCodeOf(error), error.originalError ?? error);
          }
        },
        async willSendResponse({ response }) {
          const traceId = telemetry.currentTraceId();
          if (!traceId || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error.extensions as Record<string, unknown>)['traceId'] = traceId;
          }
        },
      };
    },
  };

  // Nothing here is cacheable (the schema has no @cacheControl hints), so every answer says `no-store`, as Apollo's
  // default cache-control plugin said it. That plugin is off: it wrapped every field's resolver to collect hints that
  // never come (about 6 µs per request, measured in-process).
  const noStore: ApolloServerPlugin<ApiContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };

  // One schema for both transports: Apollo (/graphql) and graphql-sse (/graphql/stream); the same parse options and
  // validation rules too.
  const schema = makeExecutableSchema({ typeDefs, resolvers: [resolvers, streamResolvers] });
  const parseOptions = { maxTokens: DOCUMENT_LIMITS.maxTokens };
  const validationRules = documentValidationRules();

  const apollo = new ApolloServer<ApiContext>({
    schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      turnGuard,
      ...(config.development ? [] : [suggestionFilter]),
      errorTelemetry,
    ],
    includeStacktraceInErrorResponses: config.development,
    stopOnTerminationSignals: false,
    // The parser's own token limit: it also bounds nesting, so no document can overflow the stack.
    parseOptions,
    validationRules,
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = errorCodeOf(error as GraphQLError);
      if (code === 'INTERNAL_SERVER_ERROR' && !config.development) {
        return { message: 'Internal server error', extensions: { code } };
      }
      const message = config.development ? formatted.message : stripSuggestions(formatted.message);
      return { ...formatted, message, extensions: { ...formatted.extensions, code } };
    },
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    res.status(draining ? 503 : 200).json({ status: draining ? 'draining' : 'ready' });
  });
  options.mountExtras?.(app);

  const refuseWhileDraining: RequestHandler = (_req, res, next) => {
    if (!draining) return next();
    res.status(503).set('connection', 'close').json(graphQLErrorBody('The server is shutting down', 'SHUTTING_DOWN'));
  };
  const traceResponse: RequestHandler = (_req, res, next) => {
    const header = telemetry.traceResponse();
    if (header) res.setHeader('traceresponse', header);
    next();
  };

  const httpRoute =
    (route: string): RequestHandler =>
    (_req, _res, next) => {
      telemetry.setHttpRoute(route);
      next();
    };

  // Before the body is read: an unauthenticated request costs no parsing.
  const requireApiKey: RequestHandler = (req, res, next) => {
    if (apiKeys.length === 0) return next();
    const keyName = authenticate(apiKeys, req.headers.authorization);
    if (keyName === undefined) {
      telemetry.recordError('UNAUTHENTICATED', new Error('missing or unknown API key'));
      res
        .status(401)
        .set('www-authenticate', 'Bearer realm="nba-reporter"')
        .json(graphQLErrorBody('A valid API key is required: send Authorization: Bearer <key>', 'UNAUTHENTICATED'));
      return;
    }
    res.locals['keyName'] = keyName;
    telemetry.setCaller(keyName);
    next();
  };

  /** The request context of both transports. */
  const requestContext = async (req: express.Request, res: express.Response): Promise<ApiContext> => {
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort(new Error('client closed the request'));
    });
    const keyName = typeof res.locals['keyName'] === 'string' ? res.locals['keyName'] : null;
    const clientIp = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    // A retried request with the same key (a client's, or the one nginx adds) is answered from the store (mutations).
    const requestKey = req.get('idempotency-key');
    return {
      reporter,
      telemetry,
      logger,
      signal: abort.signal,
      version,
      keyName,
      clientIp,
      turnTimeoutMs: config.turnTimeoutMs,
      ...(requestKey === undefined ? {} : { requestKey }),
    };
  };

  // Before /graphql: Express mounts by prefix, so Apollo's middleware would also take /graphql/stream.
  app.use(
    '/graphql/stream',
    httpRoute('/graphql/stream'),
    refuseWhileDraining,
    traceResponse,
    requireApiKey,
    express.json({ limit: BODY_LIMIT }),
    createStreamHandler({
      schema,
      context: requestContext,
      parseOptions,
      validationRules,
      hideSuggestions: !config.development,
      admitTurn,
      telemetry,
      development: config.development,
    }),
  );
  app.use(
    '/graphql',
    httpRoute('/graphql'),
    refuseWhileDraining,
    traceResponse,
    requireApiKey,
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, { context: async ({ req, res }) => requestContext(req, res) }),
  );

  // Behind the same API-key check as /graphql (a caller then sees only its own requests' traces).
  if (options.traceStore)
    app.use(TRACES_PATH, refuseWhileDraining, requireApiKey, debugTracesRouter(options.traceStore));

  const onError: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, _next) => {
    if (err.type === 'entity.too.large') {
      res.status(413).json(graphQLErrorBody(`The request body is larger than ${BODY_LIMIT}`, 'BAD_REQUEST'));
    } else if (err.type === 'entity.parse.failed') {
      res.status(400).json(graphQLErrorBody('The request body is not valid JSON', 'BAD_REQUEST'));
    } else if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      res.status(err.status).json(graphQLErrorBody('Bad request', 'BAD_REQUEST'));
    } else {
      logger.error({ err }, 'unhandled request error');
      res.status(500).json(graphQLErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
    }
  };
  app.use(onError);
  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found. GraphQL is served at /graphql' });
  });

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen({ port, ...(host ? { host } : {}) }, () => {
          httpServer.off('error', reject);
          resolve({ port: (httpServer.address() as AddressInfo).port });
        });
      }),
    async stop() {
      draining = true;
      await apollo.stop();
    },
  };
}
