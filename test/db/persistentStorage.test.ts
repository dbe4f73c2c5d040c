import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '../../renderer/src/db/persistentStorage';

describe('requestPersistentStorage', () => {
  it('reports granted when the browser agrees to keep the data', async () => {
    const storage = { persisted: async () => false, persist: async () => true };
    expect(await requestPersistentStorage(storage)).toBe('granted');
  });

  it('reports granted without asking again when the data is already persistent', async () => {
    let asked = false;
    const storage = {
      persisted: async () => true,
      persist: async () => {
        asked = true;
        return true;
      },
    };
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(asked).toBe(false);
  });

  it('reports denied when the browser may evict the data', async () => {
    const storage = { persisted: async () => false, persist: async () => false };
    expect(await requestPersistentStorage(storage)).toBe('denied');
  });

  it('reports denied when the browser throws instead of answering', async () => {
    const storage = {
      persisted: async () => false,
      persist: () => Promise.reject(new Error('not allowed')),
    };
    expect(await requestPersistentStorage(storage)).toBe('denied');
  });

  it('reports unsupported without a storage manager', async () => {
    expect(await requestPersistentStorage(null)).toBe('unsupported');
  });
});
