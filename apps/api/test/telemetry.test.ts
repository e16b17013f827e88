import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  type FlatSpan,
  type OtlpReceiver,
  otlpTestEnv,
  type SpawnedApi,
  spawnApi,
  startOtlpReceiver,
} from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { FOLLOW_UP, gql, OFF_TOPIC, RAPTORS, REPORT } from './helpers.js';

const SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;
const STATUS_ERROR = 2;
const DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
const TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
const CONTENT_ATTRIBUTES = [
  'gen_ai.system_instructions',
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.tool.definitions',
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.call.result',
];
const MODEL = 'offline-nba-2024-25';
const PROVIDER = 'nba_reporter.offline';

function otlpEnv(url: string, extra: Record<string, string> = {}) {
  return {
    ...otlpTestEnv(url),
    OTEL_SERVICE_NAME: 'nba-reporter-test',
    OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=test,service.version=0.1.0',
    ...extra,
  };
}

/** Index of one trace's spans: by name, by id, and each span's parent. */
function treeOf(spans: FlatSpan[], traceId: string) {
  const mine = spans.filter((s) => s.traceId === traceId);
  const byId = new Map(mine.map((s) => [s.spanId, s]));
  const named = (name: string) => mine.filter((s) => s.name === name);
  const one = (name: string) => {
    const found = named(name);
    expect(found, `exactly one span named ${name}; have ${mine.map((s) => s.name).join(', ')}`).toHaveLength(1);
    return found[0]!;
  };
  const parentOf = (s: FlatSpan) => byId.get(s.parentSpanId);
  return { spans: mine, named, one, parentOf };
}

const waitForTrace = (receiver: OtlpReceiver, traceId: string) =>
  receiver.waitFor(() => {
    const spans = receiver.spans().filter((s) => s.traceId === traceId);
    return (
      spans.some((s) => s.kind === SPAN_KIND.SERVER) && spans.some((s) => s.name.startsWith('invoke_agent')) && spans
    );
  }, 15_000);

describe('telemetry of the real API, exported over OTLP to a receiver in the test', () => {
  let receiver: OtlpReceiver;
  let api: SpawnedApi;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    api = await spawnApi({ env: otlpEnv(receiver.url) });
  });
  afterAll(async () => {
    await api?.stop();
    await receiver?.close();
  });

  test('a tool-calling report is one trace: POST → execute → resolve → invoke_agent → guardrail, chat ×2, execute_tool', async () => {
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(res.body.errors).toBeUndefined();
    const turn = res.body.data!.report;
    expect(turn.traceId).toMatch(/^[0-9a-f]{32}$/);
    await waitForTrace(receiver, turn.traceId);
    const tree = treeOf(receiver.spans(), turn.traceId);

    const server = tree.spans.find((s) => s.kind === SPAN_KIND.SERVER)!;
    // item 3: the route is on the server span (and its name)
    expect(server.name).toBe('POST /graphql');
    expect(server.attributes['http.route']).toBe('/graphql');
    expect(server.parentSpanId).toBe('');
    const resolve = tree.one('graphql.resolve report');
    const execute = tree.parentOf(resolve)!;
    expect(execute.name).toMatch(/^mutation/);
    expect(tree.parentOf(execute)).toBe(server);

    const agent = tree.one('invoke_agent NBA_Reporter');
    expect(agent.kind).toBe(SPAN_KIND.INTERNAL);
    expect(tree.parentOf(agent)).toBe(resolve);

    const guardrail = tree.one('run_guardrail nba_content_guardrail');
    const chats = tree.named(`chat ${MODEL}`);
    const tool = tree.one('execute_tool calculate_win_percentage');
    expect(chats).toHaveLength(2);
    for (const child of [guardrail, tool, ...chats]) expect(tree.parentOf(child), child.name).toBe(agent);
    for (const chat of chats) expect(chat.kind).toBe(SPAN_KIND.INTERNAL); // the offline model runs in-process

    for (const s of tree.spans)
      expect(['unknown', 'turn', 'task', 'guardrail', 'Agent workflow']).not.toContain(s.name);

    // 14.2 attributes
    expect(agent.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.provider.name': PROVIDER,
      'gen_ai.agent.name': 'NBA_Reporter',
      'gen_ai.request.model': MODEL,
      'gen_ai.conversation.id': turn.sessionId.slice(0, 12), // a prefix: never the whole session id
      'gen_ai.agent.turn': 1,
    });
    expect(guardrail.attributes).toMatchObject({
      'gen_ai.operation.name': 'run_guardrail',
      'gen_ai.guardrail.name': 'nba_content_guardrail',
      'gen_ai.guardrail.triggered': false,
    });
    const [first, second] = [...chats].sort((a, b) =>
      Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)),
    );
    for (const chat of [first!, second!]) {
      expect(chat.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': PROVIDER,
        'gen_ai.request.model': MODEL,
        'gen_ai.response.model': MODEL,
        'gen_ai.conversation.id': turn.sessionId.slice(0, 12),
      });
      expect(chat.attributes['gen_ai.response.id']).toEqual(expect.any(String));
      expect(chat.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
      expect(chat.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
      expect(chat.attributes['server.address']).toBeUndefined();
    }
    expect(first!.attributes['gen_ai.response.finish_reasons']).toEqual(['tool_call']);
    expect(second!.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
    expect(tool.attributes).toMatchObject({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'calculate_win_percentage',
      'gen_ai.tool.type': 'function',
      // item 5
      'gen_ai.tool.description': 'Calculates the winning percentage for an NBA team given their wins and losses.',
    });
    expect(tool.attributes['gen_ai.tool.call.id']).toEqual(expect.any(String));

    // usage on the spans adds up to what the API answered
    const sum = (key: string) => chats.reduce((n, c) => n + Number(c.attributes[key]), 0);
    expect(sum('gen_ai.usage.input_tokens')).toBe(turn.usage.inputTokens);
    expect(sum('gen_ai.usage.output_tokens')).toBe(turn.usage.outputTokens);
    expect(agent.attributes['gen_ai.usage.input_tokens']).toBe(turn.usage.inputTokens);

    // privacy by default: no content attribute anywhere
    for (const s of receiver.spans())
      for (const key of CONTENT_ATTRIBUTES) expect(s.attributes[key], `${s.name} ${key}`).toBeUndefined();

    // resource from the standard variables
    expect(server.resource).toMatchObject({ 'service.name': 'nba-reporter-test', 'deployment.environment': 'test' });

    // 14.3 metric points with the spec's buckets
    const points = await receiver.waitFor(() => {
      const p = receiver.metricPoints().filter((m) => m.name.startsWith('gen_ai.client.'));
      return (
        p.some((m) => m.name === 'gen_ai.client.token.usage') &&
        p.some((m) => m.attributes['gen_ai.operation.name'] === 'invoke_agent') &&
        p
      );
    });
    const durations = points.filter((p) => p.name === 'gen_ai.client.operation.duration');
    expect(durations.map((p) => p.attributes['gen_ai.operation.name']).sort()).toEqual(['chat', 'invoke_agent']);
    for (const p of durations) {
      expect(p.unit).toBe('s');
      expect(p.explicitBounds).toEqual(DURATION_BUCKETS);
      expect(p.attributes).toMatchObject({ 'gen_ai.provider.name': PROVIDER, 'gen_ai.request.model': MODEL });
    }
    expect(durations.find((p) => p.attributes['gen_ai.operation.name'] === 'chat')!.count).toBe(2);
    const tokens = points.filter((p) => p.name === 'gen_ai.client.token.usage');
    expect(
      tokens.map((p) => `${p.attributes['gen_ai.operation.name']}/${p.attributes['gen_ai.token.type']}`).sort(),
    ).toEqual(['chat/input', 'chat/output']);
    for (const p of tokens) {
      expect(p.unit).toBe('{token}');
      expect(p.explicitBounds).toEqual(TOKEN_BUCKETS);
      expect(p.count).toBe(2);
    }
    expect(tokens.find((p) => p.attributes['gen_ai.token.type'] === 'input')!.sum).toBe(turn.usage.inputTokens);
    expect(tokens.find((p) => p.attributes['gen_ai.token.type'] === 'output')!.sum).toBe(turn.usage.outputTokens);

    // item 3: http.route on the HTTP server duration metric
    const http = await receiver.waitFor(() =>
      receiver
        .metricPoints()
        .find((p) => p.name === 'http.server.request.duration' && p.attributes['http.route'] === '/graphql'),
    );
    expect(http.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 200,
      'http.route': '/graphql',
    });

    // logs are exported and correlated with the trace
    const logs = await receiver.waitFor(
      () => receiver.logs().filter((l) => l.traceId === turn.traceId).length > 0 && receiver.logs(),
    );
    const log = logs.find((l) => l.traceId === turn.traceId)!;
    expect(log.body).toBe('turn answered');
    expect(JSON.stringify(log)).not.toContain('46-36'); // no message content in logs
  });

  test('a guardrail trip: triggered guardrail span, ERROR invoke_agent with error.type, no second chat, error recorded on the request', async () => {
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: OFF_TOPIC } });
    const error = res.body.errors![0]!;
    expect(error.extensions!['code']).toBe('GUARDRAIL_TRIPPED');
    const traceId = error.extensions!['traceId'] as string;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    await waitForTrace(receiver, traceId);
    const tree = treeOf(receiver.spans(), traceId);

    const guardrail = tree.one('run_guardrail nba_content_guardrail');
    expect(guardrail.attributes['gen_ai.guardrail.triggered']).toBe(true);
    expect(guardrail.status.code).not.toBe(STATUS_ERROR);
    const agent = tree.one('invoke_agent NBA_Reporter');
    expect(agent.status.code).toBe(STATUS_ERROR);
    expect(agent.attributes['error.type']).toBe('InputGuardrailTripwireTriggered');
    expect(tree.named(`chat ${MODEL}`).length).toBeLessThanOrEqual(1);
    expect(tree.named('execute_tool calculate_win_percentage')).toHaveLength(0);

    const resolve = tree.one('graphql.resolve report');
    // item 10: exactly one exception event for one error (the GraphQL instrumentation's), error.type on the span
    expect(
      resolve.events.filter((e) => e.name === 'exception'),
      JSON.stringify(resolve.events),
    ).toHaveLength(1);
    expect(resolve.events[0]!.attributes['exception.type']).toBe('GraphQLError');
    expect(resolve.attributes['error.type']).toBe('GUARDRAIL_TRIPPED');
    expect(resolve.status.code).toBe(STATUS_ERROR);
    const server = tree.spans.find((s) => s.kind === SPAN_KIND.SERVER)!;
    expect(server.attributes['error.type']).toBe('GUARDRAIL_TRIPPED');

    const points = await receiver.waitFor(() =>
      receiver
        .metricPoints()
        .find(
          (p) =>
            p.name === 'gen_ai.client.operation.duration' &&
            p.attributes['error.type'] === 'InputGuardrailTripwireTriggered',
        ),
    );
    expect(points.attributes['gen_ai.operation.name']).toBe('invoke_agent');
  });

  test('a conversation: report then followUp share gen_ai.conversation.id, with turn numbers 1 and 2', async () => {
    const first = (await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } })).body.data!
      .report;
    const next = await gql(api.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: first.sessionId, message: 'And the Celtics? Their record?' },
    });
    const second = next.body.data!.followUp;
    for (const [turn, number] of [
      [first, 1],
      [second, 2],
    ] as const) {
      await waitForTrace(receiver, turn.traceId);
      const tree = treeOf(receiver.spans(), turn.traceId);
      const agent = tree.one('invoke_agent NBA_Reporter');
      expect(agent.attributes).toMatchObject({
        'gen_ai.conversation.id': first.sessionId.slice(0, 12),
        'gen_ai.agent.turn': number,
      });
      for (const chat of tree.named(`chat ${MODEL}`)) expect(chat.attributes['gen_ai.agent.turn']).toBe(number);
    }
  });

  test('two concurrent reports produce two disjoint, correct trees', async () => {
    const [a, b] = await Promise.all([
      gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } }),
      gql(api.graphqlUrl, REPORT, { input: { topic: 'WESTERN', message: 'How did the Thunder do? Their record?' } }),
    ]);
    const turns = [a.body.data!.report, b.body.data!.report];
    expect(turns[0].traceId).not.toBe(turns[1].traceId);
    for (const turn of turns) {
      await waitForTrace(receiver, turn.traceId);
      const tree = treeOf(receiver.spans(), turn.traceId);
      const resolve = tree.one('graphql.resolve report');
      const agent = tree.one('invoke_agent NBA_Reporter');
      expect(tree.parentOf(agent)).toBe(resolve);
      expect(agent.attributes['gen_ai.conversation.id']).toBe(turn.sessionId.slice(0, 12));
      const children = tree.spans.filter((s) => s.parentSpanId === agent.spanId);
      expect(children.map((s) => s.name).sort()).toEqual([
        `chat ${MODEL}`,
        `chat ${MODEL}`,
        'execute_tool calculate_win_percentage',
        'run_guardrail nba_content_guardrail',
      ]);
      for (const s of children)
        expect(s.attributes['gen_ai.conversation.id'] ?? turn.sessionId.slice(0, 12)).toBe(turn.sessionId.slice(0, 12));
    }
  });

  test('a client that goes away mid-request: the request span still has its route (name and http.route)', async () => {
    // The socket's close reaches the HTTP instrumentation outside any request; it reads the route from the context
    // its response was bound to.
    const agentName = `goes-away-${Date.now()}`;
    const body = JSON.stringify({ query: REPORT, variables: { input: { topic: 'GENERAL', message: RAPTORS } } });
    await new Promise<void>((resolve) => {
      const req = request(api.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': agentName,
        },
      });
      req.on('error', () => resolve());
      req.flushHeaders();
      req.write(body.slice(0, 20));
      setTimeout(() => req.destroy(), 150);
    });
    const server = await receiver.waitFor(
      () =>
        receiver.spans().find((s) => s.kind === SPAN_KIND.SERVER && s.attributes['user_agent.original'] === agentName),
      15_000,
    );
    expect(server.name).toBe('POST /graphql');
    expect(server.attributes['http.route']).toBe('/graphql');
  });

  test('a body that arrives after the headers, in pieces, is still one trace under the request span', async () => {
    // The body parser goes on from the request's events, not from the request handler: without carrying the context
    // over, the operation and the agent would start traces of their own.
    // A document of its own: Apollo parses a document once, and this trace must have the parse span.
    const query = `${REPORT} # body in pieces`;
    const body = JSON.stringify({ query, variables: { input: { topic: 'GENERAL', message: RAPTORS } } });
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(api.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => {
        let out = '';
        res.on('data', (c: Buffer) => (out += c));
        res.on('end', () => resolve(out));
      });
      req.on('error', reject);
      req.flushHeaders();
      const half = Math.floor(body.length / 2);
      setTimeout(() => req.write(body.slice(0, half)), 100);
      setTimeout(() => req.end(body.slice(half)), 200);
    });
    const turn = JSON.parse(text).data.report;
    await waitForTrace(receiver, turn.traceId);
    const tree = treeOf(receiver.spans(), turn.traceId);
    const server = tree.spans.find((s) => s.kind === SPAN_KIND.SERVER)!;
    const resolve = tree.one('graphql.resolve report');
    expect(tree.parentOf(tree.parentOf(resolve)!)).toBe(server);
    expect(tree.parentOf(tree.one('invoke_agent NBA_Reporter'))).toBe(resolve);
    expect(tree.one('graphql.parse').parentSpanId).toBe(server.spanId);
  });
});

describe('message content capture', () => {
  test('with OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true the content attributes parse as JSON in the spec schema', async () => {
    const receiver = await startOtlpReceiver();
    const api = await spawnApi({
      env: otlpEnv(receiver.url, { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' }),
    });
    try {
      const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
      const turn = res.body.data!.report;
      await waitForTrace(receiver, turn.traceId);
      const tree = treeOf(receiver.spans(), turn.traceId);
      const chats = tree.named(`chat ${MODEL}`);
      for (const chat of chats) {
        // item 6: structured values (OTLP kvlist/array), not JSON strings
        const input = chat.attributes['gen_ai.input.messages'] as any[];
        const output = chat.attributes['gen_ai.output.messages'] as any[];
        const system = chat.attributes['gen_ai.system_instructions'] as any[];
        const tools = chat.attributes['gen_ai.tool.definitions'] as any[];
        for (const v of [input, output, system, tools]) expect(Array.isArray(v)).toBe(true);
        expect(input[0]).toMatchObject({ role: 'user', parts: [{ type: 'text', content: RAPTORS }] });
        for (const m of output)
          expect(m).toMatchObject({ role: 'assistant', finish_reason: expect.any(String), parts: expect.any(Array) });
        expect(system[0]).toMatchObject({ type: 'text', content: expect.stringContaining('NBA') });
        expect(tools).toContainEqual(expect.objectContaining({ type: 'function', name: 'calculate_win_percentage' }));
      }
      const second = chats.find((c) =>
        JSON.stringify(c.attributes['gen_ai.input.messages']).includes('tool_call_response'),
      )!;
      const response = (second.attributes['gen_ai.input.messages'] as Array<{ parts: Array<{ type: string }> }>)
        .flatMap((m) => m.parts)
        .find((p) => p.type === 'tool_call_response');
      expect(response).toMatchObject({ type: 'tool_call_response', response: expect.stringContaining('.561') });
      const tool = tree.one('execute_tool calculate_win_percentage');
      expect(tool.attributes['gen_ai.tool.call.arguments']).toEqual({ wins: 46, losses: 36 });
      expect(String(tool.attributes['gen_ai.tool.call.result'])).toContain('.561');
    } finally {
      await api.stop();
      await receiver.close();
    }
  });

  test('span_and_event: one gen_ai.client.inference.operation.details OTLP log record per chat, in its span, with content', async () => {
    const receiver = await startOtlpReceiver();
    const api = await spawnApi({
      env: otlpEnv(receiver.url, { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'span_and_event' }),
    });
    try {
      const turn = (await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } })).body.data!
        .report;
      await waitForTrace(receiver, turn.traceId);
      const chats = treeOf(receiver.spans(), turn.traceId).named(`chat ${MODEL}`);
      const events = await receiver.waitFor(() => {
        const found = receiver
          .logs()
          .filter((l) => l.eventName === 'gen_ai.client.inference.operation.details' && l.traceId === turn.traceId);
        return found.length === 2 && found;
      });
      for (const event of events) {
        const chat = chats.find((c) => c.spanId === event.spanId)!;
        expect(chat).toBeDefined();
        expect(event.attributes).toMatchObject({
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': PROVIDER,
          'gen_ai.request.model': MODEL,
          'gen_ai.response.id': chat.attributes['gen_ai.response.id'],
          'gen_ai.usage.input_tokens': chat.attributes['gen_ai.usage.input_tokens'],
        });
        expect(event.attributes['gen_ai.input.messages']).toEqual(chat.attributes['gen_ai.input.messages']);
        expect((event.attributes['gen_ai.input.messages'] as any[])[0]).toMatchObject({
          role: 'user',
          parts: [{ type: 'text', content: RAPTORS }],
        });
      }
    } finally {
      await api.stop();
      await receiver.close();
    }
  });
});

describe('switches and shutdown', () => {
  test('OTEL_SDK_DISABLED=true loads no OpenTelemetry module at all, and traceId is null', async () => {
    const recorder = fileURLToPath(new URL('./fixtures/record-otel-loads.mjs', import.meta.url));
    const api = await spawnApi({ env: { OTEL_SDK_DISABLED: 'true' }, nodeFlags: ['--import', recorder] });
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    expect(res.body.data!.report.traceId).toBeNull();
    expect(await api.stop()).toBe(0);
    const line = api
      .output()
      .split('\n')
      .find((l) => l.startsWith('OTEL_MODULES_LOADED='))!;
    expect(JSON.parse(line.slice('OTEL_MODULES_LOADED='.length))).toEqual([]);
  });

  test('with no OTLP endpoint, npm start prints a span tree per request and never calls localhost:4318', async () => {
    const api = await spawnApi();
    try {
      const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
      const traceId = res.body.data!.report.traceId as string;
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      await vi.waitFor(() => expect(api.output()).toContain(`trace ${traceId}`), { timeout: 5_000, interval: 20 });
      const out = api.output();
      const tree = out.slice(out.indexOf(`trace ${traceId}`));
      expect(tree).toMatch(/POST \/graphql SERVER/);
      expect(tree).toMatch(/invoke_agent NBA_Reporter/);
      expect(tree).toMatch(/execute_tool calculate_win_percentage/);
      expect(tree).toMatch(/chat offline-nba-2024-25 .* in=\d+ .*out=\d+ finish=tool_call/);
      expect(out).not.toMatch(/4318|ECONNREFUSED/);
    } finally {
      await api.stop();
    }
  });

  test('by default all three signals go out as OTLP http/protobuf, with OTEL_EXPORTER_OTLP_HEADERS (SigNoz Cloud style)', async () => {
    const receiver = await startOtlpReceiver();
    const api = await spawnApi({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_HEADERS: 'signoz-ingestion-key=test-ingestion-key',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        OTEL_BLRP_SCHEDULE_DELAY: '100',
        OTEL_METRIC_EXPORT_INTERVAL: '300',
      },
    });
    try {
      await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
      const requests = await receiver.waitFor(() => {
        const paths = new Set(receiver.requests().map((r) => r.path));
        return paths.has('/v1/traces') && paths.has('/v1/metrics') && paths.has('/v1/logs') && receiver.requests();
      });
      for (const r of requests) {
        expect(r.contentType, r.path).toBe('application/x-protobuf');
        expect(r.headers['signoz-ingestion-key'], r.path).toBe('test-ingestion-key');
        expect(r.bytes).toBeGreaterThan(0);
      }
      expect(api.output()).not.toContain('test-ingestion-key'); // the key is never logged
    } finally {
      await api.stop();
      await receiver.close();
    }
  });

  test('shutdown flushes traces, metrics and logs that were still buffered', async () => {
    const receiver = await startOtlpReceiver();
    const api = await spawnApi({
      env: otlpEnv(receiver.url, {
        OTEL_BSP_SCHEDULE_DELAY: '60000',
        OTEL_BLRP_SCHEDULE_DELAY: '60000',
        OTEL_METRIC_EXPORT_INTERVAL: '60000',
      }),
    });
    try {
      const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
      const traceId = res.body.data!.report.traceId as string;
      expect(await api.stop()).toBe(0);
      expect(receiver.spans().some((s) => s.traceId === traceId && s.name === 'invoke_agent NBA_Reporter')).toBe(true);
      expect(receiver.metricPoints().some((p) => p.name === 'gen_ai.client.token.usage')).toBe(true);
      expect(receiver.logs().some((l) => l.traceId === traceId)).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  test('an unreachable collector never fails or blocks a request, and shutdown stays bounded', async () => {
    const receiver = await startOtlpReceiver();
    const deadUrl = receiver.url;
    await receiver.close(); // nothing listens there any more
    const api = await spawnApi({ env: otlpEnv(deadUrl) });
    const started = Date.now();
    for (let i = 0; i < 5; i++) {
      const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
      expect(res.body.data!.report.message).toContain('.561');
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    const stopStarted = Date.now();
    expect(await api.stop()).toBe(0);
    expect(Date.now() - stopStarted).toBeLessThan(12_000);
  });
});
