/**
 * Conversation storage for `report` / `followUp`: the contract every store (memory, SQLite, PostgreSQL) implements.
 * `test/session-store-contract.ts` is the reusable test suite of this contract.
 */
import { randomUUID } from 'node:crypto';
import type { AgentInputItem } from '@openai/agents-core';
import type { TopicSlug } from '../topics.js';

/** A stored conversation: its topic, owner, turn count and every item of its completed turns, oldest first. */
export interface StoredSession {
  readonly id: string;
  readonly topic: TopicSlug;
  /** The API key name that created it; `null` when it was created without authentication. */
  readonly owner: string | null;
  /** Completed turns, the first (`create`) included. */
  readonly turns: number;
  readonly items: AgentInputItem[];
}

/** Limits every store enforces. */
export interface SessionLimits {
  /** Idle time after which a session expires, in milliseconds (measured from its last turn). */
  ttlMs: number;
  /** Turns a session may hold, the first included; `appendTurn` refuses more with `SessionTurnLimitError`. */
  maxTurns: number;
}

/** Default idle expiry: 7 days. */
export const DEFAULT_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Default turn cap of one session. */
export const DEFAULT_SESSION_MAX_TURNS = 100;
export const DEFAULT_SESSION_LIMITS: Readonly<SessionLimits> = Object.freeze({
  ttlMs: DEFAULT_SESSION_TTL_MS,
  maxTurns: DEFAULT_SESSION_MAX_TURNS,
});

/** Options shared by the stores. */
export interface SessionStoreOptions extends Partial<SessionLimits> {
  /** Clock in epoch milliseconds (tests move it to expire sessions). Default `Date.now`. */
  now?: () => number;
}

/** Options of {@link SessionStore.create}. */
export interface CreateSessionOptions extends TurnRecord {
  /** Caller-chosen id (e.g. an OpenAI conversation id); else a new unguessable one. */
  id?: string;
  /** The first turn's items, stored in the same transaction. */
  items?: readonly AgentInputItem[];
  /** The API key name that owns the session; `null`/absent when authentication is off. */
  owner?: string | null;
}

/**
 * A request's idempotency key and its answer, stored with the turn by stores that support replay (PostgreSQL), so a
 * request retried with the same key (by a client or by a load balancer after an instance died) gets the stored
 * answer instead of a second turn. Stores without replay ignore it.
 */
export interface TurnRecord {
  /** The caller's idempotency key (scoped to the owner by the store). */
  requestKey?: string;
  /** The answer to replay, as JSON. */
  result?: unknown;
}

/** Who is asking: the API key name, or `null`/absent for sessions created without authentication. */
export interface SessionOwnerOptions {
  owner?: string | null;
}

/** Options of {@link SessionStore.appendTurn}. */
export interface AppendTurnOptions extends SessionOwnerOptions, TurnRecord {
  /**
   * The turn count (`StoredSession.turns`) the caller read with `get`. When another writer stored a turn since (another
   * instance), the store throws `SessionBusyError` and writes nothing: a turn computed from stale history is never
   * stored.
   */
  expectedTurns?: number;
}

/**
 * Where conversations live. Implementations must:
 * - make `create` (with its first turn) and `appendTurn` atomic: every item of the turn is stored or none is;
 * - treat a session whose last turn is older than `limits.ttlMs` as gone: `get` returns `undefined` and deletes its
 *   rows, `appendTurn` throws `SessionNotFoundError`;
 * - match the owner exactly (an absent owner is `null`): `get` returns `undefined` and `appendTurn` throws
 *   `SessionNotFoundError` for a session of another owner (no oracle telling that it exists);
 * - refuse, inside the same transaction as the write, a turn beyond `limits.maxTurns` (`SessionTurnLimitError`).
 */
export interface SessionStore {
  readonly limits: Readonly<SessionLimits>;
  /** Creates a session holding its first turn and returns its id. */
  create(topic: TopicSlug, options?: CreateSessionOptions): Promise<string>;
  /** The live session of this owner, or `undefined`. */
  get(sessionId: string, options?: SessionOwnerOptions): Promise<StoredSession | undefined>;
  /**
   * Appends one turn's items atomically (an empty list still counts the turn: the `openai` provider keeps items on
   * OpenAI). Throws `SessionNotFoundError` for an unknown, expired or foreign session, `SessionTurnLimitError` when
   * the session already holds `limits.maxTurns` turns, `SessionBusyError` when `options.expectedTurns` no longer
   * matches.
   */
  appendTurn(sessionId: string, items: readonly AgentInputItem[], options?: AppendTurnOptions): Promise<void>;
  /** Deletes every expired session; returns how many were deleted. */
  deleteExpired(): Promise<number>;
  /** The stored answer of the turn written with this idempotency key by this owner, if any (stores with replay). */
  findTurn?(
    requestKey: string,
    options?: SessionOwnerOptions,
  ): Promise<{ sessionId: string; result: unknown } | undefined>;
  /** Resolves once the store can serve (e.g. its database is reachable and migrated); optional. */
  ready?(): Promise<void>;
  /** Releases resources; idempotent. */
  close(): Promise<void>;
}

/** A new session id: a random UUID v4 (122 random bits from the OS CSPRNG). */
export function generateSessionId(): string {
  return randomUUID();
}

/** Characters of a session id that logs, spans and error messages may show. */
export const SESSION_ID_PREFIX_LENGTH = 12;

/**
 * The first {@link SESSION_ID_PREFIX_LENGTH} characters of a session id: what telemetry uses as the conversation id
 * (stable per session, so spans and logs still group by it) without giving a reader enough to continue it (a UUID
 * keeps 78 random bits hidden).
 */
export function telemetrySessionId(sessionId: string): string {
  return sessionId.slice(0, SESSION_ID_PREFIX_LENGTH);
}

/** The prefix with an ellipsis when cut, for log fields and messages. */
export function sessionIdPrefix(sessionId: string): string {
  return sessionId.length <= SESSION_ID_PREFIX_LENGTH ? sessionId : `${telemetrySessionId(sessionId)}…`;
}

/** Resolves store options against the defaults, validating them. */
export function resolveLimits(options: SessionStoreOptions): SessionLimits {
  const ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
  const maxTurns = options.maxTurns ?? DEFAULT_SESSION_MAX_TURNS;
  if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive (got ${ttlMs})`);
  if (!Number.isSafeInteger(maxTurns) || maxTurns < 1)
    throw new RangeError(`maxTurns must be a positive integer (got ${maxTurns})`);
  return { ttlMs, maxTurns };
}
