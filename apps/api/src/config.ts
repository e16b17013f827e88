/** API-level configuration (the agent reads its own variables; see @nba-reporter/agent). */
import { ConfigError } from '@nba-reporter/agent';

export interface ApiConfig {
  port: number;
  /** Interface to bind; unset means every interface. */
  host: string | undefined;
  /** Stack traces in error responses: only with an explicit NODE_ENV=development. */
  development: boolean;
  /** Serve the offline GraphQL playground at / and at /graphql for browsers. */
  playground: boolean;
  logLevel: string;
}

function checkPositiveInteger(name: string, value: string | undefined): void {
  const v = value?.trim();
  if (v && (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v)))) {
    throw new ConfigError(name, `${name} must be a positive integer (got "${value}")`);
  }
}

/**
 * The trace view's variables are read by the telemetry bootstrap, which starts before this runs and cannot stop
 * the process; checked here so a typo stops start-up with one clear line instead of silently using the default.
 */
function checkTraceView(env: Env): void {
  parseBoolean('NBA_REPORTER_TRACE_VIEW', env.NBA_REPORTER_TRACE_VIEW, false);
  checkPositiveInteger('NBA_REPORTER_TRACE_VIEW_MAX_TRACES', env.NBA_REPORTER_TRACE_VIEW_MAX_TRACES);
  checkPositiveInteger('NBA_REPORTER_TRACE_VIEW_MAX_BYTES', env.NBA_REPORTER_TRACE_VIEW_MAX_BYTES);
}

type Env = Readonly<Record<string, string | undefined>>;

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ConfigError(name, `${name} must be one of true, false (got "${value}")`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadApiConfig(env: Env = process.env): ApiConfig {
  const rawPort = env.PORT?.trim();
  let port = 4000;
  if (rawPort) {
    if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) {
      throw new ConfigError('PORT', `PORT must be an integer from 0 to 65535 (got "${env.PORT}")`);
    }
    port = Number(rawPort);
  }
  checkTraceView(env);
  const nodeEnv = env.NODE_ENV?.trim() ?? '';
  const logLevel = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  return {
    port,
    host: env.HOST?.trim() || undefined,
    development: nodeEnv === 'development',
    playground: parseBoolean('NBA_REPORTER_PLAYGROUND', env.NBA_REPORTER_PLAYGROUND, nodeEnv !== 'production'),
    logLevel,
  };
}
