/**
 * Streamed model calls mark their SDK span (generation / response) with `stream: true` and the time to the first
 * chunk, for every provider; calls that do not stream carry neither.
 */
import { type ScriptedOpenAI, startScriptedOpenAI } from '@nba-reporter/testing';
import { setTraceProcessors, setTracingDisabled } from '@openai/agents-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReporter, loadReporterConfig, MemorySessionStore, type Reporter } from '../src/index.js';
import { CollectingProcessor } from './helpers.js';

const RAPTORS = 'The Raptors went 46-36 this NBA season. What was their win percentage?';
const processor = new CollectingProcessor();

beforeAll(() => {
  setTraceProcessors([processor]);
  setTracingDisabled(false); // vitest sets NODE_ENV=test, which disables SDK tracing by default
});
afterAll(() => {
  setTracingDisabled(true);
  setTraceProcessors([]);
});
beforeEach(() => {
  processor.started.length = 0;
  processor.ended.length = 0;
});

const modelSpans = () =>
  processor.ended.filter((s) => s.spanData.type === 'generation' || s.spanData.type === 'response');

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream);
}

describe('offline model', () => {
  let reporter: Reporter;
  beforeAll(() => {
    reporter = createReporter(
      { ...loadReporterConfig({}), sessionDb: ':memory:' },
      { sessionStore: new MemorySessionStore() },
    );
  });
  afterAll(() => reporter.close());

  it('marks each streamed call, and not the calls of a mutation', async () => {
    await drain(reporter.reportStream({ topic: 'general', message: RAPTORS }));
    const streamed = modelSpans();
    expect(streamed).toHaveLength(2);
    for (const span of streamed) {
      expect(span.spanData).toMatchObject({ stream: true, time_to_first_chunk: expect.any(Number) });
      expect(span.spanData.time_to_first_chunk).toBeGreaterThan(0);
      expect(span.spanData.time_to_first_chunk).toBeLessThan(5);
    }
    processor.ended.length = 0;
    await reporter.report({ topic: 'general', message: RAPTORS });
    for (const span of modelSpans()) {
      expect(span.spanData.stream).toBeUndefined();
      expect(span.spanData.time_to_first_chunk).toBeUndefined();
    }
  });
});

describe.each([
  ['openai', 'responses', 'response'],
  ['openai-compatible', 'chat.completions', 'generation'],
] as const)('%s provider', (provider, endpoint, spanType) => {
  let server: ScriptedOpenAI;
  let reporter: Reporter;
  beforeAll(async () => {
    server = await startScriptedOpenAI();
    reporter = createReporter(
      loadReporterConfig({
        NBA_REPORTER_MODEL_PROVIDER: provider,
        NBA_REPORTER_MODEL: 'gpt-test',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: server.baseURL,
        NBA_REPORTER_MODEL_MAX_RETRIES: '0',
        NBA_REPORTER_SESSION_DB: ':memory:',
      }),
      { sessionStore: new MemorySessionStore() },
    );
  });
  afterAll(async () => {
    await reporter.close();
    await server.close();
  });

  it('the time to first chunk covers the wait for the first event, not the whole stream', async () => {
    server.enqueue(endpoint, {
      text: 'The Thunder won the 2025 title in seven games.',
      chunkSize: 5,
      delayMs: 150,
      chunkDelayMs: 40,
    });
    const started = performance.now();
    await drain(reporter.reportStream({ topic: 'finals' }));
    const total = (performance.now() - started) / 1000;
    const [span] = modelSpans().filter((s) => s.spanData.type === spanType);
    expect(span!.spanData.stream).toBe(true);
    const ttfc = span!.spanData.time_to_first_chunk as number;
    expect(ttfc).toBeGreaterThanOrEqual(0.15);
    expect(ttfc).toBeLessThan(total - 0.2); // at least 5 more chunks, 40 ms apart, came after it
  });
});
