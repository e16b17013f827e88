// The SDK must work when the optional peer @opentelemetry/api is not installed.

import { createNbaReporterClient } from '@nba-reporter/sdk';
import { afterAll, expect, test, vi } from 'vitest';
import { startLoopback } from './support/loopback.js';

const imports = vi.hoisted(() => ({ count: 0 }));
vi.mock('@opentelemetry/api', () => {
  imports.count++;
  throw new Error("Cannot find package '@opentelemetry/api'");
});

const server = await startLoopback();
afterAll(() => server.close());

test('without @opentelemetry/api: requests succeed, carry no traceparent, and the import is tried once', async () => {
  server.reply({ body: { data: { topics: [{ topic: 'GENERAL', name: 'General' }] } } });
  const client = createNbaReporterClient({ url: server.url });
  await expect(client.topics()).resolves.toHaveLength(1);
  await expect(createNbaReporterClient({ url: server.url }).topics()).resolves.toHaveLength(1);
  expect(server.requests.map((r) => r.headers.traceparent)).toEqual([undefined, undefined]);
  expect(imports.count).toBe(1);
});
