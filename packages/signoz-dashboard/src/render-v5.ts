/**
 * Renders a DashboardDef in SigNoz's classic dashboard format (`version: "v5"`: `widgets` + `layout` +
 * `panelMap`), for self-hosted SigNoz from v0.88 (dotted metric names, expression filters) up to, not
 * including, v0.135 (which moved dashboards to the v6 / Perses schema).
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

const PANEL_TYPE: Record<PanelKind, string> = {
  timeseries: 'graph',
  value: 'value',
  table: 'table',
  pie: 'pie',
  bar: 'bar',
};

const groupByV5 = (key: string): Json => {
  const type = RESOURCE_KEYS.has(key) ? 'resource' : 'tag';
  return { dataType: 'string', id: `${key}--string--${type}`, isColumn: false, isJSON: false, key, type };
};

function queryData(query: QueryDef): Json {
  return {
    aggregations: query.aggregations.map((a) =>
      isMetricAggregation(a)
        ? {
            metricName: a.metricName,
            reduceTo: a.reduceTo,
            spaceAggregation: a.spaceAggregation,
            temporality: '',
            timeAggregation: a.timeAggregation,
          }
        : { expression: a.alias ? `${a.expression} as '${a.alias}'` : a.expression },
    ),
    dataSource: query.signal,
    disabled: query.disabled ?? false,
    expression: query.name,
    filter: { expression: query.filter },
    functions: [],
    groupBy: (query.groupBy ?? []).map(groupByV5),
    having: { expression: '' },
    legend: query.legend ?? '',
    limit: null,
    orderBy: [],
    queryName: query.name,
    source: '',
    stepInterval: null,
  };
}

const layoutItem = (i: string, x: number, y: number, w: number, h: number): Json => ({
  h,
  i,
  moved: false,
  static: false,
  w,
  x,
  y,
});

function widget(dashboard: DashboardDef, panel: PanelDef): Json {
  const id = stableId(dashboard.slug, 'panel', panel.key);
  return {
    bucketCount: 30,
    bucketWidth: 0,
    columnUnits: panel.columnUnits ?? {},
    contextLinks: { linksData: [] },
    customLegendColors: {},
    decimalPrecision: 2,
    description: panel.description,
    fillMode: 'none',
    fillSpans: false,
    id,
    isLogScale: false,
    isStacked: panel.stacked ?? false,
    legendPosition: 'bottom',
    lineInterpolation: 'spline',
    lineStyle: 'solid',
    mergeAllActiveQueries: false,
    nullZeroValues: 'zero',
    opacity: '1',
    panelTypes: PANEL_TYPE[panel.kind],
    query: {
      builder: {
        queryData: panel.queries.map(queryData),
        queryFormulas: (panel.formulas ?? []).map((f) => ({
          disabled: false,
          expression: f.expression,
          legend: f.legend ?? '',
          queryName: f.name,
        })),
        queryTraceOperator: [],
      },
      clickhouse_sql: [{ disabled: false, legend: '', name: 'A', query: '' }],
      id: stableId(dashboard.slug, 'query', panel.key),
      promql: [{ disabled: false, legend: '', name: 'A', query: '' }],
      queryType: 'builder',
      unit: '',
    },
    selectedLogFields: [],
    selectedTracesFields: [],
    showPoints: false,
    softMax: 0,
    softMin: 0,
    spanGaps: true,
    stackedBarChart: panel.kind === 'bar' ? (panel.stacked ?? false) : false,
    thresholds: [],
    timePreferance: 'GLOBAL_TIME',
    title: panel.title,
    yAxisUnit: panel.unit,
  };
}

export function renderV5(dashboard: DashboardDef): Json {
  const widgets: Json[] = [];
  const layout: Json[] = [];
  const panelMap: Json = {};
  let y = 0;
  for (const section of dashboard.sections) {
    const rowId = stableId(dashboard.slug, 'row', section.title);
    widgets.push({ description: '', id: rowId, panelTypes: 'row', title: section.title });
    layout.push({ ...layoutItem(rowId, 0, y, 12, 1), maxH: 1, minH: 1, minW: 12 });
    y += 1;
    const { placed, height } = flowLayout(section.panels);
    const items = placed.map(({ panel, x, y: dy }) =>
      layoutItem(stableId(dashboard.slug, 'panel', panel.key), x, y + dy, panel.width, panel.height),
    );
    for (const { panel } of placed) widgets.push(widget(dashboard, panel));
    layout.push(...items);
    panelMap[rowId] = { collapsed: false, widgets: items };
    y += height;
  }
  const variables: Json = {};
  dashboard.variables.forEach((v, order) => {
    const id = stableId(dashboard.slug, 'variable', v.name);
    variables[id] = {
      allSelected: true,
      customValue: '',
      defaultValue: '',
      description: v.description,
      dynamicVariablesAttribute: v.attribute,
      dynamicVariablesSource:
        v.signal === 'all'
          ? 'All telemetry'
          : v.signal === 'metrics'
            ? 'Metrics'
            : v.signal === 'traces'
              ? 'Traces'
              : 'Logs',
      id,
      key: id,
      modificationUUID: stableId(dashboard.slug, 'variable-modification', v.name),
      multiSelect: true,
      name: v.name,
      order,
      queryValue: '',
      showALLOption: true,
      sort: 'DISABLED',
      textboxValue: '',
      type: 'DYNAMIC',
    };
  });
  return {
    description: dashboard.description,
    layout,
    panelMap,
    tags: dashboard.tags,
    title: dashboard.title,
    uploadedGrafana: false,
    uuid: stableId(dashboard.slug, 'dashboard'),
    variables,
    version: 'v5',
    widgets,
  };
}
