/**
 * The trace panel beside GraphiQL: the shown trace as a waterfall with the selected span's attributes, and the
 * current conversation's turns charted. It follows the last answer's traceId, and opens any trace by id (a
 * session turn, a recent trace), fetching it from the API's trace view and polling until the request has ended.
 */
import { useEffect, useState } from 'react';
import type { LastAnswer } from './answers.js';
import { SessionChart } from './session-chart.js';
import {
  fetchRecentTraces,
  fetchSessionTraces,
  formatMs,
  type TraceState,
  type TraceSummary,
  watchTrace,
} from './trace-data.js';
import { SpanDetails, Waterfall } from './waterfall.js';

interface TracePanelProps {
  base: string;
  traceId: string | null;
  sessionId: string | null;
  onOpen: (traceId: string) => void;
  onClose: () => void;
}

function useTrace(base: string, traceId: string | null): TraceState | null {
  const [state, setState] = useState<TraceState | null>(null);
  useEffect(() => {
    if (!traceId) {
      setState(null);
      return;
    }
    const abort = new AbortController();
    void watchTrace(base, traceId, abort.signal, setState);
    return () => abort.abort();
  }, [base, traceId]);
  return state;
}

/** A list that reloads whenever `key` changes; errors are shown, not thrown. */
function useList(
  load: ((signal: AbortSignal) => Promise<TraceSummary[]>) | null,
  key: string,
): { list: TraceSummary[]; error: string | null } {
  const [result, setResult] = useState<{ list: TraceSummary[]; error: string | null }>({ list: [], error: null });
  useEffect(() => {
    if (!load) {
      setResult({ list: [], error: null });
      return;
    }
    const abort = new AbortController();
    load(abort.signal).then(
      (list) => setResult({ list, error: null }),
      (error: unknown) => {
        if (!abort.signal.aborted)
          setResult((r) => ({ list: r.list, error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => abort.abort();
    // `load` is rebuilt each render; `key` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result;
}

export function TracePanel({ base, traceId, sessionId, onOpen, onClose }: TracePanelProps) {
  const state = useTrace(base, traceId);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setSelected(null), [traceId]);

  const trace = state?.status === 'ready' ? state.trace : null;
  // Reload the lists when the shown trace completes: its turn is then in the session, and in the recent list.
  const refresh = `${traceId ?? ''}:${trace?.complete ?? false}`;
  const session = useList(
    sessionId ? (signal) => fetchSessionTraces(base, sessionId, signal) : null,
    `${sessionId ?? ''}:${refresh}`,
  );
  const recent = useList((signal) => fetchRecentTraces(base, signal), refresh);

  const selectedSpan = trace?.spans.find((s) => s.spanId === selected) ?? undefined;
  return (
    <aside className="nba-trace-panel" data-testid="trace-panel" aria-label="Trace of the answer">
      <header className="nba-trace-header">
        <strong>Trace</strong>
        <code className="nba-value" data-testid="trace-panel-id">
          {traceId ?? '—'}
        </code>
        {trace ? (
          <span className="nba-muted" data-testid="trace-summary">
            {trace.spanCount} spans · {formatMs(trace.durationMs)}
            {trace.usage ? ` · ${trace.usage.inputTokens} in / ${trace.usage.outputTokens} out tokens` : ''}
            {trace.complete ? '' : ' · running…'}
          </span>
        ) : null}
        {trace?.guardrailTripped ? (
          <span className="nba-badge nba-badge-warn" data-testid="trace-tripped">
            guardrail tripped
          </span>
        ) : null}
        {trace?.errorType && !trace.guardrailTripped ? (
          <span className="nba-badge nba-badge-error" data-testid="trace-error">
            {trace.errorType}
          </span>
        ) : null}
        <span className="nba-spacer" />
        <select
          className="nba-select"
          data-testid="recent-traces"
          aria-label="Open a recent trace"
          value=""
          onChange={(event) => {
            if (event.target.value) onOpen(event.target.value);
          }}
        >
          <option value="">Recent traces…</option>
          {recent.list.map((t) => (
            <option key={t.traceId} value={t.traceId}>
              {`${new Date(t.startTime).toLocaleTimeString()} ${t.operation ?? t.name} · ${formatMs(t.durationMs)}${t.errorType ? ` · ${t.errorType}` : ''}`}
            </option>
          ))}
        </select>
        <button type="button" className="nba-button nba-button-quiet" onClick={onClose} title="Hide the trace panel">
          Close
        </button>
      </header>
      <div className="nba-trace-body">
        {!traceId ? <p className="nba-muted nba-trace-hint">Run an operation: its trace shows up here.</p> : null}
        {state?.status === 'loading' ? <p className="nba-muted nba-trace-hint">Loading the trace…</p> : null}
        {state?.status === 'missing' || state?.status === 'failed' ? (
          <p className="nba-error nba-trace-hint" data-testid="trace-problem">
            {state.message}
          </p>
        ) : null}
        {trace ? <Waterfall trace={trace} selected={selected} onSelect={setSelected} /> : null}
        {trace ? <SpanDetails span={selectedSpan} points={trace.metrics.filter((m) => m.spanId === selected)} /> : null}
        <SessionChart
          sessionId={sessionId}
          turns={session.list}
          current={traceId}
          onOpen={onOpen}
          error={session.error}
        />
      </div>
    </aside>
  );
}

/** The session whose turns are charted: the last answer's, kept across a failed turn that returned none. */
export function nextSessionId(previous: string | null, answer: LastAnswer | null): string | null {
  return answer?.sessionId ?? previous;
}
