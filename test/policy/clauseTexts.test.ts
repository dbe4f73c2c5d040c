import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseCatalogSchema, type ClauseCatalog } from '#shared/policy/clauses/clauseText';
import { igpsportClauses } from '#shared/policy/clauses/igpsportClauses';
import { kospetOfficialStoreClauses } from '#shared/policy/clauses/kospetOfficialStoreClauses';
import { kospetWarrantyRefundClauses } from '#shared/policy/clauses/kospetWarrantyRefundClauses';

/**
 * The clause texts against what they claim to be: the clause catalog in docs/policies/ (every id
 * of the pack, in order, with its rule) and the brand's own words kept beside it (every quoted
 * excerpt occurs in the brand's text, word for word).
 */
const policiesDir = new URL('../../docs/policies/', import.meta.url);
const specText = readFileSync(new URL('clause-catalog.md', policiesDir), 'utf8');
const readPolicyText = (file: string) => readFileSync(new URL(file, policiesDir), 'utf8');

/** Whitespace runs (newlines, non-breaking spaces) become one space; "2. 2." list artefacts become "2.". */
const normalize = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\b(\d+)\. \1\. /g, '$1. ')
    .trim();

const range = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

/** The rows of the spec's table for one pack: id → rule, in the spec's order, ** emphasis dropped. */
const specRows = (pack: string): [string, string][] => {
  const start = specText.indexOf(`## Pack \`${pack}\``);
  expect(start, `spec section for ${pack}`).toBeGreaterThanOrEqual(0);
  const end = specText.indexOf('\n## ', start + 1);
  const section = specText.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^\| ([A-Z]\d{1,2}) \| (.+) \|$/gm)].map((m): [string, string] => [
    m[1] ?? '',
    (m[2] ?? '').replace(/\*\*/g, ''),
  ]);
};

const packs: {
  pack: string;
  policyText: string;
  catalog: ClauseCatalog;
  ids: string[];
}[] = [
  {
    pack: 'igpsport',
    policyText: 'igpsport.txt',
    catalog: igpsportClauses,
    ids: range('A', 11),
  },
  {
    pack: 'kospet-warranty-refund',
    policyText: 'kospet-warranty-refund.txt',
    catalog: kospetWarrantyRefundClauses,
    ids: range('B', 21),
  },
  {
    pack: 'kospet-official-store',
    policyText: 'kospet-official-store.txt',
    catalog: kospetOfficialStoreClauses,
    ids: range('C', 14),
  },
];

describe.each(packs)('clause texts of $pack', ({ pack, policyText, catalog, ids }) => {
  it('parses with the clause catalog schema', () => {
    expect(clauseCatalogSchema.parse(catalog)).toEqual(catalog);
  });

  it("has exactly the spec's clause ids for the pack, in order", () => {
    const rows = specRows(pack);
    expect(rows.map(([id]) => id)).toEqual(ids);
    expect(Object.keys(catalog)).toEqual(ids);
  });

  it("states each rule in English as the spec's catalog does, and in Bahasa Indonesia", () => {
    for (const [id, rule] of specRows(pack)) {
      expect(catalog[id]?.rule.en, id).toBe(rule);
      expect(catalog[id]?.rule.id.trim().length, id).toBeGreaterThan(0);
      expect(catalog[id]?.rule.id, id).not.toBe(rule);
    }
  });

  it("quotes the brand's text word for word", () => {
    const brandText = normalize(readPolicyText(policyText));
    for (const [id, clause] of Object.entries(catalog)) {
      for (const { text } of clause.source) {
        expect(brandText.includes(normalize(text)), `${id}: "${text}"`).toBe(true);
      }
    }
  });
});

describe('source languages', () => {
  it('quotes the igpsport Lingkup Garansi block and the 1X24 jam sentence in Bahasa Indonesia', () => {
    for (const id of ['A1', 'A2', 'A3', 'A4', 'A9']) {
      expect(igpsportClauses[id as keyof typeof igpsportClauses].source[0]?.language, id).toBe(
        'id',
      );
    }
  });
});
