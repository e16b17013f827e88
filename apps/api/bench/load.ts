/**
 * What the benchmarks share: the `report` they send, a POST to the API, a collector stand-in, a process's CPU time
 * from /proc and CPU pinning.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** The Raptors win-percentage `report`: on the offline model, a tool-calling turn. */
export const REPORT_BODY = JSON.stringify({
  query:
    'mutation Report($input: ReportInput!) { report(input: $input) { sessionId message usage { totalTokens } traceId } }',
  variables: {
    input: { topic: 'GENERAL', message: 'The Raptors went 46-36 this NBA season. What was their win percentage?' },
  },
});

/**
 * POSTs `body` to the API's /graphql; resolves with the latency in ms when the answer is a 200 without errors (and
 * holds `expected`, when given), rejects otherwise.
 */
export function post(agent: Agent | undefined, port: number, body: string, expected?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const good = res.statusCode === 200 && !text.includes('"errors"') && text.includes(expected ?? '');
          if (good) resolve(performance.now() - started);
          else reject(new Error(`bad answer ${res.statusCode}: ${text.slice(0, 200)}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A collector stand-in: accepts every OTLP export and throws it away. */
export async function startSink() {
  let exports = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports: () => exports,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** utime + stime of a process, in microseconds. */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1e6;
}

/**
 * Pins a process (all its threads) to one CPU with taskset (util-linux), so the load generator and the server under
 * test do not fight over a core. False when taskset is missing: figures are noisier, not wrong.
 */
export function pin(pid: number, cpu: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
