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

/**
 * Each word of `text` (a run of letters and digits, lower-cased) with the offset where its first occurrence ends: the
 * words of any prefix of the text are those that end by the prefix's end (when the prefix ends between two words).
 */
export function wordEnds(text: string): Map<string, number> {
  const ends = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0].toLowerCase();
    if (!ends.has(word)) ends.set(word, (m.index ?? 0) + m[0].length);
  }
  return ends;
}

/** The first word of a name, lower case: what the text index and the table index agree on ("U.S." → "u"). */
function headWord(form: string): string {
  return (/^[\p{L}\p{N}]+/u.exec(form)?.[0] ?? '').toLowerCase();
}

/**
 * The entities a draft can name, indexed so that a look-up costs the same with 30 entities or 30,000: by
 * folded name or alias (`findByForm`) and by the first word of each form (`namedIn`, which the gazetteer pass
 * uses to consider only the entities whose forms can occur in the article).
 */
export class EntityTable {
  private readonly byId = new Map<string, KnownEntity | CreatedEntity>();
  /** Insertion order: look-ups answer in the order the entities were given, as a scan would. */
  private readonly order = new Map<string, number>();
  private readonly byFolded = new Map<string, Set<string>>();
  private readonly byHead = new Map<string, Set<string>>();
  private readonly createdIds = new Set<string>();
  readonly created: CreatedEntity[] = [];

  /**
   * @param reserved ids taken by something else in the directory (the events and claims of other articles),
   *   which a created entity must not reuse.
   */
  constructor(known: readonly KnownEntity[], private readonly reserved: ReadonlySet<string> = new Set()) {
    for (const e of known) this.add(e);
  }

  private add(e: KnownEntity | CreatedEntity): void {
    if (!this.byId.has(e.id)) this.order.set(e.id, this.order.size);
    this.byId.set(e.id, e);
    for (const form of [e.name, ...(e.aliases ?? [])]) this.index(e.id, form);
  }

  private index(id: string, form: string): void {
    const put = (map: Map<string, Set<string>>, key: string) => {
      const ids = map.get(key) ?? new Set<string>();
      ids.add(id);
      map.set(key, ids);
    };
    put(this.byFolded, foldName(form));
    put(this.byHead, headWord(form));
  }

  private readonly localForms = new Map<string, string[]>();

  /** A form that names this entity in this article only ("Pyongyang" for North Korea); not written back. */
  addForm(id: string, form: string): void {
    const forms = this.localForms.get(id) ?? [];
    if (!forms.includes(form)) forms.push(form);
    this.localForms.set(id, forms);
    this.index(id, form);
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
    return this.createdIds.has(id);
  }

  all(): (KnownEntity | CreatedEntity)[] {
    return [...this.byId.values()];
  }

  /**
   * The entities with a form whose first word occurs in `text` as a word, in table order: every entity the
   * gazetteer pass could find there, and usually few of the table's.
   */
  namedIn(text: string): (KnownEntity | CreatedEntity)[] {
    return this.namedByWords(wordEnds(text));
  }

  /**
   * `namedIn` of a text, or of the part of it before `before`, from the text's words read once (`wordEnds`): the
   * mention pass asks this for many prefixes of one article, and reading the prefix's words each time made a draft
   * quadratic (53% of a 343 KB draft's time).
   */
  namedByWords(words: ReadonlyMap<string, number>, before = Number.POSITIVE_INFINITY): (KnownEntity | CreatedEntity)[] {
    const ids = new Set<string>(this.byHead.get('') ?? []);
    for (const [head, headIds] of this.byHead) {
      const end = words.get(head);
      if (end !== undefined && end <= before) for (const id of headIds) ids.add(id);
    }
    return this.sorted(ids).flatMap((id) => this.byId.get(id) ?? []);
  }

  private sorted(ids: Iterable<string>): string[] {
    return [...ids].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  /** The entity whose name or alias is exactly `form` (of `kind`, when given). */
  findByForm(form: string, kind?: SharedKind): KnownEntity | CreatedEntity | undefined {
    for (const id of this.sorted(this.byFolded.get(foldName(form)) ?? [])) {
      const e = this.byId.get(id);
      if (!e || (kind !== undefined && e.kind !== kind)) continue;
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
    this.add(entity);
    this.createdIds.add(id);
    this.created.push(entity);
    return entity;
  }
}
