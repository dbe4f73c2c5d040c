import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { builtInPacks, missingFactFields } from '#shared/policy';
import { en } from '../../renderer/src/i18n/en';
import { id } from '../../renderer/src/i18n/id';
import type { MessageKey } from '../../renderer/src/i18n/messageKey';

/** Both languages, with no fallback: a key one of them lacks is reported, not covered up. */
const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, id: { translation: id } },
  fallbackLng: false,
  initAsync: false,
});
const languages = ['en', 'id'] as const;

/** The keys of `keys` that `language` has no words for. */
const untranslated = (keys: readonly string[], language: string) =>
  keys.filter((key) => !i18n.exists(key, { lng: language }));

/** Every leaf key of a message tree, dotted, plural suffixes left as they are. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'object' && value !== null
      ? leafKeys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('checks keys at compile time: a misspelt key does not type-check', () => {
    const t = i18n.getFixedT('en');
    const key: MessageKey = 'claim.decision';
    expect(t(key)).toBe('What the policy allows');
    // Without the type check this line compiles, and `tsc --build` fails on the unused directive.
    // @ts-expect-error: "decisoin" is not a key of the messages
    expect(t('claim.decisoin')).toBe('claim.decisoin');
  });

  it.each(languages)('names every fact a decision may say is missing, in %s', (language) => {
    const keys = missingFactFields.map((field) => `fact.${field}`);
    expect(untranslated(keys, language)).toEqual([]);
  });

  it.each(languages)('names every policy pack, in %s', (language) => {
    const keys = Object.keys(builtInPacks).map((packId) => `policyPack.${packId}`);
    expect(untranslated(keys, language)).toEqual([]);
  });

  it('never shows a pack’s id for its name', () => {
    for (const packId of Object.keys(builtInPacks) as (keyof typeof builtInPacks)[]) {
      for (const language of languages) {
        expect(i18n.t(`policyPack.${packId}`, { lng: language })).not.toBe(packId);
      }
    }
  });

  it('has the same keys in English and in Bahasa Indonesia', () => {
    const english = new Set(leafKeys(en));
    const indonesian = new Set(leafKeys(id));
    expect([...english].filter((key) => !indonesian.has(key))).toEqual([]);
    expect([...indonesian].filter((key) => !english.has(key))).toEqual([]);
  });
});
