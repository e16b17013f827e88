import { getCurrentSpan, withTrace } from '@openai/agents-core';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import {
  byName,
  createHarness,
  flush,
  installContextManager,
  makeAgent,
  one,
  parentId,
  piiCheck,
  runner,
  underResolver,
} from './helpers.js';

function idOf(s: ReadableSpan): string {
  return s.spanContext().spanId;
}

describe('AgentsContextManager', () => {
  it('nests spans opened inside a tool execute under execute_tool', async () => {
    const h = createHarness();
    const { agent } = makeAgent({ onTool: () => h.tracer.startSpan('db.query').end() });
    await underResolver(h.tracer, 'resolver', async () => runner().run(agent, 'Where is order 42?'));
    await flush(h);
    const spans = h.spans();
    const db = one(spans, 'db.query');
    const tool = one(spans, 'execute_tool lookup_order');
    expect(parentId(db)).toBe(idOf(tool));
    expect(db.spanContext().traceId).toBe(tool.spanContext().traceId);
  });

  it('nests spans opened inside a custom Model getResponse (withGenerationSpan) under chat', async () => {
    const h = createHarness();
    const { agent } = makeAgent({ onCall: (n) => h.tracer.startSpan(`http.request ${n}`).end() });
    await underResolver(h.tracer, 'resolver', async () => runner().run(agent, 'Where is order 42?'));
    await flush(h);
    const spans = h.spans();
    const chats = byName(spans, 'chat gpt-4.1-mini');
    const byResponse = (id: string) => chats.find((c) => c.attributes['gen_ai.response.id'] === id)!;
    expect(parentId(one(spans, 'http.request 1'))).toBe(idOf(byResponse('resp_1')));
    expect(parentId(one(spans, 'http.request 2'))).toBe(idOf(byResponse('resp_2')));
  });

  it('nests spans opened inside a guardrail under run_guardrail', async () => {
    const h = createHarness();
    const { agent } = makeAgent({
      inputGuardrails: [
        {
          name: 'remote_check',
          execute: async (args) => {
            h.tracer.startSpan('moderation.call').end();
            return piiCheck.execute(args);
          },
        },
      ],
    });
    await underResolver(h.tracer, 'resolver', async () => runner().run(agent, 'Where is order 42?'));
    await flush(h);
    const spans = h.spans();
    expect(parentId(one(spans, 'moderation.call'))).toBe(idOf(one(spans, 'run_guardrail remote_check')));
  });

  it('respects an OTel context changed inside the run (startActiveSpan inside a tool)', async () => {
    const h = createHarness();
    const { agent } = makeAgent({
      onTool: () =>
        h.tracer.startActiveSpan('manual.step', (step) => {
          h.tracer.startSpan('db.inner').end();
          step.end();
        }),
    });
    await underResolver(h.tracer, 'resolver', async () => runner().run(agent, 'Where is order 42?'));
    await flush(h);
    const spans = h.spans();
    expect(parentId(one(spans, 'manual.step'))).toBe(idOf(one(spans, 'execute_tool lookup_order')));
    expect(parentId(one(spans, 'db.inner'))).toBe(idOf(one(spans, 'manual.step')));
  });

  it('outside any run behaves exactly like the inner manager', async () => {
    const h = createHarness();
    const cm = installContextManager();
    expect(context.active()).toBe(cm.inner.active());
    expect(context.active()).toBe(ROOT_CONTEXT);
    await underResolver(h.tracer, 'outer', async (outer) => {
      expect(context.active()).toBe(cm.inner.active());
      expect(trace.getSpan(context.active())).toBe(outer);
      const child = h.tracer.startSpan('child');
      child.end();
      await Promise.resolve();
      expect(trace.getSpan(context.active())).toBe(outer);
    });
    const spans = h.spans();
    expect(parentId(one(spans, 'child'))).toBe(idOf(one(spans, 'outer')));
    // bind/with delegate
    const ctx = trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext(one(spans, 'outer').spanContext()));
    const bound = context.bind(ctx, () => context.active());
    expect(bound()).toBe(ctx);
    expect(context.with(ctx, () => context.active())).toBe(ctx);
  });

  it('an SDK trace/span with no mapped OTel span leaves the inner context untouched', async () => {
    const h = createHarness();
    const cm = installContextManager();
    await withTrace('manual workflow', async () => {
      // current SDK span is null here: only the trace is active
      expect(getCurrentSpan()).toBeNull();
      expect(context.active()).toBe(cm.inner.active());
    });
    expect(h.spans()).toHaveLength(0);
  });
});
