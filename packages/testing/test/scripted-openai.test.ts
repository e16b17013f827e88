import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedOpenAI, startScriptedOpenAI } from '../src/scripted-openai.js';

describe('scripted OpenAI server, driven by the real openai client', () => {
  let server: ScriptedOpenAI;
  let client: OpenAI;
  beforeAll(async () => {
    server = await startScriptedOpenAI();
    client = new OpenAI({ apiKey: 'sk-secret', baseURL: server.baseURL, maxRetries: 0, timeout: 2_000 });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => server.reset());

  it('answers /v1/responses with scripted tool calls, usage details, id and model, and records the request', async () => {
    server.enqueue('responses', {
      id: 'resp_1',
      model: 'gpt-test-2026-01-01',
      toolCalls: [{ name: 'calculate_win_percentage', arguments: { wins: 46, losses: 36 }, callId: 'call_1' }],
      usage: { inputTokens: 300, outputTokens: 40, cachedInputTokens: 128, reasoningTokens: 16 },
    });
    const response = await client.responses.create({
      model: 'gpt-test',
      input: 'NBA?',
      tools: [{ type: 'web_search' }],
    });
    expect(response.id).toBe('resp_1');
    expect(response.model).toBe('gpt-test-2026-01-01');
    expect(response.output[0]).toMatchObject({
      type: 'function_call',
      call_id: 'call_1',
      name: 'calculate_win_percentage',
      arguments: '{"wins":46,"losses":36}',
    });
    expect(response.usage).toMatchObject({
      input_tokens: 300,
      output_tokens: 40,
      input_tokens_details: { cached_tokens: 128 },
      output_tokens_details: { reasoning_tokens: 16 },
    });

    const [req] = server.requestsTo('responses');
    expect(req).toMatchObject({
      method: 'POST',
      path: '/v1/responses',
      outcome: 'ok',
      body: { model: 'gpt-test', input: 'NBA?', tools: [{ type: 'web_search' }] },
    });
    expect(req!.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(server.requests)).not.toContain('sk-secret');
  });

  it('streams /v1/responses as SSE events ending with response.completed', async () => {
    server.enqueue('responses', {
      text: 'The Thunder won the title.',
      chunkSize: 5,
      usage: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 2 },
    });
    const stream = await client.responses.create({ model: 'gpt-test', input: 'Who won?', stream: true });
    const types: string[] = [];
    let text = '';
    let completed: any;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(text).toBe('The Thunder won the title.');
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(completed.usage.input_tokens_details.cached_tokens).toBe(2);
  });

  it('paces a stream, records a client that goes away as aborted, and breaks a stream mid-answer on request', async () => {
    server.enqueue('chat.completions', { text: 'one two three four five six', chunkSize: 4, chunkDelayMs: 40 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'local', messages: [{ role: 'user', content: 'NBA?' }], stream: true },
      { signal: controller.signal },
    );
    const started = Date.now();
    let text = '';
    // The openai client ends an aborted stream quietly or with an abort error, depending on where it was.
    await (async () => {
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        if (text.length >= 4) controller.abort();
      }
    })().catch((error: unknown) => expect(String(error)).toMatch(/abort/i));
    expect(text).toBe('one ');
    const [req] = server.requestsTo('chat.completions');
    await expect.poll(() => req!.outcome).toBe('aborted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(40); // the first text delta came one delay after the first event

    server.enqueue('responses', { text: 'The Thunder won the title.', chunkSize: 5, breakAfterChunks: 2 });
    const broken = await client.responses.create({ model: 'gpt-test', input: 'Who won?', stream: true });
    let partial = '';
    await expect(
      (async () => {
        for await (const event of broken) if (event.type === 'response.output_text.delta') partial += event.delta;
      })(),
    ).rejects.toThrow();
    expect(partial).toBe('The Thunde'); // two deltas of 5 characters
    expect(server.requestsTo('responses')[0]!.outcome).toBe('broken');
  });

  it('keeps conversations: create, items create/list (asc, desc, paging), delete, 404 for unknown ids', async () => {
    const conversation = await client.conversations.create({ items: [] });
    expect(conversation.id).toMatch(/^conv_/);
    await client.conversations.items.create(conversation.id, {
      items: [
        { type: 'message', role: 'user', content: 'first' },
        { type: 'message', role: 'assistant', content: 'second' } as never,
      ],
    });
    const asc: any[] = [];
    for await (const item of client.conversations.items.list(conversation.id, { order: 'asc', limit: 1 }))
      asc.push(item);
    expect(asc.map((i) => i.content[0].text)).toEqual(['first', 'second']);
    const desc = await client.conversations.items.list(conversation.id, {});
    expect(desc.data.map((i: any) => i.content[0].text)).toEqual(['second', 'first']);
    await client.conversations.delete(conversation.id);
    expect(server.conversationItems(conversation.id)).toBeUndefined();
    await expect(client.conversations.items.list('conv_missing', {})).rejects.toMatchObject({ status: 404 });
  });

  it('stores a conversation response only on success (input and output items)', async () => {
    const conversation = await client.conversations.create({ items: [] });
    server.enqueue('responses', { fault: { status: 500 } }, { text: 'Answer' });
    await expect(
      client.responses.create({ model: 'm', input: 'Q1', conversation: conversation.id }),
    ).rejects.toMatchObject({ status: 500 });
    expect(server.conversationItems(conversation.id)).toEqual([]);
    await client.responses.create({ model: 'm', input: 'Q1', conversation: conversation.id });
    expect(server.conversationItems(conversation.id)!.map((i) => `${i.type}:${(i as any).role}`)).toEqual([
      'message:user',
      'message:assistant',
    ]);
  });

  it('answers /v1/chat/completions (JSON and streamed) with tool calls and usage details', async () => {
    server.enqueue(
      'chat.completions',
      {
        toolCalls: [{ name: 'calculate_win_percentage', arguments: { wins: 1, losses: 1 }, callId: 'call_9' }],
        usage: { inputTokens: 50, outputTokens: 9, cachedInputTokens: 32, reasoningTokens: 3 },
      },
      { text: 'Streamed answer', chunkSize: 4 },
    );
    const completion = await client.chat.completions.create({
      model: 'local',
      messages: [{ role: 'user', content: 'NBA?' }],
    });
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]!.message.tool_calls![0]).toMatchObject({
      id: 'call_9',
      function: { name: 'calculate_win_percentage' },
    });
    expect(completion.usage).toMatchObject({
      prompt_tokens_details: { cached_tokens: 32 },
      completion_tokens_details: { reasoning_tokens: 3 },
    });

    const stream = await client.chat.completions.create({
      model: 'local',
      messages: [{ role: 'user', content: 'NBA?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: any;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Streamed answer');
    expect(usage.total_tokens).toBe(120);
  });

  it('injects faults: 429 with retry-after is retried by the client, 400 is not, and the server keeps serving', async () => {
    const retrying = new OpenAI({ apiKey: 'k', baseURL: server.baseURL, maxRetries: 2, timeout: 2_000 });
    server.enqueue(
      'chat.completions',
      { fault: { status: 429, headers: { 'retry-after-ms': '20' } } },
      { fault: { status: 503, headers: { 'retry-after-ms': '20' } } },
      { text: 'ok' },
    );
    const ok = await retrying.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(ok.choices[0]!.message.content).toBe('ok');
    const attempts = server.requestsTo('chat.completions');
    expect(attempts.map((r) => r.outcome)).toEqual(['fault:429', 'fault:503', 'ok']);
    expect(attempts.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2']);

    server.reset();
    server.enqueue('chat.completions', {
      fault: {
        status: 400,
        body: { error: { message: 'bad', type: 'invalid_request_error', param: null, code: null } },
      },
    });
    await expect(retrying.chat.completions.create({ model: 'm', messages: [] })).rejects.toMatchObject({ status: 400 });
    expect(server.requestsTo('chat.completions')).toHaveLength(1);
  });

  it('injects dropped connections, malformed bodies and delays', async () => {
    server.enqueue(
      'responses',
      { fault: { drop: true } },
      { fault: { malformed: true } },
      { fault: { delayMs: 1_000 } },
    );
    const dropped = await client.responses.create({ model: 'm', input: 'x' }).catch((e: unknown) => e);
    expect(dropped?.constructor.name).toBe('APIConnectionError');
    await expect(client.responses.create({ model: 'm', input: 'x' })).rejects.toBeInstanceOf(SyntaxError);
    const started = Date.now();
    const slow = await client.responses.create({ model: 'm', input: 'x' }, { timeout: 150 }).catch((e: unknown) => e);
    expect(slow?.constructor.name).toBe('APIConnectionTimeoutError');
    expect(Date.now() - started).toBeLessThan(900);
    expect(server.requestsTo('responses').map((r) => r.outcome)).toEqual([
      'fault:drop',
      'fault:malformed',
      expect.stringMatching(/^fault:/),
    ]);
    // still serving
    const after = await client.responses.create({ model: 'm', input: 'x' });
    expect(after.output_text).toMatch(/Thunder/);
  });
});
