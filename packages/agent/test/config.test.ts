import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadReporterConfig } from '../src/index.js';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadReporterConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.code).toBe('CONFIG_ERROR');
    expect(e.name).toBe('ConfigError');
    expect(e.message).not.toContain('\n');
    return e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadReporterConfig', () => {
  it('defaults to the offline provider without a key', () => {
    expect(loadReporterConfig({})).toEqual({
      provider: 'offline',
      model: 'offline-nba-2024-25',
      sessionDb: resolve(process.cwd(), './data/sessions.db'),
      modelTimeoutMs: 30000,
      maxRetries: 2,
      guardrail: 'keyword',
      sessionTtlMs: 7 * 24 * 3600 * 1000,
      sessionMaxTurns: 100,
      historyTurns: 10,
      historyTokens: 8000,
    });
  });

  it('reads session and history limits, with durations like 30m, 12h, 7d', () => {
    const env = {
      NBA_REPORTER_SESSION_MAX_TURNS: '5',
      NBA_REPORTER_HISTORY_TURNS: '3',
      NBA_REPORTER_HISTORY_TOKENS: '500',
    };
    expect(loadReporterConfig(env)).toMatchObject({ sessionMaxTurns: 5, historyTurns: 3, historyTokens: 500 });
    for (const [raw, ms] of [
      ['30m', 1_800_000],
      ['12h', 43_200_000],
      ['7d', 604_800_000],
      ['90s', 90_000],
      ['500ms', 500],
    ] as const) {
      expect(loadReporterConfig({ NBA_REPORTER_SESSION_TTL: raw }).sessionTtlMs).toBe(ms);
    }
    for (const raw of ['7', '0d', '-1h', '1w', '1.5h', '20y', '99999d']) {
      const e = configError({ NBA_REPORTER_SESSION_TTL: raw });
      expect(e.variable).toBe('NBA_REPORTER_SESSION_TTL');
      expect(e.message).toContain('30m, 12h or 7d');
    }
    expect(configError({ NBA_REPORTER_SESSION_MAX_TURNS: '0' }).variable).toBe('NBA_REPORTER_SESSION_MAX_TURNS');
  });

  it('defaults to openai with the demo model when OPENAI_API_KEY is set', () => {
    expect(loadReporterConfig({ OPENAI_API_KEY: 'sk-test' })).toMatchObject({
      provider: 'openai',
      model: 'gpt-5.4-mini-2026-03-17',
      apiKey: 'sk-test',
    });
  });

  it('reads every variable', () => {
    expect(
      loadReporterConfig({
        NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
        NBA_REPORTER_MODEL: 'llama3.1:8b',
        OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
        NBA_REPORTER_SESSION_DB: ':memory:',
        NBA_REPORTER_MODEL_TIMEOUT_MS: '1500',
        NBA_REPORTER_MODEL_MAX_RETRIES: '0',
        NBA_REPORTER_GUARDRAIL: 'model',
      }),
    ).toEqual({
      provider: 'openai-compatible',
      model: 'llama3.1:8b',
      baseURL: 'http://127.0.0.1:11434/v1',
      sessionDb: ':memory:',
      modelTimeoutMs: 1500,
      maxRetries: 0,
      guardrail: 'model',
      sessionTtlMs: 7 * 24 * 3600 * 1000,
      sessionMaxTurns: 100,
      historyTurns: 10,
      historyTokens: 8000,
    });
    expect(loadReporterConfig({ NBA_REPORTER_SESSION_DB: '/tmp/x/s.db' }).sessionDb).toBe('/tmp/x/s.db');
    expect(loadReporterConfig({ NBA_REPORTER_SESSION_DB: 'rel/s.db' }).sessionDb).toBe(
      resolve(process.cwd(), 'rel/s.db'),
    );
    expect(loadReporterConfig({ NBA_REPORTER_MODEL_PROVIDER: 'offline', OPENAI_API_KEY: 'sk' }).provider).toBe(
      'offline',
    );
    expect(loadReporterConfig({ NBA_REPORTER_MODEL_PROVIDER: '  ', NBA_REPORTER_MODEL: '' }).provider).toBe('offline');
  });

  it.each([
    [
      { NBA_REPORTER_MODEL_PROVIDER: 'foo' },
      'NBA_REPORTER_MODEL_PROVIDER',
      'NBA_REPORTER_MODEL_PROVIDER must be one of offline, openai, openai-compatible (got "foo")',
    ],
    [
      { NBA_REPORTER_MODEL_PROVIDER: 'openai' },
      'OPENAI_API_KEY',
      'OPENAI_API_KEY is required when NBA_REPORTER_MODEL_PROVIDER is openai (set it, or use offline or openai-compatible)',
    ],
    [
      { NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible', NBA_REPORTER_MODEL: 'm' },
      'OPENAI_BASE_URL',
      'OPENAI_BASE_URL is required when NBA_REPORTER_MODEL_PROVIDER is openai-compatible (e.g. http://127.0.0.1:11434/v1)',
    ],
    [
      { NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' },
      'NBA_REPORTER_MODEL',
      'NBA_REPORTER_MODEL is required when NBA_REPORTER_MODEL_PROVIDER is openai-compatible (the model name your server serves)',
    ],
    [
      { OPENAI_BASE_URL: 'localhost:11434' },
      'OPENAI_BASE_URL',
      'OPENAI_BASE_URL must be an http:// or https:// URL (got "localhost:11434")',
    ],
    [
      { NBA_REPORTER_MODEL_TIMEOUT_MS: 'abc' },
      'NBA_REPORTER_MODEL_TIMEOUT_MS',
      'NBA_REPORTER_MODEL_TIMEOUT_MS must be a whole number of milliseconds from 1 to 2147483647 (got "abc")',
    ],
    [
      { NBA_REPORTER_MODEL_TIMEOUT_MS: '0' },
      'NBA_REPORTER_MODEL_TIMEOUT_MS',
      'NBA_REPORTER_MODEL_TIMEOUT_MS must be a whole number of milliseconds from 1 to 2147483647 (got "0")',
    ],
    [
      { NBA_REPORTER_MODEL_TIMEOUT_MS: '1.5' },
      'NBA_REPORTER_MODEL_TIMEOUT_MS',
      'NBA_REPORTER_MODEL_TIMEOUT_MS must be a whole number of milliseconds from 1 to 2147483647 (got "1.5")',
    ],
    [
      { NBA_REPORTER_MODEL_MAX_RETRIES: '-1' },
      'NBA_REPORTER_MODEL_MAX_RETRIES',
      'NBA_REPORTER_MODEL_MAX_RETRIES must be a whole number from 0 to 10 (got "-1")',
    ],
    [
      { NBA_REPORTER_GUARDRAIL: 'llm' },
      'NBA_REPORTER_GUARDRAIL',
      'NBA_REPORTER_GUARDRAIL must be one of keyword, model (got "llm")',
    ],
    [
      { NBA_REPORTER_GUARDRAIL: 'model' },
      'NBA_REPORTER_GUARDRAIL',
      'NBA_REPORTER_GUARDRAIL=model needs a network model (NBA_REPORTER_MODEL_PROVIDER openai or openai-compatible); the offline provider has keyword only',
    ],
    [
      { NBA_REPORTER_MODEL_MAX_RETRIES: '11' },
      'NBA_REPORTER_MODEL_MAX_RETRIES',
      'NBA_REPORTER_MODEL_MAX_RETRIES must be a whole number from 0 to 10 (got "11")',
    ],
  ])('rejects %o', (env, variable, message) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
  });

  it('keeps a multi-line bad value on one line', () => {
    expect(configError({ NBA_REPORTER_MODEL_PROVIDER: 'a\nb' }).message).toBe(
      'NBA_REPORTER_MODEL_PROVIDER must be one of offline, openai, openai-compatible (got "a\\nb")',
    );
  });
});
