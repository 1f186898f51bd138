/**
 * What one article brings to the graph when it is the only article that reports its own events and claims (an
 * added one: no other article could name them before): made by the assembler itself (assemble.ts) over that article alone, with every
 * id it names declared with the kind its node has in the snapshot. So the records the patch of an added
 * article (articleAddition.ts) writes are the full build's, not a second implementation of them:
 * - its article record;
 * - its events and claims, whole (their evidence, articles, properties are this article's alone);
 * - the anchors of each existing node it mentions (the patch places them in publication order);
 * - the role and projection relations of its own events (new facts: their keys name its events).
 * Its stated relations are taken statement by statement (articleStatements.ts), since they may merge with
 * facts other articles state.
 */
import type { Diagnostic } from '../errors.js';
import type { ArticleRecord, EntityAttributes, Evidence, RelationAttributes } from '../graph/types.js';
import type { EntityKind } from '../ontology/index.js';
import type { CheckedText } from './articleStatements.js';
import { assemble } from './assemble.js';
import { Excuses } from './excuses.js';
import type { LoadedSources } from './loadSources.js';
import type { EntitySource } from './sourceModel.js';
import type { SourceLocator } from './sourceLocator.js';
import { YamlSource } from './yamlSource.js';

export interface ArticleContribution {
  readonly record: ArticleRecord;
  /** Its own events, then its claims, in the order the assembler places them. */
  readonly ownNodes: readonly EntityAttributes[];
  /** The anchors of its mentions of ids declared elsewhere, by id. */
  readonly mentions: ReadonlyMap<string, readonly Evidence[]>;
  /** Its role and projection relations (merged among themselves; ids to be given in the snapshot). */
  readonly derived: readonly RelationAttributes[];
}

/** The kinds of the ids declared elsewhere: a pseudo entities file the assembler reads them from. */
const KNOWN_FILE = '(the entities of the previous snapshot)';

/**
 * The article's contribution, or the problems the assembler finds in it (an unknown id, a domain or range,
 * a duplicate id): the caller then builds the full way, which reports them where they are.
 */
export function contributionOf(article: CheckedText, file: { readonly absolute: string; readonly yamlText: string; readonly yaml: SourceLocator }, kinds: ReadonlyMap<string, EntityKind>): ArticleContribution | Diagnostic[] {
  const known: EntitySource[] = [];
  for (const [id, kind] of kinds) known.push({ id, kind, name: id } as unknown as EntitySource);
  const sources: LoadedSources = {
    entities: { yaml: new YamlSource(KNOWN_FILE, ''), data: { entities: known } },
    articles: [{ absoluteFile: file.absolute, yamlText: file.yamlText, yaml: file.yaml, checked: article.checked, ...(article.checked.data !== undefined ? { data: article.checked.data } : {}), text: article.text }],
    problems: [],
    excuses: new Excuses(),
  };
  const problems: Diagnostic[] = [];
  const assembled = assemble(sources, problems);
  // An id declared elsewhere and not mentioned here has its evidence in other articles.
  const real = problems.filter((p) => !(p.file === KNOWN_FILE && p.code === 'NO_EVIDENCE'));
  if (real.length > 0) return real;
  const record = assembled.articles[0];
  if (record === undefined) return [];
  const mentions = new Map<string, readonly Evidence[]>();
  assembled.entities.slice(0, known.length).forEach((e) => {
    if (e.articles.length > 0) mentions.set(e.id, e.evidence);
  });
  return {
    record,
    ownNodes: assembled.entities.slice(known.length),
    mentions,
    derived: assembled.relations.filter((r) => r.origin !== 'stated'),
  };
}

/** Every string and key in the article's data: the ids it may name (looked up among the snapshot's nodes). */
export function namedStrings(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => namedStrings(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      into.add(key);
      namedStrings(v, into);
    }
  }
  return into;
}
