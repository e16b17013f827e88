/**
 * The model-judged guardrail (NBA_REPORTER_GUARDRAIL=model) through the real reporter, the real Agents SDK and the
 * real `openai` client, against the scripted OpenAI-compatible server on loopback: the keyword fast path makes no
 * classifier call, undecided messages ask the classifier, its verdict decides, its failure falls back to keywords,
 * and both checks are guardrail spans.
 */
import { type ScriptedOpenAI, startScriptedOpenAI } from '@nba-reporter/testing';
import { setTraceProcessors, setTracingDisabled } from '@openai/agents-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createReporter,
  GuardrailTrippedError,
  loadReporterConfig,
  MemorySessionStore,
  NBA_TOPIC_CLASSIFIER_INSTRUCTIONS,
  OFF_TOPIC_REASON,
  type Reporter,
} from '../src/index.js';
import { CollectingProcessor } from './helpers.js';

let server: ScriptedOpenAI;
let reporter: Reporter;
const processor = new CollectingProcessor();

beforeAll(async () => {
  server = await startScriptedOpenAI();
  const config = loadReporterConfig({
    NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
    NBA_REPORTER_MODEL: 'local-model',
    OPENAI_BASE_URL: server.baseURL,
    NBA_REPORTER_MODEL_MAX_RETRIES: '0',
    NBA_REPORTER_MODEL_TIMEOUT_MS: '5000',
    NBA_REPORTER_SESSION_DB: ':memory:',
    NBA_REPORTER_GUARDRAIL: 'model',
  });
  reporter = createReporter(config, { sessionStore: new MemorySessionStore() });
  setTraceProcessors([processor]);
  setTracingDisabled(false); // vitest sets NODE_ENV=test, which disables SDK tracing by default
});
afterAll(async () => {
  setTracingDisabled(true);
  setTraceProcessors([]);
  await reporter.close();
  await server.close();
});
beforeEach(() => {
  server.reset();
  processor.started.length = 0;
  processor.ended.length = 0;
});

const systemPrompt = (request: { body: any }): string => String(request.body.messages?.[0]?.content ?? '');
const verdict = (onTopic: boolean) => ({
  text: JSON.stringify({ is_nba_or_basketball: onTopic, reason: onTopic ? 'basketball' : 'not basketball' }),
});

describe('model-judged guardrail against the scripted server', () => {
  it('lets a clear basketball question through on keywords alone: no classifier call', async () => {
    server.enqueue('chat.completions', { text: 'The Thunder beat the Pacers 4-3.' });
    const turn = await reporter.report({ topic: 'finals', message: 'Who won the 2025 NBA Finals?' });
    expect(turn.message).toBe('The Thunder beat the Pacers 4-3.');
    const calls = server.requestsTo('chat.completions');
    expect(calls).toHaveLength(1);
    expect(systemPrompt(calls[0]!)).not.toContain(NBA_TOPIC_CLASSIFIER_INSTRUCTIONS);
  });

  it('refuses clear other topics on keywords alone: no model call at all', async () => {
    const error = await reporter
      .report({ topic: 'general', message: 'Give me a recipe for paella' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardrailTrippedError);
    expect(server.requestsTo('chat.completions')).toHaveLength(0);
  });

  it('asks the classifier about an undecided message, and answers when it says basketball', async () => {
    server.enqueue('chat.completions', verdict(true), { text: 'About 20 games remained.' });
    const turn = await reporter.report({ topic: 'general', message: 'How many games are left?' });
    expect(turn.message).toBe('About 20 games remained.');
    const [classifier, answer] = server.requestsTo('chat.completions');
    expect(systemPrompt(classifier!)).toBe(NBA_TOPIC_CLASSIFIER_INSTRUCTIONS);
    expect(classifier!.body.messages.at(-1).content).toBe('Latest message: How many games are left?');
    expect(JSON.stringify(classifier!.body.response_format)).toContain('is_nba_or_basketball');
    expect(systemPrompt(answer!)).toMatch(/NBA news reporter/);
    expect(turn.usage.requests).toBe(2); // the classifier's call is part of the turn's cost
  });

  it('trips when the classifier says off-topic, before the reporter model is called', async () => {
    server.enqueue('chat.completions', verdict(false));
    const error = await reporter
      .report({ topic: 'general', message: 'Which team is the best in the world?' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardrailTrippedError);
    expect((error as GuardrailTrippedError).reason).toBe(OFF_TOPIC_REASON);
    expect(server.requestsTo('chat.completions')).toHaveLength(1);
  });

  it('gives the classifier the previous question for a short follow-up', async () => {
    server.enqueue('chat.completions', { text: 'The Thunder won.' });
    const first = await reporter.report({ topic: 'finals', message: 'Who won the 2025 NBA Finals?' });
    server.enqueue('chat.completions', verdict(true), { text: 'In seven games.' });
    const next = await reporter.followUp({ sessionId: first.sessionId, message: 'Was it a long one?' });
    expect(next.message).toBe('In seven games.');
    const classifier = server.requestsTo('chat.completions')[1]!;
    expect(classifier.body.messages.at(-1).content).toBe(
      'Previous user message: Who won the 2025 NBA Finals?\nLatest message: Was it a long one?',
    );
  });

  it('falls back to the keyword verdict when the classifier call fails, and records the failure on its span', async () => {
    server.enqueue('chat.completions', { fault: { status: 500 } });
    const error = await reporter
      .report({ topic: 'general', message: 'How many games are left?' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardrailTrippedError); // keywords alone refuse a lone "games"
    const nested = processor.ended.find(
      (s) => s.spanData.type === 'guardrail' && s.spanData.name === 'nba_model_guardrail',
    );
    expect(nested?.error?.message).toMatch(/classifier failed/);
  });

  it('traces both checks as guardrail spans: the classifier run inside nba_model_guardrail inside nba_content_guardrail', async () => {
    server.enqueue('chat.completions', verdict(true), { text: 'Plenty.' });
    await reporter.report({ topic: 'general', message: 'How many games are left?' });
    const guardrails = processor.ended.filter((s) => s.spanData.type === 'guardrail');
    const outer = guardrails.find((s) => s.spanData.name === 'nba_content_guardrail');
    const inner = guardrails.find((s) => s.spanData.name === 'nba_model_guardrail');
    expect(outer && inner).toBeTruthy();
    expect(inner!.parentId).toBe(outer!.spanId);
    expect(inner!.traceId).toBe(outer!.traceId);
    expect(outer!.spanData.triggered).toBe(false);
    expect(inner!.spanData.triggered).toBe(false);
    const classifierAgent = processor.ended.find(
      (s) => s.spanData.type === 'agent' && s.spanData.name === 'NBA_Topic_Classifier',
    );
    // nba_model_guardrail → the nested run's task span → the classifier's agent span (→ turn → generation).
    const task = processor.ended.find((s) => s.spanId === classifierAgent?.parentId);
    expect(task?.spanData.type).toBe('task');
    expect(task?.parentId).toBe(inner!.spanId);
  });

  it('works on the openai provider too (Responses API): the classifier is one structured-output response', async () => {
    const openai = createReporter(
      loadReporterConfig({
        NBA_REPORTER_MODEL_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-test',
        NBA_REPORTER_MODEL: 'gpt-test',
        OPENAI_BASE_URL: server.baseURL,
        NBA_REPORTER_MODEL_MAX_RETRIES: '0',
        NBA_REPORTER_SESSION_DB: ':memory:',
        NBA_REPORTER_GUARDRAIL: 'model',
      }),
      { sessionStore: new MemorySessionStore() },
    );
    try {
      server.enqueue('responses', verdict(true), { text: 'Twenty or so.' });
      const turn = await openai.report({ topic: 'general', message: 'How many games are left?' });
      expect(turn.message).toBe('Twenty or so.');
      const [classifier, answer] = server.requestsTo('responses');
      expect(classifier!.body.instructions).toBe(NBA_TOPIC_CLASSIFIER_INSTRUCTIONS);
      expect(classifier!.body.conversation).toBeUndefined(); // the classifier never writes to the user's conversation
      expect(JSON.stringify(classifier!.body.text)).toContain('is_nba_or_basketball');
      expect(answer!.body.instructions).toMatch(/NBA news reporter/);
    } finally {
      await openai.close();
    }
  });
});
