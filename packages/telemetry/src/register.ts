/**
 * Entry point for `node --import @nba-reporter/telemetry/register app.js`.
 * Checks OTEL_SDK_DISABLED before anything else: when it is true, no OpenTelemetry module is
 * loaded or constructed at all (the stock NodeSDK would still patch http and graphql).
 */
import { isSdkDisabled } from './env.js';

if (!isSdkDisabled()) {
  const { startTelemetry } = await import('./bootstrap.js');
  await startTelemetry();
}
