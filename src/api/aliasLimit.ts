/**
 * A validation rule that refuses a document with more aliased fields than the limit: aliases let one
 * request ask the same costly field many times over.
 */
import type { ASTVisitor, FieldNode, ValidationContext, ValidationRule } from 'graphql';
import { LimitError } from './limitError.js';

/** Refuses documents with more than `maxAliases` aliased fields with TOO_MANY_ALIASES. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const aliased: FieldNode[] = [];
    return {
      Field(field) {
        if (field.alias !== undefined) aliased.push(field);
      },
      Document: {
        leave() {
          if (aliased.length > maxAliases) {
            context.reportError(
              new LimitError(
                'maxAliases',
                maxAliases,
                aliased.length,
                `The document has ${aliased.length} aliased fields; the limit is ${maxAliases} aliases. Ask with fewer aliases, or in several requests.`,
                aliased.slice(maxAliases, maxAliases + 1),
              ),
            );
          }
        },
      },
    };
  };
}
