import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_ROLES, EVENT_STATUSES, EVENT_TYPES, ENTITY_KINDS, MODALITIES, PREDICATES } from '../../src/ontology/index.js';
import { describeVocabulary, renderVocabularyMarkdown } from '../../src/ontology/describe.js';
import { PROJECT_ROOT } from '../utils/fixtures.js';

// docs/vocabulary.md is generated from src/ontology/ and kept equal to it (as schema/*.json is):
// after a change to the ontology, `npm run vocabulary` rewrites it.
const DOC = readFileSync(join(PROJECT_ROOT, 'docs', 'vocabulary.md'), 'utf8');

test('docs/vocabulary.md is what the ontology renders (run `npm run vocabulary` after changing src/ontology/)', () => {
  expect(DOC).toBe(renderVocabularyMarkdown());
});

test('the description covers every table entry, read from the tables themselves', () => {
  const v = describeVocabulary();
  expect(v.kinds.map((k) => k.name)).toEqual([...ENTITY_KINDS]);
  expect(v.predicates.map((p) => p.name)).toEqual(Object.keys(PREDICATES));
  expect(v.roles.map((r) => r.name)).toEqual(Object.keys(EVENT_ROLES));
  expect(v.eventTypes.map((t) => t.name)).toEqual(Object.keys(EVENT_TYPES));
  expect(v.modalities.map((m) => m.name)).toEqual([...MODALITIES]);
  expect(v.statuses).toEqual([...EVENT_STATUSES]);
  for (const name of [...Object.keys(PREDICATES), ...Object.keys(EVENT_TYPES), ...MODALITIES]) expect(DOC).toContain(`| \`${name}\` |`);
});

test('predicates carry their domain, range and properties; event types their projection', () => {
  const v = describeVocabulary();
  const holds = v.predicates.find((p) => p.name === 'HOLDS_POSITION');
  expect(holds?.signatures).toEqual([{ subject: ['PERSON'], object: ['GOVERNMENT', 'ORGANIZATION'] }]);
  expect(holds?.properties).toEqual([expect.objectContaining({ name: 'title', type: 'string', required: true })]);
  expect(v.eventTypes.find((t) => t.name === 'MEETING')?.projection).toMatchObject({ predicate: 'MET_WITH', planned: 'PLANS_TO_MEET', to: 'all-pairs' });
});

test('the README links the vocabulary, not an ONTOLOGY.md a clone does not have', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  expect(readme).toContain('docs/vocabulary.md');
  expect(readme).not.toMatch(/\]\([^)]*ONTOLOGY\.md\)/u);
});
