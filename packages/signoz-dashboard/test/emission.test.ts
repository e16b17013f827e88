/**
 * Proves the dashboards only use telemetry the service really emits.
 *
 * Runs the BUILT API exactly as `npm start` does (offline model, OTLP/HTTP JSON to an in-test receiver,
 * OTEL_RESOURCE_ATTRIBUTES=deployment.environment=test), drives a topic overview, a question that makes the
 * agent call its tool, a follow-up, and an off-topic question that trips the input guardrail. Then every
 * metric name, filter key, literal value, groupBy key, aggregated attribute and variable attribute in both
 * dashboard files is checked against what the receiver got (src/verify.ts): each query's whole filter must
 * match real spans / metric points, and its groupBy keys must be present on them.
 *
 * The API runs twice: once with the offline model's own name, once with the offline model reporting the name
 * of the default OpenAI model (NBA_REPORTER_MODEL), so every model in the cost panels' price table is a value
 * the service actually emits.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OtlpReceiver, otlpTestEnv, type SpawnedApi, spawnApi, startOtlpReceiver } from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  extract,
  type Finding,
  MODEL_PRICES,
  referencedNames,
  type Telemetry,
  verifyAgainstTelemetry,
} from '../src/index.js';
import { packageDir, V5_FILE, V6_FILE } from './paths.js';

const OFFLINE_MODEL = 'offline-nba-2024-25';

/** Model names the API is run under; every priced model must be one of them. */
const RUNS = [
  { model: undefined },
  ...MODEL_PRICES.filter((p) => p.model !== OFFLINE_MODEL).map((p) => ({ model: p.model })),
];

const REPORT = `mutation Report($input: ReportInput!) {
  report(input: $input) { sessionId topic message model usage { totalTokens cachedInputTokens } traceId }
}`;
const FOLLOW_UP = `mutation FollowUp($input: FollowUpInput!) {
  followUp(input: $input) { sessionId topic message model usage { totalTokens cachedInputTokens } traceId }
}`;

interface GraphQLResult {
  data?: Record<string, { sessionId: string; message: string; model: string } | null> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function graphql(
  api: SpawnedApi,
  query: string,
  operationName: string,
  variables: unknown,
): Promise<GraphQLResult> {
  const res = await fetch(api.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return (await res.json()) as GraphQLResult;
}

/** A streamed turn over GraphQL over SSE (it records the time-to-first-chunk metric); returns the stream's text. */
async function streamed(api: SpawnedApi): Promise<string> {
  const res = await fetch(`${api.url}/graphql/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { reportStream(input: { topic: FINALS }) { __typename } }' }),
  });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return res.text();
}

/** The scenario: overview, tool call, follow-up, guardrail trip, a streamed overview. */
async function drive(api: SpawnedApi): Promise<void> {
  const overview = await graphql(api, REPORT, 'Report', { input: { topic: 'GENERAL' } });
  expect(overview.errors, JSON.stringify(overview.errors)).toBeUndefined();

  const tool = await graphql(api, REPORT, 'Report', {
    input: { topic: 'EASTERN', message: 'The Raptors went 46-36 this NBA season. What was their win percentage?' },
  });
  expect(tool.errors, JSON.stringify(tool.errors)).toBeUndefined();
  const sessionId = tool.data!.report!.sessionId;

  const followUp = await graphql(api, FOLLOW_UP, 'FollowUp', {
    input: { sessionId, message: 'How does their record compare?' },
  });
  expect(followUp.errors, JSON.stringify(followUp.errors)).toBeUndefined();

  const tripped = await graphql(api, REPORT, 'Report', {
    input: { topic: 'GENERAL', message: "What's the weather in Barcelona today?" },
  });
  expect(tripped.errors?.[0]?.extensions?.code).toBe('GUARDRAIL_TRIPPED');

  expect(await streamed(api)).toContain('"TurnCompleted"');
}

let receiver: OtlpReceiver;
let telemetry: Telemetry;
const apis: SpawnedApi[] = [];

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  for (const run of RUNS) {
    const api = await spawnApi({
      env: {
        ...otlpTestEnv(receiver.url),
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=test',
        NBA_REPORTER_MODEL: run.model,
      },
    });
    apis.push(api);
    await drive(api);
    const model = run.model ?? OFFLINE_MODEL;
    // Spans of the whole scenario, and metric points of this model, have arrived.
    await receiver.waitFor(
      () =>
        receiver.spans().some((s) => s.attributes['gen_ai.guardrail.triggered'] === true) &&
        receiver.spans().some((s) => s.name.startsWith('execute_tool ')) &&
        receiver
          .metricPoints()
          .some(
            (p) =>
              p.name === 'gen_ai.client.operation.duration' &&
              p.attributes['gen_ai.request.model'] === model &&
              p.attributes['error.type'],
          ) &&
        receiver
          .metricPoints()
          .some((p) => p.name === 'gen_ai.client.token.usage' && p.attributes['gen_ai.request.model'] === model) &&
        receiver
          .metricPoints()
          .some(
            (p) =>
              p.name === 'gen_ai.client.operation.time_to_first_chunk' &&
              p.attributes['gen_ai.request.model'] === model,
          ),
      15_000,
    );
    // A graceful stop flushes every exporter.
    await api.stop();
  }
  telemetry = { spans: receiver.spans(), metricPoints: receiver.metricPoints() };

  // What the service emitted, for whoever edits the dashboard next.
  const dir = join(packageDir, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const spanNames = [...new Set(telemetry.spans.map((s) => s.name))].sort();
  const spanKeys = [...new Set(telemetry.spans.flatMap((s) => Object.keys(s.attributes)))].sort();
  const metrics = Object.fromEntries(
    [...new Set(telemetry.metricPoints.map((p) => p.name))].sort().map((name) => {
      const pts = telemetry.metricPoints.filter((p) => p.name === name);
      return [
        name,
        {
          type: pts[0]!.type,
          unit: pts[0]!.unit,
          attributes: [...new Set(pts.flatMap((p) => Object.keys(p.attributes)))].sort(),
        },
      ];
    }),
  );
  const resource = telemetry.spans[0]?.resource ?? {};
  const errorSpans = [...new Set(telemetry.spans.filter((s) => s.status.code === 2).map((s) => s.name))].sort();
  const literals = (key: string) =>
    [
      ...new Set(
        [...telemetry.spans, ...telemetry.metricPoints]
          .map((i) => i.attributes[key])
          .filter((v) => v !== undefined)
          .map(String),
      ),
    ].sort();
  const values = Object.fromEntries(
    [
      'gen_ai.operation.name',
      'gen_ai.provider.name',
      'gen_ai.request.model',
      'gen_ai.token.type',
      'error.type',
      'gen_ai.tool.name',
      'gen_ai.guardrail.name',
      'gen_ai.guardrail.triggered',
      'gen_ai.agent.name',
      'graphql.operation.name',
    ].map((k) => [k, literals(k)]),
  );
  writeFileSync(
    join(dir, 'emitted-telemetry.json'),
    `${JSON.stringify({ resource, spanNames, errorSpans, spanKeys, values, metrics }, null, 2)}\n`,
  );
}, 120_000);

afterAll(async () => {
  for (const api of apis) await api.stop();
  await receiver?.close();
});

/**
 * Names the issue requires on the dashboard that the service does not emit YET, reported to the lead.
 * They are not silently accepted: the test below fails as soon as one of them starts being emitted (so the
 * entry must be removed), and nothing outside this list may be missing.
 *
 * - Cached input tokens: the dashboard reads the service's cache-read counter
 *   gen_ai.client.inference.usage.cache_read.input_tokens (agents-otel semconv.ts). The bridge records it only
 *   when a model reports `input_tokens_details.cached_tokens`; the OpenAI models do, the offline model does not,
 *   so an offline run never emits it.
 */
const format = (findings: Finding[]): string =>
  findings.map((f) => `[${f.panel} / ${f.query}] ${f.problem}`).join('\n');

describe('the service emits everything the dashboards use', () => {
  test('the scenario produced the GenAI spans and metrics', () => {
    const names = new Set(telemetry.spans.map((s) => s.name));
    expect([...names].some((n) => n.startsWith('invoke_agent '))).toBe(true);
    expect(names.has('execute_tool calculate_win_percentage')).toBe(true);
    expect(names.has('run_guardrail nba_content_guardrail')).toBe(true);
    const metrics = new Set(telemetry.metricPoints.map((p) => p.name));
    expect(metrics.has('gen_ai.client.token.usage')).toBe(true);
    expect(metrics.has('gen_ai.client.operation.duration')).toBe(true);
    expect(telemetry.spans.every((s) => s.resource['deployment.environment'] === 'test')).toBe(true);
  });

  for (const [label, file] of [
    ['v6', V6_FILE],
    ['v5', V5_FILE],
  ] as const) {
    test(`${label}: every metric, key and literal value is emitted, and every query matches data`, () => {
      const extracted = extract(JSON.parse(readFileSync(file, 'utf8')));
      const names = referencedNames(extracted);
      // The extraction itself found what the dashboard is about.
      expect(names.metrics).toEqual(
        expect.arrayContaining([
          'gen_ai.client.token.usage.sum',
          'gen_ai.client.operation.duration.bucket',
          'gen_ai.client.operation.duration.count',
        ]),
      );
      expect(names.keys).toEqual(
        expect.arrayContaining([
          'service.name',
          'deployment.environment',
          'gen_ai.request.model',
          'gen_ai.operation.name',
          'gen_ai.token.type',
          'error.type',
        ]),
      );
      const findings = verifyAgainstTelemetry(extracted, telemetry);
      expect(findings, format(findings)).toEqual([]);
    });
  }

  test('the check fails for a name the service does not emit', () => {
    const extracted = extract(JSON.parse(readFileSync(V6_FILE, 'utf8')));
    const broken = structuredClone(extracted);
    const first = broken.queries.find((q) => q.signal === 'metrics')!;
    first.metricNames = ['gen_ai.client.token.usage_total'];
    const spanQuery = broken.queries.find((q) => q.signal === 'traces')!;
    spanQuery.groupBy = ['gen_ai.tool.nam'];
    spanQuery.terms = [...spanQuery.terms, { key: 'gen_ai.operation.name', op: '=', value: 'execute_tools' }];
    const findings = format(verifyAgainstTelemetry(broken, telemetry));
    expect(findings).toContain('metric gen_ai.client.token.usage_total was not emitted');
    expect(findings).toContain('"gen_ai.operation.name = "execute_tools"" matches nothing emitted');
  });
});
