import { describe, expect, test } from 'vitest';
import { createTelemetryConfig } from '../src/bootstrap.js';

const names = (config: ReturnType<typeof createTelemetryConfig>) =>
  (config.instrumentations ?? []).flat().map((i) => i.instrumentationName);

describe('PostgreSQL instrumentation', () => {
  test('is on when the sessions live in PostgreSQL, with spans only inside a traced request', () => {
    for (const url of ['postgres://u@db:5432/nba', 'postgresql://u@db/nba']) {
      const config = createTelemetryConfig({ NBA_REPORTER_SESSION_DB: url });
      expect(names(config)).toContain('@opentelemetry/instrumentation-pg');
      const pg = (config.instrumentations ?? []).flat().find((i) => i.instrumentationName.endsWith('-pg'))!;
      expect(pg.getConfig()).toMatchObject({ requireParentSpan: true });
      for (const i of (config.instrumentations ?? []).flat()) i.disable();
    }
  });

  test('is off with the SQLite default', () => {
    for (const env of [{}, { NBA_REPORTER_SESSION_DB: './data/sessions.db' }]) {
      const config = createTelemetryConfig(env);
      expect(names(config)).not.toContain('@opentelemetry/instrumentation-pg');
      for (const i of (config.instrumentations ?? []).flat()) i.disable();
    }
  });
});
