import { describe, expect, it } from 'vitest';
import { readChatInfo } from '../src/chat-data.js';
import { captureContentFromEnv, contentCaptureFromEnv } from '../src/config.js';
import { modelErrorType } from '../src/errors.js';
import { normalizeFinishReason, toChatMessages } from '../src/messages.js';
import { isoToHrTime } from '../src/time.js';
import { boundedJson, TRUNCATION_MARKER, truncateString } from '../src/truncate.js';

describe('boundedJson', () => {
  it('returns the plain JSON when it fits', () => {
    expect(boundedJson({ a: 'b' }, 100)).toBe('{"a":"b"}');
  });

  it('shortens content strings, never structural ones, and stays valid JSON', () => {
    const value = [{ role: 'user', parts: [{ type: 'text', content: 'x'.repeat(5000) }] }];
    const out = boundedJson(value, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    const parsed = JSON.parse(out) as typeof value;
    expect(parsed[0]?.role).toBe('user');
    expect(parsed[0]?.parts[0]?.type).toBe('text');
    expect(parsed[0]?.parts[0]?.content.endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  it('handles escapes, surrogate pairs and many messages', () => {
    const value = Array.from({ length: 200 }, (_, i) => ({
      role: i % 2 ? 'assistant' : 'user',
      parts: [{ type: 'text', content: `"quoted"\n😀😀😀 ${'y'.repeat(50)}` }],
    }));
    for (const max of [64, 100, 500, 2000]) {
      const out = boundedJson(value, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(() => JSON.parse(out)).not.toThrow();
      expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });

  it('bounds a bare string as a JSON string', () => {
    const out = boundedJson('z'.repeat(1000), 80);
    expect(out.length).toBeLessThanOrEqual(80);
    expect(typeof JSON.parse(out)).toBe('string');
  });

  it('truncateString marks truncation', () => {
    expect(truncateString('abc', 10)).toBe('abc');
    const t = truncateString('a'.repeat(100), 20);
    expect(t.length).toBe(20);
    expect(t.endsWith(TRUNCATION_MARKER)).toBe(true);
  });
});

describe('message mapping', () => {
  it('maps SDK protocol items to semconv messages', () => {
    expect(
      toChatMessages([
        { role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
        { type: 'reasoning', content: [{ type: 'input_text', text: 'thinking' }] },
        { type: 'function_call', callId: 'c1', name: 'f', arguments: '{"a":1}' },
        { type: 'function_call_result', callId: 'c1', name: 'f', output: { type: 'text', text: 'ok' } },
        { role: 'assistant', content: [{ type: 'output_text', text: 'done' }] },
      ]),
    ).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'hi' }] },
      {
        role: 'assistant',
        parts: [
          { type: 'reasoning', content: 'thinking' },
          { type: 'tool_call', id: 'c1', name: 'f', arguments: { a: 1 } },
        ],
      },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: 'ok' }] },
      { role: 'assistant', parts: [{ type: 'text', content: 'done' }] },
    ]);
  });

  it('maps Chat Completions generation spans (OpenAIChatCompletionsModel shape)', () => {
    const info = readChatInfo({
      type: 'generation',
      model: 'gpt-4o',
      model_config: { temperature: 0.5, top_p: 0.9 },
      input: [
        { role: 'system', content: 'be nice' },
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'call_9', content: 'res' },
      ],
      output: [
        {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          model: 'gpt-4o-2024-08-06',
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'hello' } }],
          usage: {
            prompt_tokens: 10,
            completion_tokens: 2,
            prompt_tokens_details: { cached_tokens: 4 },
            completion_tokens_details: { reasoning_tokens: 1 },
          },
        },
      ],
    });
    expect(info.requestModel).toBe('gpt-4o');
    expect(info.responseModel).toBe('gpt-4o-2024-08-06');
    expect(info.responseId).toBe('chatcmpl-1');
    expect(info.apiType).toBe('chat_completions');
    expect(info.finishReasons).toEqual(['stop']);
    expect(info.usage).toEqual({ input: 10, output: 2, cacheRead: 4, reasoning: 1 });
    expect(info.requestParams).toEqual({ 'gen_ai.request.temperature': 0.5, 'gen_ai.request.top_p': 0.9 });
    // Chat Completions sends the system message as part of the history: it stays an input message (item 7).
    expect(info.systemInstructions).toBeUndefined();
    expect(info.inputMessages).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'be nice' }] },
      { role: 'user', parts: [{ type: 'text', content: 'hi' }] },
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_9', name: 'f', arguments: {} }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_9', response: 'res' }] },
    ]);
    expect(info.outputMessages).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'hello' }], finish_reason: 'stop' },
    ]);
  });

  it('maps Responses spans (OpenAIResponsesModel shape)', () => {
    const info = readChatInfo({
      type: 'response',
      response_id: 'resp_9',
      _input: 'hello',
      _response: {
        id: 'resp_9',
        object: 'response',
        status: 'completed',
        model: 'gpt-4.1-2025-04-14',
        instructions: 'sys',
        tools: [{ type: 'function', name: 'f', description: 'does f', parameters: {} }],
        output: [{ type: 'function_call', call_id: 'call_5', name: 'f', arguments: '{"x":2}' }],
        usage: {
          input_tokens: 7,
          output_tokens: 3,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens_details: { reasoning_tokens: 0 },
        },
      },
    });
    expect(info.responseId).toBe('resp_9');
    expect(info.apiType).toBe('responses');
    expect(info.finishReasons).toEqual(['tool_call']);
    expect(info.toolCalls).toEqual([{ id: 'call_5', name: 'f', arguments: '{"x":2}' }]);
    expect(info.usage).toEqual({ input: 7, output: 3, cacheRead: 0, reasoning: 0 });
    expect(info.systemInstructions).toEqual([{ type: 'text', content: 'sys' }]);
    expect(info.toolDefinitions).toEqual([{ type: 'function', name: 'f', description: 'does f' }]);
    expect(info.inputMessages).toEqual([{ role: 'user', parts: [{ type: 'text', content: 'hello' }] }]);
  });

  it('takes no request parameters from a Responses object: it echoes server defaults the request never set (item 2)', () => {
    const info = readChatInfo({
      type: 'response',
      response_id: 'resp_1',
      _response: {
        id: 'resp_1',
        object: 'response',
        status: 'completed',
        temperature: 1,
        top_p: 1,
        max_output_tokens: null,
        output: [],
      },
    });
    expect(info.requestParams).toEqual({});
  });

  it('parses Conversations items the SDK wraps as unknown, and hosted tool calls (item 8)', () => {
    const messages = toChatMessages([
      {
        type: 'unknown',
        providerData: { type: 'message', id: 'msg_1', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
      },
      {
        type: 'unknown',
        providerData: {
          type: 'web_search_call',
          id: 'ws_1',
          status: 'completed',
          action: { type: 'search', query: 'nba' },
        },
      },
      { type: 'item_reference', id: 'msg_0' },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'hello', annotations: [] }] },
    ]);
    expect(messages).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'hi' }] },
      {
        role: 'assistant',
        parts: [
          { type: 'server_tool_call', name: 'web_search' },
          { type: 'text', content: 'hello' },
        ],
      },
    ]);
  });

  it('normalises finish reasons', () => {
    expect(normalizeFinishReason('tool_calls')).toBe('tool_call');
    expect(normalizeFinishReason('function_call')).toBe('tool_call');
    expect(normalizeFinishReason('max_output_tokens')).toBe('length');
    expect(normalizeFinishReason('content_filter')).toBe('content_filter');
    expect(normalizeFinishReason('failed')).toBe('error');
    expect(normalizeFinishReason('stop')).toBe('stop');
  });
});

describe('misc', () => {
  it('parses the capture env var', () => {
    const key = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
    expect(contentCaptureFromEnv({})).toBe('no_content');
    expect(contentCaptureFromEnv({ [key]: ' Span_Only ' })).toBe('span_only');
    expect(contentCaptureFromEnv({ [key]: 'EVENT_ONLY' })).toBe('event_only');
    expect(contentCaptureFromEnv({ [key]: 'span_and_event' })).toBe('span_and_event');
    expect(contentCaptureFromEnv({ [key]: 'TRUE' })).toBe('span_only');
    expect(contentCaptureFromEnv({ [key]: 'no_content' })).toBe('no_content');
    // the boolean for other instrumentations: content on spans only
    expect(
      ['true', 'span_only', 'span_and_event', 'event_only', 'false'].map((v) => captureContentFromEnv({ [key]: v })),
    ).toEqual([true, true, true, false, false]);
  });

  it('converts ISO timestamps to HrTime keeping precision', () => {
    expect(isoToHrTime('2026-01-02T03:04:05.678Z')).toEqual([Date.UTC(2026, 0, 2, 3, 4, 5) / 1000, 678_000_000]);
    expect(isoToHrTime('2026-01-02T03:04:05.123456789Z')).toEqual([Date.UTC(2026, 0, 2, 3, 4, 5) / 1000, 123_456_789]);
    expect(isoToHrTime('2026-01-02T03:04:05Z')).toEqual([Date.UTC(2026, 0, 2, 3, 4, 5) / 1000, 0]);
    expect(isoToHrTime(null)).toBeUndefined();
  });
});

describe('modelErrorType', () => {
  it.each([
    ['429 Rate limit reached', {}, '429'],
    ['503 upstream overloaded', {}, '503'],
    ['Error streaming response', { status: 502 }, '502'],
    ['Error streaming response', { error: 'Error: 429 slow down' }, '429'],
    ['Request timed out.', {}, 'APIConnectionTimeoutError'],
    ['Error streaming response', { error: 'Error: Request timed out.' }, 'APIConnectionTimeoutError'],
    ['Connection error.', {}, 'APIConnectionError'],
    ['Request was aborted.', {}, 'APIUserAbortError'],
    ['Unterminated string in JSON at position 64', {}, 'SyntaxError'],
    ['Unexpected end of JSON input', {}, 'SyntaxError'],
    ['Model call timed out after 200ms.', {}, 'timeout'],
  ] as const)('%s %j → %s', (message, data, expected) => {
    expect(modelErrorType(message, data as Record<string, unknown>)).toBe(expected);
  });

  it('returns undefined for anything else', () => {
    expect(modelErrorType('boom')).toBeUndefined();
    expect(modelErrorType('Error getting response')).toBeUndefined();
  });
});

describe('readChatInfo without content capture', () => {
  const output = [
    { type: 'function_call', callId: 'call_9', name: 'lookup', arguments: '{"id":1}', status: 'completed' },
  ];

  it('never reads the input history, yet keeps finish reasons, tool calls, ids and usage', () => {
    let inputReads = 0;
    const data: Record<string, unknown> = {
      type: 'generation',
      model: 'm',
      output,
      usage: { input_tokens: 10, output_tokens: 2 },
      response_id: 'resp_1',
    };
    Object.defineProperty(data, 'input', {
      enumerable: true,
      get() {
        inputReads++;
        return [{ role: 'user', content: 'secret question' }];
      },
    });
    const info = readChatInfo(data, false);
    expect(inputReads).toBe(0);
    expect(info.inputMessages).toBeUndefined();
    expect(info.outputMessages).toBeUndefined();
    expect(info.finishReasons).toEqual(['tool_call']);
    expect(info.toolCalls).toMatchObject([{ id: 'call_9', name: 'lookup' }]);
    expect(info.responseId).toBe('resp_1');
    expect(info.usage).toMatchObject({ input: 10, output: 2 });

    const withContent = readChatInfo(data, true);
    expect(inputReads).toBeGreaterThan(0);
    expect(withContent.inputMessages?.[0]).toMatchObject({ role: 'user' });
  });

  it('parses the SDK millisecond timestamps exactly on the fast path', () => {
    expect(isoToHrTime('2026-11-24T03:04:05.678Z')).toEqual([Date.UTC(2026, 10, 24, 3, 4, 5) / 1000, 678_000_000]);
    expect(isoToHrTime('2026-11-24T03:04:05.678901Z')).toEqual([Date.UTC(2026, 10, 24, 3, 4, 5) / 1000, 678_901_000]);
  });
});

describe('declared peer range', () => {
  it('admits the tested @openai/agents-core release and matches what the README claims', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      peerDependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const range = pkg.peerDependencies['@openai/agents-core'];
    expect(range).toBe('>=0.20.0 <0.21.0');
    // the package has no ./package.json export: find it next to its resolved entry point
    const { existsSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    let dir = dirname(createRequire(import.meta.url).resolve('@openai/agents-core'));
    const isRoot = (d: string) =>
      existsSync(join(d, 'package.json')) &&
      readFileSync(join(d, 'package.json'), 'utf8').includes('"name": "@openai/agents-core"');
    while (!isRoot(dir) && dirname(dir) !== dir) dir = dirname(dir);
    const installed = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    expect(installed).toBe(pkg.devDependencies['@openai/agents-core']); // the version the tests run against
    const [major, minor] = installed.split('.').map(Number);
    expect([major, minor]).toEqual([0, 20]); // inside the range
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`\`@openai/agents-core ${range}\``);
    expect(readme).toContain(`tested with\n\`@openai/agents-core\` **${installed}**`);
  });
});
