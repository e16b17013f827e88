/**
 * Structural checks for SigNoz dashboard JSON, in both formats SigNoz imports:
 *
 * - v6 (`schemaVersion: "v6"`, Perses-compatible; SigNoz ≥ v0.135 and Cloud), and
 * - classic (`version: "v5"` / `"v4"`: `widgets` + `layout` + `panelMap`; older self-hosted SigNoz).
 *
 * The rules were derived from real SigNoz exports (the SigNoz/dashboards templates) and are run over them in
 * test/structure.test.ts, so the checker is known to accept what SigNoz itself produces. It returns a list of
 * human-readable problems; an empty list means the file is structurally sound.
 */

type Json = Record<string, unknown>;

export type DashboardFormat = 'v6' | 'classic';

export const V6_PANEL_KINDS: ReadonlySet<string> = new Set([
  'signoz/TimeSeriesPanel',
  'signoz/NumberPanel',
  'signoz/TablePanel',
  'signoz/PieChartPanel',
  'signoz/ListPanel',
  'signoz/BarChartPanel',
  'signoz/HistogramPanel',
]);
export const V6_QUERY_KINDS: ReadonlySet<string> = new Set(['scalar', 'time_series', 'raw']);
export const V6_VARIABLE_PLUGINS: ReadonlySet<string> = new Set([
  'signoz/DynamicVariable',
  'signoz/QueryVariable',
  'signoz/CustomVariable',
]);
export const SIGNALS: ReadonlySet<string> = new Set(['metrics', 'traces', 'logs']);
export const V5_PANEL_TYPES: ReadonlySet<string> = new Set([
  'graph',
  'value',
  'table',
  'pie',
  'list',
  'bar',
  'row',
  'histogram',
]);
export const V5_VARIABLE_TYPES: ReadonlySet<string> = new Set(['DYNAMIC', 'QUERY', 'CUSTOM', 'TEXTBOX']);
/** SigNoz's grid is 12 columns wide in both formats. */
export const GRID_COLUMNS = 12;
/**
 * react-grid-layout's drag-and-drop placeholder. Real SigNoz v5 exports sometimes contain a layout item with
 * this id (a panel being dropped when the dashboard was saved); it points at no widget and SigNoz ignores it.
 */
export const RGL_PLACEHOLDER = '__dropping-elem__';

export interface CheckOptions {
  /**
   * Also reject two leftovers that real SigNoz v5 exports do contain and SigNoz ignores: the react-grid-layout
   * drop placeholder in `layout`, and `panelMap` entries listing widgets that were deleted. Use it for files
   * written by hand or generated (ours); leave it off for exports from a SigNoz instance.
   */
  strict?: boolean;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isGridNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function detectFormat(doc: unknown): DashboardFormat | undefined {
  if (!isObject(doc)) return undefined;
  if (doc.schemaVersion === 'v6') return 'v6';
  if ((doc.version === 'v5' || doc.version === 'v4') && Array.isArray(doc.widgets)) return 'classic';
  return undefined;
}

/** `$name` and `$.name` (filter expressions) and `{{.name}}` (v4 filter values) variable references in a string. */
export function variableReferences(text: string): string[] {
  const refs: string[] = [];
  for (const m of text.matchAll(/\$\.?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)/g)) refs.push(m[1]!);
  for (const m of text.matchAll(/\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g)) refs.push(m[1]!);
  return refs;
}

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (isObject(value)) for (const v of Object.values(value)) collectStrings(v, out);
  return out;
}

/** Identifiers a formula uses (`A / (A+B)` → A, B); numbers are not identifiers. */
export function formulaOperands(expression: string): string[] {
  return [...expression.matchAll(/\b([A-Za-z][A-Za-z0-9_]*)\b/g)].map((m) => m[1]!);
}

class Problems {
  readonly list: string[] = [];
  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }
}

// ------------------------------------------------------------------------------------------------------
// v6
// ------------------------------------------------------------------------------------------------------

function checkV6BuilderSpec(spec: unknown, where: string, p: Problems): string | undefined {
  if (!isObject(spec)) {
    p.add(where, 'builder query spec is not an object');
    return undefined;
  }
  if (!isNonEmptyString(spec.name)) p.add(where, 'builder query has no name');
  if (!SIGNALS.has(spec.signal as string)) p.add(where, `signal "${String(spec.signal)}" is not metrics/traces/logs`);
  if (!Array.isArray(spec.aggregations) || spec.aggregations.length === 0)
    p.add(where, 'builder query has no aggregation');
  else
    spec.aggregations.forEach((a, i) => {
      if (!isObject(a)) return p.add(where, `aggregation ${i} is not an object`);
      if (spec.signal === 'metrics') {
        if (!isNonEmptyString(a.metricName)) p.add(where, `metrics aggregation ${i} has no metricName`);
        if (typeof a.timeAggregation !== 'string' || typeof a.spaceAggregation !== 'string')
          p.add(where, `metrics aggregation ${i} lacks timeAggregation/spaceAggregation`);
      } else if (!isNonEmptyString(a.expression)) p.add(where, `aggregation ${i} has no expression`);
    });
  if (
    spec.filter !== undefined &&
    spec.filter !== null &&
    !(isObject(spec.filter) && typeof spec.filter.expression === 'string')
  )
    p.add(where, 'filter is not { expression: string }');
  if (spec.groupBy !== undefined && spec.groupBy !== null) {
    if (!Array.isArray(spec.groupBy)) p.add(where, 'groupBy is not an array');
    else
      spec.groupBy.forEach((g, i) =>
        isObject(g) && isNonEmptyString(g.name) ? undefined : p.add(where, `groupBy ${i} has no name`),
      );
  }
  return isNonEmptyString(spec.name) ? spec.name : undefined;
}

function checkV6Query(query: unknown, panelKind: string, where: string, p: Problems): void {
  if (!isObject(query) || !isObject(query.spec)) {
    p.add(where, 'query is not { kind, spec }');
    return;
  }
  if (!V6_QUERY_KINDS.has(query.kind as string))
    p.add(where, `query kind "${String(query.kind)}" is not scalar/time_series/raw`);
  if ((query.kind === 'raw') !== (panelKind === 'signoz/ListPanel'))
    p.add(where, `query kind "${String(query.kind)}" does not fit panel ${panelKind} (raw is for list panels only)`);
  const plugin = query.spec.plugin;
  if (!isObject(plugin)) {
    p.add(where, 'query has no plugin');
    return;
  }
  if (plugin.kind === 'signoz/BuilderQuery') {
    checkV6BuilderSpec(plugin.spec, where, p);
    return;
  }
  if (plugin.kind !== 'signoz/CompositeQuery') {
    p.add(where, `query plugin "${String(plugin.kind)}" is unknown`);
    return;
  }
  const queries = isObject(plugin.spec) ? plugin.spec.queries : undefined;
  if (!Array.isArray(queries) || queries.length === 0) {
    p.add(where, 'composite query has no queries');
    return;
  }
  const names = new Set<string>();
  const formulas: { name: string; expression: string }[] = [];
  let builders = 0;
  for (const [i, entry] of queries.entries()) {
    const at = `${where} > queries[${i}]`;
    if (!isObject(entry)) {
      p.add(at, 'entry is not an object');
      continue;
    }
    if (entry.type === 'builder_query') {
      builders++;
      const name = checkV6BuilderSpec(entry.spec, at, p);
      if (name) {
        if (names.has(name)) p.add(at, `duplicate query name ${name}`);
        names.add(name);
      }
    } else if (entry.type === 'builder_formula') {
      const spec = isObject(entry.spec) ? entry.spec : {};
      if (!isNonEmptyString(spec.name) || !isNonEmptyString(spec.expression))
        p.add(at, 'formula needs a name and an expression');
      else formulas.push({ name: spec.name, expression: spec.expression });
    } else p.add(at, `entry type "${String(entry.type)}" is unknown`);
  }
  if (builders === 0) p.add(where, 'composite query has no builder query');
  for (const f of formulas) {
    if (names.has(f.name)) p.add(where, `formula name ${f.name} collides with a query`);
    for (const operand of formulaOperands(f.expression))
      if (!names.has(operand))
        p.add(where, `formula ${f.name} (${f.expression}) uses ${operand}, which is not a query of this panel`);
  }
}

function checkV6(doc: Json, p: Problems): void {
  const spec = doc.spec;
  if (!isObject(spec)) {
    p.add('spec', 'missing');
    return;
  }
  if (!isObject(spec.display) || !isNonEmptyString(spec.display.name)) p.add('spec.display.name', 'missing');
  if (!Array.isArray(doc.tags)) p.add('tags', 'not an array');

  // Variables
  const declared = new Set<string>();
  if (!Array.isArray(spec.variables)) p.add('spec.variables', 'not an array');
  else
    spec.variables.forEach((v, i) => {
      const where = `spec.variables[${i}]`;
      if (!isObject(v) || !isObject(v.spec)) return p.add(where, 'not { kind, spec }');
      const name = v.spec.name;
      if (!isNonEmptyString(name)) p.add(where, 'no name');
      else if (declared.has(name)) p.add(where, `duplicate variable ${name}`);
      else declared.add(name);
      if (v.kind === 'ListVariable') {
        const plugin = v.spec.plugin;
        if (!isObject(plugin) || !V6_VARIABLE_PLUGINS.has(plugin.kind as string))
          p.add(where, `list variable plugin "${String(isObject(plugin) ? plugin.kind : plugin)}" is unknown`);
        else if (plugin.kind === 'signoz/DynamicVariable') {
          const ps = isObject(plugin.spec) ? plugin.spec : {};
          if (!isNonEmptyString(ps.name)) p.add(where, 'dynamic variable has no attribute name');
          if (!['all', 'traces', 'metrics', 'logs'].includes(ps.signal as string))
            p.add(where, `dynamic variable signal "${String(ps.signal)}" is unknown`);
        }
      } else if (v.kind !== 'TextVariable') p.add(where, `variable kind "${String(v.kind)}" is unknown`);
    });

  // Panels
  const panelIds = new Set<string>();
  if (!isObject(spec.panels)) p.add('spec.panels', 'not an object');
  else
    for (const [id, panel] of Object.entries(spec.panels)) {
      const where = `panel ${id}`;
      panelIds.add(id);
      if (!isObject(panel) || panel.kind !== 'Panel' || !isObject(panel.spec)) {
        p.add(where, 'not { kind: "Panel", spec }');
        continue;
      }
      const ps = panel.spec;
      if (!isObject(ps.display) || typeof ps.display.name !== 'string') p.add(where, 'no display.name');
      const kind = isObject(ps.plugin) ? (ps.plugin.kind as string) : '';
      if (!V6_PANEL_KINDS.has(kind)) p.add(where, `panel plugin "${kind}" is unknown`);
      if (!Array.isArray(ps.queries) || ps.queries.length === 0) p.add(where, 'has no query');
      else ps.queries.forEach((query, i) => checkV6Query(query, kind, `${where} > queries[${i}]`, p));
      for (const ref of variableReferences(collectStrings(ps.queries).join('\n')))
        if (!declared.has(ref)) p.add(where, `references undeclared variable $${ref}`);
    }

  // Layouts
  const laidOut = new Map<string, number>();
  if (!Array.isArray(spec.layouts) || spec.layouts.length === 0) p.add('spec.layouts', 'missing or empty');
  else
    spec.layouts.forEach((grid, g) => {
      const where = `spec.layouts[${g}]`;
      if (!isObject(grid) || grid.kind !== 'Grid' || !isObject(grid.spec) || !Array.isArray(grid.spec.items))
        return p.add(where, 'not a Grid with items');
      grid.spec.items.forEach((item, i) => {
        const at = `${where}.items[${i}]`;
        if (!isObject(item)) return p.add(at, 'not an object');
        const { x, y, width, height } = item;
        if (
          !isGridNumber(x) ||
          !isGridNumber(y) ||
          !isGridNumber(width) ||
          !isGridNumber(height) ||
          width === 0 ||
          height === 0
        )
          p.add(at, 'x/y/width/height must be non-negative integers (width, height > 0)');
        else if (x + width > GRID_COLUMNS) p.add(at, `extends past column ${GRID_COLUMNS}`);
        const ref = isObject(item.content) ? item.content.$ref : undefined;
        const m = typeof ref === 'string' ? /^#\/spec\/panels\/(.+)$/.exec(ref) : null;
        if (!m) return p.add(at, `content.$ref "${String(ref)}" is not #/spec/panels/<id>`);
        const id = m[1]!;
        if (!panelIds.has(id)) p.add(at, `points at missing panel ${id}`);
        laidOut.set(id, (laidOut.get(id) ?? 0) + 1);
      });
    });
  for (const id of panelIds) {
    const n = laidOut.get(id) ?? 0;
    if (n !== 1) p.add(`panel ${id}`, n === 0 ? 'is not in any layout' : `is laid out ${n} times`);
  }
}

// ------------------------------------------------------------------------------------------------------
// classic (v5 / v4)
// ------------------------------------------------------------------------------------------------------

function checkClassic(doc: Json, p: Problems, strict: boolean): void {
  const v4 = doc.version === 'v4';
  if (typeof doc.title !== 'string' || doc.title.trim() === '') p.add('title', 'missing');
  if (!Array.isArray(doc.layout)) {
    p.add('layout', 'not an array');
    return;
  }
  const widgets = doc.widgets as unknown[];

  // Variables
  const declared = new Set<string>();
  if (!isObject(doc.variables)) p.add('variables', 'not an object keyed by id');
  else
    for (const [key, v] of Object.entries(doc.variables)) {
      const where = `variables.${key}`;
      if (!isObject(v)) {
        p.add(where, 'not an object');
        continue;
      }
      if (!isNonEmptyString(v.name)) p.add(where, 'no name');
      else if (declared.has(v.name)) p.add(where, `duplicate variable ${v.name}`);
      else declared.add(v.name);
      if (!V5_VARIABLE_TYPES.has(v.type as string)) p.add(where, `type "${String(v.type)}" is unknown`);
      if (v.type === 'DYNAMIC' && !isNonEmptyString(v.dynamicVariablesAttribute))
        p.add(where, 'dynamic variable has no attribute');
      if (v.type === 'QUERY' && !isNonEmptyString(v.queryValue)) p.add(where, 'query variable has no queryValue');
    }

  // Widgets
  const widgetIds = new Set<string>();
  const rowIds = new Set<string>();
  widgets.forEach((w, i) => {
    const where = `widgets[${i}]`;
    if (!isObject(w)) return p.add(where, 'not an object');
    if (!isNonEmptyString(w.id)) return p.add(where, 'no id');
    if (widgetIds.has(w.id)) p.add(where, `duplicate id ${w.id}`);
    widgetIds.add(w.id);
    if (!V5_PANEL_TYPES.has(w.panelTypes as string)) p.add(where, `panelTypes "${String(w.panelTypes)}" is unknown`);
    if (w.panelTypes === 'row') {
      rowIds.add(w.id);
      return;
    }
    if (typeof w.title !== 'string') p.add(where, 'no title');
    const query = w.query;
    if (!isObject(query)) return p.add(where, 'has no query');
    if (query.queryType === 'builder') {
      const builder = isObject(query.builder) ? query.builder : {};
      const data = builder.queryData;
      if (!Array.isArray(data) || data.length === 0) return p.add(where, 'has no builder query');
      const names = new Set<string>();
      data.forEach((qd, j) => {
        const at = `${where}.queryData[${j}]`;
        if (!isObject(qd)) return p.add(at, 'not an object');
        if (!isNonEmptyString(qd.queryName)) p.add(at, 'no queryName');
        else {
          if (names.has(qd.queryName)) p.add(at, `duplicate query ${qd.queryName}`);
          names.add(qd.queryName);
          if (qd.expression !== qd.queryName) p.add(at, 'expression differs from queryName');
        }
        if (!SIGNALS.has(qd.dataSource as string)) p.add(at, `dataSource "${String(qd.dataSource)}" is unknown`);
        if (v4) {
          if (!isNonEmptyString(qd.aggregateOperator)) p.add(at, 'no aggregateOperator');
        } else if (!Array.isArray(qd.aggregations) || qd.aggregations.length === 0) p.add(at, 'no aggregations');
        else
          qd.aggregations.forEach((a, k) => {
            if (!isObject(a)) return p.add(at, `aggregation ${k} is not an object`);
            if (qd.dataSource === 'metrics' ? !isNonEmptyString(a.metricName) : !isNonEmptyString(a.expression))
              p.add(at, `aggregation ${k} has no ${qd.dataSource === 'metrics' ? 'metricName' : 'expression'}`);
          });
        if (qd.filter !== undefined && !(isObject(qd.filter) && typeof qd.filter.expression === 'string'))
          p.add(at, 'filter is not { expression: string }');
        if (
          qd.groupBy !== undefined &&
          !(Array.isArray(qd.groupBy) && qd.groupBy.every((g) => isObject(g) && isNonEmptyString(g.key)))
        )
          p.add(at, 'groupBy entries need a key');
      });
      const formulas = Array.isArray(builder.queryFormulas) ? builder.queryFormulas : [];
      for (const f of formulas) {
        if (!isObject(f) || !isNonEmptyString(f.queryName) || !isNonEmptyString(f.expression)) {
          p.add(where, 'formula needs queryName and expression');
          continue;
        }
        for (const operand of formulaOperands(f.expression))
          if (!names.has(operand))
            p.add(
              where,
              `formula ${f.queryName} (${f.expression}) uses ${operand}, which is not a query of this widget`,
            );
      }
    } else if (query.queryType === 'clickhouse_sql' || query.queryType === 'promql') {
      const list = query[query.queryType];
      if (!Array.isArray(list) || !list.some((e) => isObject(e) && isNonEmptyString(e.query)))
        p.add(where, `has no ${query.queryType} query`);
    } else p.add(where, `queryType "${String(query.queryType)}" is unknown`);
    for (const ref of variableReferences(collectStrings(query).join('\n')))
      if (!declared.has(ref)) p.add(where, `references undeclared variable $${ref}`);
  });

  // Layout
  const laidOut = new Map<string, number>();
  doc.layout.forEach((item, i) => {
    const where = `layout[${i}]`;
    if (!isObject(item) || !isNonEmptyString(item.i)) return p.add(where, 'no i');
    if (item.i === RGL_PLACEHOLDER) {
      if (strict) p.add(where, 'is the react-grid-layout drop placeholder');
      return;
    }
    if (!widgetIds.has(item.i)) p.add(where, `points at missing widget ${item.i}`);
    laidOut.set(item.i, (laidOut.get(item.i) ?? 0) + 1);
    const { x, y, w, h } = item;
    if (!isGridNumber(x) || !isGridNumber(y) || !isGridNumber(w) || !isGridNumber(h) || w === 0 || h === 0)
      p.add(where, 'x/y/w/h must be non-negative integers (w, h > 0)');
    else if (x + w > GRID_COLUMNS) p.add(where, `extends past column ${GRID_COLUMNS}`);
  });
  for (const id of widgetIds) {
    const n = laidOut.get(id) ?? 0;
    if (n !== 1) p.add(`widget ${id}`, n === 0 ? 'is not in the layout' : `is laid out ${n} times`);
  }

  // panelMap: rows → their widgets
  if (doc.panelMap !== undefined) {
    if (!isObject(doc.panelMap)) p.add('panelMap', 'not an object');
    else
      for (const [rowId, entry] of Object.entries(doc.panelMap)) {
        const where = `panelMap.${rowId}`;
        if (!rowIds.has(rowId)) p.add(where, 'is not a row widget');
        const items = isObject(entry) ? entry.widgets : undefined;
        if (!Array.isArray(items)) {
          p.add(where, 'has no widgets array');
          continue;
        }
        for (const it of items) {
          if (!isObject(it) || !isNonEmptyString(it.i)) p.add(where, 'has an item without i');
          else if (rowIds.has(it.i)) p.add(where, `lists the row ${it.i}`);
          else if (strict && !widgetIds.has(it.i)) p.add(where, `lists ${it.i}, which is not a widget`);
        }
      }
  }
}

/** Checks a parsed dashboard JSON; returns the problems found (empty = valid). */
export function checkDashboard(
  doc: unknown,
  options: CheckOptions = {},
): { format: DashboardFormat | undefined; problems: string[] } {
  const p = new Problems();
  const format = detectFormat(doc);
  if (format === 'v6') checkV6(doc as Json, p);
  else if (format === 'classic') checkClassic(doc as Json, p, options.strict ?? false);
  else p.add('document', 'neither schemaVersion "v6" nor version "v5"/"v4" with widgets');
  return { format, problems: p.list };
}
