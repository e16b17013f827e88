/** The trace as a waterfall (one row per span, in tree order, bars on a shared time axis) and the selected span's details. */
import {
  CONTENT_ATTRIBUTES,
  formatMs,
  formatValue,
  GENAI_FIELDS,
  spanMarks,
  type TraceDetail,
  type ViewSpan,
  waterfallRows,
} from './trace-data.js';

const SHOWN = new Set<string>([...GENAI_FIELDS.map(([key]) => key), ...CONTENT_ATTRIBUTES]);

export function Waterfall({
  trace,
  selected,
  onSelect,
}: {
  trace: TraceDetail;
  selected: string | null;
  onSelect: (spanId: string) => void;
}) {
  const { rows, totalMs } = waterfallRows(trace.spans);
  const scale = totalMs > 0 ? totalMs : 1;
  return (
    <div className="nba-waterfall" role="table" aria-label="Spans of the trace" data-testid="waterfall">
      {rows.map(({ span, depth, offsetMs, durationMs }) => {
        const marks = spanMarks(span);
        const classes = ['nba-wf-row'];
        if (marks.error) classes.push('is-error');
        if (marks.tripped) classes.push('is-tripped');
        if (span.spanId === selected) classes.push('is-selected');
        return (
          <div
            key={span.spanId}
            role="row"
            tabIndex={0}
            className={classes.join(' ')}
            data-testid="waterfall-row"
            data-span-name={span.name}
            data-span-id={span.spanId}
            data-depth={depth}
            aria-selected={span.spanId === selected}
            onClick={() => onSelect(span.spanId)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') onSelect(span.spanId);
            }}
          >
            <span className="nba-wf-name" role="cell" style={{ paddingLeft: `${depth * 12}px` }} title={span.name}>
              <span className="nba-wf-label">{span.name}</span>
              {span.kind !== 'INTERNAL' ? <span className="nba-wf-kind">{span.kind.toLowerCase()}</span> : null}
              {marks.tripped ? (
                <span className="nba-badge nba-badge-warn" data-testid="mark-tripped" title="The guardrail tripped">
                  tripped
                </span>
              ) : null}
              {marks.error ? (
                <span className="nba-badge nba-badge-error" data-testid="mark-error" title={`Failed: ${marks.error}`}>
                  {marks.error}
                </span>
              ) : null}
            </span>
            <span className="nba-wf-track" role="cell">
              <span
                className="nba-wf-bar"
                style={{ left: `${(offsetMs / scale) * 100}%`, width: `max(2px, ${(durationMs / scale) * 100}%)` }}
              />
            </span>
            <span className="nba-wf-duration" role="cell" data-testid="span-duration">
              {formatMs(durationMs)}
            </span>
          </div>
        );
      })}
    </div>
  );
}

type MetricPoint = TraceDetail['metrics'][number];

export function SpanDetails({ span, points }: { span: ViewSpan | undefined; points: readonly MetricPoint[] }) {
  if (!span) return <p className="nba-muted nba-trace-hint">Select a span to see its attributes.</p>;
  const attributes = span.attributes;
  const genAi = GENAI_FIELDS.filter(([key]) => attributes[key] !== undefined);
  const content = CONTENT_ATTRIBUTES.filter((key) => attributes[key] !== undefined);
  const others = Object.keys(attributes)
    .filter((key) => !SHOWN.has(key))
    .sort();
  return (
    <section className="nba-span-details" data-testid="span-details" data-span-name={span.name}>
      <h3 className="nba-span-title">
        {span.name}{' '}
        <span className="nba-muted">
          · {formatMs(span.durationMs)} · {span.kind.toLowerCase()}
        </span>
        {span.status.code === 'ERROR' ? (
          <span className="nba-badge nba-badge-error">
            ERROR{span.status.message ? `: ${span.status.message}` : ''}
          </span>
        ) : null}
      </h3>
      {genAi.length > 0 ? (
        <table className="nba-attr-table">
          <tbody>
            {genAi.map(([key, label]) => (
              <tr key={key} data-testid={`attr-${key}`} title={key}>
                <th scope="row">{label}</th>
                <td>
                  <code>{formatValue(attributes[key]!)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="nba-muted">No GenAI attributes on this span.</p>
      )}
      {points.length > 0 ? (
        <details className="nba-attr-more" data-testid="span-metrics">
          <summary>GenAI metric points recorded in this span ({points.length})</summary>
          <table className="nba-attr-table">
            <tbody>
              {points.map((point, i) => (
                <tr key={i}>
                  <th scope="row">
                    {point.name}
                    {point.attributes['gen_ai.token.type'] ? ` (${String(point.attributes['gen_ai.token.type'])})` : ''}
                  </th>
                  <td>
                    <code>{point.unit === 's' ? `${point.value.toFixed(4)} s` : `${point.value} ${point.unit}`}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {content.length > 0 ? (
        <details className="nba-attr-more" open data-testid="span-content">
          <summary>Message content (captured)</summary>
          {content.map((key) => (
            <div key={key}>
              <div className="nba-muted">{key}</div>
              <pre className="nba-content">{prettyJson(attributes[key]!)}</pre>
            </div>
          ))}
        </details>
      ) : null}
      {others.length > 0 ? (
        <details className="nba-attr-more">
          <summary>Other attributes ({others.length})</summary>
          <table className="nba-attr-table">
            <tbody>
              {others.map((key) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td>
                    <code>{formatValue(attributes[key]!)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {span.events.length > 0 ? (
        <details className="nba-attr-more">
          <summary>Events ({span.events.length})</summary>
          {span.events.map((event, i) => (
            <div key={i}>
              <strong>{event.name}</strong>{' '}
              <code className="nba-muted">
                {Object.entries(event.attributes)
                  .map(([k, v]) => `${k}=${formatValue(v)}`)
                  .join(' ')}
              </code>
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}

function prettyJson(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}
