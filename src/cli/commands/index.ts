/** The commands of `newsgraph`, in the order --help lists them. */
import type { Command } from '../command.js';
import { buildCommand } from './build.js';
import { exportCommand } from './export.js';
import { extractCommand } from './extract.js';
import { loadCommand } from './load.js';
import { evaluateCommand } from './evaluate.js';
import { queryCommand } from './query.js';
import { serveCommand } from './serve.js';
import { showCommand } from './show.js';
import { statsCommand } from './stats.js';
import { validateCommand } from './validate.js';
import { vocabularyCommand } from './vocabulary.js';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  buildCommand,
  statsCommand,
  serveCommand,
  queryCommand,
  exportCommand,
  showCommand,
  vocabularyCommand,
  extractCommand,
  evaluateCommand,
  loadCommand,
];
