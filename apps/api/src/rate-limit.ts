/**
 * Turn rate limiting with rate-limiter-flexible: a fixed number of agent turns per minute per caller (the API key's
 * name, or the client IP without keys). The counter store is pluggable: `memory` counts per process; a shared store
 * (Redis, PostgreSQL: rate-limiter-flexible's RateLimiterRedis / RateLimiterPostgres) makes several instances share
 * one budget. Adding one is one entry in {@link RATE_LIMIT_STORES}, selected with `NBA_REPORTER_RATE_LIMIT_STORE`.
 */
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** What every store receives: the limit and a key prefix that keeps our counters apart in a shared store. */
export interface LimiterSettings {
  keyPrefix: string;
  /** Turns allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

/** Builds the rate-limiter-flexible limiter for one store. */
export type RateLimitStoreFactory = (settings: LimiterSettings) => RateLimiterAbstract;

/**
 * The stores `NBA_REPORTER_RATE_LIMIT_STORE` can name. A shared store is added here, e.g.
 * `redis: (s) => new RateLimiterRedis({ ...s, storeClient: redisClient(), insuranceLimiter: new RateLimiterMemory(s) })`.
 */
export const RATE_LIMIT_STORES: Record<string, RateLimitStoreFactory> = {
  memory: (settings) => new RateLimiterMemory(settings),
};

/** Store names `NBA_REPORTER_RATE_LIMIT_STORE` accepts: the registry's, plus `postgres` (needs a pool, see below). */
export const RATE_LIMIT_STORE_NAMES: readonly string[] = [...Object.keys(RATE_LIMIT_STORES), 'postgres'];

/** The rate-limit table, created by the session store's migrations (version 3). */
export const POSTGRES_RATE_LIMIT_TABLE = 'nba_rate_limits';

/**
 * Counters in PostgreSQL (the session database), shared by every instance: N instances give a caller the same budget
 * as one. When the database fails, each instance falls back to its own in-memory counter (`insuranceLimiter`) rather
 * than refusing every turn or letting every turn through.
 */
export function postgresRateLimitStore(pool: pg.Pool): RateLimitStoreFactory {
  return (settings) =>
    new RateLimiterPostgres({
      ...settings,
      storeClient: pool,
      storeType: 'pool',
      tableName: POSTGRES_RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      insuranceLimiter: new RateLimiterMemory(settings),
    });
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface TurnLimiter {
  readonly turnsPerMinute: number;
  /** Takes one turn from `caller`'s budget, or says how long to wait. */
  consume(caller: string): Promise<RateLimitDecision>;
}

export interface TurnLimiterOptions {
  /** Turns per minute per caller; 0 turns limiting off (no limiter is built). */
  turnsPerMinute: number;
  /** A store name from {@link RATE_LIMIT_STORES} (default `memory`), or a factory. */
  store?: string | RateLimitStoreFactory;
  keyPrefix?: string;
}

/** The limiter, or `undefined` when `turnsPerMinute` is 0. Throws for an unknown store name. */
export function createTurnLimiter(options: TurnLimiterOptions): TurnLimiter | undefined {
  if (options.turnsPerMinute === 0) return undefined;
  const store = options.store ?? 'memory';
  const factory = typeof store === 'function' ? store : RATE_LIMIT_STORES[store];
  if (!factory)
    throw new Error(
      `unknown rate-limit store "${String(store)}" (known: ${Object.keys(RATE_LIMIT_STORES).join(', ')})`,
    );
  const limiter = factory({
    keyPrefix: options.keyPrefix ?? 'nba-reporter:turns',
    points: options.turnsPerMinute,
    duration: 60,
  });
  return {
    turnsPerMinute: options.turnsPerMinute,
    async consume(caller) {
      try {
        await limiter.consume(caller, 1);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes)
          return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(rejection.msBeforeNext)) };
        throw rejection; // the store failed (and has no insurance limiter): an internal error, logged by the caller
      }
    },
  };
}
