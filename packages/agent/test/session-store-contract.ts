/**
 * The SessionStore contract as a reusable vitest suite. Every store runs it: memory and SQLite here, PostgreSQL in
 * its own package. Usage:
 *
 *   sessionStoreContract('PostgresSessionStore', (options) => new PostgresSessionStore(pool, options));
 *
 * The factory must honour `options.ttlMs`, `options.maxTurns` and `options.now` (the suite moves the clock), and give
 * an empty store each time.
 */
import type { AgentInputItem } from '@openai/agents-core';
import { describe, expect, it } from 'vitest';
import {
  SessionBusyError,
  SessionNotFoundError,
  type SessionStore,
  type SessionStoreOptions,
  SessionTurnLimitError,
} from '../src/index.js';

export type SessionStoreFactory = (options: SessionStoreOptions) => SessionStore | Promise<SessionStore>;

export const userItem = (content: string): AgentInputItem => ({ type: 'message', role: 'user', content });
export const assistantItem = (text: string): AgentInputItem => ({
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text }],
});

const HOUR = 3_600_000;

/** A clock tests move by hand. */
function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

export function sessionStoreContract(name: string, factory: SessionStoreFactory): void {
  describe(`${name} (SessionStore contract)`, () => {
    const open = async (options: SessionStoreOptions = {}) => factory(options);

    it('creates, reads and appends turns in order, counting turns', async () => {
      const store = await open();
      const id = await store.create('eastern', { items: [userItem('q1'), assistantItem('a1')] });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await store.appendTurn(id, [userItem('q2'), assistantItem('a2')]);
      expect(await store.get(id)).toEqual({
        id,
        topic: 'eastern',
        owner: null,
        turns: 2,
        items: [userItem('q1'), assistantItem('a1'), userItem('q2'), assistantItem('a2')],
      });
      await store.close();
    });

    it('accepts a caller-chosen id (OpenAI conversation ids); an empty turn still counts', async () => {
      const store = await open();
      expect(await store.create('finals', { id: 'conv_123', owner: 'alice' })).toBe('conv_123');
      await store.appendTurn('conv_123', [], { owner: 'alice' });
      expect(await store.get('conv_123', { owner: 'alice' })).toEqual({
        id: 'conv_123',
        topic: 'finals',
        owner: 'alice',
        turns: 2,
        items: [],
      });
      await expect(store.create('finals', { id: 'conv_123' })).rejects.toThrow();
      await store.close();
    });

    it('returns undefined for unknown ids and refuses to append to them', async () => {
      const store = await open();
      expect(await store.get('nope')).toBeUndefined();
      await expect(store.appendTurn('nope', [userItem('x')])).rejects.toBeInstanceOf(SessionNotFoundError);
      expect(await store.get('nope')).toBeUndefined();
      await store.close();
    });

    it('a session belongs to its owner: another owner (or none) neither reads nor appends', async () => {
      const store = await open();
      const id = await store.create('general', { items: [userItem('q1')], owner: 'alice' });
      expect(await store.get(id, { owner: 'bob' })).toBeUndefined();
      expect(await store.get(id)).toBeUndefined();
      await expect(store.appendTurn(id, [userItem('x')], { owner: 'bob' })).rejects.toBeInstanceOf(
        SessionNotFoundError,
      );
      const anonymous = await store.create('general', { items: [userItem('q1')] });
      expect(await store.get(anonymous, { owner: 'alice' })).toBeUndefined();
      expect((await store.get(id, { owner: 'alice' }))?.items).toEqual([userItem('q1')]);
      expect((await store.get(id, { owner: 'alice' }))?.turns).toBe(1);
      await store.close();
    });

    it('expires a session idle for the TTL: not found, rows deleted; a turn resets the idle time', async () => {
      const clock = manualClock();
      const store = await open({ ttlMs: 2 * HOUR, now: clock.now });
      const idle = await store.create('general', { items: [userItem('q1')] });
      const busy = await store.create('general', { items: [userItem('q1')] });
      clock.advance(HOUR + 30 * 60_000);
      await store.appendTurn(busy, [userItem('q2')]);
      clock.advance(HOUR);
      expect(await store.get(idle)).toBeUndefined();
      await expect(store.appendTurn(idle, [userItem('x')])).rejects.toBeInstanceOf(SessionNotFoundError);
      expect((await store.get(busy))?.turns).toBe(2);
      // Moving the clock back must not resurrect it: the rows are gone.
      clock.advance(-2 * HOUR);
      expect(await store.get(idle)).toBeUndefined();
      await store.close();
    });

    it('deleteExpired removes every expired session and nothing else', async () => {
      const clock = manualClock();
      const store = await open({ ttlMs: HOUR, now: clock.now });
      const old = [await store.create('general'), await store.create('eastern', { items: [userItem('q')] })];
      clock.advance(HOUR / 2);
      const fresh = await store.create('western');
      clock.advance(HOUR / 2);
      expect(await store.deleteExpired()).toBe(2);
      expect(await store.deleteExpired()).toBe(0);
      clock.advance(-HOUR);
      for (const id of old) expect(await store.get(id)).toBeUndefined();
      expect(await store.get(fresh)).toBeDefined();
      await store.close();
    });

    it('refuses a turn beyond maxTurns without writing it', async () => {
      const store = await open({ maxTurns: 3 });
      const id = await store.create('general', { items: [userItem('q1')] });
      await store.appendTurn(id, [userItem('q2')]);
      await store.appendTurn(id, [userItem('q3')]);
      const refused = store.appendTurn(id, [userItem('q4')]);
      await expect(refused).rejects.toBeInstanceOf(SessionTurnLimitError);
      await expect(refused).rejects.toMatchObject({ code: 'SESSION_TURN_LIMIT', maxTurns: 3 });
      expect(await store.get(id)).toMatchObject({ turns: 3, items: [userItem('q1'), userItem('q2'), userItem('q3')] });
      expect(store.limits).toEqual({ ttlMs: 7 * 24 * HOUR, maxTurns: 3 });
      await store.close();
    });

    it('refuses a turn computed from stale history (expectedTurns no longer matches) and writes nothing', async () => {
      const store = await open();
      const id = await store.create('western', { items: [userItem('q1')], owner: 'alice' });
      const seen = await store.get(id, { owner: 'alice' });
      await store.appendTurn(id, [userItem('first')], { owner: 'alice', expectedTurns: seen!.turns });
      const stale = store.appendTurn(id, [userItem('stale')], { owner: 'alice', expectedTurns: seen!.turns });
      await expect(stale).rejects.toBeInstanceOf(SessionBusyError);
      await expect(stale).rejects.toMatchObject({ code: 'SESSION_BUSY' });
      expect(await store.get(id, { owner: 'alice' })).toMatchObject({
        turns: 2,
        items: [userItem('q1'), userItem('first')],
      });
      await store.close();
    });

    it('appends a turn atomically: nothing is written when one item fails', async () => {
      const store = await open();
      const id = await store.create('general', { items: [userItem('q1')] });
      const bad = { type: 'message', role: 'user', content: 'x', extra: 10n } as unknown as AgentInputItem; // BigInt: JSON fails
      await expect(store.appendTurn(id, [assistantItem('ok'), bad])).rejects.toThrow(/BigInt/);
      expect(await store.get(id)).toMatchObject({ turns: 1, items: [userItem('q1')] });
      await expect(store.create('general', { items: [userItem('a'), bad] })).rejects.toThrow(/BigInt/);
      await store.close();
    });

    it('close is idempotent', async () => {
      const store = await open();
      await store.close();
      await store.close();
    });
  });
}
