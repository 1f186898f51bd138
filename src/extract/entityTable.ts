/**
 * The entities an article draft can name: the corpus's own (the gazetteer, from entities.yaml) and those the
 * draft creates. Creating one gives it a fresh lower-kebab id that no other entity has.
 */
import { foldName } from '../graph/fold.js';
import type { EntityKind } from '../ontology/index.js';

export type SharedKind = 'PERSON' | 'GOVERNMENT' | 'ORGANIZATION' | 'GROUP' | 'PLACE' | 'PROPOSAL';

export interface KnownEntity {
  readonly id: string;
  readonly kind: SharedKind;
  readonly name: string;
  readonly aliases?: readonly string[];
}

export interface CreatedEntity {
  readonly id: string;
  readonly kind: SharedKind;
  readonly name: string;
  aliases: string[];
  readonly rule: string;
  readonly confidence: number;
}

/**
 * A new entity's id from its name: name search's folding (so "Støre" is "store" and "Ørsted" "orsted", not
 * "st-re" and "rsted"), a possessive kept as one word, then lower kebab.
 */
export function slug(text: string): string {
  return (
    foldName(text.replace(/[’']s\b/gu, 's'))
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'entity'
  );
}

export class EntityTable {
  private readonly byId = new Map<string, KnownEntity | CreatedEntity>();
  readonly created: CreatedEntity[] = [];

  /**
   * @param reserved ids taken by something else in the directory (the events and claims of other articles),
   *   which a created entity must not reuse.
   */
  constructor(known: readonly KnownEntity[], private readonly reserved: ReadonlySet<string> = new Set()) {
    for (const e of known) this.byId.set(e.id, e);
  }

  private readonly localForms = new Map<string, string[]>();

  /** A form that names this entity in this article only ("Pyongyang" for North Korea); not written back. */
  addForm(id: string, form: string): void {
    const forms = this.localForms.get(id) ?? [];
    if (!forms.includes(form)) forms.push(form);
    this.localForms.set(id, forms);
  }

  /** Name, aliases and the article's own forms. */
  formsOf(id: string): string[] {
    const e = this.byId.get(id);
    if (!e) return [];
    return [...new Set([e.name, ...(e.aliases ?? []), ...(this.localForms.get(id) ?? [])])];
  }

  get(id: string): KnownEntity | CreatedEntity | undefined {
    return this.byId.get(id);
  }

  kindOf(id: string): EntityKind | undefined {
    return this.byId.get(id)?.kind;
  }

  isCreated(id: string): boolean {
    return this.created.some((c) => c.id === id);
  }

  all(): (KnownEntity | CreatedEntity)[] {
    return [...this.byId.values()];
  }

  /** The entity whose name or alias is exactly `form` (of `kind`, when given). */
  findByForm(form: string, kind?: SharedKind): KnownEntity | CreatedEntity | undefined {
    for (const e of this.byId.values()) {
      if (kind !== undefined && e.kind !== kind) continue;
      if (e.name === form || (e.aliases ?? []).includes(form) || (this.localForms.get(e.id) ?? []).includes(form)) return e;
    }
    return undefined;
  }

  create(kind: SharedKind, name: string, rule: string, confidence: number, aliases: string[] = []): CreatedEntity {
    const existing = this.findByForm(name, kind);
    if (existing && this.isCreated(existing.id)) return existing as CreatedEntity;
    let id = slug(name);
    for (let n = 2; this.byId.has(id) || this.reserved.has(id); n++) id = `${slug(name)}-${n}`;
    const entity: CreatedEntity = { id, kind, name, aliases: aliases.filter((a) => a !== name), rule, confidence };
    this.byId.set(id, entity);
    this.created.push(entity);
    return entity;
  }
}
