import {
  Agent,
  type Model,
  type ModelRequest,
  type ModelResponse,
  type StreamEvent,
  Usage,
  withGenerationSpan,
} from '@openai/agents-core';
import { SpanKind } from '@opentelemetry/api';
import { expect, it } from 'vitest';
import * as sc from '../src/semconv.js';
import { createHarness, flush, one, parentId, runner, underResolver } from './helpers.js';

/** Returns `output` once, inside a generation span. */
class OneShotModel implements Model {
  readonly #model: string;
  readonly #output: unknown[];
  constructor(model: string, output: unknown[]) {
    this.#model = model;
    this.#output = output;
  }
  async getResponse(_request: ModelRequest): Promise<ModelResponse> {
    return withGenerationSpan(
      async (span) => {
        span.spanData.output = this.#output as Array<Record<string, unknown>>;
        span.spanData.usage = { input_tokens: 10, output_tokens: 5 };
        return {
          output: this.#output as ModelResponse['output'],
          usage: new Usage({ requests: 1, inputTokens: 10, outputTokens: 5, totalTokens: 15 }),
        };
      },
      { data: { model: this.#model } },
    );
  }
  // eslint-disable-next-line require-yield
  async *getStreamedResponse(): AsyncIterable<StreamEvent> {
    throw new Error('not used');
  }
}

it('maps a handoff to `handoff {to_agent}` under the source invoke_agent, target gets its own invoke_agent', async () => {
  const h = createHarness({ modelSpanKind: SpanKind.INTERNAL });
  const billing = new Agent({
    name: 'BillingAgent',
    model: new OneShotModel('billing-model', [
      {
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Refund issued.' }],
      },
    ]),
  });
  const triage = new Agent({
    name: 'TriageAgent',
    handoffs: [billing],
    model: new OneShotModel('triage-model', [
      {
        type: 'function_call',
        callId: 'call_h',
        name: 'transfer_to_BillingAgent',
        arguments: '{}',
        status: 'completed',
      },
    ]),
  });
  let resolverId = '';
  const result = await underResolver(h.tracer, 'resolver', async (span) => {
    resolverId = span.spanContext().spanId;
    return runner().run(triage, 'I want a refund');
  });
  await flush(h);
  expect(result.finalOutput).toBe('Refund issued.');
  const spans = h.spans();
  const triageSpan = one(spans, 'invoke_agent TriageAgent');
  const billingSpan = one(spans, 'invoke_agent BillingAgent');
  const handoff = one(spans, 'handoff BillingAgent');
  expect(parentId(triageSpan)).toBe(resolverId);
  expect(parentId(billingSpan)).toBe(resolverId);
  expect(parentId(handoff)).toBe(triageSpan.spanContext().spanId);
  expect(handoff.kind).toBe(SpanKind.INTERNAL);
  expect(handoff.attributes).toEqual({
    'gen_ai.operation.name': 'handoff',
    'gen_ai.agent.handoff.source.name': 'TriageAgent',
    'gen_ai.agent.handoff.target.name': 'BillingAgent',
    'gen_ai.conversation.id': 'session-1',
  });
  expect(parentId(one(spans, 'chat triage-model'))).toBe(triageSpan.spanContext().spanId);
  expect(parentId(one(spans, 'chat billing-model'))).toBe(billingSpan.spanContext().spanId);
  expect(triageSpan.attributes[sc.ATTR_GEN_AI_REQUEST_MODEL]).toBe('triage-model');
  expect(billingSpan.attributes[sc.ATTR_GEN_AI_REQUEST_MODEL]).toBe('billing-model');
  for (const s of spans) expect(['handoff', 'unknown', 'turn', 'task']).not.toContain(s.name);
});
