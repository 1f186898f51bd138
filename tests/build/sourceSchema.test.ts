import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_SCHEMA, ENTITIES_SCHEMA } from '../../src/build/index.js';
import { EVENT_TYPE_NAMES, PREDICATE_NAMES } from '../../src/ontology/index.js';
import { PROJECT_ROOT } from '../utils/fixtures.js';

// Editors read schema/*.schema.json; the builder validates with the objects. They must be the same.
test.each([
  ['entities.schema.json', ENTITIES_SCHEMA],
  ['article.schema.json', ARTICLE_SCHEMA],
])('schema/%s is the committed copy of the builder\'s schema (run "npm run schema" after changing the ontology)', (file, schema) => {
  const committed: unknown = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schema', file), 'utf8'));
  expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
});

test('the article schema offers every predicate and event type of the ontology', () => {
  const text = JSON.stringify(ARTICLE_SCHEMA);
  for (const name of [...PREDICATE_NAMES, ...EVENT_TYPE_NAMES]) expect(text).toContain(`"${name}"`);
});

test.each(['data/entities.yaml', 'data/articles/ukraine-peace-talks-2025-04.yaml'])('%s names its schema for editors', (file) => {
  const firstLine = readFileSync(join(PROJECT_ROOT, file), 'utf8').split('\n')[0];
  expect(firstLine).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/(entities|article)\.schema\.json$/u);
});
