/**
 * GraphiQL's storage (tabs, history, theme), namespaced so the playground's state does not mix with another
 * GraphiQL on the same origin, and versioned so changed examples replace old saved tabs.
 * Falls back to memory where localStorage is unavailable.
 */
export const STORAGE_NAMESPACE = 'nba-reporter-playground:v1:';

export interface PlaygroundStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  clear(): void;
  readonly length: number;
}

function backingStore(): Storage | Map<string, string> {
  try {
    const probe = `${STORAGE_NAMESPACE}probe`;
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return new Map<string, string>();
  }
}

export function createPlaygroundStorage(): PlaygroundStorage {
  const store = backingStore();
  const ownKeys = (): string[] => {
    if (store instanceof Map) return [...store.keys()];
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(STORAGE_NAMESPACE)) keys.push(key);
    }
    return keys;
  };
  return {
    getItem: (key) =>
      store instanceof Map ? (store.get(STORAGE_NAMESPACE + key) ?? null) : store.getItem(STORAGE_NAMESPACE + key),
    setItem: (key, value) => {
      if (store instanceof Map) store.set(STORAGE_NAMESPACE + key, value);
      else store.setItem(STORAGE_NAMESPACE + key, value);
    },
    removeItem: (key) => {
      if (store instanceof Map) store.delete(STORAGE_NAMESPACE + key);
      else store.removeItem(STORAGE_NAMESPACE + key);
    },
    clear: () => {
      for (const key of ownKeys()) {
        if (store instanceof Map) store.delete(key);
        else store.removeItem(key);
      }
    },
    get length() {
      return ownKeys().length;
    },
  };
}
