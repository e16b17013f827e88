/**
 * The NBA Reporter GenAI dashboard, described once. Every metric, attribute and literal value used here is
 * one the service really exports (see packages/agents-otel/src/semconv.ts); test/emission.test.ts runs the
 * service and fails if any of them is missing from its telemetry.
 */
import type { DashboardDef, MetricAggregation, PanelDef, QueryDef } from './model.js';
import { MODEL_PRICES } from './prices.js';

// --- Names the service exports (dotted, as SigNoz ≥ v0.88 stores them) ----------------------------------
export const METRIC_TOKEN_USAGE = 'gen_ai.client.token.usage';
export const METRIC_OPERATION_DURATION = 'gen_ai.client.operation.duration';
export const METRIC_CACHE_READ_TOKENS = 'gen_ai.client.inference.usage.cache_read.input_tokens';
export const METRIC_HTTP_SERVER_DURATION = 'http.server.request.duration';
export const METRIC_TIME_TO_FIRST_CHUNK = 'gen_ai.client.operation.time_to_first_chunk';

const OP = 'gen_ai.operation.name';
const MODEL = 'gen_ai.request.model';
const TOKEN_TYPE = 'gen_ai.token.type';
const ERROR_TYPE = 'error.type';

// --- Filter building blocks ------------------------------------------------------------------------------
const SCOPE = 'service.name IN $service_name AND deployment.environment IN $environment';
const and = (...terms: string[]): string => terms.filter(Boolean).join(' AND ');
/** GenAI metric points: every dashboard variable applies. */
const GENAI_METRIC_SCOPE = and(SCOPE, `${MODEL} IN $model`, `${OP} IN $operation`);
/** Chat-only metric points (token usage, cache reads): the operation variable does not apply. */
const CHAT_METRIC_SCOPE = and(SCOPE, `${MODEL} IN $model`);

// --- Aggregation helpers (histogram conventions from signoz.md) ------------------------------------------
const histogramSum = (metric: string, timeAggregation: 'increase' | 'rate' = 'increase'): MetricAggregation => ({
  metricName: `${metric}.sum`,
  timeAggregation,
  spaceAggregation: 'sum',
  reduceTo: 'sum',
});
const histogramCount = (metric: string, timeAggregation: 'increase' | 'rate' = 'increase'): MetricAggregation => ({
  metricName: `${metric}.count`,
  timeAggregation,
  spaceAggregation: 'sum',
  reduceTo: 'sum',
});
const histogramPercentile = (metric: string, p: 'p50' | 'p95' | 'p99'): MetricAggregation => ({
  metricName: `${metric}.bucket`,
  timeAggregation: '',
  spaceAggregation: p,
  reduceTo: 'avg',
});
const counterIncrease = (metric: string): MetricAggregation => ({
  metricName: metric,
  timeAggregation: 'increase',
  spaceAggregation: 'sum',
  reduceTo: 'sum',
});

const q = (
  name: string,
  signal: QueryDef['signal'],
  aggregations: QueryDef['aggregations'],
  filter: string,
  extra: Partial<QueryDef> = {},
): QueryDef => ({ name, signal, aggregations, filter, ...extra });

// --- Cost: one pair of hidden queries per priced model ---------------------------------------------------
const costQueries = (groupByModel: boolean): { queries: QueryDef[]; terms: string[] } => {
  const queries: QueryDef[] = [];
  const terms: string[] = [];
  MODEL_PRICES.forEach((price, i) => {
    const input = String.fromCharCode(65 + 2 * i); // A, C, E, …
    const output = String.fromCharCode(66 + 2 * i); // B, D, F, …
    const modelFilter = `${MODEL} = '${price.model}'`;
    const groupBy = groupByModel ? [MODEL] : [];
    queries.push(
      q(
        input,
        'metrics',
        [histogramSum(METRIC_TOKEN_USAGE)],
        and(CHAT_METRIC_SCOPE, modelFilter, `${TOKEN_TYPE} = 'input'`),
        {
          groupBy,
          disabled: true,
        },
      ),
      q(
        output,
        'metrics',
        [histogramSum(METRIC_TOKEN_USAGE)],
        and(CHAT_METRIC_SCOPE, modelFilter, `${TOKEN_TYPE} = 'output'`),
        {
          groupBy,
          disabled: true,
        },
      ),
    );
    terms.push(`(${input} * ${price.inputPerMillion} + ${output} * ${price.outputPerMillion}) / 1000000`);
  });
  return { queries, terms };
};

function estimatedCostTotal(): PanelDef {
  const { queries, terms } = costQueries(false);
  return {
    key: 'estimated-cost-total',
    title: 'Estimated cost (USD)',
    description:
      'Input and output tokens × the per-model price table in the README (USD per 1M tokens; cached input billed at the full input price, so an upper bound). Models without a price are not counted.',
    kind: 'value',
    unit: 'currencyUSD',
    queries,
    formulas: [{ name: 'F1', expression: terms.join(' + '), legend: 'Estimated cost' }],
    width: 3,
    height: 4,
  };
}

function estimatedCostByModel(): PanelDef {
  const { queries, terms } = costQueries(true);
  return {
    key: 'estimated-cost-by-model',
    title: 'Estimated cost by model (USD per interval)',
    description: 'Per-model cost estimate from the price table in the README; one line per priced model.',
    kind: 'timeseries',
    unit: 'currencyUSD',
    queries,
    formulas: terms.map((expression, i) => ({
      name: `F${i + 1}`,
      expression,
      legend: MODEL_PRICES[i]!.model,
    })),
    width: 6,
    height: 6,
    stacked: true,
  };
}

// --- Panels ----------------------------------------------------------------------------------------------
const overview: PanelDef[] = [
  {
    key: 'total-tokens',
    title: 'Total tokens',
    description: 'Input + output tokens over the selected time range (sum of gen_ai.client.token.usage).',
    kind: 'value',
    unit: 'none',
    queries: [q('A', 'metrics', [histogramSum(METRIC_TOKEN_USAGE)], CHAT_METRIC_SCOPE)],
    width: 3,
    height: 4,
  },
  {
    key: 'tokens-per-request',
    title: 'Tokens per request',
    description:
      'Tokens used per agent invocation (one GraphQL report or followUp): total tokens ÷ invoke_agent operations.',
    kind: 'value',
    unit: 'none',
    queries: [
      q('A', 'metrics', [histogramSum(METRIC_TOKEN_USAGE)], CHAT_METRIC_SCOPE, { disabled: true }),
      q(
        'B',
        'metrics',
        [histogramCount(METRIC_OPERATION_DURATION)],
        and(SCOPE, `${MODEL} IN $model`, `${OP} = 'invoke_agent'`),
        {
          disabled: true,
        },
      ),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: 'Tokens per request' }],
    width: 3,
    height: 4,
  },
  {
    key: 'cached-input-ratio',
    title: 'Cached input token ratio',
    description:
      'Share of input tokens served from the provider prompt cache: gen_ai.client.inference.usage.cache_read.input_tokens ÷ input gen_ai.client.token.usage.',
    kind: 'value',
    unit: 'percentunit',
    queries: [
      q('A', 'metrics', [counterIncrease(METRIC_CACHE_READ_TOKENS)], CHAT_METRIC_SCOPE, { disabled: true }),
      q('B', 'metrics', [histogramSum(METRIC_TOKEN_USAGE)], and(CHAT_METRIC_SCOPE, `${TOKEN_TYPE} = 'input'`), {
        disabled: true,
      }),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: 'Cached input ratio' }],
    width: 3,
    height: 4,
  },
  estimatedCostTotal(),
  {
    key: 'genai-error-rate',
    title: 'GenAI error rate',
    description:
      'GenAI operations that ended with an error.type ÷ all GenAI operations (gen_ai.client.operation.duration count).',
    kind: 'value',
    unit: 'percentunit',
    queries: [
      q('A', 'metrics', [histogramCount(METRIC_OPERATION_DURATION)], and(GENAI_METRIC_SCOPE, `${ERROR_TYPE} EXISTS`), {
        disabled: true,
      }),
      q('B', 'metrics', [histogramCount(METRIC_OPERATION_DURATION)], GENAI_METRIC_SCOPE, { disabled: true }),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: 'Error rate' }],
    width: 3,
    height: 4,
  },
  {
    key: 'agent-invocations-total',
    title: 'Agent invocations',
    description: 'invoke_agent spans (one per report / followUp that reached the agent).',
    kind: 'value',
    unit: 'none',
    queries: [q('A', 'traces', [{ expression: 'count()' }], and(SCOPE, `${OP} = 'invoke_agent'`))],
    width: 3,
    height: 4,
  },
  {
    key: 'tool-calls-total',
    title: 'Tool calls',
    description: 'execute_tool spans.',
    kind: 'value',
    unit: 'none',
    queries: [q('A', 'traces', [{ expression: 'count()' }], and(SCOPE, `${OP} = 'execute_tool'`))],
    width: 3,
    height: 4,
  },
  {
    key: 'guardrail-trips-total',
    title: 'Guardrail trips',
    description: 'run_guardrail spans whose tripwire fired (gen_ai.guardrail.triggered = true).',
    kind: 'value',
    unit: 'none',
    queries: [
      q(
        'A',
        'traces',
        [{ expression: 'count()' }],
        and(SCOPE, `${OP} = 'run_guardrail'`, 'gen_ai.guardrail.triggered = true'),
      ),
    ],
    width: 3,
    height: 4,
  },
];

const tokens: PanelDef[] = [
  {
    key: 'token-usage-by-model',
    title: 'Token usage by model (input / output)',
    description:
      'Tokens per interval from gen_ai.client.token.usage, split by gen_ai.token.type and gen_ai.request.model.',
    kind: 'timeseries',
    unit: 'none',
    queries: [
      q('A', 'metrics', [histogramSum(METRIC_TOKEN_USAGE)], CHAT_METRIC_SCOPE, {
        groupBy: [MODEL, TOKEN_TYPE],
        legend: '{{gen_ai.request.model}} {{gen_ai.token.type}}',
      }),
    ],
    width: 6,
    height: 6,
    stacked: true,
  },
  {
    key: 'tokens-per-call',
    title: 'Average tokens per model call',
    description: 'gen_ai.client.token.usage sum ÷ count, per token type and model: the size of a typical chat call.',
    kind: 'timeseries',
    unit: 'none',
    queries: [
      q('A', 'metrics', [histogramSum(METRIC_TOKEN_USAGE)], CHAT_METRIC_SCOPE, {
        groupBy: [MODEL, TOKEN_TYPE],
        disabled: true,
      }),
      q('B', 'metrics', [histogramCount(METRIC_TOKEN_USAGE)], CHAT_METRIC_SCOPE, {
        groupBy: [MODEL, TOKEN_TYPE],
        disabled: true,
      }),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: '{{gen_ai.request.model}} {{gen_ai.token.type}}' }],
    width: 6,
    height: 6,
  },
  {
    key: 'cached-input-ratio-by-model',
    title: 'Cached input token ratio by model',
    description: 'Cache-read input tokens ÷ input tokens, per model.',
    kind: 'timeseries',
    unit: 'percentunit',
    queries: [
      q('A', 'metrics', [counterIncrease(METRIC_CACHE_READ_TOKENS)], CHAT_METRIC_SCOPE, {
        groupBy: [MODEL],
        disabled: true,
      }),
      q('B', 'metrics', [histogramSum(METRIC_TOKEN_USAGE)], and(CHAT_METRIC_SCOPE, `${TOKEN_TYPE} = 'input'`), {
        groupBy: [MODEL],
        disabled: true,
      }),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: '{{gen_ai.request.model}}' }],
    width: 6,
    height: 6,
  },
  estimatedCostByModel(),
];

const latency: PanelDef[] = [
  {
    key: 'operation-duration-percentiles',
    title: 'GenAI operation duration p50 / p95 / p99',
    description:
      'Percentiles of gen_ai.client.operation.duration (histogram buckets) by gen_ai.operation.name and model.',
    kind: 'timeseries',
    unit: 's',
    queries: (['p50', 'p95', 'p99'] as const).map((p, i) =>
      q(
        String.fromCharCode(65 + i),
        'metrics',
        [histogramPercentile(METRIC_OPERATION_DURATION, p)],
        GENAI_METRIC_SCOPE,
        {
          groupBy: [OP, MODEL],
          legend: `${p} {{gen_ai.operation.name}} {{gen_ai.request.model}}`,
        },
      ),
    ),
    width: 12,
    height: 7,
  },
  {
    key: 'time-to-first-chunk',
    title: 'Time to first chunk p50 / p95 (streamed answers)',
    description:
      'Percentiles of gen_ai.client.operation.time_to_first_chunk (histogram buckets) by model: how long a streamed model call takes to send its first chunk. Only streamed calls (reportStream / followUpStream) record it.',
    kind: 'timeseries',
    unit: 's',
    queries: (['p50', 'p95'] as const).map((p, i) =>
      q(
        String.fromCharCode(65 + i),
        'metrics',
        [histogramPercentile(METRIC_TIME_TO_FIRST_CHUNK, p)],
        CHAT_METRIC_SCOPE,
        {
          groupBy: [MODEL],
          legend: `${p} {{gen_ai.request.model}}`,
        },
      ),
    ),
    width: 6,
    height: 6,
  },
  {
    key: 'call-volume',
    title: 'GenAI call volume by operation',
    description: 'Operations per second (gen_ai.client.operation.duration count) by gen_ai.operation.name and model.',
    kind: 'timeseries',
    unit: 'reqps',
    queries: [
      q('A', 'metrics', [histogramCount(METRIC_OPERATION_DURATION, 'rate')], GENAI_METRIC_SCOPE, {
        groupBy: [OP, MODEL],
        legend: '{{gen_ai.operation.name}} {{gen_ai.request.model}}',
      }),
    ],
    width: 6,
    height: 6,
  },
  {
    key: 'errors-by-type',
    title: 'GenAI errors by error.type',
    description:
      'Failed operations per second by error.type and operation (a guardrail trip shows as InputGuardrailTripwireTriggered on invoke_agent).',
    kind: 'timeseries',
    unit: 'reqps',
    queries: [
      q(
        'A',
        'metrics',
        [histogramCount(METRIC_OPERATION_DURATION, 'rate')],
        and(GENAI_METRIC_SCOPE, `${ERROR_TYPE} EXISTS`),
        {
          groupBy: [ERROR_TYPE, OP],
          legend: '{{error.type}} ({{gen_ai.operation.name}})',
        },
      ),
    ],
    width: 6,
    height: 6,
  },
  {
    key: 'error-rate-by-operation',
    title: 'GenAI error rate by operation',
    description: 'Share of operations with an error.type, per gen_ai.operation.name.',
    kind: 'timeseries',
    unit: 'percentunit',
    queries: [
      q('A', 'metrics', [histogramCount(METRIC_OPERATION_DURATION)], and(GENAI_METRIC_SCOPE, `${ERROR_TYPE} EXISTS`), {
        groupBy: [OP],
        disabled: true,
      }),
      q('B', 'metrics', [histogramCount(METRIC_OPERATION_DURATION)], GENAI_METRIC_SCOPE, {
        groupBy: [OP],
        disabled: true,
      }),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: '{{gen_ai.operation.name}}' }],
    width: 6,
    height: 6,
  },
  {
    key: 'error-rate-by-error-type',
    title: 'GenAI error rate by error.type',
    description:
      'Share of all GenAI operations that failed with each error.type (errors of that type ÷ all operations in the selection).',
    kind: 'timeseries',
    unit: 'percentunit',
    queries: [
      q('A', 'metrics', [histogramCount(METRIC_OPERATION_DURATION)], and(GENAI_METRIC_SCOPE, `${ERROR_TYPE} EXISTS`), {
        groupBy: [ERROR_TYPE],
        disabled: true,
      }),
      q('B', 'metrics', [histogramCount(METRIC_OPERATION_DURATION)], GENAI_METRIC_SCOPE, { disabled: true }),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: '{{error.type}}' }],
    width: 6,
    height: 6,
  },
  {
    key: 'errors-table',
    title: 'GenAI errors by type (table)',
    description: 'Failed operations in the time range, by error.type, operation and model.',
    kind: 'table',
    unit: 'none',
    queries: [
      q('A', 'metrics', [histogramCount(METRIC_OPERATION_DURATION)], and(GENAI_METRIC_SCOPE, `${ERROR_TYPE} EXISTS`), {
        groupBy: [ERROR_TYPE, OP, MODEL],
      }),
    ],
    width: 12,
    height: 5,
  },
];

const AGENT_SPANS = and(SCOPE, `${OP} = 'invoke_agent'`);
const TOOL_SPANS = and(SCOPE, `${OP} = 'execute_tool'`);
const GUARDRAIL_SPANS = and(SCOPE, `${OP} = 'run_guardrail'`);

const agent: PanelDef[] = [
  {
    key: 'agent-invocations',
    title: 'Agent invocations by agent',
    description: 'invoke_agent spans per interval, by agent (gen_ai.agent.name).',
    kind: 'timeseries',
    unit: 'none',
    queries: [
      q('A', 'traces', [{ expression: 'count()' }], AGENT_SPANS, {
        groupBy: ['gen_ai.agent.name'],
        legend: '{{gen_ai.agent.name}}',
      }),
    ],
    width: 6,
    height: 6,
  },
  {
    key: 'agent-duration',
    title: 'Agent invocation latency p95',
    description: 'p95 duration of invoke_agent spans, by agent.',
    kind: 'timeseries',
    unit: 'ns',
    queries: [
      q('A', 'traces', [{ expression: 'p95(duration_nano)' }], AGENT_SPANS, {
        groupBy: ['gen_ai.agent.name'],
        legend: 'p95 {{gen_ai.agent.name}}',
      }),
    ],
    width: 6,
    height: 6,
  },
  {
    key: 'tool-calls-by-tool',
    title: 'Tool calls by tool',
    description: 'execute_tool spans per interval, by gen_ai.tool.name.',
    kind: 'timeseries',
    unit: 'none',
    queries: [
      q('A', 'traces', [{ expression: 'count()' }], TOOL_SPANS, {
        groupBy: ['gen_ai.tool.name'],
        legend: '{{gen_ai.tool.name}}',
      }),
    ],
    width: 6,
    height: 6,
    stacked: true,
  },
  {
    key: 'tool-calls-table',
    title: 'Tools: calls and latency',
    description: 'Per tool (gen_ai.tool.name): number of calls, average and p95 duration of execute_tool spans.',
    kind: 'table',
    unit: 'none',
    queries: [
      q(
        'A',
        'traces',
        [
          { expression: 'count()', alias: 'Calls' },
          { expression: 'avg(duration_nano)', alias: 'Avg duration' },
          { expression: 'p95(duration_nano)', alias: 'p95 duration' },
        ],
        TOOL_SPANS,
        { groupBy: ['gen_ai.tool.name'] },
      ),
    ],
    columnUnits: { 'A.avg(duration_nano)': 'ns', 'A.p95(duration_nano)': 'ns' },
    width: 6,
    height: 6,
  },
  {
    key: 'conversations-table',
    title: 'Conversations: turns, tokens and latency',
    description:
      'Per conversation (gen_ai.conversation.id, the session id): turns (invoke_agent spans), last turn number (gen_ai.agent.turn), input and output tokens, average and p95 turn latency.',
    kind: 'table',
    unit: 'none',
    queries: [
      q(
        'A',
        'traces',
        [
          { expression: 'count()', alias: 'Turns' },
          { expression: 'max(gen_ai.agent.turn)', alias: 'Last turn' },
          { expression: 'sum(gen_ai.usage.input_tokens)', alias: 'Input tokens' },
          { expression: 'sum(gen_ai.usage.output_tokens)', alias: 'Output tokens' },
          { expression: 'avg(duration_nano)', alias: 'Avg turn latency' },
          { expression: 'p95(duration_nano)', alias: 'p95 turn latency' },
        ],
        and(AGENT_SPANS, 'gen_ai.conversation.id EXISTS'),
        { groupBy: ['gen_ai.conversation.id'] },
      ),
    ],
    columnUnits: { 'A.avg(duration_nano)': 'ns', 'A.p95(duration_nano)': 'ns' },
    width: 12,
    height: 6,
  },
  {
    key: 'guardrail-trips',
    title: 'Guardrail trips by guardrail',
    description: 'run_guardrail spans with gen_ai.guardrail.triggered = true, by gen_ai.guardrail.name.',
    kind: 'bar',
    unit: 'none',
    queries: [
      q('A', 'traces', [{ expression: 'count()' }], and(GUARDRAIL_SPANS, 'gen_ai.guardrail.triggered = true'), {
        groupBy: ['gen_ai.guardrail.name'],
        legend: '{{gen_ai.guardrail.name}}',
      }),
    ],
    width: 6,
    height: 6,
  },
  {
    key: 'guardrail-trip-rate',
    title: 'Guardrail trip rate',
    description: 'Tripped ÷ evaluated run_guardrail spans, by guardrail.',
    kind: 'table',
    unit: 'percentunit',
    queries: [
      q('A', 'traces', [{ expression: 'count()' }], and(GUARDRAIL_SPANS, 'gen_ai.guardrail.triggered = true'), {
        groupBy: ['gen_ai.guardrail.name'],
        disabled: true,
      }),
      q('B', 'traces', [{ expression: 'count()' }], GUARDRAIL_SPANS, {
        groupBy: ['gen_ai.guardrail.name'],
        disabled: true,
      }),
    ],
    formulas: [{ name: 'F1', expression: 'A / B', legend: 'Trip rate' }],
    columnUnits: { F1: 'percentunit' },
    width: 6,
    height: 6,
  },
];

const GRAPHQL_OPERATIONS = and(SCOPE, 'graphql.operation.name EXISTS');

const graphql: PanelDef[] = [
  {
    key: 'graphql-request-rate',
    title: 'GraphQL requests by operation',
    description: 'GraphQL executions per second by graphql.operation.name (Report, FollowUp, …).',
    kind: 'timeseries',
    unit: 'reqps',
    queries: [
      q('A', 'traces', [{ expression: 'rate()' }], GRAPHQL_OPERATIONS, {
        groupBy: ['graphql.operation.name'],
        legend: '{{graphql.operation.name}}',
      }),
    ],
    width: 6,
    height: 6,
  },
  {
    key: 'graphql-latency',
    title: 'GraphQL latency by operation (p50 / p95 / p99)',
    description: 'Duration percentiles of the GraphQL execute span, by operation.',
    kind: 'timeseries',
    unit: 'ns',
    queries: (['p50', 'p95', 'p99'] as const).map((p, i) =>
      q(String.fromCharCode(65 + i), 'traces', [{ expression: `${p}(duration_nano)` }], GRAPHQL_OPERATIONS, {
        groupBy: ['graphql.operation.name'],
        legend: `${p} {{graphql.operation.name}}`,
      }),
    ),
    width: 6,
    height: 6,
  },
  {
    key: 'graphql-errors',
    title: 'GraphQL errors by field and code',
    description:
      'Root resolver spans (graphql.resolve report / followUp) that ended in error, by field and error.type, the GraphQL error code (GUARDRAIL_TRIPPED, SESSION_NOT_FOUND, …).',
    kind: 'timeseries',
    unit: 'none',
    queries: [
      q('A', 'traces', [{ expression: 'count()' }], and(SCOPE, 'graphql.field.name EXISTS', 'has_error = true'), {
        groupBy: ['graphql.field.name', ERROR_TYPE],
        legend: '{{graphql.field.name}} {{error.type}}',
      }),
    ],
    width: 6,
    height: 6,
    stacked: true,
  },
  {
    key: 'http-server-duration',
    title: 'HTTP server latency p95',
    description:
      'p95 of http.server.request.duration (histogram buckets) by method and status code. (The service exports no http.route: every GraphQL call is POST /graphql.)',
    kind: 'timeseries',
    unit: 's',
    queries: [
      q('A', 'metrics', [histogramPercentile(METRIC_HTTP_SERVER_DURATION, 'p95')], SCOPE, {
        groupBy: ['http.request.method', 'http.response.status_code'],
        legend: 'p95 {{http.request.method}} {{http.response.status_code}}',
      }),
    ],
    width: 6,
    height: 6,
  },
  {
    key: 'http-server-rate',
    title: 'HTTP requests by status code',
    description: 'Requests per second (http.server.request.duration count) by http.response.status_code.',
    kind: 'timeseries',
    unit: 'reqps',
    queries: [
      q('A', 'metrics', [histogramCount(METRIC_HTTP_SERVER_DURATION, 'rate')], SCOPE, {
        groupBy: ['http.response.status_code'],
        legend: '{{http.response.status_code}}',
      }),
    ],
    width: 6,
    height: 6,
    stacked: true,
  },
];

export const NBA_REPORTER_GENAI: DashboardDef = {
  slug: 'nba-reporter-genai',
  title: 'NBA Reporter: GenAI',
  description:
    'Tokens, cost, latency and errors of the NBA Reporter agent (OpenTelemetry GenAI metrics gen_ai.client.token.usage / gen_ai.client.operation.duration), agent, tool and guardrail spans, and the GraphQL API in front of it.',
  tags: ['genai', 'llm', 'openai-agents', 'graphql', 'nba-reporter'],
  variables: [
    {
      name: 'service_name',
      description: 'service.name of the NBA Reporter API',
      attribute: 'service.name',
      signal: 'all',
    },
    {
      name: 'environment',
      description: 'deployment.environment resource attribute (set it with OTEL_RESOURCE_ATTRIBUTES)',
      attribute: 'deployment.environment',
      signal: 'all',
    },
    { name: 'model', description: 'gen_ai.request.model', attribute: MODEL, signal: 'all' },
    { name: 'operation', description: 'gen_ai.operation.name (chat, invoke_agent)', attribute: OP, signal: 'all' },
  ],
  sections: [
    { title: 'Overview', panels: overview },
    { title: 'Tokens and cost', panels: tokens },
    { title: 'GenAI latency and errors', panels: latency },
    { title: 'Agent, tools and guardrails', panels: agent },
    { title: 'GraphQL API', panels: graphql },
  ],
};
