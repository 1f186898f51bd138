/** `newsgraph evaluate GOLD_DIR DRAFT_DIR`: precision, recall and F1 of a draft against a reviewed encoding. */
import { NewsgraphError } from '../../errors.js';
import { evaluateDirectories, formatEvaluation } from '../../extract/evaluate.js';
import type { Command } from '../command.js';

export const evaluateCommand: Command = {
  name: 'evaluate',
  usage: 'newsgraph evaluate GOLD_DIR DRAFT_DIR [--json] [--details]',
  summary: 'Precision, recall and F1 of a draft encoding against a reviewed one of the same articles.',
  positionals: 2,
  options: {
    json: { type: 'boolean', description: 'Print the figures as JSON.' },
    details: { type: 'boolean', description: 'Also list the typed relations missed and those drafted but not in the gold.' },
  },
  async run({ positionals, values }, io) {
    const [gold, draft] = positionals;
    if (gold === undefined || draft === undefined) throw new NewsgraphError('BAD_USER_INPUT', 'evaluate needs two data directories: newsgraph evaluate GOLD_DIR DRAFT_DIR.');
    const result = await evaluateDirectories(gold, draft);
    io.out(values['json'] === true ? `${JSON.stringify(result, null, 2)}\n` : formatEvaluation(result, values['details'] === true));
    return 0;
  },
};
