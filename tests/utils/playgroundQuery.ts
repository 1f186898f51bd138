/**
 * The text of a playground question (src/api/examples.ts) by its operation name, for tests that ask the playground's
 * own questions of a store.
 */
import { PLAYGROUND_EXAMPLES } from '../../src/api/examples.js';

/** @throws Error when no playground question has that operation name */
export function playgroundQuery(name: string): string {
  const example = PLAYGROUND_EXAMPLES.find((e) => e.operationName === name);
  if (example === undefined) throw new Error(`no playground question ${name}`);
  return example.query;
}
