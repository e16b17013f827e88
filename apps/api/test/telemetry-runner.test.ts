/**
 * `observeRunner` prepares each turn's SDK Runner for the GenAI bridge: the SDK's task and turn spans, which the bridge
 * folds into no OTel span, are not created at all (less SDK work per turn, same OTel output).
 */
import { createReporter, loadReporterConfig, MemorySessionStore } from '@nba-reporter/agent';
import { addTraceProcessor, type Span, type TracingProcessor } from '@openai/agents-core';
import { afterAll, expect, test } from 'vitest';
import { setupTelemetry } from '../src/telemetry.js';

const TELEMETRY_STATE = Symbol.for('nba-reporter.telemetry');
type Global = { [TELEMETRY_STATE]?: unknown };

afterAll(() => {
  delete (globalThis as Global)[TELEMETRY_STATE];
});

test('a turn run through observeRunner makes agent, guardrail, generation and function SDK spans, no task or turn', async () => {
  // As if the bootstrap had started the SDK (setupTelemetry only asks whether it did).
  (globalThis as Global)[TELEMETRY_STATE] = { shutdown: async () => {}, summary: 'test' };
  const config = loadReporterConfig({ NBA_REPORTER_MODEL_PROVIDER: 'offline' });
  const telemetry = await setupTelemetry(config);
  expect(telemetry.enabled).toBe(true);
  const types: string[] = [];
  const spy: TracingProcessor = {
    onTraceStart: async () => {},
    onTraceEnd: async () => {},
    onSpanStart: async (span: Span<any>) => {
      types.push(span.spanData.type);
    },
    onSpanEnd: async () => {},
    shutdown: async () => {},
    forceFlush: async () => {},
  };
  addTraceProcessor(spy); // beside the bridge, which setupTelemetry installed
  const reporter = createReporter(config, {
    sessionStore: new MemorySessionStore(),
    configureRunner: (runner) => telemetry.observeRunner(runner),
  });
  const turn = await reporter.report({
    topic: 'general',
    message: 'The Raptors went 46-36 this NBA season. What was their win percentage?',
  });
  expect(turn.message).toContain('.561');
  await new Promise((r) => setTimeout(r, 0)); // later processors hear of a span start one microtask late
  expect(new Set(types)).toEqual(new Set(['agent', 'guardrail', 'generation', 'function']));
});
