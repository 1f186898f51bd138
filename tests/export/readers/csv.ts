/**
 * CSV read back as neo4j-admin reads it: strict RFC 4180 that tells a quoted empty field (the empty string)
 * from an empty one (no value), typed by the neo4j-admin header.
 */
import { CSV_NODES_FILE, CSV_RELATIONSHIPS_FILE } from '../../../src/export/csv.js';
import { decodeEntity, decodeRelation, type CanonicalGraph } from '../decode.js';

export interface CsvField {
  readonly value: string;
  readonly quoted: boolean;
}

/** Strict RFC 4180: CRLF records, quotes only around whole fields, `""` inside quotes. */
export function parseCsv(text: string): CsvField[][] {
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`csv: ${what} at offset ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  };
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          value += c;
          i++;
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote inside an unquoted field');
        value += text[i++];
      }
    }
    record.push({ value, quoted });
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      i += 2;
      records.push(record);
      record = [];
    } else {
      fail('expected , or CRLF');
    }
  }
  if (record.length > 0) fail('last record without CRLF');
  return records;
}

interface HeaderField {
  readonly name: string;
  readonly type: string;
}

function parseHeader(fields: readonly CsvField[]): HeaderField[] {
  return fields.map(({ value }) => {
    const colon = value.lastIndexOf(':');
    return colon < 0 ? { name: value, type: 'string' } : { name: value.slice(0, colon), type: value.slice(colon + 1) };
  });
}

/** A field as neo4j-admin reads it: undefined when empty and unquoted, typed by the header. */
function typedValue(field: CsvField, type: string, delimiter: string): unknown {
  if (field.value === '' && !field.quoted) return type.endsWith('[]') ? [] : undefined;
  if (/^ID\([A-Za-z]+\)$/u.test(type)) return field.value; // an id in an ID space of its own: ID(Article)
  switch (type) {
    case 'string':
    case 'ID':
    case 'START_ID':
    case 'END_ID':
    case 'TYPE':
      return field.value;
    case 'string[]':
    case 'LABEL':
      return field.value.split(delimiter);
    case 'boolean':
      if (field.value !== 'true' && field.value !== 'false') throw new Error(`csv: not a boolean: ${field.value}`);
      return field.value === 'true';
    case 'int':
      if (!/^-?\d+$/.test(field.value)) throw new Error(`csv: not an int: ${field.value}`);
      return Number(field.value);
    default:
      throw new Error(`csv: unknown header type ${type}`);
  }
}

export interface CsvTable {
  readonly header: HeaderField[];
  readonly rows: Record<string, unknown>[];
}

export function readCsvTable(text: string, delimiter: string): CsvTable {
  const [head, ...body] = parseCsv(text);
  if (!head) throw new Error('csv: no header');
  const header = parseHeader(head);
  const rows = body.map((fields) => {
    if (fields.length !== header.length) throw new Error(`csv: ${fields.length} fields for ${header.length} columns`);
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const field = fields[i];
      if (field) row[h.name === '' ? h.type : h.name] = typedValue(field, h.type, delimiter);
    });
    return row;
  });
  return { header, rows };
}

/** The delimiter that the import script declares. */
export function scriptDelimiter(script: string): string {
  const match = /--array-delimiter='(.)'/u.exec(script);
  if (!match?.[1]) throw new Error('csv: the import script declares no array delimiter');
  return match[1];
}

export function readCsv(files: Record<string, string>, delimiter: string): CanonicalGraph {
  const nodesText = files[CSV_NODES_FILE];
  const relationshipsText = files[CSV_RELATIONSHIPS_FILE];
  if (nodesText === undefined || relationshipsText === undefined) throw new Error('csv: a file is missing');
  const nodes = readCsvTable(nodesText, delimiter).rows.map((row) => {
    const key = String(row['id']);
    return { key, attributes: decodeEntity(key, row) };
  });
  const edges = readCsvTable(relationshipsText, delimiter).rows.map((row) => {
    const key = String(row['id']);
    const source = String(row['START_ID']);
    const target = String(row['END_ID']);
    return { key, source, target, attributes: decodeRelation(key, source, target, row) };
  });
  nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { nodes, edges };
}
