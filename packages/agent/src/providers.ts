/**
 * Model construction per provider and mapping of provider failures to reporter errors.
 */
import {
  AgentsError,
  ModelTimeoutError as SdkModelTimeoutError,
  UserError,
  type Model,
} from '@openai/agents-core';
import { OpenAIChatCompletionsModel, OpenAIResponsesModel } from '@openai/agents-openai';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ReporterConfig } from './config.js';
import {
  ModelRateLimitedError,
  ModelTimeoutError,
  ModelUnavailableError,
  isReporterError,
  type ReporterError,
} from './errors.js';
import { OfflineNbaModel } from './offline/model.js';

/** Placeholder key for OpenAI-compatible servers that ignore authentication (Ollama, vLLM, llama.cpp…). */
export const PLACEHOLDER_API_KEY = 'not-needed';

/** The model and, for network providers, the OpenAI client behind it. */
export interface ProviderModel {
  readonly model: Model;
  readonly client?: OpenAI;
  /** Whether the hosted web search tool is available (OpenAI Responses API only). */
  readonly webSearch: boolean;
}

/** The OpenAI client for a network provider, with the configured per-call timeout and retries. */
export function createOpenAIClient(config: ReporterConfig): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey ?? (config.provider === 'openai-compatible' ? PLACEHOLDER_API_KEY : undefined),
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    timeout: config.modelTimeoutMs,
    maxRetries: config.maxRetries,
  });
}

/** Builds the SDK model for the configured provider. */
export function createProviderModel(config: ReporterConfig): ProviderModel {
  switch (config.provider) {
    case 'offline':
      return { model: new OfflineNbaModel({ name: config.model }), webSearch: false };
    case 'openai': {
      const client = createOpenAIClient(config);
      return { model: new OpenAIResponsesModel(client, config.model), client, webSearch: true };
    }
    case 'openai-compatible': {
      const client = createOpenAIClient(config);
      return { model: new OpenAIChatCompletionsModel(client, config.model), client, webSearch: false };
    }
  }
}

/** True when `error` is (or was caused by) an abort of the caller's signal. */
export function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted && (error === signal.reason || (error instanceof Error && error.name === 'AbortError'))) return true;
  return error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError' && signal?.aborted === true);
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
 * {@link ModelRateLimitedError} (with retry-after), 5xx, connection errors and any other provider or SDK model error →
 * {@link ModelUnavailableError}. Returns `undefined` for errors that are not provider failures (aborts, bugs).
 */
export function mapProviderError(error: unknown, timeoutMs: number): ReporterError | undefined {
  if (isReporterError(error)) return error;
  for (const e of causes(error)) {
    if (e instanceof SdkModelTimeoutError) return new ModelTimeoutError(e.timeoutMs, { cause: error });
    if (e instanceof APIConnectionTimeoutError) return new ModelTimeoutError(timeoutMs, { cause: error });
  }
  for (const e of causes(error)) {
    if (e instanceof APIUserAbortError) return undefined;
    if (e instanceof APIError && e.status === 429) return new ModelRateLimitedError(retryAfterMs(e.headers), { cause: error });
    if (e instanceof APIConnectionError) {
      return new ModelUnavailableError(`Could not reach the model provider: ${e.message}`, { cause: error });
    }
    if (e instanceof APIError) {
      const status = e.status === undefined ? '' : ` (HTTP ${e.status})`;
      return new ModelUnavailableError(`The model provider failed${status}: ${e.message}`, { cause: error });
    }
  }
  if (error instanceof AgentsError && !(error instanceof UserError)) {
    return new ModelUnavailableError(`The model did not produce a usable answer: ${error.message}`, { cause: error });
  }
  return undefined;
}
