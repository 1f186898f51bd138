/**
 * A validation rule that refuses a query nested deeper than the limit, before it runs. Fragments count
 * where they are spread; each fragment's depth is measured once, so a document cannot make this slow.
 * Introspection (`__schema`, `__type`, `__typename`) is not counted: its depth is bounded by the schema.
 */
import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { LimitError } from './limitError.js';

/** The number of nested field levels of a selection set (`{ a { b } }` is 2). */
export function selectionDepth(selectionSet: SelectionSetNode | undefined, context: ValidationContext): number {
  const fragmentDepths = new Map<string, number>();
  const measure = (set: SelectionSetNode | undefined): number => {
    if (set === undefined) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          if (!selection.name.value.startsWith('__')) deepest = Math.max(deepest, 1 + measure(selection.selectionSet));
          break;
        case Kind.INLINE_FRAGMENT:
          deepest = Math.max(deepest, measure(selection.selectionSet));
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          let depth = fragmentDepths.get(name);
          if (depth === undefined) {
            fragmentDepths.set(name, 0); // a cycle (refused by NoFragmentCycles) counts as nothing here
            depth = measure(context.getFragment(name)?.selectionSet);
            fragmentDepths.set(name, depth);
          }
          deepest = Math.max(deepest, depth);
          break;
        }
        default: {
          const unreachable: never = selection;
          throw new Error(`unknown selection ${JSON.stringify(unreachable)}`);
        }
      }
    }
    return deepest;
  };
  return measure(selectionSet);
}

/** Refuses operations deeper than `maxDepth` levels with QUERY_TOO_DEEP. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, context);
      if (depth > maxDepth) {
        const name = operation.name === undefined ? 'The operation' : `Operation "${operation.name.value}"`;
        context.reportError(
          new LimitError('maxDepth', maxDepth, depth, `${name} is nested ${depth} levels deep; the limit is ${maxDepth} levels. Select fewer nested fields, or ask in two queries.`, [operation]),
        );
      }
    },
  });
}
