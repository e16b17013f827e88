/**
 * `node --import <this file>` before the API's own start command, with OTEL_SDK_DISABLED=true: the server then runs
 * with telemetry off (no instrumentation, no Agents SDK tracing, no bridge), while this preload starts the NodeSDK
 * (OTLP to OTEL_EXPORTER_OTLP_ENDPOINT, no instrumentations) and makes one offline turn's telemetry
 * (./turn-telemetry.ts) when each POST's response finishes. Against the same server without it, side by side, the
 * difference is what the OpenTelemetry SDK alone costs for a turn's telemetry inside the running server: the floor
 * under the telemetry-added target. Used by `npm run bench:otel-floor-server --workspace @nba-reporter/api`.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as api from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { turnTelemetry } from './turn-telemetry.ts';

// The app must see telemetry off (OTEL_SDK_DISABLED=true); the NodeSDK reads the same variable, so it is lifted
// while the SDK starts.
const disabled = process.env.OTEL_SDK_DISABLED;
process.env.OTEL_SDK_DISABLED = 'false';
const sdk = new NodeSDK({ contextManager: new AsyncLocalStorageContextManager(), instrumentations: [] });
sdk.start();
process.env.OTEL_SDK_DISABLED = disabled;

const turn = turnTelemetry(api);
subscribe('http.server.request.start', (message) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  if (request.method === 'POST') response.once('finish', turn);
});
process.once('SIGTERM', () => void sdk.shutdown());
