/**
 * `@nba-reporter/agent`: the NBA reporter agent (OpenAI Agents SDK), its offline model, sessions and configuration.
 */

export {
  createNbaReporterAgent,
  NBA_AGENT_NAME,
  type NbaReporterAgent,
  type NbaReporterAgentOptions,
} from './agent.js';
export {
  DEFAULT_MODEL_MAX_RETRIES,
  DEFAULT_MODEL_TIMEOUT_MS,
  DEFAULT_OPENAI_MODEL,
  DEFAULT_PG_POOL_SIZE,
  DEFAULT_SESSION_DB,
  GUARDRAIL_MODES,
  type GuardrailMode,
  loadReporterConfig,
  MODEL_PROVIDERS,
  type ModelProviderName,
  parseDuration,
  type ReporterConfig,
} from './config.js';
export * from './errors.js';
export {
  checkNbaRelevance,
  guardedText,
  guardrailOutput,
  isOngoingConversation,
  NBA_GUARDRAIL_KEYWORDS,
  NBA_GUARDRAIL_NAME,
  NBA_GUARDRAIL_STRONG_WORDS,
  NBA_GUARDRAIL_WEAK_WORDS,
  type NbaRelevance,
  nbaContentGuardrail,
  OFF_TOPIC_REASON,
} from './guardrail.js';
export {
  DEFAULT_HISTORY_TOKENS,
  DEFAULT_HISTORY_TURNS,
  DEFAULT_HISTORY_WINDOW,
  estimateTokens,
  type HistoryWindow,
  splitTurns,
  windowHistory,
} from './history.js';
export {
  classifierPrompt,
  createModelJudgedGuardrail,
  createTopicClassifierAgent,
  type ModelJudgedGuardrailOptions,
  NBA_MODEL_GUARDRAIL_NAME,
  NBA_TOPIC_CLASSIFIER_INSTRUCTIONS,
  NBA_TOPIC_CLASSIFIER_NAME,
  type TopicVerdict,
  topicVerdictSchema,
} from './model-guardrail.js';
export { findPlayers, findTeams, type PlayerMention, type TeamMention } from './offline/entities.js';
export { understand } from './offline/follow-ups.js';
export { OFFLINE_MODEL_NAME, OfflineNbaModel, type OfflineNbaModelOptions } from './offline/model.js';
export { OFFLINE_SOURCE_NOTE } from './offline/phrase.js';
export {
  type Conference,
  type SeasonSnapshot,
  SNAPSHOT,
  type SnapshotSeries,
  type SnapshotTeam,
} from './offline/snapshot-2024-25.js';
export { normalize } from './offline/text.js';
export { countRequestTokens, countTokens, requestTexts } from './offline/tokens.js';
export { type ConversationState, EMPTY_STATE, type Question, type QuestionKind } from './offline/understand.js';
export {
  buildTurnPrompt,
  localIsoDate,
  NBA_INSTRUCTIONS_WITH_WEB_SEARCH,
  NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH,
  nbaInstructions,
  parseOverviewPrompt,
} from './prompts.js';
export {
  createOpenAIClient,
  createProviderModel,
  mapProviderError,
  PLACEHOLDER_API_KEY,
  type ProviderModel,
  retryAfterCappedFetch,
  retryAfterMs,
} from './providers.js';
export {
  createReporter,
  type Reporter,
  type ReporterOptions,
  type TurnOptions,
  type TurnResult,
  type TurnUsage,
  turnUsage,
  validateMessage,
  validateTopic,
} from './reporter.js';
export { REGEX_SANITIZER_STEPS, type RegexSanitizerStep, SANITIZER_STEPS, sanitizeAgentMessage } from './sanitize.js';
export { StreamingSanitizer } from './sanitize-stream.js';
export { MemorySessionStore } from './sessions/memory.js';
export {
  DEFAULT_PG_CONNECT_TIMEOUT_MS,
  DEFAULT_PG_STATEMENT_TIMEOUT_MS,
  PostgresSessionStore,
  type PostgresSessionStoreOptions,
} from './sessions/postgres.js';
export { MIGRATION_LOCK, MIGRATIONS, type Migration, migrate } from './sessions/postgres-migrations.js';
export { SqliteSessionStore, type SqliteSessionStoreOptions } from './sessions/sqlite.js';
export {
  type AppendTurnOptions,
  type CreateSessionOptions,
  DEFAULT_SESSION_LIMITS,
  DEFAULT_SESSION_MAX_TURNS,
  DEFAULT_SESSION_TTL_MS,
  generateSessionId,
  resolveLimits,
  SESSION_ID_PREFIX_LENGTH,
  type SessionLimits,
  type SessionOwnerOptions,
  type SessionStore,
  type SessionStoreOptions,
  type StoredSession,
  sessionIdPrefix,
  telemetrySessionId,
} from './sessions/store.js';
export { isPostgresUrl, redactPostgresUrl } from './sessions/url.js';
export {
  calculateWinPercentage,
  calculateWinPercentageTool,
  WIN_PERCENTAGE_TOOL_NAME,
  WinPercentageInputError,
  winPercentageToolErrorMessage,
} from './tools.js';
export {
  isTopicSlug,
  MAX_MESSAGE_LENGTH,
  TOPIC_NAMES,
  TOPIC_SLUGS,
  type TopicSlug,
  topicSlugForName,
} from './topics.js';
export {
  isToolFailureOutput,
  RESPONSE_SEPARATOR,
  rawTurnText,
  type ToolCallStatus,
  type TurnEvent,
  type TurnStream,
} from './turn-stream.js';
