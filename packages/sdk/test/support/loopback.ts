// A loopback HTTP server for runtime unit tests: records each request and answers with
// whatever the current handler returns.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: { query?: string; variables?: Record<string, unknown>; [key: string]: unknown };
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface Loopback {
  url: string;
  requests: RecordedRequest[];
  reply(handler: Reply | ((request: RecordedRequest) => Reply)): void;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const requests: RecordedRequest[] = [];
  let handler: (request: RecordedRequest) => Reply = () => ({ body: { data: null } });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as RecordedRequest['body']) : {},
      };
      requests.push(recorded);
      const reply = handler(recorded);
      const send = (): void => {
        if (res.destroyed) return;
        const json = typeof reply.body !== 'string';
        res.writeHead(reply.status ?? 200, {
          'content-type': json ? 'application/graphql-response+json; charset=utf-8' : 'text/html',
          ...reply.headers,
        });
        res.end(json ? JSON.stringify(reply.body ?? null) : reply.body);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    reply(next) {
      handler = typeof next === 'function' ? next : () => next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const turn = {
  sessionId: 'sess-1',
  topic: 'GENERAL',
  message: 'The Raptors won .561 of their games.',
  model: 'offline',
  usage: { requests: 1, inputTokens: 10, outputTokens: 5, totalTokens: 15, cachedInputTokens: 0, reasoningTokens: 0 },
  traceId: null,
} as const;
