/**
 * An event table in the manner of GDELT 2.0's event export: one tab-separated row per relation that is an
 * event in CAMEO's sense (the predicate has a code in ontology/cameo.ts), per article that states it, with
 * both actors, the CAMEO code, its root and QuadClass, the date, the source and the evidence quote. Unlike
 * GDELT, negation, modality and the speaker are kept in their own columns: "X did not endorse" is a row
 * with Negated=1, never a rejection, and "X said Y attacked Z" has AttributedTo=X. Structural relations
 * (positions, membership, aboutness) and event role edges are not events and are left out.
 *
 * Fields are escaped as in PostgreSQL's text COPY format, so that a quote may hold anything: backslash,
 * tab, line feed and carriage return become \\, \t, \n and \r. The first line is the header.
 */
import type { Evidence, NewsGraph, RelationAttributes } from '../graph/types.js';
import { gatherLines, joinChunks } from './chunks.js';
import { PREDICATE_CAMEO, cameoRoot, isPredicate, quadClass, type CameoMapping } from '../ontology/index.js';
import type { EntityHead } from '../store/corpusElements.js';
import { layoutPieces, type Layout } from './layout.js';

export const GDELT_COLUMNS = [
  'EventId',
  'Date',
  'Actor1Id',
  'Actor1Name',
  'Actor1Kind',
  'Actor2Id',
  'Actor2Name',
  'Actor2Kind',
  'EventCode',
  'EventRootCode',
  'QuadClass',
  'Predicate',
  'Negated',
  'Modality',
  'AttributedTo',
  'EventNodeId',
  'Draft',
  'ArticleId',
  'SourceName',
  'SourceUrl',
  'Quote',
  'QuoteStart',
  'QuoteEnd',
] as const;

export type GdeltColumn = (typeof GDELT_COLUMNS)[number];

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in PostgreSQL text COPY escaping. */
export function escapeTsvField(value: string): string {
  return value.replace(/[\\\t\n\r]/gu, (ch) => ESCAPES[ch] ?? ch);
}

export function toGdeltTsv(graph: NewsGraph): string {
  return joinChunks(gdeltLines(graph));
}

/** `toGdeltTsv`'s text, in chunks of many rows (lazy). */
export function toGdeltTsvChunks(graph: NewsGraph): Iterable<string> {
  return gatherLines(gdeltLines(graph));
}

/** The header, then one row per event per article, each with its line break, in `edgeEntries` order (a piece per relation). */
export const GDELT_LAYOUT: Layout = () => [
  `${GDELT_COLUMNS.join('\t')}\n`,
  {
    edges: {
      refers: ({ attributes: r }) =>
        cameoOf(r) === undefined ? NOTHING : { entities: [r.subject, r.object], articles: firstPerArticle(r.evidence).map((e) => e.article) },
      item: ({ attributes: r }, _index, lookups) => {
        const mapping = cameoOf(r);
        if (mapping === undefined) return '';
        let rows = '';
        for (const evidence of firstPerArticle(r.evidence)) {
          const article = lookups.article(evidence.article);
          const row: Record<GdeltColumn, string> = {
            EventId: `${r.id}@${evidence.article}`,
            Date: dateOf(r, article?.published),
            ...actor('Actor1', lookups.entity(r.subject), r.subject),
            ...actor('Actor2', lookups.entity(r.object), r.object),
            EventCode: mapping.code,
            EventRootCode: cameoRoot(mapping.code),
            QuadClass: String(quadClass(mapping.code)),
            Predicate: r.predicate,
            Negated: r.negated ? '1' : '0',
            Modality: r.modality,
            AttributedTo: r.attributedTo ?? '',
            EventNodeId: r.event ?? '',
            Draft: r.draft === true ? '1' : '0',
            ArticleId: evidence.article,
            SourceName: article?.source ?? '',
            SourceUrl: article?.url ?? '',
            Quote: evidence.exact,
            QuoteStart: String(evidence.start),
            QuoteEnd: String(evidence.end),
          };
          rows += `${GDELT_COLUMNS.map((c) => escapeTsvField(row[c])).join('\t')}\n`;
        }
        return rows;
      },
      end: () => '',
    },
  },
];

const NOTHING = { entities: [], articles: [] } as const;

/** The relation's CAMEO code, or undefined for a relation GDELT has no row for (an event's role, an unmapped predicate). */
function cameoOf(r: RelationAttributes): CameoMapping | undefined {
  if (r.origin === 'role' || !isPredicate(r.predicate)) return undefined;
  return PREDICATE_CAMEO[r.predicate] ?? undefined;
}

/** `toGdeltTsv`'s text, a piece per relation (lazy). */
export function gdeltLines(graph: NewsGraph): Generator<string> {
  return layoutPieces(GDELT_LAYOUT, graph);
}

function actor(prefix: 'Actor1' | 'Actor2', entity: EntityHead, id: string) {
  return { [`${prefix}Id`]: id, [`${prefix}Name`]: entity.name, [`${prefix}Kind`]: entity.kind } as Record<
    `${typeof prefix}${'Id' | 'Name' | 'Kind'}`,
    string
  >;
}

/** The relation's own time when it is one date, else the article's publication date. */
function dateOf(r: RelationAttributes, published: string | undefined): string {
  if (r.time !== undefined && !r.time.includes('/')) return r.time;
  return published ?? '';
}

function firstPerArticle(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of evidence) if (!seen.has(e.article)) seen.set(e.article, e);
  return [...seen.values()];
}
