/**
 * Tokens and latency per turn of the current conversation, as two small SVG bar charts (no charting library:
 * two bar series are a few lines of SVG, and SVG elements are plain DOM a test can read).
 */
import { formatMs, type TraceSummary } from './trace-data.js';

const WIDTH = 420;
const HEIGHT = 84;
const PAD = { left: 44, right: 8, top: 8, bottom: 18 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

interface ChartProps {
  turns: TraceSummary[];
  current: string | null;
  onOpen: (traceId: string) => void;
}

function Bars({
  turns,
  current,
  onOpen,
  title,
  series,
  format,
  testId,
}: ChartProps & {
  title: string;
  series: { label: string; className: string; value: (t: TraceSummary) => number }[];
  format: (v: number) => string;
  testId: string;
}) {
  const totals = turns.map((t) => series.reduce((sum, s) => sum + s.value(t), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(turns.length, 1);
  const barW = Math.max(4, Math.min(36, slot * 0.6));
  return (
    <figure className="nba-chart" data-testid={testId}>
      <figcaption>
        {title}
        {series.length > 1
          ? series.map((s) => (
              <span key={s.label} className="nba-legend">
                <span className={`nba-swatch ${s.className}`} /> {s.label}
              </span>
            ))
          : null}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={title}>
        <line className="nba-axis" x1={PAD.left} y1={PAD.top + plotH} x2={WIDTH - PAD.right} y2={PAD.top + plotH} />
        <text className="nba-tick" x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">
          {format(max)}
        </text>
        <text className="nba-tick" x={PAD.left - 4} y={PAD.top + plotH} textAnchor="end">
          0
        </text>
        {turns.map((turn, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          let y = PAD.top + plotH;
          const failed = turn.errorType !== null || turn.guardrailTripped;
          return (
            <g
              key={turn.traceId}
              data-testid="session-turn"
              data-trace-id={turn.traceId}
              data-value={totals[i]}
              className={`nba-turn${turn.traceId === current ? ' is-current' : ''}${failed ? ' is-failed' : ''}`}
              onClick={() => onOpen(turn.traceId)}
            >
              <title>{`Turn ${i + 1} (${turn.operation ?? turn.name}): ${series.map((s) => `${s.label} ${format(s.value(turn))}`).join(', ')}${
                turn.guardrailTripped ? ' — guardrail tripped' : turn.errorType ? ` — ${turn.errorType}` : ''
              }`}</title>
              {series.map((s) => {
                const h = (s.value(turn) / max) * plotH;
                y -= h;
                return <rect key={s.label} className={s.className} x={x} y={y} width={barW} height={Math.max(h, 0)} />;
              })}
              {failed ? (
                <text className="nba-fail-mark" x={x + barW / 2} y={PAD.top + plotH - 2} textAnchor="middle">
                  ✕
                </text>
              ) : null}
              <text className="nba-tick" x={x + barW / 2} y={HEIGHT - 4} textAnchor="middle">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function SessionChart({
  sessionId,
  turns,
  current,
  onOpen,
  error,
}: ChartProps & { sessionId: string | null; error: string | null }) {
  if (!sessionId)
    return <p className="nba-muted nba-trace-hint">Run a report: its conversation's turns are charted here.</p>;
  return (
    <section className="nba-session" data-testid="session-panel" data-session-id={sessionId}>
      <h3 className="nba-span-title">
        Session <code className="nba-muted">{sessionId.slice(0, 8)}…</code> · {turns.length} turn
        {turns.length === 1 ? '' : 's'}
      </h3>
      {error ? <p className="nba-error">{error}</p> : null}
      <Bars
        turns={turns}
        current={current}
        onOpen={onOpen}
        title="Tokens per turn"
        testId="chart-tokens"
        format={(v) => String(Math.round(v))}
        series={[
          { label: 'input', className: 'nba-series-in', value: (t) => t.usage?.inputTokens ?? 0 },
          { label: 'output', className: 'nba-series-out', value: (t) => t.usage?.outputTokens ?? 0 },
        ]}
      />
      <Bars
        turns={turns}
        current={current}
        onOpen={onOpen}
        title="Latency per turn (whole request)"
        testId="chart-latency"
        format={(v) => formatMs(v)}
        series={[{ label: 'latency', className: 'nba-series-time', value: (t) => t.durationMs }]}
      />
    </section>
  );
}
