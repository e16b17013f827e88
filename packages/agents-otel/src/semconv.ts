/**
 * Every OpenTelemetry name emitted by this package, in one place.
 *
 * Target: OpenTelemetry semantic conventions for GenAI **v1.41** (schema URL below). GenAI conventions are
 * still "Development"; the `@opentelemetry/semantic-conventions` package marks its `gen_ai.*` constants as
 * deprecated (moved to the semantic-conventions-genai repository) and recommends copying unstable names
 * into the instrumentation, which is what this module does.
 *
 * Names marked CUSTOM have no released convention (guardrails, handoffs, the cache-read metric). They follow
 * open proposals and are isolated here so a later rename is a one-line change.
 */

/** Schema URL of the conventions emitted (tracer/meter scope). */
export const SCHEMA_URL = 'https://opentelemetry.io/schemas/1.41.0';

// ---------------------------------------------------------------------------------------------------------
// Attributes (gen_ai.* registry, v1.41)
// ---------------------------------------------------------------------------------------------------------
export const ATTR_GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
export const ATTR_GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name';
export const ATTR_GEN_AI_CONVERSATION_ID = 'gen_ai.conversation.id';
export const ATTR_GEN_AI_OUTPUT_TYPE = 'gen_ai.output.type';

export const ATTR_GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const ATTR_GEN_AI_REQUEST_MAX_TOKENS = 'gen_ai.request.max_tokens';
export const ATTR_GEN_AI_REQUEST_TEMPERATURE = 'gen_ai.request.temperature';
export const ATTR_GEN_AI_REQUEST_TOP_P = 'gen_ai.request.top_p';
export const ATTR_GEN_AI_REQUEST_TOP_K = 'gen_ai.request.top_k';
export const ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY = 'gen_ai.request.frequency_penalty';
export const ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY = 'gen_ai.request.presence_penalty';
export const ATTR_GEN_AI_REQUEST_STOP_SEQUENCES = 'gen_ai.request.stop_sequences';
export const ATTR_GEN_AI_REQUEST_SEED = 'gen_ai.request.seed';
export const ATTR_GEN_AI_REQUEST_STREAM = 'gen_ai.request.stream';

export const ATTR_GEN_AI_RESPONSE_ID = 'gen_ai.response.id';
export const ATTR_GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons';
/** Seconds from the start of a streamed call to its first chunk (streaming only). */
export const ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK = 'gen_ai.response.time_to_first_chunk';

export const ATTR_GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens';
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';
export const ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = 'gen_ai.usage.cache_read.input_tokens';
export const ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = 'gen_ai.usage.cache_creation.input_tokens';
export const ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS = 'gen_ai.usage.reasoning.output_tokens';

export const ATTR_GEN_AI_TOKEN_TYPE = 'gen_ai.token.type';

export const ATTR_GEN_AI_AGENT_NAME = 'gen_ai.agent.name';
/**
 * CUSTOM: the turn number of the conversation (1 for the first user message), following the open proposal
 * semantic-conventions-genai issue #332 (`gen_ai.agent.turn`, int). Read from the SDK trace metadata key
 * {@link TRACE_METADATA_TURN} (`new Runner({ traceMetadata: { 'gen_ai.agent.turn': '3' } })`).
 */
export const ATTR_GEN_AI_AGENT_TURN = 'gen_ai.agent.turn';
/** SDK trace metadata key the bridge reads the turn number from (a decimal string, as trace metadata is). */
export const TRACE_METADATA_TURN = 'gen_ai.agent.turn';
export const ATTR_GEN_AI_AGENT_DESCRIPTION = 'gen_ai.agent.description';

export const ATTR_GEN_AI_TOOL_NAME = 'gen_ai.tool.name';
export const ATTR_GEN_AI_TOOL_TYPE = 'gen_ai.tool.type';
export const ATTR_GEN_AI_TOOL_DESCRIPTION = 'gen_ai.tool.description';
export const ATTR_GEN_AI_TOOL_CALL_ID = 'gen_ai.tool.call.id';

// Opt-in content attributes (only with content capture on). Structured (AnyValue) by default; JSON strings
// with the `contentFormat: 'json_string'` option.
export const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions';
export const ATTR_GEN_AI_INPUT_MESSAGES = 'gen_ai.input.messages';
export const ATTR_GEN_AI_OUTPUT_MESSAGES = 'gen_ai.output.messages';
export const ATTR_GEN_AI_TOOL_DEFINITIONS = 'gen_ai.tool.definitions';
export const ATTR_GEN_AI_TOOL_CALL_ARGUMENTS = 'gen_ai.tool.call.arguments';
export const ATTR_GEN_AI_TOOL_CALL_RESULT = 'gen_ai.tool.call.result';

/** Every attribute that can carry user/model content. None of them is ever set when capture is off. */
export const CONTENT_ATTRIBUTES: readonly string[] = [
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
];

// OpenAI refinement
export const ATTR_OPENAI_API_TYPE = 'openai.api.type';
export const OPENAI_API_TYPE_VALUE_RESPONSES = 'responses';
export const OPENAI_API_TYPE_VALUE_CHAT_COMPLETIONS = 'chat_completions';

// Stable attributes
export const ATTR_ERROR_TYPE = 'error.type';
export const ERROR_TYPE_VALUE_OTHER = '_OTHER';
export const ATTR_SERVER_ADDRESS = 'server.address';
export const ATTR_SERVER_PORT = 'server.port';

// ---------------------------------------------------------------------------------------------------------
// CUSTOM: guardrails (semconv-genai PR #427 + de-facto contrib v2 names; unreleased)
// ---------------------------------------------------------------------------------------------------------
export const ATTR_GEN_AI_GUARDRAIL_NAME = 'gen_ai.guardrail.name';
export const ATTR_GEN_AI_GUARDRAIL_TRIGGERED = 'gen_ai.guardrail.triggered';
export const ATTR_GEN_AI_GUARDRAIL_TARGET_TYPE = 'gen_ai.guardrail.target.type';
export const ATTR_GEN_AI_GUARDRAIL_VERDICT_TYPE = 'gen_ai.guardrail.verdict.type';
export const GUARDRAIL_TARGET_TYPE_VALUE_INPUT = 'input';
export const GUARDRAIL_TARGET_TYPE_VALUE_OUTPUT = 'output';
export const GUARDRAIL_VERDICT_TYPE_VALUE_ALLOW = 'allow';
export const GUARDRAIL_VERDICT_TYPE_VALUE_DENY = 'deny';

// ---------------------------------------------------------------------------------------------------------
// CUSTOM: handoffs (semconv-genai PR #98 attribute names; unreleased)
// ---------------------------------------------------------------------------------------------------------
export const ATTR_GEN_AI_AGENT_HANDOFF_SOURCE_NAME = 'gen_ai.agent.handoff.source.name';
export const ATTR_GEN_AI_AGENT_HANDOFF_TARGET_NAME = 'gen_ai.agent.handoff.target.name';

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------
export const GEN_AI_OPERATION_NAME_VALUE_CHAT = 'chat';
export const GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT = 'invoke_agent';
export const GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL = 'execute_tool';
/** CUSTOM (PR #427). */
export const GEN_AI_OPERATION_NAME_VALUE_RUN_GUARDRAIL = 'run_guardrail';
/** CUSTOM (no well-known value). */
export const GEN_AI_OPERATION_NAME_VALUE_HANDOFF = 'handoff';

export const GEN_AI_PROVIDER_NAME_VALUE_OPENAI = 'openai';
export const GEN_AI_TOKEN_TYPE_VALUE_INPUT = 'input';
export const GEN_AI_TOKEN_TYPE_VALUE_OUTPUT = 'output';
export const GEN_AI_OUTPUT_TYPE_VALUE_TEXT = 'text';
export const GEN_AI_OUTPUT_TYPE_VALUE_JSON = 'json';
export const GEN_AI_TOOL_TYPE_VALUE_FUNCTION = 'function';
/** Tools the agent runs itself that are not plain functions (computer, shell, MCP...). */
export const GEN_AI_TOOL_TYPE_VALUE_EXTENSION = 'extension';

/** Finish reasons of the v1.41 output-message schema. */
export const FINISH_REASON_STOP = 'stop';
export const FINISH_REASON_LENGTH = 'length';
export const FINISH_REASON_CONTENT_FILTER = 'content_filter';
export const FINISH_REASON_TOOL_CALL = 'tool_call';
export const FINISH_REASON_ERROR = 'error';

// ---------------------------------------------------------------------------------------------------------
// Span names: `{operation} {target}`
// ---------------------------------------------------------------------------------------------------------
export const spanNameInvokeAgent = (agentName: string | undefined): string =>
  agentName ? `${GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT} ${agentName}` : GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT;
export const spanNameChat = (model: string | undefined): string =>
  model ? `${GEN_AI_OPERATION_NAME_VALUE_CHAT} ${model}` : GEN_AI_OPERATION_NAME_VALUE_CHAT;
export const spanNameExecuteTool = (toolName: string): string =>
  `${GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL} ${toolName}`;
/** CUSTOM: `run_guardrail {name}` (PR #427). */
export const spanNameRunGuardrail = (guardrailName: string): string =>
  `${GEN_AI_OPERATION_NAME_VALUE_RUN_GUARDRAIL} ${guardrailName}`;
/** CUSTOM: `handoff {to_agent}`; `handoff from {from_agent}` while/if the target is unknown. */
export const spanNameHandoff = (toAgent: string | undefined, fromAgent: string | undefined): string =>
  toAgent
    ? `${GEN_AI_OPERATION_NAME_VALUE_HANDOFF} ${toAgent}`
    : `${GEN_AI_OPERATION_NAME_VALUE_HANDOFF} from ${fromAgent ?? 'agent'}`;

// ---------------------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------------------
export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION = 'gen_ai.client.operation.duration';
export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION_UNIT = 's';
export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION_DESCRIPTION = 'GenAI operation duration';
export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION_BUCKETS: readonly number[] = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/** Streaming only; same buckets as the duration; the duration's attributes without `error.type`. */
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK = 'gen_ai.client.operation.time_to_first_chunk';
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK_UNIT = 's';
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK_DESCRIPTION =
  'Time to receive the first chunk of a streamed response';

export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE = 'gen_ai.client.token.usage';
export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE_UNIT = '{token}';
export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE_DESCRIPTION = 'Number of input and output tokens used.';
export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE_BUCKETS: readonly number[] = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];

/**
 * CUSTOM: cache-read input tokens, as a monotonic Counter (`{token}`), recorded on chat operations only,
 * with the same attributes as the `gen_ai.client.token.usage` points (minus `gen_ai.token.type`).
 * The value is a SUBSET of the `input` token points, never an addition to them, so summing
 * `gen_ai.client.token.usage` stays correct. The name mirrors the counter proposed in the unreleased
 * semantic-conventions-genai token-metrics rewrite (`gen_ai.client.inference.usage.cache_read.input_tokens`).
 */
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS =
  'gen_ai.client.inference.usage.cache_read.input_tokens';
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS_UNIT = '{token}';
export const METRIC_GEN_AI_CLIENT_INFERENCE_USAGE_CACHE_READ_INPUT_TOKENS_DESCRIPTION =
  'Number of input tokens served from the provider prompt cache (subset of gen_ai.client.token.usage input).';

// ---------------------------------------------------------------------------------------------------------
// Events (log records)
// ---------------------------------------------------------------------------------------------------------
/** v1.41 `event.gen_ai.client.inference.operation.details`: one per chat, with content, as a log record. */
export const EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS = 'gen_ai.client.inference.operation.details';

// ---------------------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------------------
export const ENV_CAPTURE_MESSAGE_CONTENT = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
