import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AgentInputItem } from '@openai/agents-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSessionId, MemorySessionStore, SessionNotFoundError, SqliteSessionStore, type SessionStore } from '../src/index.js';

const userItem = (content: string): AgentInputItem => ({ type: 'message', role: 'user', content });
const assistantItem = (text: string): AgentInputItem => ({
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text }],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nba-sessions-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('generateSessionId', () => {
  it('returns unguessable random UUIDs (122 random bits)', () => {
    const ids = new Set(Array.from({ length: 1000 }, generateSessionId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

const stores: Array<[string, () => SessionStore]> = [
  ['MemorySessionStore', () => new MemorySessionStore()],
  ['SqliteSessionStore (file)', () => new SqliteSessionStore(join(dir, 'sessions.db'))],
  ['SqliteSessionStore (:memory:)', () => new SqliteSessionStore(':memory:')],
];

describe.each(stores)('%s', (_name, make) => {
  it('creates, reads and appends turns in order', async () => {
    const store = make();
    const id = await store.create('eastern', undefined, [userItem('q1'), assistantItem('a1')]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await store.appendTurn(id, [userItem('q2'), assistantItem('a2')]);
    const session = await store.get(id);
    expect(session).toEqual({ id, topic: 'eastern', items: [userItem('q1'), assistantItem('a1'), userItem('q2'), assistantItem('a2')] });
    await store.close();
  });

  it('accepts a caller-chosen id (OpenAI conversation ids) and an empty first turn', async () => {
    const store = make();
    expect(await store.create('finals', 'conv_123')).toBe('conv_123');
    expect(await store.get('conv_123')).toEqual({ id: 'conv_123', topic: 'finals', items: [] });
    await expect(store.create('finals', 'conv_123')).rejects.toThrow();
    await store.close();
  });

  it('returns undefined for unknown ids and refuses to append to them', async () => {
    const store = make();
    expect(await store.get('nope')).toBeUndefined();
    await expect(store.appendTurn('nope', [userItem('x')])).rejects.toBeInstanceOf(SessionNotFoundError);
    expect(await store.get('nope')).toBeUndefined();
    await store.close();
  });

  it('appends a turn atomically: nothing is written when one item fails', async () => {
    const store = make();
    const id = await store.create('general', undefined, [userItem('q1')]);
    const bad = { type: 'message', role: 'user', content: 'x', extra: 10n } as unknown as AgentInputItem; // BigInt: JSON fails
    await expect(store.appendTurn(id, [assistantItem('ok'), bad])).rejects.toThrow(/BigInt/);
    expect((await store.get(id))?.items).toEqual([userItem('q1')]);
    await expect(store.create('general', undefined, [userItem('a'), bad])).rejects.toThrow(/BigInt/);
    await store.close();
  });

  it('close is idempotent', async () => {
    const store = make();
    await store.close();
    await store.close();
  });
});

describe('SqliteSessionStore on disk', () => {
  it('survives a restart (close and reopen the same file)', async () => {
    const path = join(dir, 'nested', 'dir', 'sessions.db');
    const first = new SqliteSessionStore(path);
    expect(existsSync(join(dir, 'nested', 'dir'))).toBe(true);
    const id = await first.create('western', undefined, [userItem('q1'), assistantItem('a1')]);
    await first.appendTurn(id, [userItem('q2'), assistantItem('a2')]);
    await first.close();

    const second = new SqliteSessionStore(path);
    expect(await second.get(id)).toEqual({
      id,
      topic: 'western',
      items: [userItem('q1'), assistantItem('a1'), userItem('q2'), assistantItem('a2')],
    });
    expect(second.turnCount(id)).toBe(2);
    await second.appendTurn(id, [userItem('q3')]);
    expect(second.turnCount(id)).toBe(3);
    await second.close();
  });

  it('uses WAL and leaves no half-written turn after a failed append', async () => {
    const path = join(dir, 'sessions.db');
    const store = new SqliteSessionStore(path);
    const id = await store.create('general', undefined, [userItem('q1')]);
    const bad = { type: 'message', role: 'user', content: 'x', extra: 1n } as unknown as AgentInputItem;
    await expect(store.appendTurn(id, [userItem('a'), userItem('b'), bad])).rejects.toThrow();
    await store.close();

    const raw = new DatabaseSync(path);
    expect({ ...(raw.prepare('PRAGMA journal_mode').get() as object) }).toEqual({ journal_mode: 'wal' });
    expect({ ...(raw.prepare('SELECT COUNT(*) AS n FROM session_items').get() as object) }).toEqual({ n: 1 });
    expect({ ...(raw.prepare('PRAGMA user_version').get() as object) }).toEqual({ user_version: 1 });
    raw.close();
  });
});
