/**
 * composeDraft, the last guard between what the rules found and the YAML a reviewer reads: a fact of an
 * entity about itself ("Russia AFFILIATED_WITH Russia", seen in a first-use walkthrough) is never written.
 */
import { describe, expect, test } from '@jest/globals';
import { composeDraft, unitSpans } from '../../src/extract/draftArticle.js';
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
