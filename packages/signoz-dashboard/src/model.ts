/**
 * A small, format-neutral description of a SigNoz dashboard. `definition.ts` describes the NBA Reporter
 * dashboard once with these types; `render-v6.ts` and `render-v5.ts` turn it into the two JSON formats
 * SigNoz imports, so the current (v6, Perses) and classic (v5) files can never drift apart.
 */
import { createHash } from 'node:crypto';

export type Signal = 'metrics' | 'traces';

/** Metric aggregation, exactly the fields SigNoz exports for a metrics builder query. */
export interface MetricAggregation {
  metricName: string;
  /** `increase` / `rate` for counters and histogram `.sum`/`.count`; `""` for histogram `.bucket` percentiles. */
  timeAggregation: string;
  /** `sum` for totals; `p50`/`p95`/`p99` for histogram `.bucket` percentiles. */
  spaceAggregation: string;
  /** How a value/table/pie panel reduces a series to one number. */
  reduceTo: 'sum' | 'avg' | 'last' | 'max' | 'min';
}

/** Trace aggregation: a SigNoz expression such as `count()` or `p95(duration_nano)`. */
export interface ExpressionAggregation {
  expression: string;
  alias?: string;
}

export type Aggregation = MetricAggregation | ExpressionAggregation;

export interface QueryDef {
  /** `A`, `B`, … */
  name: string;
  signal: Signal;
  aggregations: Aggregation[];
  /** SigNoz filter expression (`key IN $var AND key = 'literal' AND key EXISTS`). Only AND is used. */
  filter: string;
  groupBy?: string[];
  legend?: string;
  /** Hidden input of a formula. */
  disabled?: boolean;
}

export interface FormulaDef {
  /** `F1`, `F2`, … */
  name: string;
  expression: string;
  legend?: string;
}

export type PanelKind = 'timeseries' | 'value' | 'table' | 'pie' | 'bar';

export interface PanelDef {
  /** Stable key; the panel id is derived from it. */
  key: string;
  title: string;
  description: string;
  kind: PanelKind;
  /** SigNoz unit id: none, s, ns, percentunit, reqps, currencyUSD, … */
  unit: string;
  queries: QueryDef[];
  formulas?: FormulaDef[];
  /** Grid size in SigNoz's 12-column grid. */
  width: number;
  height: number;
  /** Table column units keyed by `<query>.<aggregation>` / formula name. */
  columnUnits?: Record<string, string>;
  stacked?: boolean;
}

export interface SectionDef {
  title: string;
  panels: PanelDef[];
}

export interface VariableDef {
  /** Referenced as `$name` in filter expressions. */
  name: string;
  description: string;
  /** Attribute whose values SigNoz offers (dynamic variable). */
  attribute: string;
  signal: 'all' | 'metrics' | 'traces' | 'logs';
}

export interface DashboardDef {
  /** Namespace for deterministic ids. */
  slug: string;
  title: string;
  description: string;
  tags: string[];
  variables: VariableDef[];
  sections: SectionDef[];
}

export const GRID_COLUMNS = 12;

/** A deterministic UUID (name-based, version-5 layout) so regenerated files are byte-identical. */
export function stableId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('/')).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const isMetricAggregation = (a: Aggregation): a is MetricAggregation => 'metricName' in a;

/** Resource attributes (SigNoz `fieldContext: resource` / v5 `type: resource`); everything else is a span/point attribute. */
export const RESOURCE_KEYS: ReadonlySet<string> = new Set([
  'service.name',
  'service.version',
  'service.namespace',
  'service.instance.id',
  'deployment.environment',
  'deployment.environment.name',
  'host.name',
  'telemetry.sdk.language',
]);

export interface PlacedPanel {
  panel: PanelDef;
  x: number;
  y: number;
}

/** Flows panels left to right in the 12-column grid, wrapping when a row is full. y is relative to the section. */
export function flowLayout(panels: PanelDef[]): { placed: PlacedPanel[]; height: number } {
  const placed: PlacedPanel[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const panel of panels) {
    if (panel.width > GRID_COLUMNS) throw new Error(`panel ${panel.key} is wider than the grid`);
    if (x + panel.width > GRID_COLUMNS) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    placed.push({ panel, x, y });
    x += panel.width;
    rowHeight = Math.max(rowHeight, panel.height);
  }
  return { placed, height: y + rowHeight };
}
