/**
 * The prefixes the Turtle and JSON-LD outputs declare: the borrowed vocabularies and ng:, then `entity:`,
 * `relation:` and `article:` for the data's own folders under the base IRI.
 */
import { BASE_PREFIXES, type RdfIris } from './iris.js';
import { NAMESPACES } from './vocabulary.js';

export function outputPrefixes(iris: RdfIris): Record<string, string> {
  const prefixes: Record<string, string> = { ...NAMESPACES };
  for (const prefix of BASE_PREFIXES) prefixes[prefix] = iris.folder(prefix);
  return prefixes;
}
