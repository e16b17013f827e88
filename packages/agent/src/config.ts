/**
 * Reporter configuration from environment variables.
 */
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './errors.js';
import { DEFAULT_HISTORY_TOKENS, DEFAULT_HISTORY_TURNS } from './history.js';
import { OFFLINE_MODEL_NAME } from './offline/model.js';
import { DEFAULT_SESSION_MAX_TURNS, DEFAULT_SESSION_TTL_MS } from './sessions/store.js';
import { isPostgresUrl } from './sessions/url.js';

/** How the input guardrail decides: keywords only (default), or keywords then a model-judged classifier. */
export type GuardrailMode = 'keyword' | 'model';
/** Every guardrail mode. */
export const GUARDRAIL_MODES: readonly GuardrailMode[] = Object.freeze(['keyword', 'model']);

/** Where the model runs. */
export type ModelProviderName = 'offline' | 'openai' | 'openai-compatible';

/** Every provider name, in the order used in error messages. */
export const MODEL_PROVIDERS: readonly ModelProviderName[] = Object.freeze(['offline', 'openai', 'openai-compatible']);

/** The model of the original demo, default for the `openai` provider. */
export const DEFAULT_OPENAI_MODEL = 'gpt-5.4-mini-2026-03-17';
/** Default SQLite session database, relative to the working directory. */
export const DEFAULT_SESSION_DB = './data/sessions.db';
/** Default PostgreSQL connections per instance (`NBA_REPORTER_PG_POOL_SIZE`). */
export const DEFAULT_PG_POOL_SIZE = 10;
/** Default per model call timeout. */
export const DEFAULT_MODEL_TIMEOUT_MS = 30_000;
/** Default retries on 429 / 5xx / connection errors (network providers). */
export const DEFAULT_MODEL_MAX_RETRIES = 2;

const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_RETRIES = 10;

/** Everything `createReporter` needs. */
export interface ReporterConfig {
  provider: ModelProviderName;
  model: string;
  apiKey?: string;
  baseURL?: string;
  /** SQLite file path (':memory:' allowed), or a `postgres://` / `postgresql://` URL selecting PostgreSQL. */
  sessionDb: string;
  /** PostgreSQL pool size per instance when set (default {@link DEFAULT_PG_POOL_SIZE}; ignored for SQLite). */
  pgPoolSize?: number;
  /** Per model call, in milliseconds. */
  modelTimeoutMs: number;
  /** For 429/5xx/connection resets on network providers. */
  maxRetries: number;
  /** `NBA_REPORTER_GUARDRAIL`: keyword (the default when unset) or model (network providers only). */
  guardrail?: GuardrailMode;
  /** Idle expiry of a session, in milliseconds. */
  sessionTtlMs: number;
  /** Turns one session may hold. */
  sessionMaxTurns: number;
  /** History window: most turns the model sees. */
  historyTurns: number;
  /** History window: rough token budget of the history the model sees. */
  historyTokens: number;
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Ten years: longer idle times are a configuration mistake, not a policy. */
const MAX_DURATION_MS = 10 * 365 * 86_400_000;

/**
 * Parses a duration such as `30m`, `12h`, `7d`, `90s` or `500ms` (a whole number and one unit) into milliseconds;
 * `undefined` for anything else.
 */
export function parseDuration(raw: string): number | undefined {
  const match = /^(\d{1,12})\s*(ms|s|m|h|d)$/i.exec(raw.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * DURATION_UNITS_MS[match[2]!.toLowerCase()]!;
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : undefined;
}

function value(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function got(raw: string): string {
  return `(got ${JSON.stringify(raw)})`;
}

function isProvider(raw: string): raw is ModelProviderName {
  return (MODEL_PROVIDERS as readonly string[]).includes(raw);
}

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  description: string,
): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(name, `${name} must be ${description} ${got(raw)}`);
  }
  return parsed;
}

/**
 * Reads the reporter configuration from `env` (default `process.env`):
 * NBA_REPORTER_MODEL_PROVIDER, NBA_REPORTER_MODEL, OPENAI_API_KEY, OPENAI_BASE_URL, NBA_REPORTER_SESSION_DB,
 * NBA_REPORTER_PG_POOL_SIZE, NBA_REPORTER_MODEL_TIMEOUT_MS, NBA_REPORTER_MODEL_MAX_RETRIES, NBA_REPORTER_SESSION_TTL,
 * NBA_REPORTER_SESSION_MAX_TURNS, NBA_REPORTER_HISTORY_TURNS, NBA_REPORTER_HISTORY_TOKENS and NBA_REPORTER_GUARDRAIL.
 * Empty values count as unset.
 * Throws {@link ConfigError} with a one-line message naming the variable and the allowed values.
 */
export function loadReporterConfig(env: Record<string, string | undefined> = process.env): ReporterConfig {
  const apiKey = value(env, 'OPENAI_API_KEY');
  const rawProvider = value(env, 'NBA_REPORTER_MODEL_PROVIDER');
  if (rawProvider !== undefined && !isProvider(rawProvider)) {
    throw new ConfigError(
      'NBA_REPORTER_MODEL_PROVIDER',
      `NBA_REPORTER_MODEL_PROVIDER must be one of ${MODEL_PROVIDERS.join(', ')} ${got(rawProvider)}`,
    );
  }
  const provider: ModelProviderName = rawProvider ?? (apiKey ? 'openai' : 'offline');

  const baseURL = value(env, 'OPENAI_BASE_URL');
  if (baseURL !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(baseURL);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ConfigError('OPENAI_BASE_URL', `OPENAI_BASE_URL must be an http:// or https:// URL ${got(baseURL)}`);
    }
  }

  if (provider === 'openai' && !apiKey) {
    throw new ConfigError(
      'OPENAI_API_KEY',
      'OPENAI_API_KEY is required when NBA_REPORTER_MODEL_PROVIDER is openai (set it, or use offline or openai-compatible)',
    );
  }
  if (provider === 'openai-compatible' && !baseURL) {
    throw new ConfigError(
      'OPENAI_BASE_URL',
      'OPENAI_BASE_URL is required when NBA_REPORTER_MODEL_PROVIDER is openai-compatible (e.g. http://127.0.0.1:11434/v1)',
    );
  }

  const model = value(env, 'NBA_REPORTER_MODEL');
  if (provider === 'openai-compatible' && !model) {
    throw new ConfigError(
      'NBA_REPORTER_MODEL',
      'NBA_REPORTER_MODEL is required when NBA_REPORTER_MODEL_PROVIDER is openai-compatible (the model name your server serves)',
    );
  }

  const rawGuardrail = value(env, 'NBA_REPORTER_GUARDRAIL') ?? 'keyword';
  if (!(GUARDRAIL_MODES as readonly string[]).includes(rawGuardrail)) {
    throw new ConfigError(
      'NBA_REPORTER_GUARDRAIL',
      `NBA_REPORTER_GUARDRAIL must be one of ${GUARDRAIL_MODES.join(', ')} ${got(rawGuardrail)}`,
    );
  }
  if (rawGuardrail === 'model' && provider === 'offline') {
    throw new ConfigError(
      'NBA_REPORTER_GUARDRAIL',
      'NBA_REPORTER_GUARDRAIL=model needs a network model (NBA_REPORTER_MODEL_PROVIDER openai or openai-compatible); the offline provider has keyword only',
    );
  }
  const guardrail = rawGuardrail as GuardrailMode;

  const rawDb = value(env, 'NBA_REPORTER_SESSION_DB') ?? DEFAULT_SESSION_DB;
  let sessionDb: string;
  if (isPostgresUrl(rawDb)) {
    let url: URL | undefined;
    try {
      url = new URL(rawDb);
    } catch {
      url = undefined;
    }
    // The value may hold a password: never echo it.
    if (!url?.hostname) {
      throw new ConfigError(
        'NBA_REPORTER_SESSION_DB',
        'NBA_REPORTER_SESSION_DB is not a valid PostgreSQL URL (expected postgres://user:password@host:5432/database)',
      );
    }
    sessionDb = rawDb;
  } else {
    sessionDb = rawDb === ':memory:' || isAbsolute(rawDb) ? rawDb : resolve(process.cwd(), rawDb);
  }

  const config: ReporterConfig = {
    provider,
    model: model ?? (provider === 'openai' ? DEFAULT_OPENAI_MODEL : OFFLINE_MODEL_NAME),
    sessionDb,
    modelTimeoutMs: integer(
      env,
      'NBA_REPORTER_MODEL_TIMEOUT_MS',
      DEFAULT_MODEL_TIMEOUT_MS,
      1,
      MAX_TIMEOUT_MS,
      `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
    ),
    maxRetries: integer(
      env,
      'NBA_REPORTER_MODEL_MAX_RETRIES',
      DEFAULT_MODEL_MAX_RETRIES,
      0,
      MAX_RETRIES,
      `a whole number from 0 to ${MAX_RETRIES}`,
    ),
    sessionTtlMs: duration(env, 'NBA_REPORTER_SESSION_TTL', DEFAULT_SESSION_TTL_MS),
    sessionMaxTurns: integer(
      env,
      'NBA_REPORTER_SESSION_MAX_TURNS',
      DEFAULT_SESSION_MAX_TURNS,
      1,
      1_000_000,
      'a whole number from 1 to 1000000',
    ),
    historyTurns: integer(
      env,
      'NBA_REPORTER_HISTORY_TURNS',
      DEFAULT_HISTORY_TURNS,
      1,
      10_000,
      'a whole number from 1 to 10000',
    ),
    historyTokens: integer(
      env,
      'NBA_REPORTER_HISTORY_TOKENS',
      DEFAULT_HISTORY_TOKENS,
      100,
      10_000_000,
      'a whole number from 100 to 10000000',
    ),
    guardrail,
  };
  const pgPoolSize = integer(
    env,
    'NBA_REPORTER_PG_POOL_SIZE',
    DEFAULT_PG_POOL_SIZE,
    1,
    1000,
    'a whole number from 1 to 1000',
  );
  if (value(env, 'NBA_REPORTER_PG_POOL_SIZE') !== undefined) config.pgPoolSize = pgPoolSize;
  if (apiKey) config.apiKey = apiKey;
  if (baseURL) config.baseURL = baseURL;
  return config;
}

function duration(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const ms = parseDuration(raw);
  if (ms === undefined) {
    throw new ConfigError(
      name,
      `${name} must be a duration such as 30m, 12h or 7d (units ms, s, m, h, d; at most 10 years) ${got(raw)}`,
    );
  }
  return ms;
}
