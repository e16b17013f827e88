/**
 * `@nba-reporter/agent`: the NBA reporter agent (OpenAI Agents SDK), its offline model, sessions and configuration.
 */
export * from './errors.js';
export { TOPIC_NAMES, TOPIC_SLUGS, MAX_MESSAGE_LENGTH, isTopicSlug, topicSlugForName, type TopicSlug } from './topics.js';
export {
  NBA_INSTRUCTIONS_WITH_WEB_SEARCH,
  NBA_INSTRUCTIONS_WITHOUT_WEB_SEARCH,
  nbaInstructions,
  buildTurnPrompt,
  parseOverviewPrompt,
  localIsoDate,
} from './prompts.js';
export { sanitizeAgentMessage, SANITIZER_STEPS } from './sanitize.js';
export {
  calculateWinPercentage,
  calculateWinPercentageTool,
  winPercentageToolErrorMessage,
  WinPercentageInputError,
  WIN_PERCENTAGE_TOOL_NAME,
} from './tools.js';
export {
  nbaContentGuardrail,
  checkNbaRelevance,
  guardedText,
  NBA_GUARDRAIL_NAME,
  NBA_GUARDRAIL_KEYWORDS,
  NBA_GUARDRAIL_STRONG_WORDS,
  NBA_GUARDRAIL_WEAK_WORDS,
  isOngoingConversation,
  guardrailOutput,
  OFF_TOPIC_REASON,
  type NbaRelevance,
} from './guardrail.js';
export {
  createModelJudgedGuardrail,
  createTopicClassifierAgent,
  classifierPrompt,
  topicVerdictSchema,
  NBA_TOPIC_CLASSIFIER_NAME,
  NBA_MODEL_GUARDRAIL_NAME,
  NBA_TOPIC_CLASSIFIER_INSTRUCTIONS,
  type ModelJudgedGuardrailOptions,
  type TopicVerdict,
} from './model-guardrail.js';
export {
  createNbaReporterAgent,
  NBA_AGENT_NAME,
  type NbaReporterAgent,
  type NbaReporterAgentOptions,
} from './agent.js';
export {
  loadReporterConfig,
  parseDuration,
  MODEL_PROVIDERS,
  GUARDRAIL_MODES,
  type GuardrailMode,
  DEFAULT_OPENAI_MODEL,
  DEFAULT_SESSION_DB,
  DEFAULT_PG_POOL_SIZE,
  DEFAULT_MODEL_TIMEOUT_MS,
  DEFAULT_MODEL_MAX_RETRIES,
  type ModelProviderName,
  type ReporterConfig,
} from './config.js';
export {
  createReporter,
  validateMessage,
  validateTopic,
  turnUsage,
  type Reporter,
  type ReporterOptions,
  type TurnOptions,
  type TurnResult,
  type TurnUsage,
} from './reporter.js';
export {
  createProviderModel,
  createOpenAIClient,
  retryAfterCappedFetch,
  mapProviderError,
  retryAfterMs,
  PLACEHOLDER_API_KEY,
  type ProviderModel,
} from './providers.js';
export { OfflineNbaModel, OFFLINE_MODEL_NAME, type OfflineNbaModelOptions } from './offline/model.js';
export { OFFLINE_SOURCE_NOTE } from './offline/phrase.js';
export { countTokens, countRequestTokens, requestTexts } from './offline/tokens.js';
export { findTeams, findPlayers, type TeamMention, type PlayerMention } from './offline/entities.js';
export { understand } from './offline/follow-ups.js';
export { EMPTY_STATE, type Question, type QuestionKind, type ConversationState } from './offline/understand.js';
export { normalize } from './offline/text.js';
export {
  SNAPSHOT,
  type SeasonSnapshot,
  type SnapshotTeam,
  type SnapshotSeries,
  type Conference,
} from './offline/snapshot-2024-25.js';
export { SqliteSessionStore, type SqliteSessionStoreOptions } from './sessions/sqlite.js';
export { MemorySessionStore } from './sessions/memory.js';
export {
  PostgresSessionStore,
  DEFAULT_PG_CONNECT_TIMEOUT_MS,
  DEFAULT_PG_STATEMENT_TIMEOUT_MS,
  type PostgresSessionStoreOptions,
} from './sessions/postgres.js';
export { migrate, MIGRATIONS, MIGRATION_LOCK, type Migration } from './sessions/postgres-migrations.js';
export { isPostgresUrl, redactPostgresUrl } from './sessions/url.js';
export {
  generateSessionId,
  sessionIdPrefix,
  telemetrySessionId,
  SESSION_ID_PREFIX_LENGTH,
  resolveLimits,
  DEFAULT_SESSION_TTL_MS,
  DEFAULT_SESSION_MAX_TURNS,
  DEFAULT_SESSION_LIMITS,
  type SessionStore,
  type StoredSession,
  type SessionLimits,
  type SessionStoreOptions,
  type CreateSessionOptions,
  type AppendTurnOptions,
  type SessionOwnerOptions,
} from './sessions/store.js';
export {
  windowHistory,
  splitTurns,
  estimateTokens,
  DEFAULT_HISTORY_TURNS,
  DEFAULT_HISTORY_TOKENS,
  DEFAULT_HISTORY_WINDOW,
  type HistoryWindow,
} from './history.js';
