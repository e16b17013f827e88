/**
 * The playground's browser entry: GraphiQL on the API's endpoint, with the example operations as tabs
 * and a header bar that shows the last answer's sessionId and traceId.
 * Bundled by scripts/bundle.mjs; everything it loads comes from the same origin.
 */

import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { StrictMode, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { FOLLOW_UP_QUESTION, playgroundExamples } from '../examples.js';
import { PLAYGROUND_ROOT_ELEMENT_ID } from '../shared.js';
import { AnswerStore, createFetcher, type LastAnswer } from './answers.js';
import { readConfig } from './config.js';
import { createPlaygroundStorage } from './storage.js';
import { type StreamState, StreamStore } from './stream.js';
import { nextSessionId, TracePanel } from './trace-panel.js';

const config = readConfig();

// Monaco's web workers are bundled next to this file (no CDN, no blob: URLs).
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const url =
      label === 'json' ? config.workers.json : label === 'graphql' ? config.workers.graphql : config.workers.editor;
    return new Worker(url, { name: `monaco-${label}` });
  },
};

const answers = new AnswerStore();
const streams = new StreamStore();
const fetcher = createFetcher(config.endpoint, answers, streams);
const storage = createPlaygroundStorage();
const defaultTabs = playgroundExamples.map((example) => ({
  query: example.query,
  variables: JSON.stringify(example.variables, null, 2),
}));

/** What the header bar can ask of GraphiQL; set by <GraphiQLBridge> which lives inside GraphiQL's provider. */
interface PlaygroundActions {
  fillFollowUpSession(sessionId: string): void;
}
const bridge: { current: PlaygroundActions | null } = { current: null };

const FOLLOW_UP_EXAMPLE = playgroundExamples.find((example) => example.operationName === 'FollowUp');

/** Renders nothing; hands GraphiQL's editor actions to the header bar. */
function GraphiQLBridge(): null {
  const actions = useGraphiQLActions();
  const tabs = useGraphiQL((state) => state.tabs);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const latest = useRef({ actions, tabs, queryEditor, variableEditor });
  latest.current = { actions, tabs, queryEditor, variableEditor };

  // GraphiQL 5 starts the variables editor empty (`initialVariables` ignores the active tab's variables), and a
  // tab picked before Monaco has loaded leaves the editors showing the first tab. Once the editors exist, make
  // them show the active tab (e.g. an example's operation and variables).
  const synced = useRef(false);
  const activeTab = useGraphiQL((state) => state.tabs[state.activeTabIndex]);
  useEffect(() => {
    if (synced.current || !queryEditor || !variableEditor || !activeTab) return;
    synced.current = true;
    if (activeTab.query != null && queryEditor.getValue() !== activeTab.query) queryEditor.setValue(activeTab.query);
    if (activeTab.variables != null && variableEditor.getValue() !== activeTab.variables)
      variableEditor.setValue(activeTab.variables);
  }, [queryEditor, variableEditor, activeTab]);

  useEffect(() => {
    bridge.current = {
      fillFollowUpSession(sessionId) {
        const { actions: act, tabs: currentTabs } = latest.current;
        let index = currentTabs.findIndex(
          (tab) => tab.operationName === 'FollowUp' || /mutation\s+FollowUp\b/.test(tab.query ?? ''),
        );
        let variables: Record<string, unknown> = { message: FOLLOW_UP_QUESTION };
        if (index === -1) {
          // The user closed the FollowUp tab: open a new one with the example.
          act.addTab();
          index = latest.current.tabs.length - 1;
          latest.current.queryEditor?.setValue(FOLLOW_UP_EXAMPLE?.query ?? '');
        } else {
          act.changeTab(index);
          try {
            const parsed: unknown = JSON.parse(currentTabs[index]?.variables ?? '');
            if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
              variables = parsed as Record<string, unknown>;
          } catch {
            // Keep the default variables.
          }
        }
        latest.current.variableEditor?.setValue(JSON.stringify({ ...variables, sessionId }, null, 2));
      },
    };
    return () => {
      bridge.current = null;
    };
  }, []);
  return null;
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = useCallback(() => {
    void navigator.clipboard?.writeText(text).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => undefined,
    );
  }, [text]);
  return (
    <button type="button" className="nba-button nba-button-quiet" onClick={copy} title={`Copy the ${label}`}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

function AnswerSummary({
  answer,
  onOpenTrace,
}: {
  answer: LastAnswer | null;
  onOpenTrace: ((traceId: string) => void) | null;
}) {
  if (!answer) {
    return (
      <span className="nba-muted" data-testid="last-answer-empty">
        Run an example: its sessionId and traceId show up here.
      </span>
    );
  }
  return (
    <>
      <span className="nba-field" data-testid="last-operation">
        <span className="nba-label">Last:</span>
        <span className="nba-value">{answer.operationName || answer.field || 'operation'}</span>
        {answer.errorCode ? (
          <span className="nba-error" data-testid="last-error-code" title={answer.errorMessage ?? undefined}>
            {answer.errorCode}
          </span>
        ) : null}
      </span>
      <span className="nba-field">
        <span className="nba-label">sessionId</span>
        <code className="nba-value" data-testid="last-session-id">
          {answer.sessionId ?? '—'}
        </code>
        {answer.sessionId ? (
          <>
            <button
              type="button"
              className="nba-button"
              data-testid="use-session-in-follow-up"
              title="Open the FollowUp tab with this sessionId in its variables"
              onClick={() => bridge.current?.fillFollowUpSession(answer.sessionId ?? '')}
            >
              Use in FollowUp
            </button>
            <CopyButton text={answer.sessionId} label="session id" />
          </>
        ) : null}
      </span>
      <span className="nba-field">
        <span className="nba-label">traceId</span>
        <code className="nba-value" data-testid="last-trace-id" title="Look this trace up in your tracing backend">
          {answer.traceId ?? (answer.errorCode ? '—' : 'null (tracing off)')}
        </code>
        {answer.traceId && onOpenTrace ? (
          <button
            type="button"
            className="nba-button"
            data-testid="open-trace"
            title="Show this request's spans beside the answer"
            onClick={() => onOpenTrace(answer.traceId ?? '')}
          >
            Show trace
          </button>
        ) : null}
        {answer.traceId ? <CopyButton text={answer.traceId} label="trace id" /> : null}
      </span>
    </>
  );
}

/** The text of the last streamed answer, as it arrives (shown once a subscription has run). */
function StreamPanel({ stream }: { stream: StreamState | null }) {
  if (!stream) return null;
  return (
    <section className="nba-stream" data-testid="stream-panel" aria-live="polite">
      <span className="nba-label">Streaming {stream.operationName}</span>
      <span className={stream.status === 'failed' ? 'nba-error' : 'nba-muted'} data-testid="stream-status">
        {stream.status}
      </span>
      <output className="nba-stream-text" data-testid="stream-text">
        {stream.text}
      </output>
    </section>
  );
}

function resetExamples(): void {
  storage.clear();
  window.location.reload();
}

function Playground() {
  const answer = useSyncExternalStore(answers.subscribe, answers.getSnapshot);
  const stream = useSyncExternalStore(streams.subscribe, streams.getSnapshot);
  const [panelOpen, setPanelOpen] = useState(false);
  const [shownTrace, setShownTrace] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  // The panel follows the answers: each new one shows its own trace, and its session's chart.
  useEffect(() => {
    if (answer?.traceId) setShownTrace(answer.traceId);
    setSessionId((previous) => nextSessionId(previous, answer));
  }, [answer]);
  const openTrace = useCallback((traceId: string) => {
    setShownTrace(traceId);
    setPanelOpen(true);
  }, []);
  return (
    <div className="graphiql-container nba-shell">
      <header className="nba-bar" data-testid="playground-bar">
        <strong className="nba-title">{config.title}</strong>
        <code className="nba-muted nba-value" title="The GraphQL endpoint this playground talks to (POST, JSON)">
          {config.endpoint}
        </code>
        <span className="nba-answer" aria-live="polite">
          <AnswerSummary answer={answer} onOpenTrace={config.traces ? openTrace : null} />
        </span>
        {config.traces ? (
          <button
            type="button"
            className="nba-button nba-button-quiet"
            data-testid="toggle-trace-panel"
            aria-pressed={panelOpen}
            onClick={() => setPanelOpen((open) => !open)}
            title="Show or hide the trace panel (the API's local trace view)"
          >
            {panelOpen ? 'Hide traces' : 'Traces'}
          </button>
        ) : null}
        <button
          type="button"
          className="nba-button nba-button-quiet"
          onClick={resetExamples}
          title="Forget edited tabs and restore the examples"
        >
          Reset examples
        </button>
      </header>
      <StreamPanel stream={stream} />
      <div className="nba-main">
        <div className="nba-graphiql">
          <GraphiQL
            fetcher={fetcher}
            storage={storage}
            defaultTabs={defaultTabs}
            defaultEditorToolsVisibility="variables"
            shouldPersistHeaders={false}
            isHeadersEditorEnabled
          >
            <GraphiQL.Logo>NBA Reporter</GraphiQL.Logo>
            <GraphiQL.Footer>
              <GraphiQLBridge />
            </GraphiQL.Footer>
          </GraphiQL>
        </div>
        {config.traces && panelOpen ? (
          <TracePanel
            base={config.traces}
            traceId={shownTrace}
            sessionId={sessionId}
            onOpen={openTrace}
            onClose={() => setPanelOpen(false)}
          />
        ) : null}
      </div>
    </div>
  );
}

const container = document.getElementById(PLAYGROUND_ROOT_ELEMENT_ID);
if (!container) throw new Error(`The page has no #${PLAYGROUND_ROOT_ELEMENT_ID} element.`);
document.title = config.title;
createRoot(container).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
