/**
 * SDK `function` span → `execute_tool {name}` (INTERNAL). The call id is correlated from the latest model output of
 * the same turn (or set by `observe`); the description comes from the agent's known tools.
 */
import { type Attributes, type HrTime, SpanKind } from '@opentelemetry/api';
import { contentValue } from '../content.js';
import type { Entry, MapperEnv, SpanData, SpanMapper } from '../entry.js';
import { parseJsonLoose } from '../messages.js';
import * as sc from '../semconv.js';

/** `gen_ai.tool.type` of an SDK tool or tool definition type. */
export function toolType(sdkType: string | undefined): string {
  return sdkType === undefined || sdkType === 'function'
    ? sc.GEN_AI_TOOL_TYPE_VALUE_FUNCTION
    : sc.GEN_AI_TOOL_TYPE_VALUE_EXTENSION;
}

/** First unused call of this tool in the latest model output of the same turn. */
function claimToolCall(e: Entry, name: string): string | undefined {
  for (let p = e.parent; p; p = p.parent) {
    const pending = p.pendingToolCalls;
    if (pending) {
      const call = pending.find((c) => !c.used && c.name === name);
      if (call) {
        call.used = true;
        return call.id;
      }
    }
    if (p.kind === 'agent') break;
  }
  return undefined;
}

export const toolMapper: SpanMapper = {
  start(e: Entry, data: SpanData, env: MapperEnv): void {
    e.kind = 'tool';
    const name = typeof data.name === 'string' && data.name ? data.name : 'tool';
    const known = e.agent?.tools?.get(name);
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL,
      [sc.ATTR_GEN_AI_TOOL_NAME]: name,
      [sc.ATTR_GEN_AI_TOOL_TYPE]: toolType(known?.type),
    };
    if (known?.description) attrs[sc.ATTR_GEN_AI_TOOL_DESCRIPTION] = known.description;
    const callId = claimToolCall(e, name);
    if (callId) attrs[sc.ATTR_GEN_AI_TOOL_CALL_ID] = callId;
    env.emit(e, sc.spanNameExecuteTool(name), SpanKind.INTERNAL, attrs);
  },

  end(e: Entry, data: SpanData, _end: HrTime, errorType: string | undefined, env: MapperEnv): void {
    const span = e.otel;
    if (!span || !env.o.contentOnSpans) return;
    if (typeof data.input === 'string' && data.input) {
      span.setAttribute(sc.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS, contentValue(env.o, parseJsonLoose(data.input)));
    }
    if (!errorType && typeof data.output === 'string' && data.output) {
      span.setAttribute(sc.ATTR_GEN_AI_TOOL_CALL_RESULT, contentValue(env.o, parseJsonLoose(data.output)));
    }
  },
};
