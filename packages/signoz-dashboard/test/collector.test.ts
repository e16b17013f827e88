/**
 * The sample collector config is valid YAML, every pipeline only uses components it defines, and it forwards
 * all three signals from an OTLP receiver (gRPC 4317 + HTTP 4318) to SigNoz with the ingestion-key header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COLLECTOR_FILE } from './paths.js';

type Json = Record<string, any>;
const config = parse(readFileSync(COLLECTOR_FILE, 'utf8')) as Json;

describe('collector/otel-collector-config.yaml', () => {
  test('receives OTLP over gRPC (4317) and HTTP (4318)', () => {
    expect(config.receivers.otlp.protocols.grpc.endpoint).toMatch(/:4317$/);
    expect(config.receivers.otlp.protocols.http.endpoint).toMatch(/:4318$/);
  });

  test('has traces, metrics and logs pipelines built only from defined components', () => {
    const pipelines = config.service.pipelines as Record<string, Json>;
    expect(Object.keys(pipelines).sort()).toEqual(['logs', 'metrics', 'traces']);
    for (const [name, pipeline] of Object.entries(pipelines)) {
      for (const kind of ['receivers', 'processors', 'exporters'] as const) {
        expect(pipeline[kind]?.length, `${name}.${kind}`).toBeGreaterThan(0);
        for (const id of pipeline[kind])
          expect(config[kind], `${name} uses undefined ${kind} ${id}`).toHaveProperty([id]);
      }
      expect(pipeline.processors[0], `${name}: memory_limiter first`).toBe('memory_limiter');
      expect(pipeline.processors.at(-1), `${name}: batch last`).toBe('batch');
    }
    for (const id of config.service.extensions ?? []) expect(config.extensions).toHaveProperty([id]);
  });

  test('exports to SigNoz: Cloud endpoint on 443 by default, ingestion key header, self-hosted by env', () => {
    const exporter = config.exporters['otlp_grpc/signoz'];
    expect(exporter.endpoint).toBe('${env:SIGNOZ_ENDPOINT:-ingest.us.signoz.cloud:443}');
    expect(exporter.headers['signoz-ingestion-key']).toBe('${env:SIGNOZ_INGESTION_KEY:-}');
    expect(exporter.tls.insecure).toBe('${env:SIGNOZ_INSECURE:-false}');
  });

  test('keeps deployment.environment set by the service (insert, not upsert)', () => {
    const [attr] = config.processors['resource/environment'].attributes;
    expect(attr).toMatchObject({ key: 'deployment.environment', action: 'insert' });
  });
});
