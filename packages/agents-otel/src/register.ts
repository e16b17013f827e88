import { setTraceProcessors } from '@openai/agents-core';
import type { AgentsOtelOptions } from './options.js';
import { AgentsOtelProcessor } from './processor.js';

/**
 * One-line setup: creates an {@link AgentsOtelProcessor} and installs it as the ONLY Agents SDK trace processor
 * (`setTraceProcessors([processor])`), which also removes the SDK's default OpenAI exporter and guarantees that
 * `onSpanStart` runs synchronously in the caller's OTel context. Returns the processor.
 */
export function registerAgentsOtel(options: AgentsOtelOptions = {}): AgentsOtelProcessor {
  const processor = new AgentsOtelProcessor(options);
  setTraceProcessors([processor]);
  return processor;
}
