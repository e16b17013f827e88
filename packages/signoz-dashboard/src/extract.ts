/**
 * Reads back, from a dashboard JSON in either SigNoz format, everything that names telemetry: metric names,
 * filter expressions (keys, operators, literal values, variables), groupBy keys, attributes used inside
 * aggregation expressions, legend placeholders and the attributes behind dashboard variables.
 *
 * The emission test feeds this into `verify.ts` to prove the service really emits each of them.
 */
import { detectFormat } from './check.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Literal = string | number | boolean;

export type FilterTerm =
  | { key: string; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Literal }
  | { key: string; op: 'IN' | 'NOT IN'; values: Literal[] }
  | { key: string; op: 'EXISTS' | 'NOT EXISTS' }
  | { key: string; op: 'IN' | 'NOT IN' | '=' | '!='; variable: string };

export interface ExtractedQuery {
  /** Panel title (v6 display.name / v5 title). */
  panel: string;
  query: string;
  signal: 'metrics' | 'traces' | 'logs';
  /** Metric queries: the metric names of the aggregations. */
  metricNames: string[];
  /** Trace/log queries: attribute keys used inside aggregation expressions (`p95(duration_nano)` → duration_nano). */
  aggregationKeys: string[];
  filter: string;
  terms: FilterTerm[];
  groupBy: string[];
  legend: string;
  disabled: boolean;
}

export interface ExtractedFormula {
  panel: string;
  name: string;
  expression: string;
  legend: string;
}

export interface ExtractedVariable {
  name: string;
  attribute: string;
}

export interface Extracted {
  queries: ExtractedQuery[];
  formulas: ExtractedFormula[];
  variables: ExtractedVariable[];
}

// ------------------------------------------------------------------------------------------------------
// Filter expressions
// ------------------------------------------------------------------------------------------------------

type Token =
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'var'; v: string }
  | { t: 'op'; v: string }
  | { t: '(' }
  | { t: ')' }
  | { t: ',' };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      while (j < expr.length && expr[j] !== c) {
        if (expr[j] === '\\' && j + 1 < expr.length) j++;
        s += expr[j];
        j++;
      }
      if (j >= expr.length) throw new Error(`unterminated string in filter: ${expr}`);
      tokens.push({ t: 'string', v: s });
      i = j + 1;
    } else if (c === '$') {
      const m = /^\$\.?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)/.exec(expr.slice(i));
      if (!m) throw new Error(`bad variable in filter: ${expr}`);
      tokens.push({ t: 'var', v: m[1]! });
      i += m[0].length;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c } as Token);
      i++;
    } else if (/[=!<>]/.test(c)) {
      const m = /^(!=|<=|>=|=|<|>)/.exec(expr.slice(i));
      if (!m) throw new Error(`bad operator in filter: ${expr}`);
      tokens.push({ t: 'op', v: m[1]! });
      i += m[1]!.length;
    } else if (/[-0-9]/.test(c) && /^-?\d/.test(expr.slice(i))) {
      const m = /^-?\d+(\.\d+)?/.exec(expr.slice(i))!;
      tokens.push({ t: 'number', v: Number(m[0]) });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_.\-:/]*/.exec(expr.slice(i));
      if (!m) throw new Error(`unexpected "${c}" in filter: ${expr}`);
      tokens.push({ t: 'ident', v: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

const isWord = (tok: Token | undefined, word: string): boolean => tok?.t === 'ident' && tok.v.toUpperCase() === word;

function literalOf(tok: Token | undefined, expr: string): Literal {
  if (tok?.t === 'string' || tok?.t === 'number') return tok.v;
  if (tok?.t === 'ident' && /^(true|false)$/i.test(tok.v)) return tok.v.toLowerCase() === 'true';
  throw new Error(`expected a literal in filter: ${expr}`);
}

/**
 * Parses a SigNoz filter expression made of AND-ed (or juxtaposed, which SigNoz treats as AND) terms:
 * `key = 'v'`, `key != 'v'`, `key IN ('a', 'b')`, `key IN $var`, `key EXISTS`, `key NOT EXISTS`, `key = true`.
 * OR, NOT (other than NOT IN / NOT EXISTS) and parentheses around terms are rejected: the dashboard does not use
 * them, and rejecting keeps the emission check exact.
 */
export function parseFilter(expr: string): FilterTerm[] {
  const tokens = tokenize(expr);
  const terms: FilterTerm[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (isWord(tokens[i], 'AND')) {
      i++;
      continue;
    }
    const keyTok = tokens[i];
    if (keyTok?.t !== 'ident' || isWord(keyTok, 'OR') || isWord(keyTok, 'NOT'))
      throw new Error(`unsupported filter syntax at token ${i} in: ${expr}`);
    const key = keyTok.v;
    i++;
    const next = tokens[i];
    if (isWord(next, 'EXISTS')) {
      terms.push({ key, op: 'EXISTS' });
      i++;
    } else if (isWord(next, 'NOT') && isWord(tokens[i + 1], 'EXISTS')) {
      terms.push({ key, op: 'NOT EXISTS' });
      i += 2;
    } else if (isWord(next, 'IN') || (isWord(next, 'NOT') && isWord(tokens[i + 1], 'IN'))) {
      const op = isWord(next, 'IN') ? 'IN' : 'NOT IN';
      i += op === 'IN' ? 1 : 2;
      const first = tokens[i];
      if (first?.t === 'var') {
        terms.push({ key, op, variable: first.v });
        i++;
      } else if (first?.t === '(') {
        const values: Literal[] = [];
        i++;
        while (tokens[i] && tokens[i]!.t !== ')') {
          if (tokens[i]!.t === ',') i++;
          else values.push(literalOf(tokens[i++], expr));
        }
        if (tokens[i]?.t !== ')') throw new Error(`unterminated IN list in: ${expr}`);
        i++;
        terms.push({ key, op, values });
      } else throw new Error(`IN needs a list or a variable in: ${expr}`);
    } else if (next?.t === 'op') {
      const op = next.v as '=' | '!=' | '<' | '<=' | '>' | '>=';
      const value = tokens[i + 1];
      if (value?.t === 'var') {
        if (op !== '=' && op !== '!=') throw new Error(`variable with ${op} in: ${expr}`);
        terms.push({ key, op, variable: value.v });
      } else terms.push({ key, op, value: literalOf(value, expr) });
      i += 2;
    } else throw new Error(`expected an operator after ${key} in: ${expr}`);
  }
  return terms;
}

/** Attribute keys used as arguments of trace/log aggregation expressions: `sum(a.b)`, `p95(duration_nano)`. */
export function aggregationKeys(expression: string): string[] {
  const keys: string[] = [];
  for (const m of expression.matchAll(/[A-Za-z_0-9]+\(\s*([^)]*?)\s*\)/g)) {
    const arg = m[1]!.trim();
    if (arg) keys.push(arg);
  }
  return keys;
}

/** `{{gen_ai.request.model}} {{gen_ai.token.type}}` → the keys. */
export function legendKeys(legend: string): string[] {
  return [...legend.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!);
}

// ------------------------------------------------------------------------------------------------------
// Walk both formats
// ------------------------------------------------------------------------------------------------------

function fromV6Builder(panel: string, spec: Json): ExtractedQuery {
  const aggregations = Array.isArray(spec.aggregations) ? spec.aggregations.filter(isObject) : [];
  const filter = isObject(spec.filter) && typeof spec.filter.expression === 'string' ? spec.filter.expression : '';
  return {
    panel,
    query: String(spec.name),
    signal: spec.signal as ExtractedQuery['signal'],
    metricNames: aggregations.map((a) => a.metricName).filter((n): n is string => typeof n === 'string'),
    aggregationKeys: aggregations.flatMap((a) =>
      typeof a.expression === 'string' ? aggregationKeys(a.expression) : [],
    ),
    filter,
    terms: parseFilter(filter),
    groupBy: (Array.isArray(spec.groupBy) ? spec.groupBy : []).filter(isObject).map((g) => String(g.name)),
    legend: typeof spec.legend === 'string' ? spec.legend : '',
    disabled: spec.disabled === true,
  };
}

function extractV6(doc: Json): Extracted {
  const spec = doc.spec as Json;
  const out: Extracted = { queries: [], formulas: [], variables: [] };
  for (const v of (spec.variables as Json[]) ?? []) {
    const vs = v.spec as Json;
    const plugin = vs.plugin as Json | undefined;
    if (plugin?.kind === 'signoz/DynamicVariable')
      out.variables.push({ name: String(vs.name), attribute: String((plugin.spec as Json).name) });
  }
  for (const panel of Object.values(spec.panels as Record<string, Json>)) {
    const ps = panel.spec as Json;
    const title = String((ps.display as Json).name);
    for (const query of ps.queries as Json[]) {
      const plugin = (query.spec as Json).plugin as Json;
      if (plugin.kind === 'signoz/BuilderQuery') out.queries.push(fromV6Builder(title, plugin.spec as Json));
      else
        for (const entry of (plugin.spec as Json).queries as Json[]) {
          const es = entry.spec as Json;
          if (entry.type === 'builder_query') out.queries.push(fromV6Builder(title, es));
          else if (entry.type === 'builder_formula')
            out.formulas.push({
              panel: title,
              name: String(es.name),
              expression: String(es.expression),
              legend: String(es.legend ?? ''),
            });
        }
    }
  }
  return out;
}

function extractClassic(doc: Json): Extracted {
  const out: Extracted = { queries: [], formulas: [], variables: [] };
  for (const v of Object.values(doc.variables as Record<string, Json>))
    if (v.type === 'DYNAMIC')
      out.variables.push({ name: String(v.name), attribute: String(v.dynamicVariablesAttribute) });
  for (const w of doc.widgets as Json[]) {
    if (w.panelTypes === 'row') continue;
    const title = String(w.title);
    const builder = (w.query as Json).builder as Json;
    for (const qd of builder.queryData as Json[]) {
      const aggregations = Array.isArray(qd.aggregations) ? qd.aggregations.filter(isObject) : [];
      const filter = isObject(qd.filter) && typeof qd.filter.expression === 'string' ? qd.filter.expression : '';
      out.queries.push({
        panel: title,
        query: String(qd.queryName),
        signal: qd.dataSource as ExtractedQuery['signal'],
        metricNames: aggregations.map((a) => a.metricName).filter((n): n is string => typeof n === 'string'),
        aggregationKeys: aggregations.flatMap((a) =>
          typeof a.expression === 'string' ? aggregationKeys(a.expression.replace(/\s+as\s+'[^']*'\s*$/i, '')) : [],
        ),
        filter,
        terms: parseFilter(filter),
        groupBy: (Array.isArray(qd.groupBy) ? qd.groupBy : []).filter(isObject).map((g) => String(g.key)),
        legend: typeof qd.legend === 'string' ? qd.legend : '',
        disabled: qd.disabled === true,
      });
    }
    for (const f of (builder.queryFormulas as Json[]) ?? [])
      out.formulas.push({
        panel: title,
        name: String(f.queryName),
        expression: String(f.expression),
        legend: String(f.legend ?? ''),
      });
  }
  return out;
}

export function extract(doc: unknown): Extracted {
  const format = detectFormat(doc);
  if (format === 'v6') return extractV6(doc as Json);
  if (format === 'classic') return extractClassic(doc as Json);
  throw new Error('not a SigNoz dashboard');
}
