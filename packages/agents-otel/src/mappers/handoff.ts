/**
 * SDK `handoff` span → `handoff {to_agent}` (INTERNAL; custom, attribute names from semconv-genai PR #98).
 */
import { type Attributes, type HrTime, SpanKind } from '@opentelemetry/api';
import { conversationAttributes, type Entry, type MapperEnv, type SpanData, type SpanMapper } from '../entry.js';
import * as sc from '../semconv.js';

const names = (e: Entry, data: SpanData) => ({
  from: typeof data.from_agent === 'string' ? data.from_agent : e.agent?.name,
  to: typeof data.to_agent === 'string' ? data.to_agent : undefined,
});

export const handoffMapper: SpanMapper = {
  start(e: Entry, data: SpanData, env: MapperEnv): void {
    e.kind = 'handoff';
    const { from, to } = names(e, data);
    const attrs: Attributes = { [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_HANDOFF };
    if (from) attrs[sc.ATTR_GEN_AI_AGENT_HANDOFF_SOURCE_NAME] = from;
    if (to) attrs[sc.ATTR_GEN_AI_AGENT_HANDOFF_TARGET_NAME] = to;
    conversationAttributes(e, attrs);
    env.emit(e, sc.spanNameHandoff(to, from), SpanKind.INTERNAL, attrs);
  },

  end(e: Entry, data: SpanData, _end: HrTime, _errorType: string | undefined, _env: MapperEnv): void {
    const span = e.otel;
    if (!span) return;
    const { from, to } = names(e, data);
    if (from) span.setAttribute(sc.ATTR_GEN_AI_AGENT_HANDOFF_SOURCE_NAME, from);
    if (to) {
      span.setAttribute(sc.ATTR_GEN_AI_AGENT_HANDOFF_TARGET_NAME, to);
      span.updateName(sc.spanNameHandoff(to, from));
    }
  },
};
