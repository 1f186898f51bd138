/**
 * How deeply a request's variables may nest. No argument of the schema takes more than a list of scalars (it has no
 * input object types), so a value nested deeper than a few levels can never be valid; yet every piece of code that
 * walks variables recursively (the response cache's canonical key, the cost estimate's `JSON.stringify`) overflowed
 * the stack at about 3,000 levels, which fit in a 100 KB body, and the request was answered 500 with a stack trace
 * in the log. The bound is checked first, by a walk that keeps its own stack, so it cannot overflow itself.
 * 32 leaves room for input objects the schema may gain; a recursive input type would need its own thought.
 */
import { GraphQLError } from 'graphql';

export const MAX_VARIABLES_DEPTH = 32;

/** Whether `value` nests arrays or objects more than `max` levels deep (a scalar is level 0, `[1]` level 1). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > max) return true;
    for (const item of Array.isArray(next.value) ? next.value : Object.values(next.value)) {
      if (item !== null && typeof item === 'object') pending.push({ value: item, depth });
    }
  }
  return false;
}

/** The refusal of variables nested deeper than MAX_VARIABLES_DEPTH, or null when they are not. */
export function variablesDepthRefusal(variables: unknown): GraphQLError | null {
  if (!nestsDeeperThan(variables, MAX_VARIABLES_DEPTH)) return null;
  return new GraphQLError(
    `The variables nest more than ${MAX_VARIABLES_DEPTH} levels of lists or objects: no argument of this API takes more than a list of ` +
      'strings, numbers or enum values. Send each declared variable as such a value.',
    // `http` tells Apollo to answer 400 (a refused request, not a server fault); it never reaches the client.
    { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
  );
}
