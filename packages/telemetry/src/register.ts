/**
 * Entry point for `node --import @nba-reporter/telemetry/register app.js`.
 * Refuses unusable OTEL_* values with one line (see ./validate.js), then checks OTEL_SDK_DISABLED before anything
 * else: when it is true, no OpenTelemetry module is loaded or constructed at all (the stock NodeSDK would still patch
 * http and graphql).
 */
import { isSdkDisabled } from './env.js';
import { telemetryConfigError } from './validate.js';

const problem = telemetryConfigError();
if (problem) {
  process.stderr.write(`nba-reporter: ${problem}\n`);
  process.exit(1);
}
if (!isSdkDisabled()) {
  const { startTelemetry } = await import('./bootstrap.js');
  await startTelemetry();
}
