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
  readonly name: string;
  readonly kind: EntityKind;
  readonly time: string | null;
  readonly x: number;
  readonly y: number;
  readonly degree: number;
}

/** What an edge draws of its relation's record. */
export interface EdgeFields {
  readonly id: string;
  readonly predicate: string;
  readonly subject: string;
  readonly object: string;
  readonly negated: boolean;
  readonly modality: Modality;
  readonly origin: RelationOrigin;
  readonly attributedTo: string | null;
  readonly event: string | null;
  readonly time: string | null;
}

/** An EVENT's time is its record's `properties.time` (explore.ts); other kinds draw none. */
const NODES_SQL = `SELECT e.id, e.kind, d.name, CASE WHEN e.kind = 'EVENT' THEN d.properties -> 'time' END AS time, e.x, e.y, e.degree
  FROM newsgraph.entity e CROSS JOIN LATERAL json_to_record(coalesce(e.slim, e.doc)) AS d(name json, properties json)
  WHERE e.id = ANY($1::text[])`;

/** An edge's fields, over `newsgraph.relation r` joined with EDGE_RECORD (exploreEdges.ts reads them with the positions). */
export const EDGE_COLUMNS = `r.id, r.predicate, r.subject, r.object, r.negated, r.event, d.modality, d.origin, d."attributedTo", d.time`;
/** The fields of relation `r`'s record that its columns do not hold, in one pass over its JSON. */
export const EDGE_RECORD = `json_to_record(coalesce(r.slim, r.doc)) AS d(modality json, origin json, "attributedTo" json, time json)`;

const EDGES_SQL = `SELECT r.pos, ${EDGE_COLUMNS} FROM newsgraph.relation r CROSS JOIN LATERAL ${EDGE_RECORD} WHERE r.pos = ANY($1::int[])`;

/** A row of EDGE_COLUMNS. */
export interface EdgeRow {
  id: string;
  predicate: string;
  subject: string;
  object: string;
  negated: boolean;
  event: string | null;
  modality: Modality;
  origin: RelationOrigin;
  attributedTo: string | null;
  time: string | null;
}

/** The nodes' fields of these entities (unknown ids left out). */
export async function nodeFields(db: Connections, ids: readonly string[]): Promise<NodeFields[]> {
  const rows = await db.read<NodeFields>(NODES_SQL, [ids]);
  return rows.map((r) => ({ ...r, time: r.time ?? null }));
}

export function edgeOfRow(r: EdgeRow): EdgeFields {
  return {
    id: r.id,
    predicate: r.predicate,
    subject: r.subject,
    object: r.object,
    negated: r.negated,
    modality: r.modality,
    origin: r.origin,
    attributedTo: r.attributedTo ?? null,
    event: r.event ?? null,
    time: r.time ?? null,
  };
}

/** The fields of the relations at these positions (those `edgesAmong` has not read with them). */
export async function edgeFields(db: Connections, positions: readonly number[]): Promise<Map<number, EdgeFields>> {
  if (positions.length === 0) return new Map();
  const rows = await db.read<EdgeRow & { pos: number }>(EDGES_SQL, [positions]);
  return new Map(rows.map((r) => [r.pos, edgeOfRow(r)]));
}
