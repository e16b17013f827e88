/**
 * Express 5 + Apollo Server 5. Express is here for the routes beside GraphQL (/healthz, /readyz,
 * the playground) and for a body limit and error handler that never leak a stack trace.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { Reporter } from '@nba-reporter/agent';
import { typeDefs, type ErrorCode } from '@nba-reporter/schema';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { ApiConfig } from './config.js';
import { resolvers, type ApiContext } from './resolvers.js';
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

export async function createApi(options: CreateApiOptions): Promise<Api> {
  const { reporter, config, logger, telemetry, version } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let draining = false;

  const errorTelemetry: ApolloServerPlugin<ApiContext> = {
    async requestDidStart() {
      return {
        // Runs in the HTTP request's context: the SERVER span gets error.type and an exception event.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
            telemetry.recordError(code, error.originalError ?? error);
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

  const apollo = new ApolloServer<ApiContext>({
    typeDefs,
    resolvers,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), errorTelemetry],
    includeStacktraceInErrorResponses: config.development,
    stopOnTerminationSignals: false,
    formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
      if (formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' && !config.development) {
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
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

  app.use(
    '/graphql',
    refuseWhileDraining,
    traceResponse,
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const abort = new AbortController();
        res.on('close', () => {
          if (!res.writableFinished) abort.abort(new Error('client closed the request'));
        });
        return { reporter, telemetry, logger, signal: abort.signal, version };
      },
    }),
  );

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
