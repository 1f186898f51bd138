// Writes docs/vocabulary.md from the compiled ontology (run `npm run vocabulary` after changing src/ontology/).
import { writeFileSync } from 'node:fs';
import { renderVocabularyMarkdown } from '../dist/ontology/describe.js';

writeFileSync(new URL('../docs/vocabulary.md', import.meta.url), renderVocabularyMarkdown());
