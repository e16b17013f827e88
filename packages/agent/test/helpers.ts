import type { Span, Trace, TracingProcessor } from '@openai/agents-core';

/** Collects SDK spans (a real TracingProcessor). */
export class CollectingProcessor implements TracingProcessor {
  readonly started: Array<Span<any>> = [];
  readonly ended: Array<Span<any>> = [];
  readonly traces: Trace[] = [];
  async onTraceStart(trace: Trace): Promise<void> {
    this.traces.push(trace);
  }
  async onTraceEnd(): Promise<void> {}
  async onSpanStart(span: Span<any>): Promise<void> {
    this.started.push(span);
  }
  async onSpanEnd(span: Span<any>): Promise<void> {
    this.ended.push(span);
  }
  async shutdown(): Promise<void> {}
  async forceFlush(): Promise<void> {}
}
