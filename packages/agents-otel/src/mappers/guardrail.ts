/**
 * SDK `guardrail` span → `run_guardrail {name}` (INTERNAL; custom, semconv-genai PR #427). A trip is a handled
 * outcome: the guardrail span keeps status UNSET and the agent span fails with the tripwire class.
 */
import { type Attributes, type HrTime, SpanKind } from '@opentelemetry/api';
import { conversationAttributes, type Entry, type MapperEnv, type SpanData, type SpanMapper } from '../entry.js';
import * as sc from '../semconv.js';

export const guardrailMapper: SpanMapper = {
  start(e: Entry, data: SpanData, env: MapperEnv): void {
    e.kind = 'guardrail';
    const name = typeof data.name === 'string' && data.name ? data.name : 'guardrail';
    // The SDK does not say input vs output: output guardrails run after the agent's final model call,
    // input guardrails before or concurrently with its first one.
    const target =
      e.agent && e.agent.chatsEnded > 0 ? sc.GUARDRAIL_TARGET_TYPE_VALUE_OUTPUT : sc.GUARDRAIL_TARGET_TYPE_VALUE_INPUT;
    e.agent?.guardrailTargets.set(name, target);
    const attrs: Attributes = {
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_NAME_VALUE_RUN_GUARDRAIL,
      [sc.ATTR_GEN_AI_GUARDRAIL_NAME]: name,
      [sc.ATTR_GEN_AI_GUARDRAIL_TARGET_TYPE]: target,
    };
    if (e.agent) attrs[sc.ATTR_GEN_AI_AGENT_NAME] = e.agent.name;
    conversationAttributes(e, attrs);
    env.emit(e, sc.spanNameRunGuardrail(name), SpanKind.INTERNAL, attrs);
  },

  end(e: Entry, data: SpanData, _end: HrTime, _errorType: string | undefined, _env: MapperEnv): void {
    const span = e.otel;
    if (!span) return;
    const triggered = data.triggered === true;
    span.setAttribute(sc.ATTR_GEN_AI_GUARDRAIL_TRIGGERED, triggered);
    span.setAttribute(
      sc.ATTR_GEN_AI_GUARDRAIL_VERDICT_TYPE,
      triggered ? sc.GUARDRAIL_VERDICT_TYPE_VALUE_DENY : sc.GUARDRAIL_VERDICT_TYPE_VALUE_ALLOW,
    );
    if (triggered && e.agent) {
      const name = typeof data.name === 'string' ? data.name : 'guardrail';
      e.agent.tripped = { name, target: e.agent.guardrailTargets.get(name) ?? sc.GUARDRAIL_TARGET_TYPE_VALUE_INPUT };
    }
  },
};
