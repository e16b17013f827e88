/**
 * Starts the NBA Reporter API. Run through `npm start`, which loads the telemetry bootstrap first:
 * node --import @nba-reporter/telemetry/register dist/main.js
 */
import { readFileSync } from 'node:fs';
import {
  ConfigError,
  createReporter,
  isPostgresUrl,
  isReporterError,
  loadReporterConfig,
  redactPostgresUrl,
} from '@nba-reporter/agent';
import { shutdownTelemetry, telemetrySummary, traceStore } from '@nba-reporter/telemetry';
import pg from 'pg';
import { accessNotice } from './access-notice.js';
import { type ApiKeyEntry, loadApiKeys } from './auth.js';
import { loadApiConfig } from './config.js';
import { TRACES_PATH } from './debug-traces.js';
import { createLogger } from './logger.js';
import { mountPlayground } from './playground.js';
import { persistCompileCache } from './preload.js';
import { createTurnLimiter, postgresRateLimitStore, RATE_LIMIT_STORE_NAMES, type TurnLimiter } from './rate-limit.js';
import { createApi } from './server.js';
import { setupTelemetry } from './telemetry.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function fail(message: string): never {
  process.stderr.write(`nba-reporter: ${message}\n`);
  process.exit(1);
}

let apiConfig: ReturnType<typeof loadApiConfig>;
let reporterConfig: ReturnType<typeof loadReporterConfig>;
let apiKeys: ApiKeyEntry[];
let turnLimiter: TurnLimiter | undefined;
let rateLimitPool: pg.Pool | undefined;
try {
  apiConfig = loadApiConfig();
  reporterConfig = loadReporterConfig();
  apiKeys = loadApiKeys({ keys: apiConfig.apiKeys, file: apiConfig.apiKeysFile });
  if (!RATE_LIMIT_STORE_NAMES.includes(apiConfig.rateLimitStore)) {
    throw new ConfigError(
      'NBA_REPORTER_RATE_LIMIT_STORE',
      `NBA_REPORTER_RATE_LIMIT_STORE must be one of ${RATE_LIMIT_STORE_NAMES.join(', ')} (got "${apiConfig.rateLimitStore}")`,
    );
  }
  if (apiConfig.rateLimitStore === 'postgres' && !isPostgresUrl(reporterConfig.sessionDb)) {
    throw new ConfigError(
      'NBA_REPORTER_RATE_LIMIT_STORE',
      'NBA_REPORTER_RATE_LIMIT_STORE=postgres keeps the counters in the session database: set NBA_REPORTER_SESSION_DB to a postgres:// URL',
    );
  }
  // Two connections of its own: a turn takes one short query from the limiter.
  rateLimitPool =
    apiConfig.rateLimitStore === 'postgres' && apiConfig.rateLimit > 0
      ? new pg.Pool({
          connectionString: reporterConfig.sessionDb,
          max: 2,
          connectionTimeoutMillis: 5_000,
          application_name: 'nba-reporter-rate-limit',
        })
      : undefined;
  rateLimitPool?.on('error', () => {}); // a dropped idle connection is replaced on the next query
  turnLimiter = createTurnLimiter({
    turnsPerMinute: apiConfig.rateLimit,
    store: rateLimitPool ? postgresRateLimitStore(rateLimitPool) : apiConfig.rateLimitStore,
  });
} catch (error) {
  if (isReporterError(error) && error.code === 'CONFIG_ERROR') fail(error.message);
  throw error;
}

const logger = createLogger(apiConfig.logLevel, apiConfig.logFormat);
const telemetry = await setupTelemetry(reporterConfig);
let reporter: ReturnType<typeof createReporter>;
try {
  reporter = createReporter(reporterConfig, { configureRunner: (runner) => telemetry.observeRunner(runner) });
  await reporter.ready(); // PostgreSQL: reachable and migrated before the first request
} catch (error) {
  if (isReporterError(error) && error.code === 'CONFIG_ERROR') fail(error.message);
  throw error;
}
const traces = traceStore();
const api = await createApi({
  reporter,
  config: apiConfig,
  logger,
  telemetry,
  version,
  traceStore: traces,
  mountExtras: (app) => mountPlayground(app, apiConfig.playground, { tracesPath: traces ? TRACES_PATH : null }),
  apiKeys,
  turnLimiter,
});

let port: number;
try {
  ({ port } = await api.listen(apiConfig.port, apiConfig.host));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'EADDRINUSE' ? `port ${apiConfig.port} is already in use (set PORT to another port)` : String(error));
}

const host = !apiConfig.host || apiConfig.host === '0.0.0.0' || apiConfig.host === '::' ? 'localhost' : apiConfig.host;
const notice = accessNotice(
  apiConfig.host,
  apiKeys.map((k) => k.name),
);
logger[notice.level](notice.fields, notice.message);
logger.info(
  {
    rateLimit: apiConfig.rateLimit,
    store: apiConfig.rateLimitStore,
    per: apiKeys.length > 0 ? 'API key' : 'client IP',
  },
  apiConfig.rateLimit === 0 ? 'rate limit off' : `rate limit: ${apiConfig.rateLimit} turns per minute`,
);

// Last: test harnesses and operators wait for this line.
logger.info(
  {
    port,
    url: `http://${host}:${port}/graphql`,
    provider: reporter.provider,
    model: reporter.model,
    // A PostgreSQL URL may hold a password: never in a log line.
    sessions: isPostgresUrl(reporterConfig.sessionDb)
      ? redactPostgresUrl(reporterConfig.sessionDb)
      : reporterConfig.sessionDb,
    playground: apiConfig.playground,
    traceView: traces ? TRACES_PATH : false,
    telemetry: telemetrySummary(),
  },
  'NBA Reporter API listening',
);
// Everything start-up compiled is on disk now; later restarts of this instance start from it.
setImmediate(persistCompileCache);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    logger.warn({ signal }, 'second signal: exiting without draining');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'shutting down: draining requests');
  try {
    await api.stop(); // in-flight turns finish and store their session turn first
    await reporter.close();
    await rateLimitPool?.end();
    logger.info('stopped');
    await shutdownTelemetry(); // flushes traces, metrics and logs, bounded in time
  } catch (error) {
    logger.error({ err: error }, 'error during shutdown');
    process.exitCode = 1;
  }
  process.exit();
}
// Our own handlers: Apollo's would re-raise the signal before telemetry is flushed.
process.on('SIGTERM', (s) => void shutdown(s));
process.on('SIGINT', (s) => void shutdown(s));
