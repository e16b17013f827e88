/**
 * In-process tests of the guards' parts: API keys, the access notice, the rate limiter factory, turn counting,
 * suggestion hiding, and the per-turn deadline against a slow (scripted) model over real HTTP.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReporter, loadReporterConfig, MemorySessionStore } from '@nba-reporter/agent';
import { startScriptedOpenAI } from '@nba-reporter/testing';
import { type OperationDefinitionNode, parse } from 'graphql';
import { pino } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { accessNotice } from '../src/access-notice.js';
import { authenticate, loadApiKeys } from '../src/auth.js';
import { loadApiConfig } from '../src/config.js';
import { countTurnSelections, stripSuggestions } from '../src/limits.js';
import { createTurnLimiter, type LimiterSettings } from '../src/rate-limit.js';
import { createApi } from '../src/server.js';
import { type RequestTelemetry, TELEMETRY_OFF } from '../src/telemetry.js';
import { gql, REPORT } from './helpers.js';

const KEY = 'k3y-for-tests-0123456789';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const keyFile = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'nba-keys-')), 'keys');
  writeFileSync(path, text);
  return path;
};

describe('API keys', () => {
  it('reads name:key entries and name:sha256 lines, and authenticates Bearer keys to their names', () => {
    const keys = loadApiKeys({
      keys: ` ci:${KEY} , ops:another-key-abcdefghij`,
      file: keyFile(`# comment\n\nweb:${sha('web-key-0987654321abc')}\r\n`),
    });
    expect(keys.map((k) => k.name)).toEqual(['ci', 'ops', 'web']);
    expect(authenticate(keys, `Bearer ${KEY}`)).toBe('ci');
    expect(authenticate(keys, 'BEARER web-key-0987654321abc')).toBe('web');
    expect(authenticate(keys, 'Bearer  another-key-abcdefghij ')).toBe('ops');
    for (const header of [
      undefined,
      '',
      'Bearer',
      `Bearer ${KEY}x`,
      `Basic ${KEY}`,
      KEY,
      `Bearer ${KEY} extra`,
      `Bearer ${sha(KEY)}`,
    ]) {
      expect(authenticate(keys, header)).toBeUndefined();
    }
    expect(loadApiKeys({})).toEqual([]);
  });

  it.each([
    [{ keys: 'nocolon' }, 'NBA_REPORTER_API_KEYS', 'entry 1 must look like name:key'],
    [{ keys: `a:${KEY},b:short` }, 'NBA_REPORTER_API_KEYS', 'at least 16 characters'],
    [{ keys: `a:${KEY},a:${KEY}y` }, 'NBA_REPORTER_API_KEYS', 'used twice'],
    [{ keys: `bad name:${KEY}` }, 'NBA_REPORTER_API_KEYS', 'key name must be'],
    [{ file: '/nonexistent/keys' }, 'NBA_REPORTER_API_KEYS_FILE', 'readable file (ENOENT'],
    [{ file: 'FILE:ci:not-hex' }, 'NBA_REPORTER_API_KEYS_FILE', 'line 1 must look like name:<64 hex digits'],
    [{ file: 'FILE:# only a comment\n' }, 'NBA_REPORTER_API_KEYS_FILE', 'has no keys'],
  ] as Array<[{ keys?: string; file?: string }, string, string]>)(
    'refuses %o with one line naming the variable',
    (options, variable, text) => {
      const resolved = options.file?.startsWith('FILE:') ? { file: keyFile(options.file.slice(5)) } : options;
      expect(() => loadApiKeys(resolved)).toThrow(
        expect.objectContaining({ code: 'CONFIG_ERROR', variable, message: expect.stringContaining(text) }),
      );
      try {
        loadApiKeys(resolved);
      } catch (error) {
        expect((error as Error).message).not.toContain(KEY); // never echo a key
        expect((error as Error).message).not.toContain('\n');
      }
    },
  );
});

describe('access notice', () => {
  it('says the service is open: info on loopback, a warning on any other address', () => {
    expect(accessNotice('127.0.0.1', [])).toMatchObject({
      level: 'info',
      message: expect.stringContaining('authentication off'),
    });
    expect(accessNotice('::1', []).level).toBe('info');
    expect(accessNotice('localhost', []).level).toBe('info');
    for (const host of [undefined, '0.0.0.0', '::', '10.0.0.5', '128.0.0.1']) {
      expect(accessNotice(host, [])).toMatchObject({
        level: 'warn',
        message: expect.stringContaining('beyond loopback'),
      });
    }
    expect(accessNotice('0.0.0.0', ['ci'])).toEqual({
      level: 'info',
      fields: { apiKeys: ['ci'] },
      message: 'authentication on: 1 API key(s)',
    });
  });
});

describe('turn rate limiter', () => {
  it('is off at 0, and refuses with a retry delay once a caller used its turns', async () => {
    expect(createTurnLimiter({ turnsPerMinute: 0 })).toBeUndefined();
    const limiter = createTurnLimiter({ turnsPerMinute: 2 })!;
    expect(await limiter.consume('key:a')).toEqual({ allowed: true });
    expect(await limiter.consume('key:a')).toEqual({ allowed: true });
    const refused = await limiter.consume('key:a');
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterMs).toBeGreaterThan(55_000);
    expect(await limiter.consume('key:b')).toEqual({ allowed: true });
  });

  it('takes an injected store factory (how a shared Redis/PostgreSQL store plugs in) and refuses unknown names', async () => {
    const seen: LimiterSettings[] = [];
    const limiter = createTurnLimiter({
      turnsPerMinute: 1,
      keyPrefix: 'test:turns',
      store: (settings) => {
        seen.push(settings);
        return new RateLimiterMemory(settings);
      },
    })!;
    expect(seen).toEqual([{ keyPrefix: 'test:turns', points: 1, duration: 60 }]);
    expect((await limiter.consume('ip:1')).allowed).toBe(true);
    expect((await limiter.consume('ip:1')).allowed).toBe(false);
    expect(() => createTurnLimiter({ turnsPerMinute: 1, store: 'carrier-pigeon' })).toThrow(
      /unknown rate-limit store "carrier-pigeon" \(known: memory\)/,
    );
  });

  it('surfaces a failing store as an error (never as an allowed turn)', async () => {
    const limiter = createTurnLimiter({
      turnsPerMinute: 5,
      store: (settings) => {
        const store = new RateLimiterMemory(settings);
        store.consume = () => Promise.reject(new Error('store down'));
        return store;
      },
    })!;
    await expect(limiter.consume('ip:1')).rejects.toThrow('store down');
  });
});

describe('document limits', () => {
  const turns = (source: string, operationName?: string) => {
    const document = parse(source);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName),
    )!;
    return countTurnSelections(document, operation);
  };

  it('counts turn selections by response key, through fragments, only in the executed operation', () => {
    expect(turns('mutation { report(input: {topic: GENERAL}) { sessionId } }')).toBe(1);
    expect(
      turns('mutation { report(input: {topic: GENERAL}) { sessionId } report(input: {topic: GENERAL}) { topic } }'),
    ).toBe(1);
    expect(
      turns(
        'mutation { a: report(input: {topic: GENERAL}) { sessionId } b: followUp(input: {sessionId: "x", message: "y"}) { sessionId } }',
      ),
    ).toBe(2);
    expect(
      turns(
        'mutation { ...F ...F } fragment F on Mutation { a: report(input: {topic: GENERAL}) { sessionId } ... { b: report(input: {topic: FINALS}) { sessionId } } }',
      ),
    ).toBe(2);
    expect(turns('query { health { status } }')).toBe(0);
    expect(
      turns(
        'mutation A { report(input: {topic: GENERAL}) { sessionId } } mutation B { x: report(input: {topic: GENERAL}) { sessionId } y: report(input: {topic: GENERAL}) { sessionId } }',
        'A',
      ),
    ).toBe(1);
  });

  it('strips every form of suggestion', () => {
    expect(stripSuggestions('Cannot query field "healt" on type "Query". Did you mean "health"?')).toBe(
      'Cannot query field "healt" on type "Query".',
    );
    expect(
      stripSuggestions('Value "EASTER" does not exist in "Topic" enum. Did you mean the enum value "EASTERN"?'),
    ).toBe('Value "EASTER" does not exist in "Topic" enum.');
    expect(stripSuggestions('Unknown argument "x". Did you mean "a", "b", or "c"?')).toBe('Unknown argument "x".');
  });
});

describe('per-turn deadline', () => {
  it('a turn slower than NBA_REPORTER_TURN_TIMEOUT_MS is TURN_TIMEOUT, aborts the model call and stores nothing', async () => {
    const scripted = await startScriptedOpenAI();
    const store = new (class extends MemorySessionStore {
      creates = 0;
      override async create(...args: Parameters<MemorySessionStore['create']>) {
        this.creates += 1;
        return super.create(...args);
      }
    })();
    const reporter = createReporter(
      loadReporterConfig({
        NBA_REPORTER_MODEL_PROVIDER: 'openai-compatible',
        NBA_REPORTER_MODEL: 'slow-model',
        OPENAI_BASE_URL: scripted.baseURL,
        NBA_REPORTER_MODEL_MAX_RETRIES: '0',
        NBA_REPORTER_SESSION_DB: ':memory:',
      }),
      { sessionStore: store },
    );
    const telemetry: RequestTelemetry = TELEMETRY_OFF;
    const api = await createApi({
      reporter,
      config: loadApiConfig({ NBA_REPORTER_TURN_TIMEOUT_MS: '500', LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      telemetry,
      version: 'test',
    });
    const { port } = await api.listen(0, '127.0.0.1');
    try {
      scripted.enqueue('chat.completions', { text: 'Too late.', delayMs: 10_000 });
      const started = performance.now();
      const res = await gql(`http://127.0.0.1:${port}/graphql`, REPORT, {
        input: { topic: 'GENERAL', message: 'Who won the NBA title?' },
      });
      const elapsed = performance.now() - started;
      expect(res.status).toBe(200);
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'TURN_TIMEOUT', timeoutMs: 500 });
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(5_000);
      expect(scripted.requestsTo('chat.completions')).toHaveLength(1);
      expect(store.creates).toBe(0);
    } finally {
      await api.stop();
      await new Promise<void>((resolve) => api.httpServer.close(() => resolve()));
      await reporter.close();
      await scripted.close();
    }
  });
});

describe('rate limit without keys', () => {
  it('counts turns per client IP, and a 429 runs no turn', async () => {
    const reporter = createReporter(
      { ...loadReporterConfig({}), sessionDb: ':memory:' },
      { sessionStore: new MemorySessionStore() },
    );
    let turns = 0;
    const telemetry: RequestTelemetry = TELEMETRY_OFF;
    const counting = {
      ...reporter,
      report: (...args: Parameters<typeof reporter.report>) => {
        turns += 1;
        return reporter.report(...args);
      },
    };
    const api = await createApi({
      reporter: counting,
      config: loadApiConfig({ LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      telemetry,
      version: 'test',
      turnLimiter: createTurnLimiter({ turnsPerMinute: 2 }),
    });
    const { port } = await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    try {
      for (let i = 0; i < 2; i++) expect((await gql(url, REPORT, { input: { topic: 'GENERAL' } })).status).toBe(200);
      const limited = await gql(url, REPORT, { input: { topic: 'GENERAL' } });
      expect(limited.status).toBe(429);
      expect(limited.body.errors![0]!.extensions!['code']).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
      expect(turns).toBe(2);
      expect((await gql(url, '{ health { status } }')).status).toBe(200);
    } finally {
      await api.stop();
      await new Promise<void>((resolve) => api.httpServer.close(() => resolve()));
      await reporter.close();
    }
  });
});
