/**
 * What a problem elsewhere already explains. When a file cannot be read, or an item of it is set aside for a
 * schema error, what it declared or mentioned is missing from the build; the references to it and the
 * entities only it mentioned would then be reported again as "unknown" or "without evidence", far from the
 * real mistake. The excuses remember what was set aside, and `withoutCascades` drops exactly those echoes.
 */
import type { Diagnostic } from '../errors.js';

export class Excuses {
  private readonly declared = new Set<string>();
  private readonly mentioned = new Set<string>();
  private readonly unread: string[] = [];
  private nothingDeclared = false;

  /** An id declared by an item that was set aside (an event, a claim, a shared entity). */
  declaredBySetAside(id: string): void {
    this.declared.add(id);
  }

  /** An entity whose mention was set aside, or whose mention is reported at its own place. */
  mentionedAt(id: string): void {
    this.mentioned.add(id);
  }

  /** The raw text of a file that could not be read: anything it names may have been declared or mentioned there. */
  unreadable(text: string): void {
    this.unread.push(text);
  }

  /** The shared entities could not be read at all: every unknown reference is an echo of that. */
  everythingUndeclared(): void {
    this.nothingDeclared = true;
  }

  /** True when an unknown reference to `id` is explained by a problem already reported. */
  excusesReference(id: string): boolean {
    return this.nothingDeclared || this.declared.has(id) || this.namedInUnread(id);
  }

  /** True when "no article mentions `id`" is explained by a problem already reported. */
  excusesMissingEvidence(id: string): boolean {
    return this.mentioned.has(id) || this.namedInUnread(id);
  }

  private namedInUnread(id: string): boolean {
    const word = new RegExp(`(^|[^a-z0-9-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9-])`, 'm');
    return this.unread.some((text) => word.test(text));
  }
}

/** The problems without the echoes that `excuses` explain (each echo names the id where it stands). */
export function withoutCascades(problems: readonly Diagnostic[], excuses: Excuses): Diagnostic[] {
  return problems.filter((p) => {
    if (p.code !== 'UNKNOWN_REFERENCE' && p.code !== 'NO_EVIDENCE') return true;
    const id = idAt(p);
    if (id === undefined) return true;
    return p.code === 'UNKNOWN_REFERENCE' ? !excuses.excusesReference(id) : !excuses.excusesMissingEvidence(id);
  });
}

/** The id written where the diagnostic points: both codes are located at the id itself (a value or a key). */
function idAt(p: Diagnostic): string | undefined {
  if (p.lineText === undefined) return undefined;
  const rest = Array.from(p.lineText).slice(p.column - 1).join('');
  return /^["']?([a-z0-9]+(?:-[a-z0-9]+)*)/.exec(rest)?.[1];
}
