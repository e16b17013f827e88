/** API-level configuration (the agent reads its own variables; see @nba-reporter/agent). */
import { ConfigError, isPostgresUrl } from '@nba-reporter/agent';

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
  /** `NBA_REPORTER_API_KEYS` (`name:key,…`); empty with authentication off. */
  apiKeys: string | undefined;
  /** `NBA_REPORTER_API_KEYS_FILE`: one `name:sha256-hex-of-key` per line. */
  apiKeysFile: string | undefined;
  /** Turns per minute per API key (per client IP without keys); 0 = off. */
  rateLimit: number;
  /** Where rate-limit counters live (see rate-limit.ts RATE_LIMIT_STORES). */
  rateLimitStore: string;
  /** Express `trust proxy` setting: how the client IP is found behind a proxy; unset = the socket's address. */
  trustProxy: string | undefined;
  /** Time allowed to receive the request headers. */
  headersTimeoutMs: number;
  /** Time allowed to receive the whole request, headers and body. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Overall deadline of one agent turn. */
  turnTimeoutMs: number;
}

export const DEFAULT_RATE_LIMIT = 60;
export const DEFAULT_HEADERS_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const DEFAULT_TURN_TIMEOUT_MS = 90_000;

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

function integer(env: Env, name: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `${name} must be a whole number of ${unit} from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

const MAX_TIMER_MS = 2_147_483_647;

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
  checkTraceView(env);
  const nodeEnv = env.NODE_ENV?.trim() ?? '';
  const logLevel = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  const logFormat = env.LOG_FORMAT?.trim().toLowerCase() || (stdoutIsTTY ? 'pretty' : 'json');
  if (logFormat !== 'pretty' && logFormat !== 'json') {
    throw new ConfigError(
      'LOG_FORMAT',
      `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')} (got "${env.LOG_FORMAT}")`,
    );
  }
  return {
    port,
    host: env.HOST?.trim() || undefined,
    development: nodeEnv === 'development',
    playground: parseBoolean('NBA_REPORTER_PLAYGROUND', env.NBA_REPORTER_PLAYGROUND, nodeEnv !== 'production'),
    logLevel,
    logFormat,
    apiKeys: env.NBA_REPORTER_API_KEYS?.trim() || undefined,
    apiKeysFile: env.NBA_REPORTER_API_KEYS_FILE?.trim() || undefined,
    rateLimit: integer(env, 'NBA_REPORTER_RATE_LIMIT', DEFAULT_RATE_LIMIT, 0, 1_000_000, 'turns per minute'),
    // Several instances share one PostgreSQL session database: by default they share the rate-limit counters too.
    rateLimitStore:
      env.NBA_REPORTER_RATE_LIMIT_STORE?.trim() ||
      (isPostgresUrl(env.NBA_REPORTER_SESSION_DB ?? '') ? 'postgres' : 'memory'),
    trustProxy: env.NBA_REPORTER_TRUST_PROXY?.trim() || undefined,
    ...timeouts(env),
    turnTimeoutMs: integer(
      env,
      'NBA_REPORTER_TURN_TIMEOUT_MS',
      DEFAULT_TURN_TIMEOUT_MS,
      1,
      MAX_TIMER_MS,
      'milliseconds',
    ),
  };
}

function timeouts(env: Env): Pick<ApiConfig, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs'> {
  const headersTimeoutMs = integer(
    env,
    'NBA_REPORTER_HEADERS_TIMEOUT_MS',
    DEFAULT_HEADERS_TIMEOUT_MS,
    100,
    600_000,
    'milliseconds',
  );
  const requestTimeoutMs = integer(
    env,
    'NBA_REPORTER_REQUEST_TIMEOUT_MS',
    DEFAULT_REQUEST_TIMEOUT_MS,
    100,
    600_000,
    'milliseconds',
  );
  const keepAliveTimeoutMs = integer(
    env,
    'NBA_REPORTER_KEEP_ALIVE_TIMEOUT_MS',
    DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    100,
    600_000,
    'milliseconds',
  );
  // Node refuses a header timeout longer than the whole-request timeout.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'NBA_REPORTER_HEADERS_TIMEOUT_MS',
      `NBA_REPORTER_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed NBA_REPORTER_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  return { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs };
}
