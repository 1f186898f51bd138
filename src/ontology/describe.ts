/**
 * The vocabulary described from its source: every table of the ontology (kinds, predicates, annotations,
 * event roles and types, modalities, statuses) read generically into plain data, and rendered as the
 * Markdown of docs/vocabulary.md. Reading the tables rather than listing their entries means a predicate
 * added to predicates.ts appears in the doc after `npm run vocabulary`, with nothing else to edit; a field
 * this module does not know (a CAMEO code, say) is still shown, under "other".
 */
import { EVENT_ANNOTATIONS, STATEMENT_ANNOTATIONS } from './annotations.js';
import { EVENT_ROLES, EVENT_STATUSES, EVENT_TYPES } from './events.js';
import { ACTOR_KINDS, ENTITY_KINDS, ENTITY_KIND_DESCRIPTIONS, SHARED_KINDS } from './kinds.js';
import { MODALITIES, MODALITY_DESCRIPTIONS } from './modality.js';
import { PREDICATES, type PropertySpec } from './predicates.js';

export interface PropertyDescription {
  readonly name: string;
  /** "string", "integer", or "entity" (then `kinds` says of which kinds). */
  readonly type: string;
  readonly kinds?: readonly string[];
  readonly required: boolean;
  readonly description: string;
}

export interface PredicateDescription {
  readonly name: string;
  readonly description: string;
  readonly signatures: readonly { readonly subject: readonly string[]; readonly object: readonly string[] }[];
  readonly symmetric: boolean;
  readonly properties: readonly PropertyDescription[];
  /** Fields of the predicate's table entry that this module does not name, as written. */
  readonly other: Readonly<Record<string, unknown>>;
}

export interface Vocabulary {
  readonly kinds: readonly { readonly name: string; readonly description: string; readonly actor: boolean; readonly shared: boolean }[];
  readonly predicates: readonly PredicateDescription[];
  readonly annotations: {
    readonly statement: readonly { readonly name: string; readonly description: string }[];
    readonly event: readonly { readonly name: string; readonly description: string }[];
  };
  readonly roles: readonly { readonly name: string; readonly description: string; readonly fillers: readonly string[] }[];
  readonly eventTypes: readonly {
    readonly name: string;
    readonly description: string;
    readonly projection: { readonly predicate: string; readonly planned?: string; readonly from: readonly string[]; readonly to: readonly string[] | 'all-pairs' } | null;
    readonly other: Readonly<Record<string, unknown>>;
  }[];
  readonly modalities: readonly { readonly name: string; readonly description: string }[];
  readonly statuses: readonly string[];
}

const PREDICATE_FIELDS = ['description', 'signatures', 'symmetric', 'properties'];
const EVENT_TYPE_FIELDS = ['description', 'projection'];

/** The whole vocabulary as data (what `newsgraph vocabulary --json` prints). */
export function describeVocabulary(): Vocabulary {
  return {
    kinds: ENTITY_KINDS.map((name) => ({
      name,
      description: ENTITY_KIND_DESCRIPTIONS[name],
      actor: (ACTOR_KINDS as readonly string[]).includes(name),
      shared: (SHARED_KINDS as readonly string[]).includes(name),
    })),
    predicates: Object.entries(PREDICATES).map(([name, spec]) => ({
      name,
      description: spec.description,
      signatures: spec.signatures.map((s) => ({ subject: [...s.subject], object: [...s.object] })),
      symmetric: 'symmetric' in spec ? Boolean(spec.symmetric) : false,
      properties: Object.entries(('properties' in spec ? spec.properties : undefined) ?? {}).map(([p, prop]) => describeProperty(p, prop as PropertySpec)),
      other: otherFields(spec, PREDICATE_FIELDS),
    })),
    annotations: {
      statement: Object.entries(STATEMENT_ANNOTATIONS).map(([name, a]) => ({ name, description: a.description })),
      event: Object.entries(EVENT_ANNOTATIONS).map(([name, a]) => ({ name, description: a.description })),
    },
    roles: Object.entries(EVENT_ROLES).map(([name, role]) => ({ name, description: role.description, fillers: [...role.fillers] })),
    eventTypes: Object.entries(EVENT_TYPES).map(([name, type]) => {
      const projection = type.projection as
        | { predicate: string; planned?: string; from: readonly string[]; to: readonly string[] | 'all-pairs' }
        | null;
      return {
        name,
        description: type.description,
        projection: projection
          ? {
              predicate: projection.predicate,
              ...(projection.planned !== undefined ? { planned: projection.planned } : {}),
              from: [...projection.from],
              to: projection.to === 'all-pairs' ? 'all-pairs' : [...projection.to],
            }
          : null,
        other: otherFields(type, EVENT_TYPE_FIELDS),
      };
    }),
    modalities: MODALITIES.map((name) => ({ name, description: MODALITY_DESCRIPTIONS[name] })),
    statuses: [...EVENT_STATUSES],
  };
}

function describeProperty(name: string, prop: PropertySpec): PropertyDescription {
  return {
    name,
    type: prop.type,
    ...(prop.type === 'entity' ? { kinds: [...prop.kinds] } : {}),
    required: prop.required ?? false,
    description: prop.description,
  };
}

function otherFields(entry: object, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !known.includes(key)));
}

/** docs/vocabulary.md: the vocabulary as Markdown tables, generated (never edited by hand). */
export function renderVocabularyMarkdown(v: Vocabulary = describeVocabulary()): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
  const other = (fields: Readonly<Record<string, unknown>>) =>
    Object.entries(fields)
      .map(([k, value]) => `${k}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join('; ');
  const anyOther = (rows: readonly { other: Readonly<Record<string, unknown>> }[]) => rows.some((r) => Object.keys(r.other).length > 0);

  const lines: string[] = [
    '# The newsgraph vocabulary',
    '',
    '<!-- Generated from src/ontology/ by `npm run vocabulary` (src/ontology/describe.ts); do not edit by hand.',
    '     A test keeps this file equal to the ontology. -->',
    '',
    'What a data directory may say: the kinds of entities, the predicates that relate them (with the kinds each',
    'admits as subject and object, and the properties each takes), the annotations any statement may carry, the',
    'event types with their roles and the binary relations they project to, the modalities and the event statuses.',
    'The same list, as JSON: `newsgraph vocabulary --json`.',
    '',
    '## Entity kinds',
    '',
    '| Kind | Description | Declared in | Actor |',
    '| --- | --- | --- | --- |',
    ...v.kinds.map((k) => `| \`${k.name}\` | ${cell(k.description)} | ${k.shared ? '`entities.yaml`' : 'the article'} | ${k.actor ? 'yes' : ''} |`),
    '',
    `Actors (${code(v.kinds.filter((k) => k.actor).map((k) => k.name))}) can act: propose, meet, attack, assert.`,
    '',
    '## Predicates',
    '',
    'A relation holds when one of its predicate\'s signatures admits the subject\'s kind and the object\'s kind.',
    'Symmetric relations are stored once and match either end.',
    '',
    `| Predicate | Subject → object | Properties | Description |${anyOther(v.predicates) ? ' Other |' : ''}`,
    `| --- | --- | --- | --- |${anyOther(v.predicates) ? ' --- |' : ''}`,
    ...v.predicates.map((p) => {
      const signatures = p.signatures.map((s) => `${s.subject.join('/')} → ${s.object.join('/')}`).join('; ');
      const properties = p.properties
        .map((prop) => `\`${prop.name}\`${prop.required ? ' (required)' : ''}: ${prop.type === 'entity' ? `id of a ${(prop.kinds ?? []).join('/')}` : prop.type}. ${prop.description}`)
        .join('<br>');
      const description = `${p.description}${p.symmetric ? ' Symmetric.' : ''}`;
      return `| \`${p.name}\` | ${cell(signatures)} | ${cell(properties)} | ${cell(description)} |${anyOther(v.predicates) ? ` ${cell(other(p.other))} |` : ''}`;
    }),
    '',
    '## Annotations',
    '',
    'Besides its predicate\'s own properties, a relation\'s `properties:` may carry these annotations; an event\'s',
    '`properties:` may carry the properties of the predicates its type projects to, these annotations, and the event',
    'annotations below. Any other key is refused (`UNKNOWN_PROPERTY`, with the near names). The `properties:` of',
    'shared entities and of claims are free-form.',
    '',
    '| Annotation | Description |',
    '| --- | --- |',
    ...v.annotations.statement.map((a) => `| \`${a.name}\` | ${cell(a.description)} |`),
    '',
    '| Event annotation | Description |',
    '| --- | --- |',
    ...v.annotations.event.map((a) => `| \`${a.name}\` | ${cell(a.description)} |`),
    '',
    '## Event roles',
    '',
    '| Role | Filled by | Description |',
    '| --- | --- | --- |',
    ...v.roles.map((r) => `| \`${r.name}\` | ${r.fillers.join('/')} | ${cell(r.description)} |`),
    '',
    '## Event types',
    '',
    'An event that occurred projects to a binary relation between its role fillers; a planned one projects to the',
    'planned predicate when there is one (and to nothing otherwise); a cancelled one projects nothing.',
    '',
    `| Event type | Description | Projects to | Planned | From roles | To roles |${anyOther(v.eventTypes) ? ' Other |' : ''}`,
    `| --- | --- | --- | --- | --- | --- |${anyOther(v.eventTypes) ? ' --- |' : ''}`,
    ...v.eventTypes.map((t) => {
      const p = t.projection;
      const cols = p
        ? [`\`${p.predicate}\``, p.planned ? `\`${p.planned}\`` : '', p.from.join(', '), p.to === 'all-pairs' ? 'every pair of the from roles' : p.to.join(', ')]
        : ['(none)', '', '', ''];
      return `| \`${t.name}\` | ${cell(t.description)} | ${cols.join(' | ')} |${anyOther(v.eventTypes) ? ` ${cell(other(t.other))} |` : ''}`;
    }),
    '',
    '## Modalities',
    '',
    'How the article stands behind a relation or claim (`modality:`, default `asserted`).',
    '',
    '| Modality | Description |',
    '| --- | --- |',
    ...v.modalities.map((m) => `| \`${m.name}\` | ${cell(m.description)} |`),
    '',
    '## Event statuses',
    '',
    `${code(v.statuses)}.`,
    '',
  ];
  return lines.join('\n');
}
