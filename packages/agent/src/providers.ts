/**
 * Model construction per provider and mapping of provider failures to reporter errors.
 */
import {
  AgentsError,
  type Model,
  type ModelRequest,
  ModelTimeoutError as SdkModelTimeoutError,
  type StreamEvent,
  UserError,
} from '@openai/agents-core';
import { OpenAIChatCompletionsModel, OpenAIResponsesModel } from '@openai/agents-openai';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ReporterConfig } from './config.js';
import {
  isReporterError,
  ModelRateLimitedError,
  ModelTimeoutError,
  ModelUnavailableError,
  type ReporterError,
} from './errors.js';
import { undiciFetch } from './http-fetch.js';
import { OfflineNbaModel } from './offline/model.js';
import { timedModelStream } from './stream-timing.js';

/** The Responses model, with streaming facts on its spans (see stream-timing.ts). A subclass keeps `instanceof`. */
class TimedResponsesModel extends OpenAIResponsesModel {
  override getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    return timedModelStream(() => super.getStreamedResponse(request));
  }
}

/** The Chat Completions model, with streaming facts on its spans. */
class TimedChatCompletionsModel extends OpenAIChatCompletionsModel {
  override getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    return timedModelStream(() => super.getStreamedResponse(request));
  }
}

/** Placeholder key for OpenAI-compatible servers that ignore authentication (Ollama, vLLM, llama.cpp…). */
export const PLACEHOLDER_API_KEY = 'not-needed';

/** The model and, for network providers, the OpenAI client behind it. */
export interface ProviderModel {
  readonly model: Model;
  readonly client?: OpenAI;
  /** Whether the hosted web search tool is available (OpenAI Responses API only). */
  readonly webSearch: boolean;
}

/** Statuses the `openai` client retries (it also retries connection errors and per-attempt timeouts). */
const RETRIED_STATUSES = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;

/**
 * A `fetch` for the OpenAI client that stops it from waiting longer than `maxWaitMs` for a `retry-after`: when a
 * retryable response (408/409/429/5xx) asks for a longer wait, it is marked `x-should-retry: false`, so the client
 * fails fast and the caller gets MODEL_RATE_LIMITED / MODEL_UNAVAILABLE (with `retryAfterMs` for 429) instead of a
 * request that hangs. `base` does the HTTP (default: undici's request, see http-fetch.ts).
 */
export function retryAfterCappedFetch(maxWaitMs: number, base: typeof fetch = undiciFetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.ok || !RETRIED_STATUSES(response.status)) return response;
    const wait = retryAfterMs(response.headers);
    if (wait === undefined || wait <= maxWaitMs || response.headers.get('x-should-retry') !== null) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/**
 * The OpenAI client for a network provider. Retry and timeout semantics (the client's own, verified against the
 * scripted server in the tests):
 * - `timeout` = the per-call timeout, applied to every HTTP attempt (headers and body);
 * - `maxRetries` retries on 408/409/429/5xx, connection errors (resets, refused) and timed-out attempts, never on
 *   other 4xx; backoff 0.5 s × 2^n (capped at 8 s) with up to 25 % jitter, or exactly `retry-after-ms` /
 *   `retry-after` when the server sends one no longer than the per-call timeout (a longer one fails fast).
 */
export function createOpenAIClient(config: ReporterConfig): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey ?? (config.provider === 'openai-compatible' ? PLACEHOLDER_API_KEY : undefined),
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    timeout: config.modelTimeoutMs,
    maxRetries: config.maxRetries,
    fetch: retryAfterCappedFetch(config.modelTimeoutMs),
  });
}

/** Builds the SDK model for the configured provider. */
export function createProviderModel(config: ReporterConfig): ProviderModel {
  switch (config.provider) {
    case 'offline':
      return { model: new OfflineNbaModel({ name: config.model }), webSearch: false };
    case 'openai': {
      const client = createOpenAIClient(config);
      return { model: new TimedResponsesModel(client, config.model), client, webSearch: true };
    }
    case 'openai-compatible': {
      const client = createOpenAIClient(config);
      return { model: new TimedChatCompletionsModel(client, config.model), client, webSearch: false };
    }
  }
}

/** True when `error` is (or was caused by) an abort of the caller's signal. */
export function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted && (error === signal.reason || (error instanceof Error && error.name === 'AbortError')))
    return true;
  return (
    error instanceof APIUserAbortError ||
    (error instanceof Error && error.name === 'AbortError' && signal?.aborted === true)
  );
}

/** Milliseconds to wait according to `retry-after-ms` / `retry-after` (seconds or HTTP date) headers. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Math.round(Number(ms));
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

/**
 * Maps a model/provider failure to a reporter error: timeouts → {@link ModelTimeoutError}, HTTP 429 →
 * {@link ModelRateLimitedError} (with retry-after), 5xx, other 4xx, connection errors, malformed bodies and any other
 * provider or SDK model error → {@link ModelUnavailableError}. Returns `undefined` for errors that are not provider failures (aborts, bugs).
 */
export function mapProviderError(error: unknown, timeoutMs: number): ReporterError | undefined {
  if (isReporterError(error)) return error;
  for (const e of causes(error)) {
    if (e instanceof SdkModelTimeoutError) return new ModelTimeoutError(e.timeoutMs, { cause: error });
    if (e instanceof APIConnectionTimeoutError) return new ModelTimeoutError(timeoutMs, { cause: error });
  }
  for (const e of causes(error)) {
    if (e instanceof APIUserAbortError) return undefined;
    if (e instanceof APIError && e.status === 429)
      return new ModelRateLimitedError(retryAfterMs(e.headers), { cause: error });
    if (e instanceof APIConnectionError) {
      return new ModelUnavailableError(`Could not reach the model provider: ${e.message}`, { cause: error });
    }
    if (e instanceof APIError) {
      const status = e.status === undefined ? '' : ` (HTTP ${e.status})`;
      return new ModelUnavailableError(`The model provider failed${status}: ${e.message}`, { cause: error });
    }
  }
  for (const e of causes(error)) {
    // A streamed body cut off mid-answer (undici reports "terminated", caused by a socket error).
    const code = (e as { code?: unknown } | null)?.code;
    if (
      (e instanceof TypeError && e.message === 'terminated') ||
      (typeof code === 'string' && code.startsWith('UND_ERR_'))
    ) {
      return new ModelUnavailableError('The connection to the model provider broke before the answer was complete', {
        cause: error,
      });
    }
  }
  for (const e of causes(error)) {
    // A 200 whose body is not valid JSON (a gateway's HTML page, a truncated body): the provider misbehaved.
    if (e instanceof SyntaxError) {
      return new ModelUnavailableError(`The model provider sent a malformed response: ${e.message}`, { cause: error });
    }
  }
  if (error instanceof AgentsError && !(error instanceof UserError)) {
    return new ModelUnavailableError(`The model did not produce a usable answer: ${error.message}`, { cause: error });
  }
  return undefined;
}
