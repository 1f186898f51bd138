/**
 * serve --watch reacts to the files a build reads, not to what editors and tools leave while saving (a
 * first-use walkthrough saw `sed -i`'s temporary file named in the reload log).
 */
import { describe, expect, test } from '@jest/globals';
import { isLeftover } from '../../src/cli/watch.js';

describe('isLeftover', () => {
  test.each(['sedIMvpVQ', 'articles/sedIMvpVQ', '4913', 'articles/.x.yaml.swp', '.#entities.yaml', '#entities.yaml#', 'entities.yaml~', 'articles/x.yaml.123.tmp', '.newsgraph-tmp'])('%s is a leftover', (name) => {
    expect(isLeftover(name)).toBe(true);
  });

  test.each(['entities.yaml', 'newsgraph.yaml', 'articles/talks.yaml', 'articles/talks.txt', 'articles/talks.yml'])('%s is read by a build', (name) => {
    expect(isLeftover(name)).toBe(false);
  });
});
