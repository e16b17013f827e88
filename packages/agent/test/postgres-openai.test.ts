/**
 * The `openai` provider keeps the conversation on OpenAI (here: the scripted server) and its id → topic mapping
 * plus a turn counter in the session store. On PostgreSQL, two reporters (two instances) share that mapping, and of
 * two simultaneous follow-ups on one conversation only one appends to it: the other gets SESSION_BUSY and writes
 * nothing on either side.
 */

import {
  createTestDatabase,
  pgUnavailable,
  type ScriptedOpenAI,
  startScriptedOpenAI,
  type TestDatabase,
} from '@nba-reporter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReporter,
  loadReporterConfig,
  PostgresSessionStore,
  SessionBusyError,
  SessionNotFoundError,
} from '../src/index.js';

describe.skipIf(pgUnavailable)('openai provider with PostgreSQL sessions', () => {
  let server: ScriptedOpenAI;
  let db: TestDatabase;
  beforeAll(async () => {
    [server, db] = await Promise.all([startScriptedOpenAI(), createTestDatabase()]);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('shares the id → topic mapping across instances and lets one of two simultaneous follow-ups append', async () => {
    const config = loadReporterConfig({
      NBA_REPORTER_MODEL_PROVIDER: 'openai',
      NBA_REPORTER_MODEL: 'gpt-test',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: server.baseURL,
      NBA_REPORTER_MODEL_MAX_RETRIES: '0',
      NBA_REPORTER_SESSION_DB: db.url,
    });
    const one = createReporter(config);
    const two = createReporter(config);
    const store = new PostgresSessionStore(db.url, { poolSize: 1 });
    try {
      await Promise.all([one.ready(), two.ready()]);
      server.enqueue('responses', { text: 'The Thunder won the 2025 NBA Finals.' });
      const first = await one.report({ topic: 'finals', message: 'Who won the NBA Finals?' });
      expect(first.sessionId).toMatch(/^conv_/);
      expect(await store.get(first.sessionId)).toEqual({
        id: first.sessionId,
        topic: 'finals',
        owner: null,
        turns: 1,
        items: [],
      });

      server.enqueue(
        'responses',
        { text: 'They beat the Pacers in seven.', delayMs: 200 },
        { text: 'SGA was Finals MVP.', delayMs: 200 },
      );
      const results = await Promise.allSettled([
        one.followUp({ sessionId: first.sessionId, message: 'Against whom in the NBA Finals?' }),
        two.followUp({ sessionId: first.sessionId, message: 'Who was NBA Finals MVP?' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(SessionBusyError);
      // Exactly one follow-up reached the conversation: 2 items of the report + 2 of one follow-up.
      const items = server.conversationItems(first.sessionId)!;
      expect(items).toHaveLength(4);
      expect(items.filter((i) => i.type === 'message' && i['role'] === 'user')).toHaveLength(2);
      expect(await store.turnCount(first.sessionId)).toBe(2);

      await expect(two.followUp({ sessionId: 'conv_unknown', message: 'NBA news?' })).rejects.toBeInstanceOf(
        SessionNotFoundError,
      );
    } finally {
      await Promise.all([one.close(), two.close(), store.close()]);
    }
  });
});
