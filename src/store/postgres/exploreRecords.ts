/**
 * The fields of the explorer's nodes and edges, read from their records in PostgreSQL without handing the records
 * to the server.
 *
 * A view draws up to 200 entities and 800 relations; their records (evidence quotes and all) came to 1.5 MB of JSON
 * per view at 100,000 articles, read, parsed and let go again by the server for a handful of short fields: in a
 * profile of the API server answering `explore`, parsing them and the garbage collections after were the largest
 * part of its own time. Now PostgreSQL picks those fields out of each record in one pass (`json_to_record`, each
 * value as JSON, parsed by node-postgres as the record would have held it), and takes the others from the tables'
 * own columns (kind, predicate, ends, negated, event: written from the same records at load; a node's place and
 * degree too). The records are read
 * for the nodes' and edges' articles, and not at all when the answer asks for none (exploreQuery.ts).
 */
import type { RelationOrigin } from '../../graph/types.js';
import type { EntityKind, Modality } from '../../ontology/index.js';
import type { Connections } from './connections.js';

/** What a node draws of its entity: its record's name, kind and time, and the layout's place, the degree. */
export interface NodeFields {
  readonly id: string;
  /** With `time`, from the record: absent when read without (`nodeFields`'s `record: false`). */
  readonly name?: string;
  readonly kind: EntityKind;
  readonly time?: string | null;
  readonly x: number;
  readonly y: number;
  readonly degree: number;
}

/**
 * What an edge draws of its relation's record. `modality`, `origin`, `attributedTo` and `time` come from the record,
 * the rest from the table's columns: read without the record (RECORD_EDGE_FIELDS not asked), they are absent.
 */
export interface EdgeFields {
  readonly id: string;
  readonly predicate: string;
  readonly subject: string;
  readonly object: string;
  readonly negated: boolean;
  readonly modality?: Modality;
  readonly origin?: RelationOrigin;
  readonly attributedTo?: string | null;
  readonly event: string | null;
  readonly time?: string | null;
}

/**
 * The fields of a node and of an edge that only the records hold (the others are the tables' columns). When an answer
 * asks none of them, the records are not read: at 100,000 articles, parsing 800 relation records in PostgreSQL was
 * about two thirds of the statement that finds a view's relations (docs/design-choices.md, `pgview`).
 */
export const RECORD_NODE_FIELDS: readonly string[] = ['name', 'time'];
export const RECORD_EDGE_FIELDS: readonly string[] = ['modality', 'origin', 'attributedTo', 'time'];

/** Whether an answer asking `asked` (undefined: any field) needs the records for fields among `ofRecord`. */
export function needsRecords(asked: readonly string[] | undefined, ofRecord: readonly string[]): boolean {
  return asked === undefined || ofRecord.some((field) => asked.includes(field));
}

/** An EVENT's time is its record's `properties.time` (explore.ts); other kinds draw none. */
const NODES_SQL = `SELECT e.id, e.kind, d.name, CASE WHEN e.kind = 'EVENT' THEN d.properties -> 'time' END AS time, e.x, e.y, e.degree
  FROM newsgraph.entity e CROSS JOIN LATERAL json_to_record(coalesce(e.slim, e.doc)) AS d(name json, properties json)
  WHERE e.id = ANY($1::text[])`;
/** The same without the records: the columns only (an answer that asks no name nor time). */
const NODES_BARE_SQL = `SELECT e.id, e.kind, e.x, e.y, e.degree FROM newsgraph.entity e WHERE e.id = ANY($1::text[])`;

/** An edge's fields, over `newsgraph.relation r` joined with EDGE_RECORD (exploreEdges.ts reads them with the positions). */
export const EDGE_COLUMNS = `r.id, r.predicate, r.subject, r.object, r.negated, r.event, d.modality, d.origin, d."attributedTo", d.time`;
/** The fields of relation `r`'s record that its columns do not hold, in one pass over its JSON. */
export const EDGE_RECORD = `json_to_record(coalesce(r.slim, r.doc)) AS d(modality json, origin json, "attributedTo" json, time json)`;
/** An edge's fields from the relation table's columns alone (no record read): RECORD_EDGE_FIELDS absent. */
export const EDGE_BARE_COLUMNS = `r.id, r.predicate, r.subject, r.object, r.negated, r.event`;

const EDGES_SQL = `SELECT r.pos, ${EDGE_COLUMNS} FROM newsgraph.relation r CROSS JOIN LATERAL ${EDGE_RECORD} WHERE r.pos = ANY($1::int[])`;
const EDGES_BARE_SQL = `SELECT r.pos, ${EDGE_BARE_COLUMNS} FROM newsgraph.relation r WHERE r.pos = ANY($1::int[])`;

/** A row of EDGE_COLUMNS (of EDGE_BARE_COLUMNS: without the record's four). */
export interface EdgeRow {
  id: string;
  predicate: string;
  subject: string;
  object: string;
  negated: boolean;
  event: string | null;
  modality?: Modality;
  origin?: RelationOrigin;
  attributedTo?: string | null;
  time?: string | null;
}

/** The nodes' fields of these entities (unknown ids left out); without `name` and `time` when `record` is false. */
export async function nodeFields(db: Connections, ids: readonly string[], record = true): Promise<NodeFields[]> {
  if (!record) return db.read<NodeFields>(NODES_BARE_SQL, [ids]);
  const rows = await db.read<NodeFields>(NODES_SQL, [ids]);
  return rows.map((r) => ({ ...r, time: r.time ?? null }));
}

/** An edge's fields from its row; the record's four only when the row holds them (EDGE_COLUMNS). */
export function edgeOfRow(r: EdgeRow): EdgeFields {
  const columns = { id: r.id, predicate: r.predicate, subject: r.subject, object: r.object, negated: r.negated, event: r.event ?? null };
  if (r.origin === undefined) return columns;
  return { ...columns, modality: r.modality, origin: r.origin, attributedTo: r.attributedTo ?? null, time: r.time ?? null };
}

/** The fields of the relations at these positions (those `edgesAmong` has not read with them); `record`: as edgesAmong's. */
export async function edgeFields(db: Connections, positions: readonly number[], record = true): Promise<Map<number, EdgeFields>> {
  if (positions.length === 0) return new Map();
  const rows = await db.read<EdgeRow & { pos: number }>(record ? EDGES_SQL : EDGES_BARE_SQL, [positions]);
  return new Map(rows.map((r) => [r.pos, edgeOfRow(r)]));
}
