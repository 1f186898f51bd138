/**
 * JSON-LD, compacted by hand against one inline @context: readable keys ("name", "negated", "REJECTED",
 * "evidence"), compact IRIs ("entity:donald-trump"), and no remote context, so it parses with no network.
 * It is a serialization of the same quads as the Turtle and N-Triples outputs, node by node; every choice of key or
 * value form below is one that a JSON-LD processor expands back to exactly the quad it came from.
 */
import type { Literal, NamedNode, Quad } from 'n3';
import { NAMESPACES, rdf, xsd } from './vocabulary.js';

type JsonLdValue = string | number | boolean | { readonly [key: string]: string };

/**
 * A node object being built. Keys are data (a free-form property key such as "toString" or "__proto__" becomes
 * a key through @vocab), so they live in a Map, never on a plain object where they would meet Object.prototype.
 */
interface NodeEntries {
  readonly id: string;
  readonly types: string[];
  readonly values: Map<string, JsonLdValue[]>;
}

/** A term of the context: `id` as a compact IRI, and what its values are coerced to, if anything. */
interface TermSpec {
  readonly id: string;
  readonly type?: '@id' | 'xsd:nonNegativeInteger';
}

const TERMS: Readonly<Record<string, TermSpec>> = {
  label: { id: 'rdfs:label' },
  comment: { id: 'rdfs:comment' },
  subClassOf: { id: 'rdfs:subClassOf', type: '@id' },
  name: { id: 'schema:name' },
  alternateName: { id: 'schema:alternateName' },
  description: { id: 'schema:description' },
  headline: { id: 'schema:headline' },
  datePublished: { id: 'schema:datePublished' },
  text: { id: 'schema:text' },
  mentions: { id: 'schema:mentions', type: '@id' },
  isPartOf: { id: 'schema:isPartOf', type: '@id' },
  sameAs: { id: 'owl:sameAs', type: '@id' },
  subject: { id: 'rdf:subject', type: '@id' },
  predicate: { id: 'rdf:predicate', type: '@id' },
  object: { id: 'rdf:object', type: '@id' },
  evidence: { id: 'ng:evidence', type: '@id' },
  attributedTo: { id: 'ng:attributedTo', type: '@id' },
  event: { id: 'ng:event', type: '@id' },
  sentence: { id: 'ng:sentence', type: '@id' },
  hasBody: { id: 'oa:hasBody', type: '@id' },
  hasTarget: { id: 'oa:hasTarget', type: '@id' },
  hasSource: { id: 'oa:hasSource', type: '@id' },
  hasSelector: { id: 'oa:hasSelector', type: '@id' },
  exact: { id: 'oa:exact' },
  prefix: { id: 'oa:prefix' },
  suffix: { id: 'oa:suffix' },
  start: { id: 'oa:start', type: 'xsd:nonNegativeInteger' },
  end: { id: 'oa:end', type: 'xsd:nonNegativeInteger' },
  wasDerivedFrom: { id: 'prov:wasDerivedFrom', type: '@id' },
};

export function quadsToJsonLd(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  const compactor = new Compactor(prefixes);
  return `${JSON.stringify({ '@context': compactor.context(), '@graph': nodeObjects(quads, compactor) }, null, 2)}\n`;
}

/**
 * The text of `quadsToJsonLd`, a chunk per batch of quads, for exports too large for one string (JsonLdText).
 * With `pauses`, an empty chunk for every batch that writes nothing (steps.ts).
 * @throws as JsonLdText's add.
 */
export function* quadBatchesToJsonLd(batches: Iterable<readonly Quad[]>, prefixes: Readonly<Record<string, string>>, pauses = false): Generator<string> {
  const text = new JsonLdText(prefixes);
  for (const batch of batches) {
    const chunk = text.add(batch);
    if (chunk !== '' || pauses) yield chunk; // an empty chunk: a step that wrote nothing (steps.ts)
  }
  yield text.end();
}

/**
 * `quadsToJsonLd`'s text, pushed to a batch of quads at a time. Each batch must hold every triple of its subjects
 * (quadStream.ts and storeQuads.ts hand them out so): a subject's node object is written when its batch is added.
 * The layout is JSON.stringify's with an indent of 2, reproduced piece by piece: the context, then each node
 * stringified alone and indented by the 4 spaces of its depth (strings hold no raw line break).
 */
export class JsonLdText {
  private readonly compactor: Compactor;
  private readonly head: string;
  /** The first subjects: the vocabulary's (a few dozen), then the first data ones. */
  private readonly written = new Set<string>();
  private nodes = 0;

  constructor(prefixes: Readonly<Record<string, string>>) {
    this.compactor = new Compactor(prefixes);
    this.head = JSON.stringify({ '@context': this.compactor.context() }, null, 2).replace(/\n\}$/u, '');
  }

  /**
   * The text of the batch's node objects ('' for an empty batch).
   * @throws Error (an invariant) when a batch names a subject of an earlier one.
   */
  add(batch: readonly Quad[]): string {
    const pieces: string[] = [];
    for (const node of nodeObjects(batch, this.compactor)) {
      const id = String(node['@id']);
      if (this.written.has(id)) throw new Error(`Invariant: the subject ${id} comes in two batches.`);
      if (this.written.size < VOCABULARY_CHECK) this.written.add(id);
      const indented = JSON.stringify(node, null, 2).replace(/^/gmu, '    ');
      pieces.push(this.nodes === 0 ? `${this.head},\n  "@graph": [\n${indented}` : `,\n${indented}`);
      this.nodes += 1;
    }
    return pieces.join('');
  }

  /** The document's end. */
  end(): string {
    return this.nodes === 0 ? `${this.head},\n  "@graph": []\n}\n` : '\n  ]\n}\n';
  }
}

/** How many first subjects the batch check remembers: the vocabulary's, and more, at no cost that grows. */
const VOCABULARY_CHECK = 1000;

/** The node objects of `quads`, one per subject in the order subjects first appear. */
function nodeObjects(quads: readonly Quad[], compactor: Compactor): Record<string, unknown>[] {
  const nodes = new Map<string, NodeEntries>();
  for (const { subject, predicate, object } of quads) {
    let node = nodes.get(subject.value);
    if (node === undefined) {
      node = { id: compactor.iri(subject.value), types: [], values: new Map() };
      nodes.set(subject.value, node);
    }
    if (predicate.value === rdf('type') && object.termType === 'NamedNode') {
      node.types.push(compactor.iri(object.value));
      continue;
    }
    if (object.termType !== 'NamedNode' && object.termType !== 'Literal') {
      throw new Error(`Invariant: the RDF export makes no ${object.termType} objects.`);
    }
    const [key, value] = compactor.entry(predicate.value, object);
    const list = node.values.get(key);
    if (list === undefined) node.values.set(key, [value]);
    else list.push(value);
  }
  // Object.fromEntries defines own properties, so that even "__proto__" is a key like any other.
  return [...nodes.values()].map(({ id, types, values }) =>
    Object.fromEntries([
      ['@id', id],
      ...(types.length === 0 ? [] : [['@type', types.length === 1 ? types[0] : types]]),
      ...[...values].map(([key, list]) => [key, list.length === 1 ? list[0] : list]),
    ]),
  );
}

function isCanonicalInteger(lexical: string): boolean {
  return /^(?:0|-?[1-9][0-9]*)$/.test(lexical) && Number.isSafeInteger(Number(lexical));
}

class Compactor {
  /** Namespaces longest first, so that `entity:` wins over a base that is itself a prefix of it. */
  private readonly namespaces: readonly (readonly [string, string])[];
  private readonly prefixes: Readonly<Record<string, string>>;
  /** Full predicate IRI → the terms that name it. */
  private readonly termsByIri = new Map<string, { readonly name: string; readonly type?: string }[]>();

  constructor(prefixes: Readonly<Record<string, string>>) {
    this.prefixes = prefixes;
    this.namespaces = Object.entries(prefixes).sort(([, a], [, b]) => b.length - a.length);
    for (const [name, spec] of Object.entries(TERMS)) {
      const iri = this.expand(spec.id);
      const type = spec.type === undefined || spec.type === '@id' ? spec.type : this.expand(spec.type);
      const list = this.termsByIri.get(iri) ?? [];
      list.push(type === undefined ? { name } : { name, type });
      this.termsByIri.set(iri, list);
    }
  }

  context(): Record<string, unknown> {
    const terms = Object.fromEntries(
      Object.entries(TERMS).map(([name, spec]) => [name, spec.type === undefined ? spec.id : { '@id': spec.id, '@type': spec.type }]),
    );
    return { '@vocab': NAMESPACES.ng, ...this.prefixes, ...terms };
  }

  /** `prefix:local` where a declared prefix fits, else the IRI itself. */
  iri(iri: string): string {
    for (const [prefix, namespace] of this.namespaces) {
      if (!iri.startsWith(namespace)) continue;
      const local = iri.slice(namespace.length);
      // "p://x" would read as an absolute IRI with scheme "p", and an empty local name is the namespace itself.
      if (local !== '' && !local.startsWith('//')) return `${prefix}:${local}`;
    }
    return iri;
  }

  /** The key and value under which a node object states `predicate object`. */
  entry(predicate: string, object: NamedNode | Literal): [string, JsonLdValue] {
    for (const term of this.termsByIri.get(predicate) ?? []) {
      if (term.type === undefined) return [term.name, this.value(object)];
      if (term.type === '@id' && object.termType === 'NamedNode') return [term.name, this.iri(object.value)];
      if (object.termType === 'Literal' && object.language === '' && object.datatype.value === term.type) {
        // A JSON integer under an integer-typed term keeps the term's datatype and reads back as this lexical form.
        return [term.name, isCanonicalInteger(object.value) ? Number(object.value) : object.value];
      }
    }
    return [this.key(predicate), this.value(object)];
  }

  /** A bare word through @vocab for our own terms, when it names no term or prefix of the context; else compact. */
  private key(predicate: string): string {
    if (predicate.startsWith(NAMESPACES.ng)) {
      const local = predicate.slice(NAMESPACES.ng.length);
      const bare = /^[A-Za-z_][A-Za-z0-9_%.-]*$/.test(local);
      if (bare && !Object.hasOwn(TERMS, local) && !Object.hasOwn(this.prefixes, local)) return local;
    }
    return this.iri(predicate);
  }

  /** The explicit form of a value: JSON strings, booleans and integers where they denote the literal exactly. */
  private value(object: NamedNode | Literal): JsonLdValue {
    if (object.termType === 'NamedNode') return { '@id': this.iri(object.value) };
    if (object.language !== '') return { '@value': object.value, '@language': object.language };
    const datatype = object.datatype.value;
    const lexical = object.value;
    if (datatype === xsd('string')) return lexical;
    if (datatype === xsd('boolean') && (lexical === 'true' || lexical === 'false')) return lexical === 'true';
    // JSON-LD turns a JSON integer into an xsd:integer with the canonical lexical form: only canonical ones qualify.
    if (datatype === xsd('integer') && isCanonicalInteger(lexical)) return Number(lexical);
    return { '@value': lexical, '@type': this.iri(datatype) };
  }

  private expand(compact: string): string {
    const colon = compact.indexOf(':');
    const namespace = this.prefixes[compact.slice(0, colon)];
    if (colon < 0 || namespace === undefined) throw new Error(`Invariant: ${compact} uses an undeclared prefix.`);
    return namespace + compact.slice(colon + 1);
  }
}
