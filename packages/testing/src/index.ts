/**
 * @nba-reporter/testing (private): the helpers tests share. Nothing in production imports this package.
 * - spawnApi: the built API as `npm start` runs it, on an ephemeral port.
 * - startOtlpReceiver / otlpTestEnv: a real OTLP/HTTP endpoint that collects what the SDK exports.
 * - startScriptedOpenAI: an OpenAI-compatible HTTP server that plays a script, faults included.
 * - createTestDatabase / pgUnavailable: a throwaway PostgreSQL database per test run.
 * - startNginx / nginxUnavailable: Debian's nginx as a round-robin load balancer in front of spawned instances.
 */

export * from './nginx.js';
export * from './otlp-receiver.js';
export * from './postgres.js';
export * from './scripted-openai.js';
export * from './spawn-api.js';
