import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SpanTreeProcessor } from '../src/span-tree.js';

describe('the local span-tree view', () => {
  let printed: string[];
  let provider: TracerProvider;
  const manager = new AsyncLocalStorageContextManager();
  beforeEach(() => {
    printed = [];
    provider = new TracerProvider({ spanProcessors: [new SpanTreeProcessor({ write: (t) => printed.push(t) })] });
    context.setGlobalContextManager(manager.enable());
  });
  afterEach(async () => {
    await provider.shutdown();
    context.disable();
  });

  const t0 = new Date('2026-01-01T00:00:00.000Z').getTime();
  const at = (ms: number) => t0 + ms;

  test('prints one tree per finished request, children in start order, with the key gen_ai attributes', () => {
    const tracer = provider.getTracer('test');
    const root = tracer.startSpan('POST', {
      kind: SpanKind.SERVER,
      startTime: at(0),
      attributes: { 'http.response.status_code': 200 },
    });
    const rootCtx = trace.setSpan(context.active(), root);
    const agent = tracer.startSpan(
      'invoke_agent Bot',
      { startTime: at(1), attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.conversation.id': 's1' } },
      rootCtx,
    );
    const agentCtx = trace.setSpan(rootCtx, agent);
    const second = tracer.startSpan(
      'execute_tool add',
      { startTime: at(5), attributes: { 'gen_ai.tool.call.id': 'call_1' } },
      agentCtx,
    );
    const first = tracer.startSpan(
      'chat m',
      {
        kind: SpanKind.CLIENT,
        startTime: at(2),
        attributes: {
          'gen_ai.usage.input_tokens': 10,
          'gen_ai.usage.output_tokens': 3,
          'gen_ai.usage.cache_read.input_tokens': 0,
          'gen_ai.response.finish_reasons': ['tool_call'],
          'gen_ai.conversation.id': 's1',
        },
      },
      agentCtx,
    );
    first.end(at(4));
    second.setStatus({ code: SpanStatusCode.ERROR });
    second.setAttribute('error.type', 'RangeError');
    second.end(at(6.5));
    agent.end(at(8));
    expect(printed).toEqual([]); // nothing until the request's root span ends
    root.end(at(250));

    expect(printed).toHaveLength(1);
    expect(printed[0]).toBe(
      [
        `trace ${root.spanContext().traceId}`,
        'POST SERVER  250 ms  status=200',
        '└─ invoke_agent Bot  7.0 ms  session=s1',
        '   ├─ chat m CLIENT  2.0 ms  in=10 out=3 finish=tool_call',
        '   └─ execute_tool add  1.5 ms  call=call_1 error=RangeError',
        '',
      ].join('\n'),
    );
  });

  test('concurrent traces are kept apart', () => {
    const tracer = provider.getTracer('test');
    const a = tracer.startSpan('A', { startTime: at(0) });
    const b = tracer.startSpan('B', { startTime: at(0) });
    tracer.startSpan('a-child', { startTime: at(1) }, trace.setSpan(context.active(), a)).end(at(2));
    tracer.startSpan('b-child', { startTime: at(1) }, trace.setSpan(context.active(), b)).end(at(2));
    b.end(at(3));
    a.end(at(3));
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('B  3.0 ms\n└─ b-child');
    expect(printed[1]).toContain('A  3.0 ms\n└─ a-child');
    expect(printed[0]).not.toContain('a-child');
    expect(printed[1]).not.toContain('b-child');
  });

  test('a lone internal span (start-up work such as graphql.parseSchema) prints nothing', () => {
    const tracer = provider.getTracer('test');
    tracer.startSpan('graphql.parseSchema', { startTime: at(0) }).end(at(5));
    expect(printed).toEqual([]);
    tracer.startSpan('GET', { kind: SpanKind.SERVER, startTime: at(0) }).end(at(1));
    expect(printed).toHaveLength(1);
  });
});
