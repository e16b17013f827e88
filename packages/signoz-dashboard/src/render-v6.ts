/**
 * Renders a DashboardDef in SigNoz's current dashboard format (`schemaVersion: "v6"`, Perses-compatible),
 * the format SigNoz ≥ v0.135 and SigNoz Cloud export and import.
 */
import {
  type DashboardDef,
  flowLayout,
  isMetricAggregation,
  type PanelDef,
  type PanelKind,
  type QueryDef,
  RESOURCE_KEYS,
  stableId,
} from './model.js';

type Json = Record<string, unknown>;

const PLUGIN_KIND: Record<PanelKind, string> = {
  timeseries: 'signoz/TimeSeriesPanel',
  value: 'signoz/NumberPanel',
  table: 'signoz/TablePanel',
  pie: 'signoz/PieChartPanel',
  bar: 'signoz/BarChartPanel',
};

/** Value, table and pie panels reduce to one number per series (`scalar`); charts need `time_series`. */
const queryKind = (kind: PanelKind): 'scalar' | 'time_series' =>
  kind === 'timeseries' || kind === 'bar' ? 'time_series' : 'scalar';

const groupByV6 = (key: string): Json => ({
  name: key,
  signal: '',
  fieldContext: RESOURCE_KEYS.has(key) ? 'resource' : 'attribute',
  fieldDataType: 'string',
});

function builderQuery(query: QueryDef): Json {
  return {
    name: query.name,
    signal: query.signal,
    source: '',
    aggregations: query.aggregations.map((a) =>
      isMetricAggregation(a)
        ? {
            metricName: a.metricName,
            temporality: '',
            timeAggregation: a.timeAggregation,
            spaceAggregation: a.spaceAggregation,
            reduceTo: a.reduceTo,
          }
        : a.alias
          ? { expression: a.expression, alias: a.alias }
          : { expression: a.expression },
    ),
    disabled: query.disabled ?? false,
    filter: { expression: query.filter },
    groupBy: (query.groupBy ?? []).map(groupByV6),
    order: [],
    having: { expression: '' },
    functions: [],
    legend: query.legend ?? '',
  };
}

function panelPluginSpec(panel: PanelDef): Json {
  const visualization = { timePreference: 'global_time' };
  const formatting = { unit: panel.unit, decimalPrecision: '2' };
  switch (panel.kind) {
    case 'value':
      return { visualization, formatting, thresholds: null };
    case 'table':
      return {
        visualization,
        formatting: { columnUnits: panel.columnUnits ?? {}, decimalPrecision: '2' },
        thresholds: null,
      };
    case 'pie':
      return { visualization, formatting, legend: { position: 'bottom', mode: 'list', customColors: {} } };
    case 'bar':
      return {
        visualization: { ...visualization, fillSpans: false, stackedBarChart: panel.stacked ?? false },
        formatting,
        axes: { softMin: 0, softMax: 0, isLogScale: false },
        legend: { position: 'bottom', mode: 'list', customColors: {} },
        thresholds: null,
      };
    case 'timeseries':
      return {
        visualization: { ...visualization, fillSpans: false },
        formatting,
        chartAppearance: {
          lineInterpolation: 'spline',
          showPoints: false,
          lineStyle: 'solid',
          fillMode: 'none',
          spanGaps: { fillOnlyBelow: false, fillLessThan: '' },
        },
        axes: { softMin: 0, softMax: 0, isLogScale: false },
        legend: { position: 'bottom', mode: 'list', customColors: {} },
        thresholds: null,
      };
  }
}

function panelQueries(panel: PanelDef): Json[] {
  const kind = queryKind(panel.kind);
  const only = panel.queries[0];
  if (panel.queries.length === 1 && !panel.formulas?.length && only) {
    return [{ kind, spec: { name: only.name, plugin: { kind: 'signoz/BuilderQuery', spec: builderQuery(only) } } }];
  }
  return [
    {
      kind,
      spec: {
        plugin: {
          kind: 'signoz/CompositeQuery',
          spec: {
            queries: [
              ...panel.queries.map((query) => ({ type: 'builder_query', spec: builderQuery(query) })),
              ...(panel.formulas ?? []).map((f) => ({
                type: 'builder_formula',
                spec: {
                  name: f.name,
                  expression: f.expression,
                  disabled: false,
                  having: { expression: '' },
                  legend: f.legend ?? '',
                },
              })),
            ],
          },
        },
      },
    },
  ];
}

export const panelId = (dashboard: DashboardDef, panel: PanelDef): string =>
  stableId(dashboard.slug, 'panel', panel.key);

export function renderV6(dashboard: DashboardDef): Json {
  const panels: Json = {};
  const layouts: Json[] = [];
  for (const section of dashboard.sections) {
    const { placed } = flowLayout(section.panels);
    for (const { panel } of placed) {
      panels[panelId(dashboard, panel)] = {
        kind: 'Panel',
        spec: {
          display: { name: panel.title, description: panel.description },
          plugin: { kind: PLUGIN_KIND[panel.kind], spec: panelPluginSpec(panel) },
          queries: panelQueries(panel),
          links: [],
        },
      };
    }
    layouts.push({
      kind: 'Grid',
      spec: {
        display: { title: section.title, collapse: { open: true } },
        items: placed.map(({ panel, x, y }) => ({
          x,
          y,
          width: panel.width,
          height: panel.height,
          content: { $ref: `#/spec/panels/${panelId(dashboard, panel)}` },
        })),
      },
    });
  }
  return {
    schemaVersion: 'v6',
    generateName: true,
    image: '/assets/Icons/eight-ball',
    tags: dashboard.tags.map((value) => ({ key: 'tag', value })),
    spec: {
      display: { name: dashboard.title, description: dashboard.description },
      variables: dashboard.variables.map((v) => ({
        kind: 'ListVariable',
        spec: {
          name: v.name,
          display: { name: v.name, description: v.description },
          // Perses' "all values": SigNoz drops the `IN $var` filter for ALL, so data without the attribute still shows.
          defaultValue: '$__all',
          allowAllValue: true,
          allowMultiple: true,
          customAllValue: '',
          capturingRegexp: '',
          sort: 'none',
          plugin: { kind: 'signoz/DynamicVariable', spec: { name: v.attribute, signal: v.signal } },
        },
      })),
      panels,
      layouts,
      duration: '',
      refreshInterval: '',
      links: [],
    },
  };
}
