/**
 * `createReporter`: validates input, runs the `NBA_Reporter` agent, keeps conversations, maps failures to
 * reporter errors and reports token usage.
 */
import {
  type AgentInputItem,
  InputGuardrailTripwireTriggered,
  type RunConfig,
  Runner,
  type Usage,
} from '@openai/agents-core';
import { OpenAIConversationsSession } from '@openai/agents-openai';
import { APIError, type default as OpenAI } from 'openai';
import { createNbaReporterAgent, type NbaReporterAgent } from './agent.js';
import type { ModelProviderName, ReporterConfig } from './config.js';
import {
  ConfigError,
  EmptyAnswerError,
  GuardrailTrippedError,
  InvalidInputError,
  SessionNotFoundError,
  SessionTurnLimitError,
} from './errors.js';
import { NBA_GUARDRAIL_NAME, OFF_TOPIC_REASON } from './guardrail.js';
import { type HistoryWindow, windowHistory } from './history.js';
import { buildTurnPrompt } from './prompts.js';
import { createProviderModel, isAbortError, mapProviderError } from './providers.js';
import { sanitizeAgentMessage } from './sanitize.js';
import { PostgresSessionStore } from './sessions/postgres.js';
import { SqliteSessionStore } from './sessions/sqlite.js';
import { generateSessionId, type SessionStore, telemetrySessionId } from './sessions/store.js';
import { isPostgresUrl, redactPostgresUrl } from './sessions/url.js';
import { isTopicSlug, MAX_MESSAGE_LENGTH, TOPIC_NAMES, TOPIC_SLUGS, type TopicSlug } from './topics.js';
import { consumeRunStream, rawTurnText, TurnChannel, type TurnSink, type TurnStream } from './turn-stream.js';

/** Token usage of one turn, summed over every model call of the run. */
export interface TurnUsage {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Always inputTokens + outputTokens. */
  totalTokens: number;
  /** Input tokens served from the provider's prompt cache (0 when not reported). */
  cachedInputTokens: number;
  /** Output tokens spent on reasoning (0 when not reported). */
  reasoningTokens: number;
}

/** The answer of one `report` or `followUp` turn. */
export interface TurnResult {
  sessionId: string;
  topic: TopicSlug;
  /** The agent's answer, trimmed and sanitized. */
  message: string;
  /** The configured model name. */
  model: string;
  usage: TurnUsage;
}

/** Options of {@link createReporter}. */
export interface ReporterOptions {
  /** Conversation storage; default a {@link SqliteSessionStore} at `config.sessionDb`. Tests pass a MemorySessionStore. */
  sessionStore?: SessionStore;
  /**
   * Extra SDK run configuration for every turn (e.g. `traceIncludeSensitiveData`, `workflowName`). `groupId` is always
   * the session id's telemetry prefix (see `telemetrySessionId`) and the model always the configured one.
   */
  runConfig?: Partial<Omit<RunConfig, 'groupId' | 'model' | 'modelProvider'>>;
  /** Called with the SDK `Runner` of each turn before it runs, e.g. to attach lifecycle hooks (`runner.on(...)`). */
  configureRunner?: (runner: Runner, turn: { operation: 'report' | 'followUp'; sessionId: string }) => void;
}

/** Per-call options of `report` / `followUp`. */
export interface TurnOptions {
  /** Aborts the run (the abort error is rethrown as is). */
  signal?: AbortSignal;
  /**
   * Who is calling: the API key name, or `null`/absent without authentication. `report` records it as the session's
   * owner; `followUp` finds only sessions of the same owner (another owner gets SESSION_NOT_FOUND).
   */
  owner?: string | null;
  /**
   * Idempotency key of the request (the `Idempotency-Key` header): a turn stored under this key (by this owner) is
   * answered again from the store instead of running twice. Needs a store with replay (PostgreSQL); ignored otherwise.
   */
  requestKey?: string;
}

/** The NBA reporter service. */
export interface Reporter {
  readonly provider: ModelProviderName;
  readonly model: string;
  /** The agent every turn runs (exposed for inspection and telemetry wiring). */
  readonly agent: NbaReporterAgent;
  /** Starts a conversation: answers `message`, or gives the topic overview when there is none. */
  report(input: { topic: TopicSlug; message?: string | null }, options?: TurnOptions): Promise<TurnResult>;
  /** Continues a conversation started by `report`. */
  followUp(input: { sessionId: string; message: string }, options?: TurnOptions): Promise<TurnResult>;
  /**
   * `report`, streamed: the turn starts at once; its events (text deltas, tool calls, then exactly one
   * `turn_completed` with the same result `report` gives) are read by iterating the returned stream, and errors are
   * thrown from it. Breaking out of the loop or aborting `options.signal` stops the model call; nothing is stored.
   * Streams take no `requestKey` (a replayed answer would have no deltas).
   */
  reportStream(input: { topic: TopicSlug; message?: string | null }, options?: TurnOptions): TurnStream;
  /** `followUp`, streamed (see {@link Reporter.reportStream}). */
  followUpStream(input: { sessionId: string; message: string }, options?: TurnOptions): TurnStream;
  /**
   * Resolves once the session store can serve (PostgreSQL: reachable and migrated); rejects with a
   * `ConfigError` naming NBA_REPORTER_SESSION_DB otherwise. Call it before accepting traffic.
   */
  ready(): Promise<void>;
  /** Closes the session store; idempotent. */
  close(): Promise<void>;
}

// Characters that render as nothing: white space, format and control characters, default-ignorable code points
// (zero-width spaces and joiners, word joiner, BOM, variation selectors, Hangul fillers) and the blank Braille cell.
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** Validates a user message: trimmed, non-empty, visible, at most {@link MAX_MESSAGE_LENGTH} characters. */
export function validateMessage(message: unknown, field = 'message'): string {
  if (typeof message !== 'string') throw new InvalidInputError(field, `${field} must be a string`);
  const trimmed = message.trim();
  if (trimmed.length === 0) throw new InvalidInputError(field, `${field} must not be empty`);
  if (INVISIBLE_ONLY.test(trimmed)) throw new InvalidInputError(field, `${field} must contain visible text`);
  if (trimmed.length > MAX_MESSAGE_LENGTH) {
    throw new InvalidInputError(
      field,
      `${field} must be at most ${MAX_MESSAGE_LENGTH} characters (got ${trimmed.length})`,
    );
  }
  return trimmed;
}

/**
 * Validates an idempotency key: 16 to 255 visible ASCII characters. It must be unguessable (a UUID, nginx's
 * `$request_id`): without API keys, whoever sends the same key with the same request gets the stored answer.
 */
export function validateRequestKey(key: unknown): string | undefined {
  if (key === undefined || key === null) return undefined;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{16,255}$/.test(key)) {
    throw new InvalidInputError(
      'Idempotency-Key',
      'Idempotency-Key must be 16 to 255 visible ASCII characters (e.g. a UUID)',
    );
  }
  return key;
}

/**
 * The key the store keeps: the client's key bound to the request itself (operation, session or topic, message), so a
 * replay answers only the very same request and a reused key cannot fetch another conversation's answer.
 */
function scopedRequestKey(key: string | undefined, ...request: Array<string | undefined>): string | undefined {
  return key === undefined ? undefined : [key, ...request.map((part) => part ?? '')].join('\u0000');
}

/** Validates a topic slug (exact, case-sensitive). */
export function validateTopic(topic: unknown): TopicSlug {
  if (typeof topic !== 'string' || !isTopicSlug(topic)) {
    throw new InvalidInputError(
      'topic',
      `Invalid NBA topic ${JSON.stringify(String(topic))}. Supported topics: ${TOPIC_SLUGS.join(', ')}`,
    );
  }
  return topic;
}

function sumDetail(details: ReadonlyArray<Record<string, number>> | undefined, key: string): number {
  return (details ?? []).reduce((sum, d) => sum + (typeof d?.[key] === 'number' ? d[key] : 0), 0);
}

/** The usage of a run, from `result.state.usage`. */
export function turnUsage(usage: Usage): TurnUsage {
  const inputTokens = usage.inputTokens;
  const outputTokens = usage.outputTokens;
  return {
    requests: usage.requests,
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    cachedInputTokens: sumDetail(usage.inputTokensDetails, 'cached_tokens'),
    reasoningTokens: sumDetail(usage.outputTokensDetails, 'reasoning_tokens'),
  };
}

/** SDK trace metadata key of the conversation turn number (read by @nba-reporter/agents-otel). */
const TRACE_METADATA_TURN = 'gen_ai.agent.turn';

/** The parts of a run result the reporter reads. */
interface CompletedRun {
  readonly history: AgentInputItem[];
  readonly state: { readonly usage: Usage };
  /** The sanitised answer. */
  readonly message: string;
  /** Streaming only: the end of the message the sanitiser still held, to send once the turn is stored. */
  readonly rest: string;
}

/** Serialises work per key (one turn at a time per session), so concurrent follow-ups cannot interleave history. */
class KeyedMutex {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}

/** Opens the store `config.sessionDb` names, turning an unusable SQLite path into a one-line configuration error. */
function openSessionStore(config: ReporterConfig): SessionStore {
  const path = config.sessionDb;
  const limits = { ttlMs: config.sessionTtlMs, maxTurns: config.sessionMaxTurns };
  if (isPostgresUrl(path)) {
    return new PostgresSessionStore(
      path,
      config.pgPoolSize === undefined ? limits : { ...limits, poolSize: config.pgPoolSize },
    );
  }
  try {
    return new SqliteSessionStore(path, { ttlMs: config.sessionTtlMs, maxTurns: config.sessionMaxTurns });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(
      'NBA_REPORTER_SESSION_DB',
      `NBA_REPORTER_SESSION_DB must be a writable SQLite file path (cannot open "${path}": ${reason})`,
    );
  }
}

/** Our ids are 36 characters, OpenAI conversation ids about 50: anything much longer is not an id. */
export const MAX_SESSION_ID_LENGTH = 200;

/** How often expired sessions are swept. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Creates the reporter for `config`. */
export function createReporter(config: ReporterConfig, options: ReporterOptions = {}): Reporter {
  const { model, client, webSearch } = createProviderModel(config);
  // The per-call timeout is the OpenAI client's (each HTTP attempt, see createOpenAIClient), not the SDK's
  // modelSettings.timeoutMs: the SDK's would abort the client mid-retry and hide the real failure from telemetry.
  const agent = createNbaReporterAgent(model, { webSearch, guardrail: config.guardrail ?? 'keyword' });
  const store = options.sessionStore ?? openSessionStore(config);
  const useOpenAIConversations = config.provider === 'openai';
  const historyWindow: HistoryWindow = { maxTurns: config.historyTurns, maxTokens: config.historyTokens };
  const mutex = new KeyedMutex();
  let closed = false;
  // Expired sessions are deleted when touched; this sweep removes the ones nobody touches again.
  const sweep = () => void store.deleteExpired().catch(() => {});
  sweep();
  const sweeper = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweeper.unref();

  function assertOpen(): void {
    if (closed) throw new Error('The NBA reporter is closed');
  }

  function mapRunError(error: unknown, signal: AbortSignal | undefined): unknown {
    if (error instanceof InputGuardrailTripwireTriggered) {
      const info = error.result.output.outputInfo as { reason?: unknown } | null | undefined;
      const reason = typeof info?.reason === 'string' ? info.reason : OFF_TOPIC_REASON;
      return new GuardrailTrippedError(error.result.guardrail.name ?? NBA_GUARDRAIL_NAME, reason, { cause: error });
    }
    if (isAbortError(error, signal)) return error;
    return mapProviderError(error, config.modelTimeoutMs) ?? error;
  }

  function finish(result: CompletedRun, sessionId: string, topic: TopicSlug): TurnResult {
    if (result.message.length === 0) throw new EmptyAnswerError();
    return { sessionId, topic, message: result.message, model: config.model, usage: turnUsage(result.state.usage) };
  }

  /** Streaming: once the turn is stored, the held-back end of the text (the result follows as turn_completed). */
  function deliver(turn: TurnResult, result: CompletedRun | undefined, sink: TurnSink | undefined): TurnResult {
    if (sink && result && result.rest.length > 0) sink.emit({ type: 'text_delta', delta: result.rest });
    return turn;
  }

  // ---- idempotency: a retried request (same key) gets the stored answer, never a second turn ----

  const turnRecord = (requestKey: string | undefined, turn: TurnResult) =>
    requestKey === undefined ? {} : { requestKey, result: turn };

  async function replay(requestKey: string | undefined, owner: string | null): Promise<TurnResult | undefined> {
    if (requestKey === undefined || !store.findTurn) return undefined;
    const found = await store.findTurn(requestKey, { owner });
    return found ? (found.result as TurnResult) : undefined;
  }

  /** Writes the turn; when that fails because the same request was stored meanwhile, returns that answer instead. */
  async function writeOrReplay(write: () => Promise<void>, requestKey: string | undefined, owner: string | null) {
    try {
      await write();
      return undefined;
    } catch (error) {
      const prior = requestKey === undefined ? undefined : await replay(requestKey, owner).catch(() => undefined);
      if (prior) return prior;
      throw error;
    }
  }

  async function runAgent(
    operation: 'report' | 'followUp',
    input: string | AgentInputItem[],
    sessionId: string,
    turn: number,
    signal: AbortSignal | undefined,
    sink: TurnSink | undefined,
  ): Promise<CompletedRun> {
    signal?.throwIfAborted();
    // groupId is run configuration (not a per-run option) in the SDK, hence one Runner per turn. It becomes
    // gen_ai.conversation.id on spans: a prefix, so telemetry readers cannot continue the conversation. The turn
    // number (1 for `report`) goes into the trace metadata, where the GenAI bridge reads it as `gen_ai.agent.turn`.
    const runner = new Runner({
      workflowName: `NBA reporter ${operation}`,
      ...options.runConfig,
      groupId: telemetrySessionId(sessionId),
      traceMetadata: { ...options.runConfig?.traceMetadata, [TRACE_METADATA_TURN]: String(turn) },
    });
    options.configureRunner?.(runner, { operation, sessionId });
    try {
      if (sink && signal)
        return await consumeRunStream(await runner.run(agent, input, { stream: true, signal }), sink, signal);
      const result = await runner.run(agent, input, signal ? { signal } : {});
      // Every response's text (normally only the last response has any), as the stream sends it.
      const message = sanitizeAgentMessage(rawTurnText(result.rawResponses).trim());
      return { history: result.history, state: result.state, message, rest: '' };
    } catch (error) {
      throw mapRunError(error, signal);
    }
  }

  // ---- openai provider: the conversation lives on OpenAI (Conversations API), written once per successful turn ----
  //
  // The SDK's session integration may persist the user's input before the model answers, so a failed turn could
  // leave half a turn in the conversation (e.g. a user message without an answer, or a function call without its
  // output, which OpenAI then rejects on the next turn). Instead the reporter drives OpenAIConversationsSession
  // itself: read the history, run the agent on history + new input (nothing is written meanwhile), then append
  // the whole turn with one `POST /conversations/{id}/items`. A failed report deletes the conversation it created.

  async function conversationCall<T>(
    signal: AbortSignal | undefined,
    sessionId: string | undefined,
    fn: () => Promise<T>,
  ): Promise<T> {
    try {
      signal?.throwIfAborted();
      return await fn();
    } catch (error) {
      if (sessionId !== undefined && error instanceof APIError && error.status === 404)
        throw new SessionNotFoundError(sessionId);
      throw mapRunError(error, signal);
    }
  }

  async function conversationHistory(
    session: OpenAIConversationsSession,
    sessionId: string,
    signal: AbortSignal | undefined,
  ) {
    const items = await conversationCall(signal, sessionId, () => session.getItems());
    return windowHistory(
      items.map((item) => session.prepareHistoryItemForModelInput(item)),
      historyWindow,
    );
  }

  async function discardConversation(openai: OpenAI, conversationId: string): Promise<void> {
    try {
      await openai.conversations.delete(conversationId, {
        maxRetries: 0,
        timeout: Math.min(config.modelTimeoutMs, 5_000),
      });
    } catch {
      // Best effort: the conversation is unreachable anyway (no local row maps to it).
    }
  }

  async function runOpenAITurn(
    openai: OpenAI,
    operation: 'report' | 'followUp',
    message: string,
    sessionId: string,
    topic: TopicSlug,
    turnNumber: number,
    signal: AbortSignal | undefined,
    sink: TurnSink | undefined,
    claimTurn?: (turn: TurnResult) => Promise<TurnResult | undefined>,
  ): Promise<{ turn: TurnResult; result?: CompletedRun }> {
    const session = new OpenAIConversationsSession({ client: openai, conversationId: sessionId });
    const history = operation === 'report' ? [] : await conversationHistory(session, sessionId, signal);
    const result = await runAgent(
      operation,
      [...history, { type: 'message', role: 'user', content: message }],
      sessionId,
      turnNumber,
      signal,
      sink,
    );
    const turn = finish(result, sessionId, topic);
    const replayed = await claimTurn?.(turn);
    if (replayed) return { turn: replayed }; // the same request was answered meanwhile: nothing is added to the conversation
    await conversationCall(signal, sessionId, () => session.addItems(result.history.slice(history.length)));
    return { turn, result };
  }

  async function reportTurn(
    input: { topic: TopicSlug; message?: string | null },
    turnOptions: TurnOptions,
    sink: TurnSink | undefined,
  ): Promise<TurnResult> {
    assertOpen();
    const topic = validateTopic(input?.topic);
    const message = input.message === undefined || input.message === null ? undefined : validateMessage(input.message);
    const prompt = buildTurnPrompt(TOPIC_NAMES[topic], message);
    const { signal } = turnOptions;
    const owner = turnOptions.owner ?? null;
    const requestKey = scopedRequestKey(validateRequestKey(turnOptions.requestKey), 'report', topic, message);
    const prior = await replay(requestKey, owner);
    if (prior) return prior;

    if (useOpenAIConversations && client) {
      // Demo parity: OpenAI keeps the conversation; we keep id → topic and owner so unknown and foreign ids are
      // rejected locally.
      const conversationId = await conversationCall(signal, undefined, () =>
        new OpenAIConversationsSession({ client }).getSessionId(),
      );
      try {
        const { turn, result } = await runOpenAITurn(client, 'report', prompt, conversationId, topic, 1, signal, sink);
        await store.create(topic, { id: conversationId, owner, ...turnRecord(requestKey, turn) });
        return deliver(turn, result, sink);
      } catch (error) {
        await discardConversation(client, conversationId);
        const replayed = requestKey === undefined ? undefined : await replay(requestKey, owner).catch(() => undefined);
        if (replayed) return replayed;
        throw error;
      }
    }

    const sessionId = generateSessionId();
    const result = await runAgent(
      'report',
      [{ type: 'message', role: 'user', content: prompt }],
      sessionId,
      1,
      signal,
      sink,
    );
    const turn = finish(result, sessionId, topic);
    // Written only after the run succeeded, in one transaction.
    const replayed = await writeOrReplay(
      () =>
        store
          .create(topic, { id: sessionId, items: result.history, owner, ...turnRecord(requestKey, turn) })
          .then(() => undefined),
      requestKey,
      owner,
    );
    return replayed ?? deliver(turn, result, sink);
  }

  async function followUpTurn(
    input: { sessionId: string; message: string },
    turnOptions: TurnOptions,
    sink: TurnSink | undefined,
  ): Promise<TurnResult> {
    assertOpen();
    const sessionId = typeof input?.sessionId === 'string' ? input.sessionId.trim() : '';
    if (sessionId.length === 0) throw new InvalidInputError('sessionId', 'sessionId must not be empty');
    if (sessionId.length > MAX_SESSION_ID_LENGTH) {
      throw new InvalidInputError('sessionId', `sessionId must be at most ${MAX_SESSION_ID_LENGTH} characters`);
    }
    const message = validateMessage(input.message);
    const { signal } = turnOptions;
    const owner = turnOptions.owner ?? null;
    const requestKey = scopedRequestKey(validateRequestKey(turnOptions.requestKey), 'followUp', sessionId, message);

    return mutex.run(sessionId, async () => {
      const prior = await replay(requestKey, owner);
      if (prior) return prior;
      const stored = await store.get(sessionId, { owner });
      if (!stored) throw new SessionNotFoundError(sessionId);
      // Refused before the model is called; the store checks again atomically when the turn is written.
      if (stored.turns >= store.limits.maxTurns) throw new SessionTurnLimitError(sessionId, store.limits.maxTurns);

      // Another instance may store a turn of this session meanwhile: the store then refuses this one
      // (SessionBusyError) instead of appending a turn computed from stale history.
      const expected = { expectedTurns: stored.turns };

      if (useOpenAIConversations && client) {
        // Items live on OpenAI's side; the local row claims the turn first, so two instances never both append.
        const { turn, result } = await runOpenAITurn(
          client,
          'followUp',
          message,
          sessionId,
          stored.topic,
          stored.turns + 1,
          signal,
          sink,
          (t) =>
            writeOrReplay(
              () => store.appendTurn(sessionId, [], { owner, ...expected, ...turnRecord(requestKey, t) }),
              requestKey,
              owner,
            ),
        );
        return deliver(turn, result, sink);
      }

      const history = windowHistory(stored.items, historyWindow);
      const result = await runAgent(
        'followUp',
        [...history, { type: 'message', role: 'user', content: message }],
        sessionId,
        stored.turns + 1,
        signal,
        sink,
      );
      const turn = finish(result, sessionId, stored.topic);
      const replayed = await writeOrReplay(
        () =>
          store.appendTurn(sessionId, result.history.slice(history.length), {
            owner,
            ...expected,
            ...turnRecord(requestKey, turn),
          }),
        requestKey,
        owner,
      );
      return replayed ?? deliver(turn, result, sink);
    });
  }

  /** Runs `turn` with a channel as its sink; the turn stops when the reader stops or the caller's signal aborts. */
  function streamTurn(
    turnOptions: TurnOptions,
    turn: (options: TurnOptions, sink: TurnSink) => Promise<TurnResult>,
  ): TurnStream {
    const outer = turnOptions.signal;
    const controller = new AbortController();
    const channel = new TurnChannel(() =>
      controller.abort(new DOMException('The turn stream was cancelled', 'AbortError')),
    );
    const onAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) onAbort();
    else outer?.addEventListener('abort', onAbort, { once: true });
    turn({ ...turnOptions, signal: controller.signal }, channel)
      .then(
        (result) => {
          channel.emit({ type: 'turn_completed', turn: result });
          channel.close();
        },
        (error: unknown) => channel.fail(error),
      )
      .finally(() => outer?.removeEventListener('abort', onAbort));
    return channel;
  }

  return {
    provider: config.provider,
    model: config.model,
    agent,

    report: (input, turnOptions = {}) => reportTurn(input, turnOptions, undefined),
    followUp: (input, turnOptions = {}) => followUpTurn(input, turnOptions, undefined),
    reportStream: (input, turnOptions = {}) =>
      streamTurn(turnOptions, (options, sink) => reportTurn(input, { ...options, requestKey: undefined }, sink)),
    followUpStream: (input, turnOptions = {}) =>
      streamTurn(turnOptions, (options, sink) => followUpTurn(input, { ...options, requestKey: undefined }, sink)),

    async ready() {
      try {
        await store.ready?.();
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new ConfigError(
          'NBA_REPORTER_SESSION_DB',
          `NBA_REPORTER_SESSION_DB: cannot use ${redactPostgresUrl(config.sessionDb)} (${reason})`,
        );
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      await store.close();
    },
  };
}
