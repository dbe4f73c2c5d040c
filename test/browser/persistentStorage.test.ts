import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '../../renderer/src/db/persistentStorage';

describe('persistent storage in Chromium', () => {
  it('gets an answer from the real StorageManager', async () => {
    expect(['granted', 'denied']).toContain(await requestPersistentStorage());
  });
});
