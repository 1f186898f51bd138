// Data directories that once cost more than linear time to validate (issue 11): one article with many
// relations, many entities no article mentions, a long quote that is not in the article, a long article,
// an unknown id of a megabyte. Shared by bench/validate.mjs and the hardening tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEADER = (text) => `article:\n  id: long-report\n  title: A long report\n  text: ${text}\n  published: "2025-04"\n`;

function person(id, name) {
  return `  - id: ${id}\n    kind: PERSON\n    name: ${name}\n`;
}

/** Sentence i of a long article: unique words ("day i.") so that every quote picks one place. */
function sentence(i) {
  return `Alpha stood with Beta on day ${i}. `;
}

/**
 * A data directory for one case. `relations`: that many relations, each quoting its own sentence;
 * `textChars`: the article padded to at least that many characters; `unmentioned`: entities no article
 * mentions; `missingQuote`: a quote of that many characters not in the article; `unknownId`: a reference
 * to an id of that many characters.
 */
export function writeLargeCase(options = {}) {
  const { relations = 0, textChars = 0, unmentioned = 0, missingQuote = 0, unknownId = 0 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-large-'));
  mkdirSync(join(dir, 'articles'));
  const parts = ['Alpha met Beta. '];
  let length = parts[0].length;
  for (let i = 0; i < relations || length < textChars; i++) {
    const s = sentence(i);
    parts.push(s);
    length += s.length;
  }
  writeFileSync(join(dir, 'articles', 'long-report.txt'), parts.join(''));

  const entities = ['entities:\n', person('alpha', 'Alpha'), person('beta', 'Beta')];
  for (let i = 0; i < unmentioned; i++) entities.push(person(`unmentioned-${i}`, `Unmentioned ${i}`));
  writeFileSync(join(dir, 'entities.yaml'), entities.join(''));

  const yaml = [HEADER('long-report.txt'), 'mentions:\n  alpha: "Alpha met"\n  beta: "met Beta"\n', 'relations:\n'];
  yaml.push('  - subject: alpha\n    predicate: MET_WITH\n    object: beta\n    evidence: "Alpha met Beta."\n');
  for (let i = 0; i < relations; i++) {
    yaml.push(`  - subject: alpha\n    predicate: ALIGNED_WITH\n    object: beta\n    evidence: "stood with Beta on day ${i}."\n`);
  }
  if (missingQuote > 0) {
    // Sentences of the article with one typo each: close to a passage, verbatim nowhere.
    let quote = '';
    for (let n = Math.floor(parts.length / 2); quote.length < missingQuote; n++) quote += sentence(n).replace('stood', 'stod');
    yaml.push(`  - subject: alpha\n    predicate: ALIGNED_WITH\n    object: beta\n    evidence: "${quote.slice(0, missingQuote).trim()}"\n`);
  }
  if (unknownId > 0) {
    yaml.push(`  - subject: ${'x'.repeat(unknownId)}\n    predicate: ALIGNED_WITH\n    object: beta\n    evidence: "Alpha met Beta."\n`);
  }
  writeFileSync(join(dir, 'articles', 'long-report.yaml'), yaml.join(''));
  return dir;
}
