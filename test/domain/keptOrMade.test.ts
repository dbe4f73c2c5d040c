import { describe, expect, it } from 'vitest';
import { keptOrMade } from '../../shared/domain/keptOrMade';

describe('keptOrMade', () => {
  it('makes a key’s value the first time it is asked for and hands the kept one after', () => {
    const kept = new Map<string, { readonly key: string }>();
    const made: string[] = [];
    const valueOf = (key: string) =>
      keptOrMade(kept, key, () => {
        made.push(key);
        return { key };
      });

    const first = valueOf('en');
    expect(valueOf('en')).toBe(first);
    expect(valueOf('id')).toEqual({ key: 'id' });
    expect(made).toEqual(['en', 'id']);
  });
});
