/**
 * The fetcher GraphiQL sends every request through, and a tiny store of the last answer it saw,
 * so the header bar can show its sessionId and traceId.
 */

import type { GraphiQL } from 'graphiql';
import type { ComponentProps } from 'react';
import { rememberAuthorization } from './credentials.js';
import { isSubscription, StreamStore, streamSubscription } from './stream.js';

export type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** What the header bar shows about the last answered (or failed) agent operation. */
export interface LastAnswer {
  readonly operationName: string;
  /** `report` or `followUp` (the root field that answered), if any. */
  readonly field: string | null;
  readonly sessionId: string | null;
  readonly traceId: string | null;
  /** `extensions.code` of the first error, if the operation failed. */
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

type Listener = () => void;

/** A minimal external store for React's useSyncExternalStore. */
export class AnswerStore {
  #last: LastAnswer | null = null;
  readonly #listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): LastAnswer | null => this.#last;

  set(answer: LastAnswer): void {
    this.#last = answer;
    for (const listener of this.#listeners) listener();
  }
}

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; traceId?: unknown };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const AGENT_FIELDS = new Set(['report', 'followUp', 'reportStream', 'followUpStream']);

/** Extracts what the header bar shows from a response, or null if the operation is not an agent turn. */
export function toLastAnswer(
  query: string,
  operationName: string | null | undefined,
  body: unknown,
): LastAnswer | null {
  if (!isRecord(body)) return null;
  const name = operationName ?? '';
  let field: string | null = null;
  let sessionId: string | null = null;
  let traceId: string | null = null;
  if (isRecord(body.data)) {
    for (const [key, raw] of Object.entries(body.data)) {
      // A streamed turn's last event carries the turn one level down (TurnCompleted.turn).
      const value = isRecord(raw) && isRecord(raw.turn) ? raw.turn : raw;
      if (!isRecord(value) || !('sessionId' in value || 'traceId' in value)) continue;
      field = key;
      sessionId = typeof value.sessionId === 'string' ? value.sessionId : null;
      traceId = typeof value.traceId === 'string' ? value.traceId : null;
      break;
    }
  }
  const errors = Array.isArray(body.errors) ? (body.errors as GraphQLErrorLike[]) : [];
  const first = errors[0];
  const errorCode = first && typeof first.extensions?.code === 'string' ? first.extensions.code : null;
  const errorMessage = first && typeof first.message === 'string' ? first.message : null;
  // A failed turn has no data, but the API puts the request's trace id on its errors.
  if (traceId === null && first && typeof first.extensions?.traceId === 'string') traceId = first.extensions.traceId;
  // Only agent turns (report / followUp) update the bar: not introspection, nor `health` / `topics`.
  const isAgentOperation = field !== null || /\b(report|followUp)(Stream)?\s*\(/.test(query);
  if (!isAgentOperation) return null;
  if (field === null) field = [...AGENT_FIELDS].find((f) => new RegExp(`\\b${f}\\s*\\(`).test(query)) ?? null;
  return { operationName: name, field, sessionId, traceId, errorCode, errorMessage };
}

/** The names of the operations a document defines (comments and strings aside). */
export function operationNamesOf(query: string): string[] {
  const code = query.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, ' ');
  return [...code.matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g)].map(
    (match) => match[1] ?? '',
  );
}

/**
 * The operation name to send. GraphiQL derives it from the editor a moment after the text changes, so a run
 * right after switching tabs can carry the previous tab's name; for a single-operation document, use its own.
 */
export function operationNameFor(query: string, operationName: string | null | undefined): string | undefined {
  const names = operationNamesOf(query);
  if (operationName && names.includes(operationName)) return operationName;
  if (names.length === 1) return names[0];
  return operationName ?? undefined;
}

/**
 * A fetcher that POSTs JSON to the same-origin endpoint. `content-type: application/json` is always set
 * (after the user's headers), which is what Apollo's CSRF prevention asks of a browser request. Subscriptions go
 * to `endpoint + '/stream'` (GraphQL over SSE) and come back as an async iterable, one result per event.
 */
export function createFetcher(
  endpoint: string,
  answers: AnswerStore,
  streams: StreamStore = new StreamStore(),
): Fetcher {
  return async (params, opts) => {
    const operationName = operationNameFor(params.query, params.operationName);
    const headers = new Headers();
    for (const [key, value] of Object.entries(opts?.headers ?? {})) {
      if (value !== undefined && value !== null) headers.set(key, String(value));
    }
    if (isSubscription(params.query, operationName)) {
      rememberAuthorization(headers);
      const onResult = (result: unknown) => {
        const answer = toLastAnswer(params.query, operationName, result);
        if (answer && (answer.sessionId !== null || answer.errorCode !== null)) answers.set(answer);
      };
      return streamSubscription(
        `${endpoint}/stream`,
        { query: params.query, operationName, variables: params.variables, headers },
        streams,
        onResult,
      ) as unknown as Awaited<ReturnType<Fetcher>>;
    }
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/graphql-response+json, application/json');
    rememberAuthorization(headers);
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({
        query: params.query,
        operationName,
        variables: params.variables ?? undefined,
      }),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.status} ${response.statusText}: ${text.slice(0, 500)}`);
    }
    const answer = toLastAnswer(params.query, operationName, body);
    if (answer) answers.set(answer);
    return body as Awaited<ReturnType<Fetcher>>;
  };
}
