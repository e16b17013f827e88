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
  /** `pretty` (human-readable lines) or `json` (one JSON object per line). */
  logFormat: 'pretty' | 'json';
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

const LOG_FORMATS = ['pretty', 'json'] as const;

/** `stdoutIsTTY` picks the default log format: pretty on a terminal, JSON when piped or collected. */
export function loadApiConfig(env: Env = process.env, stdoutIsTTY = Boolean(process.stdout.isTTY)): ApiConfig {
  const rawPort = env.PORT?.trim();
  let port = 4000;
  if (rawPort) {
    if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) {
      throw new ConfigError('PORT', `PORT must be an integer from 0 to 65535 (got "${env.PORT}")`);
    }
    port = Number(rawPort);
  }
  const nodeEnv = env.NODE_ENV?.trim() ?? '';
  const logLevel = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  const logFormat = env.LOG_FORMAT?.trim().toLowerCase() || (stdoutIsTTY ? 'pretty' : 'json');
  if (logFormat !== 'pretty' && logFormat !== 'json') {
    throw new ConfigError('LOG_FORMAT', `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')} (got "${env.LOG_FORMAT}")`);
  }
  return {
    port,
    host: env.HOST?.trim() || undefined,
    development: nodeEnv === 'development',
    playground: parseBoolean('NBA_REPORTER_PLAYGROUND', env.NBA_REPORTER_PLAYGROUND, nodeEnv !== 'production'),
    logLevel,
    logFormat,
  };
}
