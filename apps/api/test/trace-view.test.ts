/**
 * The local trace view (GET /debug/traces) of the real, built API, over real HTTP: what it serves, that it is the
 * same data as the OTLP export, its bounds under load, and where it is on or off.
 */
import { fileURLToPath } from 'node:url';
import { type OtlpReceiver, otlpTestEnv, type SpawnedApi, spawnApi, startOtlpReceiver } from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FOLLOW_UP, gql, OFF_TOPIC, RAPTORS, REPORT } from './helpers.js';

const KIND_NAMES: Record<number, string> = { 1: 'INTERNAL', 2: 'SERVER', 3: 'CLIENT', 4: 'PRODUCER', 5: 'CONSUMER' };
const STATUS_NAMES: Record<number, string> = { 0: 'UNSET', 1: 'OK', 2: 'ERROR' };
const MODEL = 'offline-nba-2024-25';

interface ViewSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationMs: number;
  status: { code: string; message?: string };
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
  scope: string;
}
interface Trace {
  traceId: string;
  complete: boolean;
  sessionId: string | null;
  operation: string | null;
  errorType: string | null;
  guardrailTripped: boolean;
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number } | null;
  spanCount: number;
  resource: Record<string, unknown>;
  spans: ViewSpan[];
  metrics: { name: string; value: number; attributes: Record<string, unknown>; spanId: string }[];
}

async function getJson<T = any>(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(url, {
    headers: { accept: 'application/json', ...headers },
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** GET /debug/traces/{id} until the trace is complete (its HTTP span ends just after the response is sent). */
async function completeTrace(api: SpawnedApi, traceId: string, headers: Record<string, string> = {}): Promise<Trace> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { status, body } = await getJson<Trace>(`${api.url}/debug/traces/${traceId}`, headers);
    if (status === 200 && body.complete) return body;
    if (Date.now() > deadline)
      throw new Error(`trace ${traceId} not complete: ${status} ${JSON.stringify(body).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('GET /debug/traces on the default (development) API, no OTLP endpoint', () => {
  let api: SpawnedApi;
  beforeAll(async () => {
    api = await spawnApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  test('a tool-calling report, then a follow-up: each trace by id, and the session lists both turns', async () => {
    const report = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    const turn = report.body.data!.report;
    const trace = await completeTrace(api, turn.traceId);
    // In start order (a parent before its children).
    expect(trace.spans.map((s) => `${s.name} ${s.kind}`)).toEqual([
      'POST /graphql SERVER',
      'graphql.parse INTERNAL',
      'graphql.validate INTERNAL',
      'mutation Report INTERNAL',
      'graphql.resolve report INTERNAL',
      'invoke_agent NBA_Reporter INTERNAL',
      'run_guardrail nba_content_guardrail INTERNAL',
      `chat ${MODEL} INTERNAL`,
      'execute_tool calculate_win_percentage INTERNAL',
      `chat ${MODEL} INTERNAL`,
    ]);
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    const agent = trace.spans.find((s) => s.name === 'invoke_agent NBA_Reporter')!;
    expect(byId.get(agent.parentSpanId)!.name).toBe('graphql.resolve report');
    for (const s of trace.spans.filter((x) => x.name.startsWith('chat') || x.name.startsWith('execute_tool')))
      expect(s.parentSpanId).toBe(agent.spanId);
    expect(trace).toMatchObject({
      sessionId: turn.sessionId.slice(0, 12), // spans carry a prefix of the session id, never the whole bearer
      operation: 'Report',
      guardrailTripped: false,
      errorType: null,
      usage: { inputTokens: turn.usage.inputTokens, outputTokens: turn.usage.outputTokens },
    });
    expect(trace.resource['service.name']).toBe('nba-reporter-api');

    const follow = await gql(api.graphqlUrl, FOLLOW_UP, {
      input: { sessionId: turn.sessionId, message: 'And their home record?' },
    });
    const second = follow.body.data!.followUp;
    await completeTrace(api, second.traceId);
    const { body: session } = await getJson(`${api.url}/debug/traces?sessionId=${turn.sessionId}`);
    expect(session.traces.map((t: Trace) => t.traceId)).toEqual([second.traceId, turn.traceId]); // newest first
    expect(session.traces[0].operation).toBe('FollowUp');
    expect(session.store).toMatchObject({ maxTraces: 200, maxBytes: 8 * 1024 * 1024 });

    // The view's own reads are not traced: no trace of a GET /debug/traces in the store.
    const { body: all } = await getJson(`${api.url}/debug/traces`);
    expect(all.traces.filter((t: { name: string }) => t.name.startsWith('GET'))).toEqual([]);
  });

  test('a tripped guardrail is marked on the trace', async () => {
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: OFF_TOPIC } });
    const traceId = res.body.errors![0]!.extensions!['traceId'] as string;
    const trace = await completeTrace(api, traceId);
    expect(trace).toMatchObject({ guardrailTripped: true, errorType: 'InputGuardrailTripwireTriggered' });
    expect(trace.spans.find((s) => s.name.startsWith('run_guardrail'))!.attributes['gen_ai.guardrail.triggered']).toBe(
      true,
    );
  });

  test('bad requests get a clear JSON error, never a stack', async () => {
    for (const [path, status, code] of [
      ['/debug/traces/not-a-trace-id', 400, 'BAD_REQUEST'],
      [`/debug/traces/${'0'.repeat(32)}`, 404, 'NOT_FOUND'],
      ['/debug/traces?limit=0', 400, 'BAD_REQUEST'],
      ['/debug/traces?limit=ten', 400, 'BAD_REQUEST'],
      ['/debug/traces?sessionId=a&sessionId=b', 400, 'BAD_REQUEST'],
    ] as const) {
      const res = await getJson(`${api.url}${path}`);
      expect(res.status, path).toBe(status);
      expect(res.body.errors[0].extensions.code, path).toBe(code);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
    }
    expect((await getJson(`${api.url}/debug/traces?limit=1`)).body.traces).toHaveLength(1);
  });
});

describe('the view and the OTLP export of the same request', () => {
  let receiver: OtlpReceiver;
  let api: SpawnedApi;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    api = await spawnApi({ env: { ...otlpTestEnv(receiver.url), OTEL_SERVICE_NAME: 'nba-reporter-view-test' } });
  });
  afterAll(async () => {
    await api?.stop();
    await receiver?.close();
  });

  test('hold exactly the same spans: ids, names, kinds, parents, status, attributes, events, times; and the same GenAI metric sums', async () => {
    const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
    const traceId = res.body.data!.report.traceId as string;
    const view = await completeTrace(api, traceId);
    const exported = await receiver.waitFor(() => {
      const spans = receiver.spans().filter((s) => s.traceId === traceId);
      return spans.length >= view.spans.length && spans;
    });
    const fromOtlp = exported
      .map((s) => ({
        spanId: s.spanId,
        parentSpanId: s.parentSpanId,
        name: s.name,
        kind: KIND_NAMES[s.kind],
        status: STATUS_NAMES[s.status.code],
        attributes: s.attributes,
        events: s.events.map((e) => ({ name: e.name, attributes: e.attributes })),
        scope: s.scope,
        start: s.startTimeUnixNano,
        end: s.endTimeUnixNano,
      }))
      .sort((a, b) => a.spanId.localeCompare(b.spanId));
    const fromView = view.spans
      .map((s) => ({
        spanId: s.spanId,
        parentSpanId: s.parentSpanId,
        name: s.name,
        kind: s.kind,
        status: s.status.code,
        attributes: s.attributes,
        events: s.events.map((e) => ({ name: e.name, attributes: e.attributes })),
        scope: s.scope,
        start: s.startTimeUnixNano,
        end: s.endTimeUnixNano,
      }))
      .sort((a, b) => a.spanId.localeCompare(b.spanId));
    expect(fromView.length).toBeGreaterThanOrEqual(8);
    expect(fromView).toEqual(fromOtlp);
    // Detected resource attributes (host.id) settle asynchronously after start; until then the view serves the settled
    // ones, while the exporter waits for all of them before sending. The export having arrived proves detection has
    // settled in the API process, so the view read now must carry exactly the exported resource.
    const settled = await completeTrace(api, traceId);
    expect(settled.resource).toEqual(exported[0]!.resource);
    expect(settled.spans).toEqual(view.spans);

    // The view's per-turn GenAI points add up to the exported histograms (this process served this one turn).
    // Every point of the turn is recorded before its trace completes, but a periodic export collected mid-turn can
    // still be the latest one received: wait for an export that holds as many points as the view (a collection
    // after the turn), then compare each histogram exactly.
    const points = await receiver.waitFor(() => {
      const p = receiver.metricPoints().filter((m) => m.name.startsWith('gen_ai.client.') && m.type === 'histogram');
      return (
        p.some((m) => m.attributes['gen_ai.operation.name'] === 'invoke_agent') &&
        p.some((m) => m.name === 'gen_ai.client.token.usage') &&
        p.reduce((n, m) => n + m.count!, 0) >= view.metrics.length &&
        p
      );
    });
    expect(points.length).toBeGreaterThan(0);
    for (const exportedPoint of points) {
      const key = JSON.stringify(Object.entries(exportedPoint.attributes).sort());
      const mine = view.metrics.filter(
        (m) => m.name === exportedPoint.name && JSON.stringify(Object.entries(m.attributes).sort()) === key,
      );
      expect(mine.length, `${exportedPoint.name} ${key}`).toBe(exportedPoint.count);
      const sum = mine.reduce((n, m) => n + m.value, 0);
      expect(sum).toBeCloseTo(exportedPoint.sum!, 6);
    }
    expect(view.metrics).toHaveLength(points.reduce((n, p) => n + p.count!, 0));
  });
});

describe('memory bound under real HTTP load', () => {
  test('400 turns at concurrency 8 with MAX_TRACES=50: the store keeps 50 traces, within its byte bound', async () => {
    const maxBytes = 512 * 1024;
    const api = await spawnApi({
      env: {
        NBA_REPORTER_TRACE_VIEW_MAX_TRACES: '50',
        NBA_REPORTER_TRACE_VIEW_MAX_BYTES: String(maxBytes),
        NBA_REPORTER_RATE_LIMIT: '0',
      },
    });
    try {
      let next = 0;
      const ids: string[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < 400) {
            next++;
            const res = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } });
            ids.push(res.body.data!.report.traceId);
          }
        }),
      );
      await completeTrace(api, ids.at(-1)!);
      const { body } = await getJson(`${api.url}/debug/traces`);
      expect(body.store.traces).toBeLessThanOrEqual(50);
      expect(body.store.bytes).toBeLessThanOrEqual(maxBytes);
      expect(body.store.evictedTraces).toBeGreaterThanOrEqual(350);
      expect(body.traces.length).toBe(body.store.traces);
      expect((await getJson(`${api.url}/debug/traces/${ids[0]}`)).status).toBe(404); // the oldest is gone
    } finally {
      await api.stop();
    }
  }, 120_000);
});

describe('with API keys (NBA_REPORTER_API_KEYS)', () => {
  const ALICE = 'alice-0123456789abcdef';
  const BOB = 'bob-0123456789abcdef-x';
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  test('/debug/traces needs a valid key, like /graphql, and a caller sees only the traces of its own requests', async () => {
    const api = await spawnApi({ env: { NBA_REPORTER_API_KEYS: `alice:${ALICE},bob:${BOB}` } });
    try {
      const alice = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } }, as(ALICE));
      const bob = await gql(api.graphqlUrl, REPORT, { input: { topic: 'GENERAL', message: RAPTORS } }, as(BOB));
      const aliceTrace = alice.body.data!.report.traceId as string;
      const bobTrace = bob.body.data!.report.traceId as string;
      await completeTrace(api, aliceTrace, as(ALICE));
      await completeTrace(api, bobTrace, as(BOB));

      for (const headers of [{}, as('not-a-key-0123456789abc'), { authorization: ALICE }]) {
        for (const path of ['/debug/traces', `/debug/traces/${aliceTrace}`]) {
          const res = await getJson(`${api.url}${path}`, headers);
          expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
          expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
          expect(JSON.stringify(res.body)).not.toContain('invoke_agent');
        }
      }

      const list = await getJson(`${api.url}/debug/traces`, as(ALICE));
      expect(list.status).toBe(200);
      expect(list.body.traces.map((t: Trace) => t.traceId)).toEqual([aliceTrace]);
      expect((await getJson(`${api.url}/debug/traces/${bobTrace}`, as(ALICE))).status).toBe(404);
      const bobsOwn = await getJson<Trace>(`${api.url}/debug/traces/${bobTrace}`, as(BOB));
      expect(bobsOwn.status).toBe(200);
      expect(bobsOwn.body.spans.find((s) => s.kind === 'SERVER')!.attributes['nba_reporter.api_key.name']).toBe('bob');
      expect(JSON.stringify(bobsOwn.body)).not.toContain(BOB); // the key's name, never the key
    } finally {
      await api.stop();
    }
  });
});

describe('where the view runs', () => {
  const recorder = fileURLToPath(new URL('./fixtures/record-trace-view-loads.mjs', import.meta.url));

  test('production by default: no /debug/traces, and none of the view is even loaded', async () => {
    const api = await spawnApi({ env: { NODE_ENV: 'production' }, nodeFlags: ['--import', recorder] });
    let status: number;
    try {
      const res = await fetch(`${api.url}/debug/traces`);
      status = res.status;
      await res.arrayBuffer();
      expect(api.output()).toContain('trace view: off');
    } finally {
      expect(await api.stop()).toBe(0);
    }
    expect(status).toBe(404);
    const line = api
      .output()
      .split('\n')
      .find((l) => l.startsWith('TRACE_VIEW_MODULES_LOADED='))!;
    expect(JSON.parse(line.slice('TRACE_VIEW_MODULES_LOADED='.length))).toEqual([]);
  });

  test('NBA_REPORTER_TRACE_VIEW overrides either way; a malformed value stops start-up with one line', async () => {
    const on = await spawnApi({
      env: { NODE_ENV: 'production', NBA_REPORTER_TRACE_VIEW: 'true' },
      nodeFlags: ['--import', recorder],
    });
    try {
      const res = await getJson(`${on.url}/debug/traces`);
      expect(res.status).toBe(200);
      // Only the start-up trace (the schema parse): no request has run yet.
      expect(res.body.traces.map((t: { name: string }) => t.name)).toEqual(['graphql.parseSchema']);
    } finally {
      await on.stop();
    }
    expect(on.output()).toMatch(/TRACE_VIEW_MODULES_LOADED=\[.*trace-view\/processor/); // the check above can fail

    const off = await spawnApi({ env: { NBA_REPORTER_TRACE_VIEW: 'false' } });
    try {
      const res = await fetch(`${off.url}/debug/traces`);
      expect(res.status).toBe(404);
      await res.arrayBuffer();
      // The playground still runs, without its trace panel.
      const page = await (await fetch(`${off.url}/`, { headers: { accept: 'text/html' } })).text();
      expect(page).toContain('"traces":null');
    } finally {
      await off.stop();
    }

    await expect(spawnApi({ env: { NBA_REPORTER_TRACE_VIEW: 'maybe' } })).rejects.toThrow(
      /NBA_REPORTER_TRACE_VIEW must be one of true, false \(got "maybe"\)/,
    );
  }, 60_000);
});
