import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { rememberAuthorization } from '../src/client/credentials.js';
import {
  formatMs,
  spanMarks,
  type TraceState,
  type ViewSpan,
  watchTrace,
  waterfallRows,
} from '../src/client/trace-data.js';

const ms = (n: number) => String(1_700_000_000_000_000_000n + BigInt(Math.round(n * 1e6)));

function span(
  spanId: string,
  parentSpanId: string,
  start: number,
  end: number,
  extra: Partial<ViewSpan> = {},
): ViewSpan {
  return {
    traceId: 't'.repeat(32),
    spanId,
    parentSpanId,
    name: spanId,
    kind: 'INTERNAL',
    startTimeUnixNano: ms(start),
    endTimeUnixNano: ms(end),
    durationMs: end - start,
    status: { code: 'UNSET' },
    attributes: {},
    events: [],
    scope: 's',
    ...extra,
  };
}

describe('waterfallRows', () => {
  it('lists spans in tree order (children by start time) with depth and offsets from the trace start', () => {
    const spans = [
      span('chat2', 'agent', 30, 40),
      span('root', '', 0, 50),
      span('agent', 'root', 5, 45),
      span('chat1', 'agent', 10, 20),
      span('tool', 'agent', 21, 22),
    ];
    const { rows, totalMs } = waterfallRows(spans);
    expect(totalMs).toBe(50);
    expect(rows.map((r) => [r.span.spanId, r.depth, r.offsetMs, r.durationMs])).toEqual([
      ['root', 0, 0, 50],
      ['agent', 1, 5, 40],
      ['chat1', 2, 10, 10],
      ['tool', 2, 21, 1],
      ['chat2', 2, 30, 10],
    ]);
  });

  it('shows a span whose parent is not in the trace (a remote caller) as a root', () => {
    const { rows } = waterfallRows([span('a', 'remote', 0, 1), span('b', 'a', 0, 1)]);
    expect(rows.map((r) => [r.span.spanId, r.depth])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(waterfallRows([])).toEqual({ rows: [], totalMs: 0 });
  });
});

describe('spanMarks', () => {
  it('marks a tripped guardrail, and a failure by its error.type or its ERROR status', () => {
    expect(spanMarks(span('g', '', 0, 1, { attributes: { 'gen_ai.guardrail.triggered': true } }))).toEqual({
      tripped: true,
      error: null,
    });
    expect(spanMarks(span('c', '', 0, 1, { attributes: { 'error.type': '429' }, status: { code: 'ERROR' } }))).toEqual({
      tripped: false,
      error: '429',
    });
    expect(spanMarks(span('c', '', 0, 1, { status: { code: 'ERROR', message: 'boom' } }))).toEqual({
      tripped: false,
      error: 'boom',
    });
    expect(spanMarks(span('ok', '', 0, 1))).toEqual({ tripped: false, error: null });
  });
});

it('formatMs', () => {
  expect([formatMs(0.25), formatMs(8), formatMs(120.4), formatMs(1500)]).toEqual([
    '0.25 ms',
    '8.0 ms',
    '120 ms',
    '1.50 s',
  ]);
});

describe('watchTrace, against a real HTTP server', () => {
  it('polls past 404 and an incomplete trace until the trace is complete', async () => {
    let calls = 0;
    const server = createServer((req, res) => {
      calls++;
      expect(req.url).toBe(`/debug/traces/${'a'.repeat(32)}`);
      if (calls <= 2) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: 'No trace' }] }));
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ traceId: 'a'.repeat(32), complete: calls >= 4, spans: [] }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/traces`;
    const states: TraceState[] = [];
    try {
      await watchTrace(base, 'a'.repeat(32), new AbortController().signal, (s) => states.push(s));
    } finally {
      server.close();
    }
    expect(calls).toBe(4);
    expect(states.map((s) => (s.status === 'ready' ? `ready:${s.trace.complete}` : s.status))).toEqual([
      'loading',
      'ready:false',
      'ready:true',
    ]);
  });

  it('sends the Authorization header the user last sent to GraphQL (the view is behind the same API key)', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ complete: true, spans: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/traces`;
    try {
      rememberAuthorization(new Headers({ authorization: 'Bearer secret-key-1234' }));
      await watchTrace(base, 'c'.repeat(32), new AbortController().signal, () => {});
      rememberAuthorization(new Headers());
      await watchTrace(base, 'c'.repeat(32), new AbortController().signal, () => {});
    } finally {
      server.close();
    }
    expect(seen).toEqual(['Bearer secret-key-1234', undefined]);
  });

  it('reports a non-404 error once, with the API message', async () => {
    const server = createServer((_req, res) => {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: 'API key required' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/traces`;
    const states: TraceState[] = [];
    try {
      await watchTrace(base, 'b'.repeat(32), new AbortController().signal, (s) => states.push(s));
    } finally {
      server.close();
    }
    expect(states.at(-1)).toEqual({ status: 'failed', message: 'API key required' });
  });
});
