import { setTimeout as sleep } from 'node:timers/promises';
import {
  Agent,
  type AgentInputItem,
  type InputGuardrail,
  type Model,
  type ModelRequest,
  type ModelResponse,
  Runner,
  type StreamEvent,
  setTraceProcessors,
  setTracingDisabled,
  tool,
  Usage,
  withGenerationSpan,
} from '@openai/agents-core';
import { context, type Span as OtelSpan, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  type DataPoint,
  type Histogram,
  MeterProvider,
  type MetricData,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { vi } from 'vitest';
import { z } from 'zod';
import { AgentsContextManager } from '../src/context-manager.js';
import type { AgentsOtelOptions } from '../src/options.js';
import { AgentsOtelProcessor } from '../src/processor.js';

class TestMetricReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

let contextManager: AgentsContextManager | undefined;

/** Installs the global context manager once per test file (AgentsContextManager over AsyncLocalStorage). */
export function installContextManager(): AgentsContextManager {
  if (!contextManager) {
    contextManager = new AgentsContextManager(new AsyncLocalStorageContextManager()).enable();
    context.setGlobalContextManager(contextManager);
  }
  return contextManager;
}

export interface Harness {
  exporter: InMemorySpanExporter;
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
  reader: TestMetricReader;
  tracer: Tracer;
  processor: AgentsOtelProcessor;
  spans(): ReadableSpan[];
  metrics(): Promise<MetricData[]>;
}

/** Fresh OTel SDK (in-memory exporter + metric reader) and a fresh processor installed as the only SDK processor. */
export function createHarness(options: AgentsOtelOptions = {}): Harness {
  installContextManager();
  setTracingDisabled(false); // vitest sets NODE_ENV=test, which disables SDK tracing by default
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const reader = new TestMetricReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const processor = new AgentsOtelProcessor({ tracerProvider, meterProvider, ...options });
  setTraceProcessors([processor]);
  return {
    exporter,
    tracerProvider,
    meterProvider,
    reader,
    tracer: tracerProvider.getTracer('test'),
    processor,
    spans: () => exporter.getFinishedSpans(),
    metrics: async () => {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scripted offline model: call #1 → function_call lookup_order, call #2 → final text.
// ---------------------------------------------------------------------------------------------------------

export const MODEL = 'gpt-4.1-mini';
export const RESPONSE_MODEL = 'gpt-4.1-mini-2025-04-14';
export const INSTRUCTIONS = 'You are a support agent. Use tools.';
export const FINAL_TEXT = 'Order 42 has shipped.';

export interface ScriptOptions {
  /** Called inside getResponse (inside the generation span). */
  onCall?: (callIndex: number) => void | Promise<void>;
  /** Throw this from the given call (1-based). */
  failOn?: { call: number; error: Error };
  delayMs?: number;
  /** Label added to the final text, to tell concurrent runs apart. */
  label?: string;
  /** Do not put usage on the generation span (only the ModelResponse carries it). */
  noSpanUsage?: boolean;
}

export class ScriptedModel implements Model {
  calls = 0;
  readonly requests: ModelRequest[] = [];
  readonly #opts: ScriptOptions;
  constructor(opts: ScriptOptions = {}) {
    this.#opts = opts;
  }

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const call = ++this.calls;
    this.requests.push(request);
    return withGenerationSpan(
      async (span) => {
        if (this.#opts.delayMs) await sleep(this.#opts.delayMs);
        await this.#opts.onCall?.(call);
        if (this.#opts.failOn?.call === call) throw this.#opts.failOn.error;
        const items = typeof request.input === 'string' ? [{ role: 'user', content: request.input }] : request.input;
        const done = (items as AgentInputItem[]).some((i) => 'type' in i && i.type === 'function_call_result');
        const output = done
          ? [
              {
                type: 'message',
                role: 'assistant',
                status: 'completed',
                id: `msg_${call}`,
                content: [
                  { type: 'output_text', text: this.#opts.label ? `${FINAL_TEXT} (${this.#opts.label})` : FINAL_TEXT },
                ],
              },
            ]
          : [
              {
                type: 'function_call',
                id: `fc_${call}`,
                callId: 'call_1',
                name: 'lookup_order',
                arguments: '{"orderId":"42"}',
                status: 'completed',
              },
            ];
        const inputTokens = done ? 160 : 120;
        const outputTokens = done ? 25 : 18;
        const usage = new Usage({
          requests: 1,
          inputTokens,
          outputTokens,
          totalTokens: inputTokens + outputTokens,
          ...(done ? {} : { inputTokensDetails: { cached_tokens: 0 } }),
        });
        if (request.tracing === true) {
          span.spanData.input = [
            ...(request.systemInstructions ? [{ role: 'system', content: request.systemInstructions }] : []),
            ...(items as Array<Record<string, unknown>>),
          ];
          span.spanData.output = output;
        }
        if (!this.#opts.noSpanUsage)
          span.spanData.usage = {
            input_tokens: inputTokens,
            output_tokens: outputTokens,
            ...(done ? {} : { details: { cached_tokens: 0 } }),
          };
        Object.assign(span.spanData, { response_id: `resp_${call}`, response_model: RESPONSE_MODEL });
        return { output: output as ModelResponse['output'], usage, responseId: `resp_${call}` };
      },
      { data: { model: MODEL, model_config: { temperature: 0.2 } } },
    );
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const r = await this.getResponse(request);
    yield {
      type: 'response_done',
      response: {
        id: r.responseId ?? 'resp',
        usage: {
          requests: 1,
          inputTokens: r.usage.inputTokens,
          outputTokens: r.usage.outputTokens,
          totalTokens: r.usage.totalTokens,
        },
        output: r.output,
      },
    } as StreamEvent;
  }
}

export const piiCheck: InputGuardrail = {
  name: 'pii_check',
  execute: async ({ input }) => ({
    tripwireTriggered: /ssn/i.test(typeof input === 'string' ? input : JSON.stringify(input)),
    outputInfo: { checked: true },
  }),
};

export interface AgentOptions extends ScriptOptions {
  /** Called inside the tool's execute. */
  onTool?: () => void | Promise<void>;
  toolError?: Error;
  inputGuardrails?: InputGuardrail[];
}

export function makeAgent(opts: AgentOptions = {}): { agent: Agent; model: ScriptedModel } {
  const model = new ScriptedModel(opts);
  const lookupOrder = tool({
    name: 'lookup_order',
    description: 'Look up an order by id',
    parameters: z.object({ orderId: z.string() }),
    execute: async ({ orderId }) => {
      await opts.onTool?.();
      if (opts.toolError) throw opts.toolError;
      return { orderId, status: 'shipped' };
    },
  });
  const agent = new Agent({
    name: 'SupportAgent',
    instructions: INSTRUCTIONS,
    model,
    tools: [lookupOrder],
    inputGuardrails: opts.inputGuardrails ?? [piiCheck],
  });
  return { agent, model };
}

/** Runs `fn` inside an active OTel span named `name` (stands for the GraphQL resolver span). */
export async function underResolver<T>(tracer: Tracer, name: string, fn: (span: OtelSpan) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, async (span) => {
    try {
      return await fn(span);
    } finally {
      span.end();
    }
  });
}

export function runner(groupId = 'session-1'): Runner {
  return new Runner({ groupId });
}

// ---------------------------------------------------------------------------------------------------------
// Span / metric helpers
// ---------------------------------------------------------------------------------------------------------

export function byName(spans: ReadableSpan[], name: string): ReadableSpan[] {
  return spans.filter((s) => s.name === name);
}

export function one(spans: ReadableSpan[], name: string): ReadableSpan {
  const found = byName(spans, name);
  if (found.length !== 1)
    throw new Error(`expected exactly one span "${name}", got ${found.length}: ${spans.map((s) => s.name).join(', ')}`);
  return found[0]!;
}

export function parentId(s: ReadableSpan): string | undefined {
  return s.parentSpanContext?.spanId;
}

export function metric(all: MetricData[], name: string): MetricData | undefined {
  return all.find((m) => m.descriptor.name === name);
}

export function histogramPoints(m: MetricData | undefined): Array<DataPoint<Histogram>> {
  return (m?.dataPoints ?? []) as Array<DataPoint<Histogram>>;
}

/**
 * Waits until every SDK span the processor tracks has ended. The SDK dispatches span ends with
 * `void processor.onSpanEnd()`, and a run's promise can settle before its last span ends.
 */
export async function flush(h: Pick<Harness, 'processor'>): Promise<void> {
  await vi.waitFor(
    () => {
      if (h.processor.inFlightSpanCount > 0)
        throw new Error(`${h.processor.inFlightSpanCount} SDK spans still in flight`);
    },
    { timeout: 5_000, interval: 1 },
  );
}
