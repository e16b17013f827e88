import {
  Agent,
  type AgentInputItem,
  type Model,
  type ModelRequest,
  type ModelResponse,
  Runner,
  type StreamEvent,
  setTraceProcessors,
  setTracingDisabled,
} from '@openai/agents-core';
import { countTokens as o200kCount } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTurnPrompt,
  calculateWinPercentageTool,
  createNbaReporterAgent,
  OFFLINE_MODEL_NAME,
  OfflineNbaModel,
  TOPIC_NAMES,
  type TopicSlug,
} from '../src/index.js';
import { CollectingProcessor } from './helpers.js';

const model = new OfflineNbaModel();
const agent = createNbaReporterAgent(model);
const SOURCE_SENTENCE = /offline snapshot of the 2024-25 NBA season/;

/** A ModelRequest as the runner builds it, for direct calls. */
function request(input: string | AgentInputItem[], overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    systemInstructions: 'You are a stateful NBA news reporter and analyst.',
    input,
    modelSettings: {},
    tools: [
      {
        type: 'function',
        name: calculateWinPercentageTool.name,
        description: calculateWinPercentageTool.description,
        parameters: calculateWinPercentageTool.parameters,
        strict: true,
      },
    ],
    outputType: 'text',
    handoffs: [],
    tracing: false,
    ...overrides,
  };
}

function user(content: string): AgentInputItem {
  return { type: 'message', role: 'user', content };
}

function text(response: ModelResponse): string {
  const item = response.output[0];
  if (item?.type !== 'message' || item.role !== 'assistant')
    throw new Error(`expected a message, got ${JSON.stringify(item)}`);
  const part = item.content[0];
  return part?.type === 'output_text' ? part.text : '';
}

function functionCall(response: ModelResponse) {
  const item = response.output[0];
  if (item?.type !== 'function_call') throw new Error(`expected a function call, got ${JSON.stringify(item)}`);
  return { name: item.name, args: JSON.parse(item.arguments) as unknown };
}

/** Wraps a model to record the requests the runner sends and the responses it gets. */
class RecordingModel implements Model {
  readonly calls: Array<{ request: ModelRequest; response: ModelResponse }> = [];
  readonly inner: Model;
  constructor(inner: Model) {
    this.inner = inner;
  }
  async getResponse(req: ModelRequest): Promise<ModelResponse> {
    const response = await this.inner.getResponse(req);
    this.calls.push({ request: req, response });
    return response;
  }
  getStreamedResponse(req: ModelRequest): AsyncIterable<StreamEvent> {
    return this.inner.getStreamedResponse(req);
  }
}

describe('OfflineNbaModel decisions', () => {
  it('is named offline-nba-2024-25 by default', () => {
    expect(model.name).toBe('offline-nba-2024-25');
    expect(OFFLINE_MODEL_NAME).toBe('offline-nba-2024-25');
    expect(new OfflineNbaModel({ name: 'custom' }).name).toBe('custom');
  });

  it.each([
    ['The Raptors went 46-36 this NBA season. What was their win percentage?', { wins: 46, losses: 36 }],
    ['What is the win percentage of a team at 46-36?', { wins: 46, losses: 36 }],
    ['A team had 46 wins and 36 losses. Winning percentage?', { wins: 46, losses: 36 }],
    ['My team went 82–0, percentage please', { wins: 82, losses: 0 }],
  ])('calls the tool with a stated record: %s', async (message, args) => {
    const response = await model.getResponse(request(message));
    expect(functionCall(response)).toEqual({ name: 'calculate_win_percentage', args });
  });

  it('calls the tool with the snapshot record when a team is named', async () => {
    expect(functionCall(await model.getResponse(request('How did the Knicks do this season?'))).args).toEqual({
      wins: 51,
      losses: 31,
    });
    expect(functionCall(await model.getResponse(request([user('What about the Sixers?')]))).args).toEqual({
      wins: 24,
      losses: 58,
    });
  });

  it('does not mistake the season label for a record', async () => {
    const response = await model.getResponse(request('Who was the MVP of the 2024-25 season?'));
    expect(text(response)).toContain('Shai Gilgeous-Alexander');
  });

  it('answers a question without a team or record directly, never echoing it', async () => {
    const question = 'Who won the championship?';
    const answer = text(await model.getResponse(request(question)));
    expect(answer).toContain('Oklahoma City Thunder');
    expect(answer).toContain('4-3');
    expect(answer).not.toContain(question);
    expect(answer).toMatch(SOURCE_SENTENCE);
  });

  it('answers without a tool call when the tool is not offered', async () => {
    const answer = text(await model.getResponse(request('The Raptors went 46-36.', { tools: [] })));
    expect(answer).toContain('.561');
  });

  it.each([
    ['eastern', ['Cleveland Cavaliers', '64-18', 'Celtics', 'Pacers']],
    ['western', ['Oklahoma City Thunder', '68-14', 'Rockets', 'Timberwolves']],
    ['finals', ['Oklahoma City Thunder', 'Indiana Pacers', '4-3', 'Finals MVP', 'Shai Gilgeous-Alexander', 'Game 7']],
    ['general', ['68-14', 'MVP', 'Shai Gilgeous-Alexander', 'championship', 'Cleveland Cavaliers']],
  ] as Array<[TopicSlug, string[]]>)('summarises the %s topic without a tool call', async (topic, expected) => {
    const response = await model.getResponse(request(buildTurnPrompt(TOPIC_NAMES[topic], null, '2026-11-24')));
    const answer = text(response);
    for (const fragment of expected) expect(answer).toContain(fragment);
    expect(answer).toMatch(SOURCE_SENTENCE);
  });

  it('answers from the tool result, with the stated record winning over the snapshot', async () => {
    const items: AgentInputItem[] = [
      user('The Raptors went 46-36 this NBA season. What was their win percentage?'),
      {
        type: 'function_call',
        callId: 'call_1',
        name: 'calculate_win_percentage',
        arguments: '{"wins":46,"losses":36}',
        status: 'completed',
      },
      {
        type: 'function_call_result',
        callId: 'call_1',
        name: 'calculate_win_percentage',
        status: 'completed',
        output: { type: 'text', text: '.561' },
      },
    ];
    const answer = text(await model.getResponse(request(items)));
    expect(answer.split('\n')[0]).toBe('The Raptors went 46-36, which works out to a .561 winning percentage.');
    expect(answer).toContain('30-52'); // the snapshot's actual record as context
    expect(answer).toMatch(SOURCE_SENTENCE);
  });

  it('reports a tool error instead of inventing a number', async () => {
    const items: AgentInputItem[] = [
      user('A team went 46-36'),
      {
        type: 'function_call',
        callId: 'c',
        name: 'calculate_win_percentage',
        arguments: '{"wins":46,"losses":36}',
        status: 'completed',
      },
      {
        type: 'function_call_result',
        callId: 'c',
        name: 'calculate_win_percentage',
        status: 'completed',
        output: 'Error: something broke.',
      },
    ];
    const answer = text(await model.getResponse(request(items)));
    expect(answer).toContain('could not compute');
    expect(answer).toContain('something broke');
  });

  it('resolves "their" to the team the conversation is about (from the user turns, replayed)', async () => {
    // The team the user asked about, not a team the assistant happened to name in passing.
    const history: AgentInputItem[] = [
      user('Tell me about the Cavs'),
      {
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'They finished ahead of the Boston Celtics (61-21).' }],
      },
      user('How does their record compare with the rest of the East?'),
    ];
    expect(functionCall(await model.getResponse(request(history))).args).toEqual({ wins: 64, losses: 18 });
  });

  it('keeps a record the user stated for "their" in later turns', async () => {
    const history: AgentInputItem[] = [
      user('The Raptors went 46-36 this NBA season. What was their win percentage?'),
      {
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'The Raptors went 46-36, a .561 winning percentage.' }],
      },
      user('How does their record compare with the rest of the league?'),
    ];
    expect(functionCall(await model.getResponse(request(history))).args).toEqual({ wins: 46, losses: 36 });
  });

  it('is deterministic', async () => {
    const req = request('The Raptors went 46-36 this NBA season. What was their win percentage?');
    const a = await model.getResponse(req);
    const b = await new OfflineNbaModel().getResponse(structuredClone(req));
    expect(b).toEqual(a);
    expect(a.responseId).toMatch(/^offline_[0-9a-f]{24}$/);
  });

  it('streams the same answer', async () => {
    const req = request(buildTurnPrompt('Finals', null, '2026-01-01'));
    const events: StreamEvent[] = [];
    for await (const event of model.getStreamedResponse(req)) events.push(event);
    expect(events[0]?.type).toBe('response_started');
    const done = events.at(-1);
    if (done?.type !== 'response_done') throw new Error('no response_done');
    const deltas = events.flatMap((e) => (e.type === 'output_text_delta' ? [e.delta] : [])).join('');
    expect(deltas).toBe(text(await model.getResponse(req)));
    expect(done.response.usage.totalTokens).toBe(done.response.usage.inputTokens + done.response.usage.outputTokens);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(model.getResponse(request('NBA news', { signal: controller.signal }))).rejects.toThrow('stop');
  });
});

describe('OfflineNbaModel token usage', () => {
  it('counts with o200k_base exactly what it read and wrote, in a real two-call run', async () => {
    const recording = new RecordingModel(new OfflineNbaModel());
    const result = await new Runner().run(
      createNbaReporterAgent(recording),
      'The Raptors went 46-36 this NBA season. What was their win percentage?',
    );
    expect(recording.calls).toHaveLength(2);

    for (const { request: req, response } of recording.calls) {
      const read = [
        req.systemInstructions ?? '',
        ...(typeof req.input === 'string' ? [req.input] : req.input.map((i) => JSON.stringify(i))),
        ...req.tools.map((t) => JSON.stringify(t)),
        ...req.handoffs.map((h) => JSON.stringify(h)),
      ];
      const expectedIn = read.reduce((s, t) => s + o200kCount(t), 0);
      const expectedOut = response.output.reduce((s, item) => {
        if (item.type === 'function_call') return s + o200kCount(item.name) + o200kCount(item.arguments);
        if (item.type === 'message' && item.role === 'assistant') {
          return s + item.content.reduce((c, p) => c + (p.type === 'output_text' ? o200kCount(p.text) : 0), 0);
        }
        return s;
      }, 0);
      expect(response.usage.requests).toBe(1);
      expect(response.usage.inputTokens).toBe(expectedIn);
      expect(response.usage.outputTokens).toBe(expectedOut);
      expect(response.usage.totalTokens).toBe(expectedIn + expectedOut);
      expect(expectedIn).toBeGreaterThan(o200kCount(req.systemInstructions ?? ''));
    }
    // The second call read everything the first did, plus the tool call and its result.
    expect(recording.calls[1]!.response.usage.inputTokens).toBeGreaterThan(
      recording.calls[0]!.response.usage.inputTokens,
    );
    const usage = result.state.usage;
    expect(usage.requests).toBe(2);
    expect(usage.inputTokens).toBe(recording.calls.reduce((s, c) => s + c.response.usage.inputTokens, 0));
    expect(usage.outputTokens).toBe(recording.calls.reduce((s, c) => s + c.response.usage.outputTokens, 0));
    expect(String(result.finalOutput)).toContain('.561');
  });
});

describe('OfflineNbaModel generation spans', () => {
  const processor = new CollectingProcessor();
  beforeAll(() => {
    setTraceProcessors([processor]);
    setTracingDisabled(false); // vitest sets NODE_ENV=test, which disables SDK tracing by default
  });
  afterAll(() => {
    setTracingDisabled(true);
    setTraceProcessors([]);
  });

  it('creates one generation span per call, named after the model, with usage; content only when tracing is full', async () => {
    const result = await new Runner({ groupId: 'group-1' }).run(
      agent,
      'The Raptors went 46-36 this NBA season. What was their win percentage?',
    );
    const generations = processor.started.filter((s) => s.spanData.type === 'generation');
    expect(generations).toHaveLength(2);
    for (const span of generations) {
      expect(span.spanData.model).toBe('offline-nba-2024-25');
      const ended = processor.ended.find((s) => s.spanId === span.spanId);
      expect(ended?.spanData.usage.input_tokens).toBeGreaterThan(0);
      expect(ended?.spanData.usage.output_tokens).toBeGreaterThan(0);
      expect(ended?.spanData.input).toBeDefined();
      expect(ended?.spanData.output).toBeDefined();
      // Parent is the SDK's turn span (tracingParent), inside the same trace as the agent span.
      const agentSpan = processor.started.find((s) => s.spanData.type === 'agent');
      expect(span.traceId).toBe(agentSpan?.traceId);
      expect(span.parentId).toBeTruthy();
    }
    const sum = generations.reduce(
      (s, g) => s + (processor.ended.find((e) => e.spanId === g.spanId)?.spanData.usage.input_tokens ?? 0),
      0,
    );
    expect(sum).toBe(result.state.usage.inputTokens);
    expect(processor.traces.at(-1)?.groupId).toBe('group-1');
  });

  it('leaves input and output off the span without sensitive data, and makes no span when tracing is off', async () => {
    processor.started.length = 0;
    processor.ended.length = 0;
    await new Runner({ traceIncludeSensitiveData: false }).run(agent, 'Who won the Finals?');
    const generation = processor.ended.find((s) => s.spanData.type === 'generation');
    expect(generation?.spanData.model).toBe('offline-nba-2024-25');
    expect(generation?.spanData.usage.input_tokens).toBeGreaterThan(0);
    expect(generation?.spanData.input).toBeUndefined();
    expect(generation?.spanData.output).toBeUndefined();

    processor.started.length = 0;
    await model.getResponse(request('Who won the Finals?', { tracing: false }));
    expect(processor.started).toHaveLength(0);
  });
});

describe('agent', () => {
  it('is NBA_Reporter with the tool and the guardrail, and web search only when asked', () => {
    expect(agent.name).toBe('NBA_Reporter');
    expect(agent.tools.map((t) => t.name)).toEqual(['calculate_win_percentage']);
    expect(agent.inputGuardrails.map((g) => g.name)).toEqual(['nba_content_guardrail']);
    expect(agent.instructions).not.toMatch(/use web search/i);
    const withSearch = createNbaReporterAgent(model, { webSearch: true, modelTimeoutMs: 1234 });
    expect(withSearch.tools.map((t) => t.type)).toEqual(['hosted_tool', 'function']);
    expect(withSearch.instructions).toMatch(/Use web search to verify current facts/);
    expect(withSearch.modelSettings.timeoutMs).toBe(1234);
    expect(new Agent({ name: 'plain' }).tools).toEqual([]);
  });
});
