/** The one in-memory storage of the tests: for the library's sessions and the site's language. */
import type { ICognitoStorage } from 'amazon-cognito-identity-js';

/** What tests hand out as storage, with its entries open to inspection. */
export type MemoryStorage = ICognitoStorage & Storage & { data: Map<string, string> };

/** A storage object per test (or per device), so neither sessions nor the language leak. */
export function memoryStorage(): MemoryStorage {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    getItem: (key) => data.get(key) ?? null,
    removeItem: (key) => void data.delete(key),
    clear: () => data.clear(),
  };
}
