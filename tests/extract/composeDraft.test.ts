/**
 * What a first-use walkthrough saw in drafts: a fact of an entity about itself ("Russia AFFILIATED_WITH
 * Russia"), which composeDraft, the last guard before the YAML a reviewer reads, never writes; and titles in
 * the wrong case ("Secretary Of State").
 */
import { describe, expect, test } from '@jest/globals';
import { composeDraft, draftArticle, unitSpans } from '../../src/extract/draftArticle.js';
import { EntityTable } from '../../src/extract/entityTable.js';
import type { DraftRelation } from '../../src/extract/facts.js';

const TEXT = 'Russia criticized Ukraine. Russian officials met in Moscow.';
const table = new EntityTable(
  [
    { id: 'russia', kind: 'GOVERNMENT', name: 'Russia' },
    { id: 'ukraine', kind: 'GOVERNMENT', name: 'Ukraine' },
  ],
  new Set(),
);
const relation = (subject: string, object: string, start: number, end: number): DraftRelation => ({
  subject,
  predicate: 'CRITICIZED',
  object,
  negated: false,
  evidence: { start, end },
  rule: 'test',
  confidence: 0.5,
});

describe('composeDraft', () => {
  test('keeps a fact between two entities and drops one of an entity about itself', () => {
    const found = {
      mentions: [],
      relations: [relation('russia', 'ukraine', 0, 25), relation('russia', 'russia', 27, 44)],
      events: [],
      claims: [],
    };
    const draft = composeDraft(TEXT, { id: 'a', title: 'A' }, table, unitSpans(TEXT), found);
    expect(draft.article.relations?.map((r) => `${r.subject} ${r.predicate} ${r.object}`)).toEqual(['russia CRITICIZED ukraine']);
  });
});

describe('titles drafted from the text', () => {
  test('keep headline case: "Secretary of State", not "Secretary Of State"', () => {
    const text = 'U.S. Secretary of State Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.';
    const draft = draftArticle(text, { id: 'riyadh', title: 'Riyadh', published: '2025-02-18' }, [
      { id: 'united-states', kind: 'GOVERNMENT', name: 'United States', aliases: ['U.S.'] },
    ]);
    const titles = (draft.article.relations ?? []).filter((r) => r.predicate === 'HOLDS_POSITION').map((r) => r.properties?.['title']);
    expect(titles).toContain('Secretary of State');
    expect(titles).not.toContain('Secretary Of State');
  });
});
