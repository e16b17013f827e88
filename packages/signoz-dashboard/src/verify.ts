/**
 * Checks the names a dashboard uses (see extract.ts) against telemetry a service actually emitted.
 *
 * For every builder query it is not enough that each name exists somewhere: the query's whole filter (with
 * `key IN $variable` read as "key is present", i.e. what the query returns with the variable's "ALL" option)
 * must match at least one emitted span or metric point, and every groupBy key and aggregated attribute must be
 * present on the matching items. Metric names use SigNoz's histogram convention: `<name>.bucket`,
 * `<name>.sum` and `<name>.count` must be an emitted histogram `<name>` (`.bucket` with explicit buckets).
 */
import type { Extracted, ExtractedQuery, FilterTerm, Literal } from './extract.js';
import { legendKeys } from './extract.js';

/** The parts of an OTLP span this needs (structurally compatible with @nba-reporter/testing's receiver). */
export interface SpanLike {
  name: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  status: { code: number };
}

export interface MetricPointLike {
  name: string;
  type: string;
  unit?: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  explicitBounds?: number[];
  bucketCounts?: number[];
}

export interface Telemetry {
  spans: SpanLike[];
  metricPoints: MetricPointLike[];
}

/** Span fields SigNoz exposes as columns rather than attributes. */
const SPAN_INTRINSICS: Record<string, (s: SpanLike) => unknown> = {
  name: (s) => s.name,
  duration_nano: () => 1,
  has_error: (s) => s.status.code === 2,
  status_code: (s) => s.status.code,
};

const HISTOGRAM_SUFFIXES = ['.bucket', '.sum', '.count'] as const;

export interface Finding {
  panel: string;
  query: string;
  problem: string;
}

type Item = { attributes: Record<string, unknown>; resource: Record<string, unknown> };

function lookup(item: Item, key: string, intrinsics?: Record<string, (s: never) => unknown>): unknown {
  if (intrinsics && key in intrinsics) return (intrinsics[key] as (s: Item) => unknown)(item);
  if (key in item.attributes) return item.attributes[key];
  if (key in item.resource) return item.resource[key];
  return undefined;
}

function equalsLiteral(actual: unknown, literal: Literal): boolean {
  if (actual === undefined || actual === null) return false;
  if (typeof literal === 'boolean') return actual === literal || String(actual).toLowerCase() === String(literal);
  if (typeof literal === 'number') return Number(actual) === literal;
  return String(actual) === literal;
}

function termMatches(item: Item, term: FilterTerm, intrinsics?: Record<string, (s: never) => unknown>): boolean {
  const actual = lookup(item, term.key, intrinsics);
  if ('variable' in term) return actual !== undefined; // the variable's "ALL" selection: any value of the key
  switch (term.op) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT EXISTS':
      return actual === undefined;
    case 'IN':
      return term.values.some((v) => equalsLiteral(actual, v));
    case 'NOT IN':
      return actual !== undefined && !term.values.some((v) => equalsLiteral(actual, v));
    case '=':
      return equalsLiteral(actual, term.value);
    case '!=':
      return actual !== undefined && !equalsLiteral(actual, term.value);
    default: {
      const n = Number(actual);
      const v = Number(term.value);
      if (actual === undefined || Number.isNaN(n)) return false;
      return term.op === '<' ? n < v : term.op === '<=' ? n <= v : term.op === '>' ? n > v : n >= v;
    }
  }
}

/** Items of the telemetry a metric name designates, or a reason why there are none. */
function pointsFor(metricName: string, telemetry: Telemetry): { points: MetricPointLike[]; problem?: string } {
  const suffix = HISTOGRAM_SUFFIXES.find((s) => metricName.endsWith(s));
  if (suffix) {
    const base = metricName.slice(0, -suffix.length);
    const points = telemetry.metricPoints.filter((p) => p.name === base);
    if (points.length === 0) return { points, problem: `metric ${base} (for ${metricName}) was not emitted` };
    const histograms = points.filter((p) => p.type === 'histogram');
    if (histograms.length === 0)
      return { points: [], problem: `${metricName} needs ${base} to be a histogram, got ${points[0]!.type}` };
    if (suffix === '.bucket') {
      const bucketed = histograms.filter(
        (p) => (p.explicitBounds?.length ?? 0) > 0 && (p.bucketCounts?.length ?? 0) > 0,
      );
      if (bucketed.length === 0)
        return { points: [], problem: `${metricName}: ${base} has no explicit bucket boundaries` };
      return { points: bucketed };
    }
    return { points: histograms };
  }
  const points = telemetry.metricPoints.filter((p) => p.name === metricName);
  if (points.length === 0) return { points, problem: `metric ${metricName} was not emitted` };
  if (points.every((p) => p.type === 'histogram'))
    return { points: [], problem: `${metricName} is a histogram; query it as ${metricName}.bucket/.sum/.count` };
  return { points: points.filter((p) => p.type !== 'histogram') };
}

function describeTerm(term: FilterTerm): string {
  if ('variable' in term) return `${term.key} ${term.op} $${term.variable}`;
  if ('values' in term) return `${term.key} ${term.op} (${term.values.map((v) => JSON.stringify(v)).join(', ')})`;
  if ('value' in term) return `${term.key} ${term.op} ${JSON.stringify(term.value)}`;
  return `${term.key} ${term.op}`;
}

function verifyQuery(query: ExtractedQuery, telemetry: Telemetry): Finding[] {
  const findings: Finding[] = [];
  const add = (problem: string) => findings.push({ panel: query.panel, query: query.query, problem });
  let items: Item[];
  let intrinsics: Record<string, (s: never) => unknown> | undefined;
  if (query.signal === 'metrics') {
    if (query.metricNames.length === 0) add('metrics query without a metric name');
    items = [];
    for (const name of query.metricNames) {
      const { points, problem } = pointsFor(name, telemetry);
      if (problem) add(problem);
      items.push(...points);
    }
    if (items.length === 0) return findings;
  } else if (query.signal === 'traces') {
    items = telemetry.spans;
    intrinsics = SPAN_INTRINSICS;
  } else {
    add(`signal ${query.signal} is not verified by this check`);
    return findings;
  }

  // Each term on its own: the key (and literal value) must exist on the queried items.
  for (const term of query.terms) {
    if (!items.some((it) => lookup(it, term.key, intrinsics) !== undefined) && term.op !== 'NOT EXISTS')
      add(
        `filter key ${term.key} never appears on ${query.signal === 'metrics' ? query.metricNames.join(', ') : 'any span'}`,
      );
    else if (!items.some((it) => termMatches(it, term, intrinsics)))
      add(`filter term "${describeTerm(term)}" matches nothing emitted`);
  }
  // The whole filter together.
  const matching = items.filter((it) => query.terms.every((t) => termMatches(it, t, intrinsics)));
  if (matching.length === 0) {
    if (findings.length === 0)
      add(`filter "${query.filter}" matches no emitted ${query.signal === 'metrics' ? 'point' : 'span'}`);
    return findings;
  }
  for (const key of query.groupBy)
    if (!matching.some((it) => lookup(it, key, intrinsics) !== undefined))
      add(`groupBy key ${key} is absent from the matching data`);
  for (const key of query.aggregationKeys)
    if (!matching.some((it) => lookup(it, key, intrinsics) !== undefined))
      add(`aggregated attribute ${key} is absent from the matching spans`);
  for (const key of legendKeys(query.legend))
    if (!query.groupBy.includes(key)) add(`legend {{${key}}} is not a groupBy key`);
  return findings;
}

/** Every problem found; an empty list means everything the dashboard names was emitted. */
export function verifyAgainstTelemetry(extracted: Extracted, telemetry: Telemetry): Finding[] {
  const findings = extracted.queries.flatMap((q) => verifyQuery(q, telemetry));
  const everything: Item[] = [...telemetry.spans, ...telemetry.metricPoints];
  for (const v of extracted.variables)
    if (!everything.some((it) => lookup(it, v.attribute) !== undefined))
      findings.push({
        panel: `variable $${v.name}`,
        query: '-',
        problem: `attribute ${v.attribute} was never emitted`,
      });
  return findings;
}

/** Flat lists of every referenced name, for reporting. */
export function referencedNames(extracted: Extracted): { metrics: string[]; keys: string[]; literals: string[] } {
  const metrics = new Set<string>();
  const keys = new Set<string>();
  const literals = new Set<string>();
  for (const q of extracted.queries) {
    q.metricNames.forEach((m) => metrics.add(m));
    q.groupBy.forEach((k) => keys.add(k));
    q.aggregationKeys.forEach((k) => keys.add(k));
    for (const t of q.terms) {
      keys.add(t.key);
      if ('value' in t) literals.add(`${t.key}=${JSON.stringify(t.value)}`);
      if ('values' in t) t.values.forEach((v) => literals.add(`${t.key}=${JSON.stringify(v)}`));
    }
  }
  extracted.variables.forEach((v) => keys.add(v.attribute));
  return { metrics: [...metrics].sort(), keys: [...keys].sort(), literals: [...literals].sort() };
}
