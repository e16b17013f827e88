/**
 * Normalised view of the model-call span data (`generation` / `response`) of the Agents SDK.
 */
import type { Attributes } from '@opentelemetry/api';
import {
  type ChatMessage,
  finishReasonFromItems,
  normalizeFinishReason,
  type OutputMessage,
  type Part,
  splitSystemInstructions,
  type ToolCallInfo,
  toChatMessages,
  toolCallsFromItems,
  toSystemInstructionParts,
} from './messages.js';
import {
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_K,
  ATTR_GEN_AI_REQUEST_TOP_P,
  FINISH_REASON_CONTENT_FILTER,
  FINISH_REASON_LENGTH,
  OPENAI_API_TYPE_VALUE_CHAT_COMPLETIONS,
  OPENAI_API_TYPE_VALUE_RESPONSES,
} from './semconv.js';
import { readUsage, type UsageInfo } from './usage.js';

export type ChatInfo = {
  requestModel?: string;
  responseModel?: string;
  responseId?: string;
  usage?: UsageInfo;
  finishReasons?: string[];
  apiType?: string;
  requestParams: Attributes;
  systemInstructions?: Part[];
  inputMessages?: ChatMessage[];
  outputMessages?: OutputMessage[];
  toolDefinitions?: Array<{ type: string; name: string; description?: string }>;
  toolCalls: ToolCallInfo[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const int = (v: unknown): number | undefined => {
  const n = num(v);
  return n === undefined ? undefined : Math.trunc(n);
};

function requestParams(cfg: unknown): Attributes {
  const a: Attributes = {};
  if (!isObj(cfg)) return a;
  const put = (key: string, v: unknown, asInt = false): void => {
    const n = asInt ? int(v) : num(v);
    if (n !== undefined) a[key] = n;
  };
  put(ATTR_GEN_AI_REQUEST_TEMPERATURE, cfg.temperature);
  put(ATTR_GEN_AI_REQUEST_TOP_P, cfg.top_p ?? cfg.topP);
  put(ATTR_GEN_AI_REQUEST_TOP_K, cfg.top_k ?? cfg.topK);
  put(ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, cfg.frequency_penalty ?? cfg.frequencyPenalty);
  put(ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, cfg.presence_penalty ?? cfg.presencePenalty);
  put(
    ATTR_GEN_AI_REQUEST_MAX_TOKENS,
    cfg.max_tokens ?? cfg.maxTokens ?? cfg.max_output_tokens ?? cfg.max_completion_tokens,
    true,
  );
  put(ATTR_GEN_AI_REQUEST_SEED, cfg.seed, true);
  const stop = cfg.stop ?? cfg.stop_sequences ?? cfg.stopSequences;
  if (typeof stop === 'string') a[ATTR_GEN_AI_REQUEST_STOP_SEQUENCES] = [stop];
  else if (Array.isArray(stop) && stop.every((s) => typeof s === 'string'))
    a[ATTR_GEN_AI_REQUEST_STOP_SEQUENCES] = stop as string[];
  return a;
}

function isChatCompletion(v: unknown): v is Obj {
  return isObj(v) && Array.isArray(v.choices);
}
function isResponseObject(v: unknown): v is Obj {
  return isObj(v) && Array.isArray(v.output) && (v.object === 'response' || typeof v.status === 'string');
}

function responseFinishReason(resp: Obj, items: unknown[]): string {
  if (resp.status === 'incomplete') {
    const reason = isObj(resp.incomplete_details) ? resp.incomplete_details.reason : undefined;
    if (reason === 'content_filter') return FINISH_REASON_CONTENT_FILTER;
    return normalizeFinishReason(reason) ?? FINISH_REASON_LENGTH;
  }
  return finishReasonFromItems(items, resp.status);
}

function fromResponseObject(info: ChatInfo, resp: Obj, content: boolean, tools: boolean): void {
  const id = str(resp.id);
  if (id) info.responseId = id;
  const model = str(resp.model);
  if (model) info.responseModel = model;
  const usage = readUsage(resp.usage);
  if (usage) info.usage = usage;
  const items = Array.isArray(resp.output) ? resp.output : [];
  const reason = responseFinishReason(resp, items);
  info.finishReasons = [reason];
  info.toolCalls = toolCallsFromItems(items);
  if (content) {
    info.outputMessages = [
      { role: 'assistant', parts: toChatMessages(items).flatMap((m) => m.parts), finish_reason: reason },
    ];
    const sys = toSystemInstructionParts(resp.instructions);
    if (sys.length) info.systemInstructions = sys;
  }
  if (tools && Array.isArray(resp.tools)) info.toolDefinitions = toolDefinitions(resp.tools);
  // No request parameters from here: a response object echoes the server's defaults (temperature 1, top_p 1)
  // for parameters the request never set, and `gen_ai.request.*` must describe the request only.
}

function fromChatCompletion(info: ChatInfo, cc: Obj, content: boolean): void {
  const id = str(cc.id);
  if (id) info.responseId = id;
  const model = str(cc.model);
  if (model) info.responseModel = model;
  const usage = readUsage(cc.usage);
  if (usage) info.usage = usage;
  const choices = (cc.choices as unknown[]).filter(isObj);
  const messages: OutputMessage[] = [];
  const reasons: string[] = [];
  for (const c of choices) {
    const reason =
      normalizeFinishReason(c.finish_reason) ??
      (isObj(c.message) && Array.isArray(c.message.tool_calls) && c.message.tool_calls.length ? 'tool_call' : 'stop');
    reasons.push(reason);
    if (content) {
      const parts = toChatMessages(isObj(c.message) ? [{ ...c.message, role: 'assistant' }] : []).flatMap(
        (m) => m.parts,
      );
      messages.push({ role: 'assistant', parts, finish_reason: reason });
    }
    if (isObj(c.message)) info.toolCalls.push(...toolCallsFromItems([c.message]));
  }
  info.finishReasons = reasons;
  if (content) info.outputMessages = messages;
  info.apiType = OPENAI_API_TYPE_VALUE_CHAT_COMPLETIONS;
}

/** Tool definitions in the spec's schema; `parameters` are left out, as the spec recommends by default. */
function toolDefinitions(tools: unknown[]): NonNullable<ChatInfo['toolDefinitions']> {
  return tools.filter(isObj).map((t) => ({
    type: str(t.type) ?? 'function',
    name: str(t.name) ?? str(t.type) ?? 'tool',
    ...(str(t.description) ? { description: str(t.description) } : {}),
  }));
}

/**
 * Extract everything we can from a generation or response span's data. Message content (input,
 * output and system messages, tool definitions) is only converted when `content` is true: with
 * capture off that work, which grows with the conversation's history, is skipped entirely.
 */
export function readChatInfo(data: Obj, content = true, tools = content): ChatInfo {
  const info: ChatInfo = { requestParams: {}, toolCalls: [] };
  if (data.type === 'response') {
    info.apiType = OPENAI_API_TYPE_VALUE_RESPONSES;
    const id = str(data.response_id);
    if (id) info.responseId = id;
    if (isObj(data._response)) fromResponseObject(info, data._response, content, tools);
    // Responses takes `instructions` separately (read above); system or developer items in the input are
    // part of the history sent, so they stay in the input messages.
    if (content && data._input !== undefined) info.inputMessages = toChatMessages(data._input);
    return info;
  }
  // generation
  const model = str(data.model);
  if (model) info.requestModel = model;
  Object.assign(info.requestParams, requestParams(data.model_config));
  const output = Array.isArray(data.output) ? data.output : undefined;
  if (output) {
    const cc = output.find(isChatCompletion);
    const resp = output.find(isResponseObject);
    if (cc) fromChatCompletion(info, cc, content);
    else if (resp) fromResponseObject(info, resp, content, tools);
    else {
      const reason = finishReasonFromItems(output);
      info.finishReasons = [reason];
      if (content)
        info.outputMessages = [
          { role: 'assistant', parts: toChatMessages(output).flatMap((m) => m.parts), finish_reason: reason },
        ];
      info.toolCalls = toolCallsFromItems(output);
    }
  }
  if (content && Array.isArray(data.input)) {
    const messages = toChatMessages(data.input);
    if (info.apiType === OPENAI_API_TYPE_VALUE_CHAT_COMPLETIONS) {
      // Chat Completions has no separate instructions: the system message is part of the history sent.
      info.inputMessages = messages;
    } else {
      // Other models take the SDK's systemInstructions separately and prepend them.
      const { system, rest } = splitSystemInstructions(messages);
      info.inputMessages = rest;
      if (system.length) info.systemInstructions = system;
    }
  }
  const usage = readUsage(data.usage);
  if (usage) info.usage = { ...info.usage, ...usage };
  // Extension fields a custom model may put on its generation span data.
  const rid = str(data.response_id);
  if (rid) info.responseId = rid;
  const rmodel = str(data.response_model);
  if (rmodel) info.responseModel = rmodel;
  if (tools && Array.isArray(data.tools) && !info.toolDefinitions) info.toolDefinitions = toolDefinitions(data.tools);
  return info;
}
