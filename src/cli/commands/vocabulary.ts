/** `newsgraph vocabulary [--json]`: the kinds, predicates, roles, event types and modalities data may use. */
import { describeVocabulary, renderVocabularyMarkdown } from '../../ontology/describe.js';
import type { Command } from '../command.js';

export const vocabularyCommand: Command = {
  name: 'vocabulary',
  usage: 'newsgraph vocabulary [--json]',
  summary: 'Print the vocabulary (kinds, predicates with domain, range and properties, event types, roles, modalities); docs/vocabulary.md.',
  positionals: 0,
  options: {
    json: { type: 'boolean', description: 'Print it as JSON.' },
  },
  async run(args, io) {
    io.out(args.values['json'] ? `${JSON.stringify(describeVocabulary(), null, 2)}\n` : renderVocabularyMarkdown());
    return 0;
  },
};
