/**
 * The Cypher script read back by a strict reader of the two statement shapes the writer emits, with
 * openCypher string-literal unescaping: no Neo4j runs here, so this is the parse-level check.
 */
import { decodeEntity, decodeRelation, type CanonicalGraph } from '../decode.js';

type CypherToken =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'punct'; value: string };

/** Unescapes a Cypher string literal body (openCypher: \\ \' \" \b \f \n \r \t \uXXXX \UXXXXXXXX). */
export function unescapeCypher(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    switch (n) {
      case '\\':
      case "'":
      case '"':
        out += n;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u':
        out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
        break;
      case 'U':
        out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
        i += 8;
        break;
      default:
        throw new Error(`cypher: invalid escape \\${n ?? ''}`);
    }
  }
  return out;
}

export function tokenizeCypher(line: string): CypherToken[] {
  const tokens: CypherToken[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      let j = i + 1;
      while (j < line.length && line[j] !== "'") j += line[j] === '\\' ? 2 : 1;
      if (j >= line.length) throw new Error(`cypher: unterminated string in ${line}`);
      tokens.push({ kind: 'string', value: unescapeCypher(line.slice(i + 1, j)) });
      i = j + 1;
    } else if (c === '`') {
      const j = line.indexOf('`', i + 1);
      if (j < 0) throw new Error('cypher: unterminated name');
      tokens.push({ kind: 'name', value: line.slice(i + 1, j) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i));
      tokens.push({ kind: 'name', value: match?.[0] ?? c });
      i += match?.[0].length ?? 1;
    } else if (/[-0-9]/.test(c) && /^-?\d/.test(line.slice(i))) {
      const match = /^-?\d+/.exec(line.slice(i));
      tokens.push({ kind: 'number', value: Number(match?.[0]) });
      i += match?.[0].length ?? 1;
    } else if (line.startsWith('->', i)) {
      tokens.push({ kind: 'punct', value: '->' });
      i += 2;
    } else if ('(){}[]:,;=-'.includes(c)) {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else {
      throw new Error(`cypher: unexpected ${JSON.stringify(c)} in ${line}`);
    }
  }
  return tokens;
}

class CypherReader {
  private i = 0;
  constructor(private readonly tokens: CypherToken[]) {}
  expect(kind: CypherToken['kind'], value?: string): CypherToken {
    const token = this.tokens[this.i++];
    if (!token || token.kind !== kind || (value !== undefined && token.value !== value)) {
      throw new Error(`cypher: expected ${kind} ${value ?? ''}, got ${JSON.stringify(token)}`);
    }
    return token;
  }
  name(value?: string): string {
    return String(this.expect('name', value).value);
  }
  string(): string {
    return String(this.expect('string').value);
  }
  punct(value: string): void {
    this.expect('punct', value);
  }
  value(): unknown {
    const token = this.tokens[this.i];
    if (token?.kind === 'punct' && token.value === '[') {
      this.i++;
      const items: unknown[] = [];
      while (!(this.tokens[this.i]?.kind === 'punct' && this.tokens[this.i]?.value === ']')) {
        if (items.length > 0) this.punct(',');
        items.push(this.value());
      }
      this.i++;
      return items;
    }
    if (token?.kind === 'name' && (token.value === 'true' || token.value === 'false')) {
      this.i++;
      return token.value === 'true';
    }
    if (token?.kind === 'string' || token?.kind === 'number') {
      this.i++;
      return token.value;
    }
    throw new Error(`cypher: expected a value, got ${JSON.stringify(token)}`);
  }
  map(): Record<string, unknown> {
    this.punct('{');
    const map: Record<string, unknown> = {};
    while (!(this.tokens[this.i]?.kind === 'punct' && this.tokens[this.i]?.value === '}')) {
      if (Object.keys(map).length > 0) this.punct(',');
      const key = this.name();
      this.punct(':');
      map[key] = this.value();
    }
    this.i++;
    return map;
  }
  /** `(variable:Entity {id: '…'})`, the node pattern of every statement; returns the id. */
  entity(variable: string): string {
    return this.node(variable, 'Entity');
  }
  /** `(variable:Label {id: '…'})`; returns the id. */
  node(variable: string, label: string): string {
    this.punct('(');
    this.name(variable);
    this.punct(':');
    this.name(label);
    this.punct('{');
    this.name('id');
    this.punct(':');
    const id = this.string();
    this.punct('}');
    this.punct(')');
    return id;
  }
  end(): void {
    this.punct(';');
    if (this.i !== this.tokens.length) throw new Error('cypher: more than one statement on a line');
  }
}

export interface CypherScript {
  readonly nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
  /** The `(:Article)` nodes. */
  readonly articles: { id: string; properties: Record<string, unknown> }[];
  readonly relationships: { id: string; type: string; source: string; target: string; properties: Record<string, unknown> }[];
}

/**
 * Reads the script statement by statement, accepting only the two statement shapes the writer emits: a
 * name or string that escaped its literal would break the shape and fail here.
 */
export function parseCypherScript(script: string): CypherScript {
  const nodes: CypherScript['nodes'] = [];
  const relationships: CypherScript['relationships'] = [];
  const articles: CypherScript['articles'] = [];
  for (const line of script.split('\n')) {
    if (line === '' || line.startsWith('//')) continue;
    const r = new CypherReader(tokenizeCypher(line));
    const first = r.name();
    if (first === 'MERGE' && line.startsWith('MERGE (a:`Article` ')) {
      const id = r.node('a', 'Article');
      r.name('SET');
      r.name('a');
      r.punct('=');
      const properties = r.map();
      r.end();
      articles.push({ id, properties });
    } else if (first === 'MERGE') {
      const id = r.entity('n');
      r.name('SET');
      r.name('n');
      r.punct(':');
      const kind = r.name();
      r.name('SET');
      r.name('n');
      r.punct('=');
      const properties = r.map();
      r.end();
      nodes.push({ id, labels: ['Entity', kind], properties });
    } else if (first === 'MATCH') {
      const source = r.entity('s');
      r.punct(',');
      const target = r.entity('o');
      r.name('MERGE');
      r.punct('(');
      r.name('s');
      r.punct(')');
      r.punct('-');
      r.punct('[');
      r.name('r');
      r.punct(':');
      const type = r.name();
      r.punct('{');
      r.name('id');
      r.punct(':');
      const id = r.string();
      r.punct('}');
      r.punct(']');
      r.punct('->');
      r.punct('(');
      r.name('o');
      r.punct(')');
      r.name('SET');
      r.name('r');
      r.punct('=');
      const properties = r.map();
      r.end();
      relationships.push({ id, type, source, target, properties });
    } else {
      throw new Error(`cypher: unexpected statement ${line}`);
    }
  }
  return { nodes, relationships, articles };
}

export function readCypher(script: string): CanonicalGraph {
  const parsed = parseCypherScript(script);
  const nodes = parsed.nodes.map((n) => ({ key: n.id, attributes: decodeEntity(n.id, n.properties) }));
  const edges = parsed.relationships.map((r) => ({
    key: r.id,
    source: r.source,
    target: r.target,
    attributes: decodeRelation(r.id, r.source, r.target, r.properties),
  }));
  nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { nodes, edges };
}
