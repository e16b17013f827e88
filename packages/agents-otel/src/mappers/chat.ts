/**
 * SDK `generation` / `response` span → `chat {request model}` (CLIENT by default).
 *
 * Attributes are built in two steps, each a plain function of the span data, so new ones slot in without touching
 * the lifecycle: {@link chatStartAttributes} (known when the call starts: operation, provider, model, server,
 * conversation) and {@link chatEndAttributes} (response, usage, finish reasons). Streaming attributes
 * (`gen_ai.request.stream`, time to first chunk) belong in these two functions.
 */
import type { Attributes, HrTime } from '@opentelemetry/api';
import { type ChatInfo, readChatInfo } from '../chat-data.js';
import { contentValue } from '../content.js';
import {
  conversationAttributes,
  type Entry,
  type MapperEnv,
  type SpanData,
  type SpanMapper,
  type ToolDefinition,
} from '../entry.js';
import { agentRequestModel } from '../options.js';
import * as sc from '../semconv.js';
import { readStreamFacts, streamAttributes } from '../streaming.js';
import { durationSeconds } from '../time.js';
import { addUsage, hasTokens } from '../usage.js';

export function chatStartAttributes(e: Entry, data: SpanData, env: MapperEnv, model: string | undefined): Attributes {
  const attrs: Attributes = {
    [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_CHAT,
    [sc.ATTR_GEN_AI_PROVIDER_NAME]: env.o.provider,
  };
  if (model) attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = model;
  if (env.o.serverAddress !== undefined) {
    attrs[sc.ATTR_SERVER_ADDRESS] = env.o.serverAddress;
    if (env.o.serverPort !== undefined) attrs[sc.ATTR_SERVER_PORT] = env.o.serverPort;
  }
  conversationAttributes(e, attrs);
  if (data.type === 'response' && env.o.isOpenAI) attrs[sc.ATTR_OPENAI_API_TYPE] = sc.OPENAI_API_TYPE_VALUE_RESPONSES;
  return attrs;
}

/**
 * Attributes known at the end of the call (no content), from the normalised `info` or the raw span `data` (e.g.
 * extension fields a model sets). Request parameters come from the request only.
 */
export function chatEndAttributes(info: ChatInfo, data: SpanData, env: MapperEnv, attrs: Attributes): void {
  for (const k in info.requestParams) {
    const v = info.requestParams[k];
    if (v !== undefined) attrs[k] = v;
  }
  if (info.responseId) attrs[sc.ATTR_GEN_AI_RESPONSE_ID] = info.responseId;
  if (info.responseModel) attrs[sc.ATTR_GEN_AI_RESPONSE_MODEL] = info.responseModel;
  if (info.finishReasons?.length) attrs[sc.ATTR_GEN_AI_RESPONSE_FINISH_REASONS] = info.finishReasons;
  if (info.apiType && env.o.isOpenAI) attrs[sc.ATTR_OPENAI_API_TYPE] = info.apiType;
  const stream = readStreamFacts(data);
  if (stream) Object.assign(attrs, streamAttributes(stream));
  const u = info.usage;
  if (u) {
    if (u.input !== undefined) attrs[sc.ATTR_GEN_AI_USAGE_INPUT_TOKENS] = u.input;
    if (u.output !== undefined) attrs[sc.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS] = u.output;
    if (u.cacheRead !== undefined) attrs[sc.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS] = u.cacheRead;
    if (u.cacheCreation !== undefined) attrs[sc.ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS] = u.cacheCreation;
    if (u.reasoning !== undefined) attrs[sc.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS] = u.reasoning;
  }
}

/** Opt-in content attributes of one chat; tool definitions fall back to the agent's known tools. */
function contentAttributes(info: ChatInfo, e: Entry, env: MapperEnv, attrs: Attributes): void {
  if (info.systemInstructions?.length)
    attrs[sc.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] = contentValue(env.o, info.systemInstructions);
  if (info.inputMessages?.length) attrs[sc.ATTR_GEN_AI_INPUT_MESSAGES] = contentValue(env.o, info.inputMessages);
  if (info.outputMessages?.length) attrs[sc.ATTR_GEN_AI_OUTPUT_MESSAGES] = contentValue(env.o, info.outputMessages);
  const defs = info.toolDefinitions?.length
    ? info.toolDefinitions
    : e.agent?.tools?.size
      ? [...e.agent.tools.values()]
      : undefined;
  if (defs) attrs[sc.ATTR_GEN_AI_TOOL_DEFINITIONS] = contentValue(env.o, defs);
}

function rememberTools(e: Entry, defs: ToolDefinition[] | undefined): void {
  if (!e.agent || e.agent.tools || !defs?.length) return;
  e.agent.tools = new Map(defs.map((d) => [d.name, d]));
}

export const chatMapper: SpanMapper = {
  start(e: Entry, data: SpanData, env: MapperEnv): void {
    e.kind = 'chat';
    const model = (typeof data.model === 'string' && data.model) || agentRequestModel(env.o, e.agent?.name);
    if (model) e.requestModel = model;
    const attrs = chatStartAttributes(e, data, env, model);
    if (env.o.contentInEvents) e.startAttrs = attrs;
    if (e.agent) e.agent.chats++;
    env.emit(e, sc.spanNameChat(model), env.o.modelKind, attrs);
  },

  end(e: Entry, data: SpanData, end: HrTime, errorType: string | undefined, env: MapperEnv): void {
    const span = e.otel;
    if (!span) return;
    const a = e.agent;
    // Tool definitions are read without content capture only until the agent's tools are known (descriptions).
    const info = readChatInfo(data, env.o.content, env.o.content || (a !== undefined && a.tools === undefined));
    rememberTools(e, info.toolDefinitions);
    let requestModel = e.requestModel;
    const nameModelBefore = requestModel;
    if (info.requestModel) requestModel = info.requestModel;
    if (!requestModel && info.responseModel) requestModel = info.responseModel;
    const attrs: Attributes = {};
    if (requestModel && requestModel !== nameModelBefore) {
      attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
      span.updateName(sc.spanNameChat(requestModel));
    }
    chatEndAttributes(info, data, env, attrs);
    span.setAttributes(attrs);
    if (env.o.content) {
      const content: Attributes = {};
      contentAttributes(info, e, env, content);
      if (env.o.contentOnSpans) span.setAttributes(content);
      if (env.o.contentInEvents) {
        const event = { ...e.startAttrs, ...attrs, ...content };
        if (errorType) event[sc.ATTR_ERROR_TYPE] = errorType;
        env.events.emit(event, e.ctx, end);
      }
    }
    // tool call ids for the function spans that follow in the same turn
    if (e.parent && info.toolCalls.length) e.parent.pendingToolCalls = info.toolCalls.map((c) => ({ ...c }));
    const u = info.usage;
    const tokens = hasTokens(u);
    if (a) {
      a.chatsEnded++;
      if (tokens) addUsage(a.chatUsage, u);
      else a.chatsWithoutUsage++;
      if (a.firstChatModel === undefined && requestModel) a.firstChatModel = requestModel;
      if (a.chatsEnded === 1) {
        if (info.systemInstructions) a.firstSystem = info.systemInstructions;
        if (info.inputMessages) a.firstInput = info.inputMessages;
      }
      if (info.outputMessages) a.lastOutput = info.outputMessages;
      if (info.finishReasons) a.lastFinishReasons = info.finishReasons;
      if (errorType) a.failedChat = errorType;
    }
    // metrics: token points carry error.type too when a failed call reported usage
    const m: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_CHAT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: env.o.provider,
    };
    if (requestModel) m[sc.ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
    if (info.responseModel) m[sc.ATTR_GEN_AI_RESPONSE_MODEL] = info.responseModel;
    if (env.o.serverAddress !== undefined) {
      m[sc.ATTR_SERVER_ADDRESS] = env.o.serverAddress;
      if (env.o.serverPort !== undefined) m[sc.ATTR_SERVER_PORT] = env.o.serverPort;
    }
    if (errorType) m[sc.ATTR_ERROR_TYPE] = errorType;
    e.metricAttrs = m;
    e.parent?.turnChats?.push({ entry: e, hadUsage: tokens });
    env.metrics.duration(durationSeconds(e.start, end), m, e.ctx);
    const stream = readStreamFacts(data);
    if (stream?.timeToFirstChunk !== undefined) env.metrics.timeToFirstChunk(stream.timeToFirstChunk, m, e.ctx);
    if (u) env.metrics.tokens(u, m, e.ctx);
  },
};
