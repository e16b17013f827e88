/**
 * An OTLP/HTTP receiver for tests: a real HTTP server on 127.0.0.1 that accepts
 * `http/json` exports on /v1/traces, /v1/metrics and /v1/logs and flattens them
 * into plain objects. Protobuf bodies are acknowledged and counted (see `requests()`),
 * not decoded: point exporters at it with OTEL_EXPORTER_OTLP_PROTOCOL=http/json.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlatSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, unknown>;
  status: { code: number; message?: string };
  events: { name: string; attributes: Record<string, unknown> }[];
  resource: Record<string, unknown>;
  scope: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}

export interface FlatMetricPoint {
  name: string;
  unit: string;
  type: 'histogram' | 'sum' | 'gauge' | 'exponentialHistogram';
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  scope: string;
  count?: number;
  sum?: number;
  bucketCounts?: number[];
  explicitBounds?: number[];
  value?: number;
  exemplars: { traceId?: string; spanId?: string }[];
}

export interface FlatLog {
  /** OTLP `eventName` ('' for plain log records). */
  eventName: string;
  traceId: string;
  spanId: string;
  severityNumber: number;
  severityText: string;
  body: unknown;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  scope: string;
}

export interface ReceivedRequest {
  path: string;
  contentType: string;
  bytes: number;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Environment for a child process (e.g. the API spawned by a test) that sends all three signals to
 * the receiver at `url` as http/json, flushing spans and logs within 100 ms and metrics every 300 ms.
 */
export function otlpTestEnv(url: string): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
    OTEL_BLRP_SCHEDULE_DELAY: '100',
    OTEL_METRIC_EXPORT_INTERVAL: '300',
  };
}

export interface OtlpReceiver {
  /** Base URL, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  spans(): FlatSpan[];
  /** The most recently collected value of each metric stream (name + attributes + resource). */
  metricPoints(): FlatMetricPoint[];
  logs(): FlatLog[];
  requests(): ReceivedRequest[];
  /** Polls `probe` until it returns a truthy value, or rejects after `timeoutMs`. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  clear(): void;
  close(): Promise<void>;
}

type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: KeyValue[] };
  bytesValue?: string;
};
type KeyValue = { key: string; value?: AnyValue };

function toValue(v: AnyValue | undefined): unknown {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(toValue);
  if (v.kvlistValue) return toAttributes(v.kvlistValue.values);
  if (v.bytesValue !== undefined) return v.bytesValue;
  return undefined;
}

function toAttributes(list: KeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list ?? []) out[kv.key] = toValue(kv.value);
  return out;
}

const num = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : Number(v));
/** An OTLP/JSON uint64 timestamp (a decimal string or a number) as nanoseconds; 0 when absent. */
const nanos = (v: unknown): bigint => {
  try {
    return typeof v === 'string' || typeof v === 'number' ? BigInt(v) : 0n;
  } catch {
    return 0n;
  }
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: FlatSpan[] = [];
  const logs: FlatLog[] = [];
  const metrics = new Map<string, FlatMetricPoint>();
  /** Collection time (timeUnixNano) of each stream's kept point. */
  const collectedAt = new Map<string, bigint>();
  const requests: ReceivedRequest[] = [];

  /* eslint-disable @typescript-eslint/no-explicit-any */
  const ingestTraces = (body: any) => {
    for (const rs of body.resourceSpans ?? []) {
      const resource = toAttributes(rs.resource?.attributes);
      for (const ss of rs.scopeSpans ?? []) {
        for (const s of ss.spans ?? []) {
          spans.push({
            traceId: s.traceId ?? '',
            spanId: s.spanId ?? '',
            parentSpanId: s.parentSpanId ?? '',
            name: s.name,
            kind: s.kind ?? 0,
            attributes: toAttributes(s.attributes),
            status: { code: s.status?.code ?? 0, ...(s.status?.message ? { message: s.status.message } : {}) },
            events: (s.events ?? []).map((e: any) => ({ name: e.name, attributes: toAttributes(e.attributes) })),
            resource,
            scope: ss.scope?.name ?? '',
            startTimeUnixNano: String(s.startTimeUnixNano),
            endTimeUnixNano: String(s.endTimeUnixNano),
          });
        }
      }
    }
  };

  const ingestMetrics = (body: any) => {
    for (const rm of body.resourceMetrics ?? []) {
      const resource = toAttributes(rm.resource?.attributes);
      for (const sm of rm.scopeMetrics ?? []) {
        for (const m of sm.metrics ?? []) {
          const kinds = ['histogram', 'sum', 'gauge', 'exponentialHistogram'] as const;
          for (const type of kinds) {
            const data = m[type];
            if (!data) continue;
            for (const p of data.dataPoints ?? []) {
              const attributes = toAttributes(p.attributes);
              const point: FlatMetricPoint = {
                name: m.name,
                unit: m.unit ?? '',
                type,
                attributes,
                resource,
                scope: sm.scope?.name ?? '',
                exemplars: (p.exemplars ?? []).map((e: any) => ({ traceId: e.traceId, spanId: e.spanId })),
              };
              if (type === 'histogram' || type === 'exponentialHistogram') {
                point.count = num(p.count) ?? 0;
                point.sum = num(p.sum) ?? 0;
                if (type === 'histogram') {
                  point.bucketCounts = (p.bucketCounts ?? []).map(Number);
                  point.explicitBounds = (p.explicitBounds ?? []).map(Number);
                }
              } else {
                point.value = num(p.asInt ?? p.asDouble);
              }
              const key = JSON.stringify([m.name, attributes, resource['service.instance.id']]);
              // Exports can arrive out of order (a periodic reader whose export outlasts its timeout, which
              // OTEL_METRIC_EXPORT_INTERVAL clamps, starts the next while the last is still in flight): keep the
              // most recently collected point, never a stale one that arrived last.
              const time = nanos(p.timeUnixNano);
              const known = collectedAt.get(key);
              if (known !== undefined && time < known) continue;
              collectedAt.set(key, time);
              metrics.set(key, point);
            }
          }
        }
      }
    }
  };

  const ingestLogs = (body: any) => {
    for (const rl of body.resourceLogs ?? []) {
      const resource = toAttributes(rl.resource?.attributes);
      for (const sl of rl.scopeLogs ?? []) {
        for (const r of sl.logRecords ?? []) {
          logs.push({
            eventName: r.eventName ?? '',
            traceId: r.traceId ?? '',
            spanId: r.spanId ?? '',
            severityNumber: r.severityNumber ?? 0,
            severityText: r.severityText ?? '',
            body: toValue(r.body),
            attributes: toAttributes(r.attributes),
            resource,
            scope: sl.scope?.name ?? '',
          });
        }
      }
    }
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */

  const server = createServer(async (req, res) => {
    try {
      const raw = await readBody(req);
      const contentType = String(req.headers['content-type'] ?? '');
      const path = (req.url ?? '').split('?')[0] ?? '';
      requests.push({ path, contentType, bytes: raw.length, headers: req.headers });
      if (contentType.includes('json') && raw.length > 0) {
        const body: unknown = JSON.parse(raw.toString('utf8'));
        if (path.endsWith('/v1/traces')) ingestTraces(body);
        else if (path.endsWith('/v1/metrics')) ingestMetrics(body);
        else if (path.endsWith('/v1/logs')) ingestLogs(body);
      }
      res.writeHead(200, {
        'content-type': contentType.includes('json') ? 'application/json' : 'application/x-protobuf',
      });
      res.end(contentType.includes('json') ? '{}' : undefined);
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...spans],
    metricPoints: () => [...metrics.values()],
    logs: () => [...logs],
    requests: () => [...requests],
    async waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`OTLP receiver: condition not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    clear() {
      spans.length = 0;
      logs.length = 0;
      metrics.clear();
      collectedAt.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
