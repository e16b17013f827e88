/**
 * Both dashboard files parse and have the structure of real SigNoz exports: every panel has a query, every
 * layout item points at an existing panel, every variable referenced is declared, formulas only use their
 * panel's queries, histogram queries follow SigNoz's conventions, and so on (src/check.ts).
 *
 * The same checker runs over the SigNoz/dashboards reference exports (v6, v5, v4) when they are available
 * (SIGNOZ_REFERENCE_DASHBOARDS, default /work/shared/reference/signoz-dashboards), proving it accepts what
 * SigNoz itself produces; mutated copies of our files prove it rejects what it should.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formulaOperands } from '../src/check.js';
import { legendKeys } from '../src/extract.js';
import { checkDashboard, extract, MODEL_PRICES, NBA_REPORTER_GENAI, variableReferences } from '../src/index.js';
import { README_FILE, V5_FILE, V6_FILE } from './paths.js';

type Json = Record<string, any>;
const load = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

const OURS = [
  { label: 'v6', file: V6_FILE, format: 'v6' as const },
  { label: 'v5', file: V5_FILE, format: 'classic' as const },
];

const REFERENCE_DIR = process.env.SIGNOZ_REFERENCE_DASHBOARDS ?? '/work/shared/reference/signoz-dashboards';
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}
const references = existsSync(REFERENCE_DIR) ? jsonFiles(REFERENCE_DIR) : [];

describe('our dashboards', () => {
  for (const { label, file, format } of OURS) {
    describe(label, () => {
      const doc = load(file);

      test('is a structurally valid SigNoz export', () => {
        const result = checkDashboard(doc, { strict: true });
        expect(result.format).toBe(format);
        expect(result.problems).toEqual([]);
      });

      test('every variable defaults to all values, so a literal import shows data without picking anything', () => {
        const d = doc as {
          spec?: { variables: Array<{ spec: Record<string, unknown> }> };
          variables?: Record<string, Record<string, unknown>>;
        };
        if (format === 'v6') {
          for (const v of d.spec!.variables)
            expect(v.spec, String(v.spec.name)).toMatchObject({ defaultValue: '$__all', allowAllValue: true });
        } else {
          for (const v of Object.values(d.variables!))
            expect(v, String(v.name)).toMatchObject({ allSelected: true, showALLOption: true });
        }
      });

      test('declares the service, model, environment and operation variables, and uses each', () => {
        const { variables, queries } = extract(doc);
        expect(Object.fromEntries(variables.map((v) => [v.name, v.attribute]))).toEqual({
          service_name: 'service.name',
          environment: 'deployment.environment',
          model: 'gen_ai.request.model',
          operation: 'gen_ai.operation.name',
        });
        const used = new Set(queries.flatMap((q) => variableReferences(q.filter)));
        for (const v of variables) expect(used, `$${v.name} is never used`).toContain(v.name);
        // Variables are used as `key IN $var` on the attribute they list.
        for (const q of queries)
          for (const t of q.terms)
            if ('variable' in t) {
              expect(t.op).toBe('IN');
              expect(variables.find((v) => v.name === t.variable)?.attribute).toBe(t.key);
            }
      });

      test('every query is scoped to the selected service and environment', () => {
        for (const q of extract(doc).queries) {
          expect(q.filter, `${q.panel}/${q.query}`).toContain('service.name IN $service_name');
          expect(q.filter, `${q.panel}/${q.query}`).toContain('deployment.environment IN $environment');
        }
      });

      test('histogram queries follow the SigNoz conventions (.bucket percentiles, .sum/.count totals and rates)', () => {
        const aggregations = (
          doc.schemaVersion === 'v6' ? JSON.stringify(doc.spec.panels) : JSON.stringify(doc.widgets)
        ).matchAll(/\{[^{}]*"metricName":[^{}]*\}/g);
        let n = 0;
        for (const [text] of aggregations) {
          const a = JSON.parse(text) as { metricName: string; timeAggregation: string; spaceAggregation: string };
          n++;
          if (a.metricName.endsWith('.bucket')) {
            expect(a.timeAggregation, a.metricName).toBe('');
            expect(['p50', 'p90', 'p95', 'p99']).toContain(a.spaceAggregation);
          } else {
            expect(['increase', 'rate'], a.metricName).toContain(a.timeAggregation);
            expect(a.spaceAggregation, a.metricName).toBe('sum');
          }
        }
        expect(n).toBeGreaterThan(10);
      });

      test('uses dotted OpenTelemetry names, never the pre-v0.88 underscore forms', () => {
        const text = readFileSync(file, 'utf8');
        expect(text).not.toMatch(
          /gen_ai_client|gen_ai_token_type|gen_ai_request_model|http_server_request|service_name"\s*:\s*\{/,
        );
        expect(text).toContain('gen_ai.client.token.usage.sum');
        expect(text).toContain('gen_ai.client.operation.duration.bucket');
      });

      test('legends only use groupBy keys, and formula inputs group compatibly', () => {
        // SigNoz joins a formula's inputs on their labels: an input whose labels are a subset of another's (e.g. an
        // ungrouped total) matches every series of it. Inputs grouped on unrelated keys would never join.
        const { queries, formulas } = extract(doc);
        for (const q of queries)
          for (const key of legendKeys(q.legend)) expect(q.groupBy, `${q.panel}/${q.query} legend`).toContain(key);
        for (const f of formulas) {
          const inputs = formulaOperands(f.expression).map(
            (name) => queries.find((q) => q.panel === f.panel && q.query === name)!,
          );
          const widest = inputs.reduce((a, b) => (b.groupBy.length > a.groupBy.length ? b : a));
          for (const q of inputs)
            for (const key of q.groupBy) expect(widest.groupBy, `${f.panel} ${q.query}`).toContain(key);
          for (const key of legendKeys(f.legend)) expect(widest.groupBy, `${f.panel} ${f.name} legend`).toContain(key);
          for (const q of inputs)
            expect(q.disabled, `${f.panel}/${q.query} feeds a formula and should be hidden`).toBe(true);
        }
      });

      test('formula inputs are additive, so SigNoz fills their gaps with 0 instead of dropping the point', () => {
        // SigNoz's formula evaluator (QueryRangeRequest.GetQueriesSupportingZeroDefault) defaults a missing input
        // to 0 only for metric queries with time aggregation increase/rate/count and trace queries with a single
        // count()/sum()/rate() aggregation. With anything else, a model without traffic would blank the whole
        // cost total, and a missing cache counter would blank the ratio instead of showing 0.
        const { queries, formulas } = extract(doc);
        expect(formulas.length).toBeGreaterThan(5);
        const inputs = formulas.flatMap((f) =>
          formulaOperands(f.expression).map((name) => queries.find((q) => q.panel === f.panel && q.query === name)!),
        );
        // Trace inputs: one aggregation without an attribute argument (count() / rate()).
        for (const input of inputs.filter((q) => q.signal === 'traces'))
          expect(input.aggregationKeys, `${input.panel}/${input.query}`).toEqual([]);
        // Metric inputs: time aggregation, read from the files themselves.
        const metricAggs = [...JSON.stringify(doc).matchAll(/\{[^{}]*"metricName":[^{}]*\}/g)].map(
          ([t]) => JSON.parse(t) as { metricName: string; timeAggregation: string },
        );
        const formulaMetricInputs = new Set(inputs.flatMap((q) => q.metricNames));
        for (const a of metricAggs)
          if (formulaMetricInputs.has(a.metricName) && !a.metricName.endsWith('.bucket'))
            expect(['increase', 'rate'], a.metricName).toContain(a.timeAggregation);
        expect([...formulaMetricInputs].some((m) => m.endsWith('.bucket'))).toBe(false);
      });

      test('has the panels the issue asks for', () => {
        const { queries } = extract(doc);
        const panelsWith = (pred: (q: (typeof queries)[number]) => boolean) =>
          new Set(queries.filter(pred).map((q) => q.panel));
        const uses = (metric: string) => (q: (typeof queries)[number]) => q.metricNames.includes(metric);
        // Token usage over time split input/output by model.
        expect([
          ...panelsWith(
            (q) =>
              uses('gen_ai.client.token.usage.sum')(q) &&
              q.groupBy.includes('gen_ai.token.type') &&
              q.groupBy.includes('gen_ai.request.model'),
          ),
        ]).not.toEqual([]);
        // Duration p50/p95/p99 by operation and model.
        for (const p of ['p50', 'p95', 'p99'])
          expect(
            queries.some(
              (q) =>
                q.metricNames.includes('gen_ai.client.operation.duration.bucket') &&
                q.groupBy.includes('gen_ai.operation.name') &&
                q.groupBy.includes('gen_ai.request.model') &&
                q.legend.startsWith(p),
            ),
          ).toBe(true);
        // Errors by error.type.
        expect(
          queries.some(
            (q) => q.metricNames.includes('gen_ai.client.operation.duration.count') && q.groupBy.includes('error.type'),
          ),
        ).toBe(true);
        // Span panels: agent invocations, tool calls by tool, guardrail trips by guardrail.
        const spanPanel = (value: string, groupKey: string) =>
          queries.some(
            (q) =>
              q.signal === 'traces' &&
              q.terms.some((t) => 'value' in t && t.value === value) &&
              q.groupBy.includes(groupKey),
          );
        expect(spanPanel('invoke_agent', 'gen_ai.agent.name')).toBe(true);
        expect(spanPanel('execute_tool', 'gen_ai.tool.name')).toBe(true);
        expect(spanPanel('run_guardrail', 'gen_ai.guardrail.name')).toBe(true);
        // GraphQL rate and latency by operation.
        expect(
          queries.some(
            (q) =>
              q.signal === 'traces' && q.aggregationKeys.length === 0 && q.groupBy.includes('graphql.operation.name'),
          ),
        ).toBe(true);
        expect(
          queries.some(
            (q) =>
              q.signal === 'traces' &&
              q.aggregationKeys.includes('duration_nano') &&
              q.groupBy.includes('graphql.operation.name'),
          ),
        ).toBe(true);
        // Cached input ratio and estimated cost.
        expect(
          queries.some((q) => q.metricNames.includes('gen_ai.client.inference.usage.cache_read.input_tokens')),
        ).toBe(true);
        const titles = new Set(queries.map((q) => q.panel));
        expect([...titles].filter((t) => /cost/i.test(t)).length).toBeGreaterThanOrEqual(1);
        expect([...titles].filter((t) => /tokens per request/i.test(t)).length).toBe(1);
        expect([...titles].filter((t) => /total tokens/i.test(t)).length).toBe(1);
      });
    });
  }

  test('panel titles are unique', () => {
    const titles = NBA_REPORTER_GENAI.sections.flatMap((s) => s.panels.map((p) => p.title));
    expect(new Set(titles).size).toBe(titles.length);
  });

  test('the v6 and v5 files carry the same panels and queries', () => {
    const v6 = extract(load(V6_FILE));
    const v5 = extract(load(V5_FILE));
    const strip = (e: typeof v6) => ({
      queries: e.queries.map(
        ({ panel, query, signal, metricNames, aggregationKeys, filter, groupBy, legend, disabled }) => ({
          panel,
          query,
          signal,
          metricNames,
          aggregationKeys,
          filter,
          groupBy,
          legend,
          disabled,
        }),
      ),
      formulas: e.formulas,
      variables: e.variables,
    });
    expect(strip(v5)).toEqual(strip(v6));
  });

  test('the v6 panels are grouped in titled sections, like the v5 rows', () => {
    const v6 = load(V6_FILE);
    const v5 = load(V5_FILE);
    const sections = v6.spec.layouts.map((g: Json) => g.spec.display.title);
    expect(sections).toEqual(NBA_REPORTER_GENAI.sections.map((s) => s.title));
    expect(v5.widgets.filter((w: Json) => w.panelTypes === 'row').map((w: Json) => w.title)).toEqual(sections);
  });

  test('the README documents every panel and the price table of the cost panels', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    for (const section of NBA_REPORTER_GENAI.sections)
      for (const panel of section.panels) expect(readme, `README lacks panel "${panel.title}"`).toContain(panel.title);
    for (const price of MODEL_PRICES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${price.model}\``));
      expect(row, `README price row for ${price.model}`).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      expect(Number(cells[2]!.replace('$', ''))).toBe(price.inputPerMillion);
      expect(Number(cells[3]!.replace('$', ''))).toBe(price.outputPerMillion);
    }
  });
});

describe('the checker', () => {
  test.skipIf(references.length === 0)('accepts every SigNoz/dashboards reference export (v6, v5 and v4)', () => {
    const formats = new Set<string>();
    for (const file of references) {
      const result = checkDashboard(load(file));
      expect(result.problems, relative(REFERENCE_DIR, file)).toEqual([]);
      formats.add(String(result.format));
    }
    expect(formats).toEqual(new Set(['v6', 'classic']));
    expect(references.length).toBeGreaterThanOrEqual(20);
  });

  test.skipIf(references.length === 0)('parses every filter expression of the reference exports', () => {
    for (const file of references) {
      const doc = load(file);
      if (doc.version === 'v4') continue; // v4 has structured filters, no expressions
      expect(() => extract(doc), relative(REFERENCE_DIR, file)).not.toThrow();
    }
  });

  describe('rejects broken copies of our files', () => {
    const v6 = () => load(V6_FILE);
    const v5 = () => load(V5_FILE);
    const firstPanelId = (doc: Json) => Object.keys(doc.spec.panels)[0]!;

    test('v6: a panel without a query', () => {
      const doc = v6();
      doc.spec.panels[firstPanelId(doc)].spec.queries = [];
      expect(checkDashboard(doc).problems.join('\n')).toMatch(/has no query/);
    });
    test('v6: a layout item pointing at a missing panel', () => {
      const doc = v6();
      doc.spec.layouts[0].spec.items[0].content.$ref = '#/spec/panels/does-not-exist';
      const problems = checkDashboard(doc).problems.join('\n');
      expect(problems).toMatch(/points at missing panel does-not-exist/);
      expect(problems).toMatch(/is not in any layout/);
    });
    test('v6: an undeclared variable', () => {
      const doc = v6();
      doc.spec.variables = doc.spec.variables.filter((v: Json) => v.spec.name !== 'environment');
      expect(checkDashboard(doc).problems.join('\n')).toMatch(/undeclared variable \$environment/);
    });
    test('v6: a formula using a query the panel lacks, and a panel wider than the grid', () => {
      const doc = v6();
      const panel = Object.values(doc.spec.panels).find(
        (p: any) => p.spec.queries[0].spec.plugin.kind === 'signoz/CompositeQuery',
      ) as Json;
      const entries = panel.spec.queries[0].spec.plugin.spec.queries;
      entries.find((e: Json) => e.type === 'builder_formula').spec.expression = 'A / Z';
      doc.spec.layouts[0].spec.items[0].x = 10;
      const problems = checkDashboard(doc).problems.join('\n');
      expect(problems).toMatch(/uses Z, which is not a query/);
      expect(problems).toMatch(/extends past column 12/);
    });
    test('v5: a widget without a query, a dangling layout item, an undeclared variable, a stray panelMap entry', () => {
      const doc = v5();
      const widget = doc.widgets.find((w: Json) => w.panelTypes !== 'row');
      widget.query.builder.queryData = [];
      doc.layout.push({ i: 'ghost', x: 0, y: 99, w: 1, h: 1 });
      const variableId = Object.keys(doc.variables).find((k) => doc.variables[k].name === 'model')!;
      delete doc.variables[variableId];
      doc.panelMap['not-a-row'] = { collapsed: false, widgets: [] };
      const rowId = Object.keys(doc.panelMap)[0]!;
      doc.panelMap[rowId].widgets.push({ i: 'deleted-widget', x: 0, y: 0, w: 1, h: 1 });
      doc.layout.push({ i: '__dropping-elem__', x: 0, y: 99, w: 1, h: 1 });
      const lenient = checkDashboard(doc).problems.join('\n');
      expect(lenient).not.toMatch(/deleted-widget|__dropping-elem__/);
      const problems = checkDashboard(doc, { strict: true }).problems.join('\n');
      expect(problems).toMatch(/lists deleted-widget, which is not a widget/);
      expect(problems).toMatch(/drop placeholder/);
      expect(problems).toMatch(/has no builder query/);
      expect(problems).toMatch(/points at missing widget ghost/);
      expect(problems).toMatch(/undeclared variable \$model/);
      expect(problems).toMatch(/panelMap.not-a-row: is not a row widget/);
    });
    test('not a dashboard at all', () => {
      expect(checkDashboard({ hello: 'world' }).problems).toEqual([
        'document: neither schemaVersion "v6" nor version "v5"/"v4" with widgets',
      ]);
    });
  });
});
