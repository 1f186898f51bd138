/**
 * Relation ids that a person can read and that stay stable when unrelated data changes:
 * `subject--predicate--object` in lower kebab ("ukraine--rejected--crimea-condition"), with `not-` before a
 * negated predicate and `-2`, `-3` for other facts between the same ends (another title, another occasion,
 * another speaker). Statements of one fact are merged first (mergeFacts.ts), so a fact stated by several
 * articles keeps the plain id. They also become the relations' IRIs in RDF exports.
 */
export class RelationIds {
  private readonly taken = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  /** The id word of each predicate, negated or not, made once. */
  private readonly verbs = new Map<string, string>();

  /** Reserves an id given explicitly in the data; false when it is already taken. */
  reserve(id: string): boolean {
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }

  private verb(predicate: string, negated: boolean): string {
    const name = negated ? `!${predicate}` : predicate;
    let verb = this.verbs.get(name);
    if (verb === undefined) {
      verb = `${negated ? 'not-' : ''}${predicate.toLowerCase().replace(/_/g, '-')}`;
      this.verbs.set(name, verb);
    }
    return verb;
  }

  derive(subject: string, predicate: string, object: string, negated: boolean): string {
    const verb = this.verb(predicate, negated);
    const base = `${subject}--${verb}--${object}`;
    let id = base;
    // Start from the last suffix given for this base: trying 2, 3, ... each time was quadratic in repeats.
    let n = this.nextSuffix.get(base) ?? 2;
    for (; this.taken.has(id); n++) id = `${base}-${n}`;
    this.nextSuffix.set(base, n);
    this.taken.add(id);
    return id;
  }
}
