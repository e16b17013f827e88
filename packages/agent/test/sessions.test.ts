import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AgentInputItem } from '@openai/agents-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSessionId, MemorySessionStore, SqliteSessionStore } from '../src/index.js';
import { assistantItem, sessionStoreContract, userItem } from './session-store-contract.js';

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

sessionStoreContract('MemorySessionStore', (options) => new MemorySessionStore(options));
sessionStoreContract(
  'SqliteSessionStore (file)',
  (options) => new SqliteSessionStore(join(dir, `s-${generateSessionId()}.db`), options),
);
sessionStoreContract('SqliteSessionStore (:memory:)', (options) => new SqliteSessionStore(':memory:', options));

describe('SqliteSessionStore on disk', () => {
  it('survives a restart (close and reopen the same file)', async () => {
    const path = join(dir, 'nested', 'dir', 'sessions.db');
    const first = new SqliteSessionStore(path);
    expect(existsSync(join(dir, 'nested', 'dir'))).toBe(true);
    const id = await first.create('western', { items: [userItem('q1'), assistantItem('a1')], owner: 'alice' });
    await first.appendTurn(id, [userItem('q2'), assistantItem('a2')], { owner: 'alice' });
    await first.close();

    const second = new SqliteSessionStore(path);
    expect(await second.get(id, { owner: 'alice' })).toEqual({
      id,
      topic: 'western',
      owner: 'alice',
      turns: 2,
      items: [userItem('q1'), assistantItem('a1'), userItem('q2'), assistantItem('a2')],
    });
    expect(second.turnCount(id)).toBe(2);
    await second.appendTurn(id, [userItem('q3')], { owner: 'alice' });
    expect(second.turnCount(id)).toBe(3);
    await second.close();
  });

  it('uses WAL and leaves no half-written turn after a failed append', async () => {
    const path = join(dir, 'sessions.db');
    const store = new SqliteSessionStore(path);
    const id = await store.create('general', { items: [userItem('q1')] });
    const bad = { type: 'message', role: 'user', content: 'x', extra: 1n } as unknown as AgentInputItem;
    await expect(store.appendTurn(id, [userItem('a'), userItem('b'), bad])).rejects.toThrow();
    await store.close();

    const raw = new DatabaseSync(path);
    expect({ ...(raw.prepare('PRAGMA journal_mode').get() as object) }).toEqual({ journal_mode: 'wal' });
    expect({ ...(raw.prepare('SELECT COUNT(*) AS n FROM session_items').get() as object) }).toEqual({ n: 1 });
    expect({ ...(raw.prepare('PRAGMA user_version').get() as object) }).toEqual({ user_version: 2 });
    raw.close();
  });
});

describe('SqliteSessionStore migration', () => {
  it('opens a version-1 file: sessions keep their items, count their turns and have no owner', async () => {
    const path = join(dir, 'v1.db');
    const raw = new DatabaseSync(path);
    raw.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, topic TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE TABLE session_items (session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        turn INTEGER NOT NULL, item TEXT NOT NULL, PRIMARY KEY (session_id, seq)) STRICT; PRAGMA user_version = 1;`);
    const now = new Date().toISOString();
    raw.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)').run('s1', 'eastern', now, now);
    raw.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)').run('conv_1', 'finals', now, now);
    for (const [seq, turn, text] of [
      [1, 1, 'q1'],
      [2, 2, 'q2'],
    ] as const) {
      raw.prepare('INSERT INTO session_items VALUES (?, ?, ?, ?)').run('s1', seq, turn, JSON.stringify(userItem(text)));
    }
    raw.close();
    const store = new SqliteSessionStore(path);
    expect(await store.get('s1')).toEqual({
      id: 's1',
      topic: 'eastern',
      owner: null,
      turns: 2,
      items: [userItem('q1'), userItem('q2')],
    });
    expect(await store.get('conv_1')).toMatchObject({ turns: 1, items: [] });
    expect(await store.get('s1', { owner: 'alice' })).toBeUndefined();
    await store.close();
  });
});
