/**
 * SDK `agent` span → `invoke_agent {name}` (INTERNAL). Usage, finish reasons and content roll up from its chats.
 */
import { type Attributes, type HrTime, SpanKind } from '@opentelemetry/api';
import { contentValue } from '../content.js';
import {
  conversationAttributes,
  type Entry,
  type MapperEnv,
  newAgentState,
  type SpanData,
  type SpanMapper,
} from '../entry.js';
import { agentRequestModel } from '../options.js';
import * as sc from '../semconv.js';
import { durationSeconds } from '../time.js';

export const agentMapper: SpanMapper = {
  start(e: Entry, data: SpanData, env: MapperEnv): void {
    const name = typeof data.name === 'string' && data.name ? data.name : 'Agent';
    const requestModel = agentRequestModel(env.o, name);
    e.kind = 'agent';
    e.agent = newAgentState(name, requestModel);
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: env.o.provider,
      [sc.ATTR_GEN_AI_AGENT_NAME]: name,
    };
    if (requestModel) attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
    conversationAttributes(e, attrs);
    if (typeof data.output_type === 'string' && data.output_type) {
      attrs[sc.ATTR_GEN_AI_OUTPUT_TYPE] =
        data.output_type === 'text' ? sc.GEN_AI_OUTPUT_TYPE_VALUE_TEXT : sc.GEN_AI_OUTPUT_TYPE_VALUE_JSON;
    }
    env.emit(e, sc.spanNameInvokeAgent(name), SpanKind.INTERNAL, attrs);
  },

  end(e: Entry, data: SpanData, end: HrTime, errorType: string | undefined, env: MapperEnv): void {
    const span = e.otel;
    const a = e.agent;
    if (!span || !a) return;
    const requestModel = a.requestModel ?? a.firstChatModel;
    if (requestModel && !a.requestModel) span.setAttribute(sc.ATTR_GEN_AI_REQUEST_MODEL, requestModel);
    const usage =
      a.chats > 0 && a.chatsWithoutUsage === 0 && a.chatUsage.reported
        ? a.chatUsage
        : a.turnUsage.reported
          ? a.turnUsage
          : undefined;
    if (usage) {
      span.setAttribute(sc.ATTR_GEN_AI_USAGE_INPUT_TOKENS, usage.input);
      span.setAttribute(sc.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, usage.output);
      const cacheRead = usage.cacheRead ?? a.chatUsage.cacheRead;
      if (cacheRead !== undefined) span.setAttribute(sc.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, cacheRead);
      if (a.chatUsage.reasoning !== undefined)
        span.setAttribute(sc.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, a.chatUsage.reasoning);
    }
    if (a.lastFinishReasons?.length) span.setAttribute(sc.ATTR_GEN_AI_RESPONSE_FINISH_REASONS, a.lastFinishReasons);
    if (env.o.contentOnSpans) {
      if (a.firstSystem?.length)
        span.setAttribute(sc.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, contentValue(env.o, a.firstSystem));
      if (a.firstInput?.length) span.setAttribute(sc.ATTR_GEN_AI_INPUT_MESSAGES, contentValue(env.o, a.firstInput));
      if (a.lastOutput?.length) span.setAttribute(sc.ATTR_GEN_AI_OUTPUT_MESSAGES, contentValue(env.o, a.lastOutput));
      const defs = toolDefinitions(a.tools, data.tools);
      if (defs.length) span.setAttribute(sc.ATTR_GEN_AI_TOOL_DEFINITIONS, contentValue(env.o, defs));
    }
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: env.o.provider,
    };
    if (requestModel) attrs[sc.ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
    if (errorType) attrs[sc.ATTR_ERROR_TYPE] = errorType;
    env.metrics.duration(durationSeconds(e.start, end), attrs, e.ctx);
  },
};

/** The agent's tools in the ToolDefinitions schema: known definitions (type, description) or bare function names. */
function toolDefinitions(
  known: Map<string, { type: string; name: string; description?: string }> | undefined,
  names: unknown,
): unknown[] {
  const list = Array.isArray(names) ? names.filter((t): t is string => typeof t === 'string') : [];
  return list.map((name) => known?.get(name) ?? { type: sc.GEN_AI_TOOL_TYPE_VALUE_FUNCTION, name });
}
