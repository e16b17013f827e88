/**
 * The GenAI metric points of one trace, derived from its spans.
 *
 * Why not a MetricReader: a reader sees aggregated histograms (a count and a sum per attribute set since start),
 * not the points of one turn, and there is no MeterProvider at all when metrics are not exported. The bridge
 * (@nba-reporter/agents-otel) records each point from the same values it puts on the span (SDK start/end times,
 * the usage attributes), so the points are rebuilt here by the same rules (genai-telemetry.md §14.3):
 * - a model call (`chat`): one `gen_ai.client.operation.duration` point, plus `gen_ai.client.token.usage` points
 *   for input and output when usage was reported;
 * - `invoke_agent`: one duration point, no token points (they would count the model calls twice).
 * Failed operations carry `error.type` on their duration point. A test checks the sums against the exported
 * histograms of the same requests.
 */
import type { Attributes, GenAiMetricPoint, ViewSpan } from './types.js';

const INFERENCE_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content']);
const CHAT_POINT_KEYS = [
  'gen_ai.operation.name',
  'gen_ai.provider.name',
  'gen_ai.request.model',
  'gen_ai.response.model',
  'server.address',
  'server.port',
];
const AGENT_POINT_KEYS = ['gen_ai.operation.name', 'gen_ai.provider.name', 'gen_ai.request.model'];

export function isInference(span: ViewSpan): boolean {
  return INFERENCE_OPERATIONS.has(String(span.attributes['gen_ai.operation.name']));
}

export function isAgent(span: ViewSpan): boolean {
  return span.attributes['gen_ai.operation.name'] === 'invoke_agent';
}

function pick(attributes: Attributes, keys: readonly string[]): Attributes {
  const out: Attributes = {};
  for (const key of keys) {
    const value = attributes[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** `spans` in the order they ended, which is the order the bridge records the points. */
export function genAiPoints(spans: readonly ViewSpan[]): GenAiMetricPoint[] {
  const points: GenAiMetricPoint[] = [];
  for (const span of spans) {
    const inference = isInference(span);
    if (!inference && !isAgent(span)) continue;
    const common = pick(span.attributes, inference ? CHAT_POINT_KEYS : AGENT_POINT_KEYS);
    const errorType = span.attributes['error.type'];
    points.push({
      name: 'gen_ai.client.operation.duration',
      unit: 's',
      value: span.durationMs / 1e3,
      attributes: errorType === undefined ? common : { ...common, 'error.type': errorType },
      spanId: span.spanId,
    });
    if (!inference) continue;
    for (const [type, key] of [
      ['input', 'gen_ai.usage.input_tokens'],
      ['output', 'gen_ai.usage.output_tokens'],
    ] as const) {
      const value = span.attributes[key];
      if (typeof value !== 'number') continue;
      points.push({
        name: 'gen_ai.client.token.usage',
        unit: '{token}',
        value,
        attributes: { ...common, 'gen_ai.token.type': type },
        spanId: span.spanId,
      });
    }
  }
  return points;
}
