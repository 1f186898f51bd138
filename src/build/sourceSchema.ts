/**
 * The JSON Schemas of the source format (data/entities.yaml and data/articles/*.yaml), built from the
 * ontology so that the enums can never drift from it. `schema/*.schema.json` are these objects written
 * out (`npm run schema`); a test keeps the committed files equal to them.
 */
import {
  EVENT_ROLE_NAMES,
  EVENT_STATUSES,
  EVENT_TYPE_NAMES,
  MODALITIES,
  PREDICATE_NAMES,
  SHARED_KINDS,
} from '../ontology/index.js';

const SCHEMA_BASE = 'https://newsgraph.dev/schema/';
export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD) or interval of two, either end open (".."). */
export const TIME_PATTERN =
  '^(\\d{4}(-\\d{2}(-\\d{2})?)?|\\.\\.)(/(\\d{4}(-\\d{2}(-\\d{2})?)?|\\.\\.))?$';

const id = { type: 'string', pattern: ID_PATTERN, description: 'A stable lower-kebab id, e.g. "donald-trump".' };
const ref = (what: string) => ({ type: 'string', pattern: ID_PATTERN, description: `The id of ${what}.` });
const text = (description: string) => ({ type: 'string', minLength: 1, description });
const time = {
  type: 'string',
  pattern: TIME_PATTERN,
  description: 'Resolved ISO 8601 date or interval: "2025-04-24", "2025-04", "../2025-04-29".',
};
const properties = {
  type: 'object',
  description: 'Further facts as plain JSON: title, ordinal, over, as, to, durationDays, ...',
};

/**
 * The mark of a drafted fact (`newsgraph extract`): which rule made it and how sure it is. A reviewer
 * accepts the fact by deleting the mark; `build --reviewed-only` leaves marked facts out.
 */
const draft = {
  type: 'object',
  required: ['rule', 'confidence'],
  additionalProperties: false,
  description: 'A draft, not yet reviewed: delete this mark to accept the fact.',
  properties: {
    rule: text('The extraction rule (or model) that drafted it.'),
    confidence: { type: 'number', minimum: 0, maximum: 1, description: 'How sure the rule is, 0 to 1.' },
    flags: { type: 'array', items: text('Why a reviewer should look twice.'), description: 'Doubts found by the rules.' },
  },
};

const quote = {
  description:
    'An exact quote of the article. A string when it occurs once in the article; otherwise an object whose prefix and/or suffix (the text right before / after it) pick one occurrence.',
  oneOf: [
    text('The exact words of the article, verbatim (same apostrophes and dashes).'),
    {
      type: 'object',
      required: ['exact'],
      additionalProperties: false,
      properties: {
        exact: text('The exact words of the article.'),
        prefix: text('The text right before the quote, to pick one occurrence.'),
        suffix: text('The text right after the quote, to pick one occurrence.'),
      },
    },
  ],
};

const evidence = {
  description: 'Where the article says it: one quote or a list of quotes.',
  oneOf: [{ $ref: '#/definitions/quote' }, { type: 'array', minItems: 1, items: { $ref: '#/definitions/quote' } }],
};

const role = {
  type: 'object',
  required: ['role', 'entity'],
  additionalProperties: false,
  properties: {
    role: { enum: [...EVENT_ROLE_NAMES] },
    entity: ref('the entity that fills the role'),
    evidence: { ...evidence, description: "Where the text gives this role; the event's evidence when absent." },
  },
};

export const ENTITIES_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${SCHEMA_BASE}entities.schema.json`,
  title: 'newsgraph shared entities',
  description:
    'The entities shared by all articles: people, governments, organizations, groups, places, proposals. Each article says where it mentions them.',
  type: 'object',
  required: ['entities'],
  additionalProperties: false,
  properties: {
    entities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'kind', 'name'],
        additionalProperties: false,
        properties: {
          id,
          kind: { enum: [...SHARED_KINDS], description: 'The entity kind (events and claims are declared in articles).' },
          name: text('The canonical name.'),
          aliases: {
            type: 'array',
            items: text('Another surface form used in a text.'),
            description: 'Every other surface form, including metonyms ("Moscow" for Russia).',
          },
          description: text('One line that tells it apart.'),
          wikidata: { type: 'string', pattern: '^Q[1-9][0-9]*$', description: 'Wikidata id, only where certain.' },
          properties,
          draft,
        },
      },
    },
  },
} as const;

const relationFields = {
  negated: { type: 'boolean', description: 'True when the article says the relation does NOT hold.' },
  modality: { enum: [...MODALITIES], description: 'How the article stands behind it (default: asserted).' },
  attributedTo: ref('the actor whose statement it is'),
  time,
  timeText: text("The text's own words for the time."),
  properties,
  evidence,
  draft,
};

export const ARTICLE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${SCHEMA_BASE}article.schema.json`,
  title: 'newsgraph article encoding',
  description: 'One article: where it mentions the shared entities, its events, claims and relations, each with evidence.',
  type: 'object',
  required: ['article'],
  additionalProperties: false,
  definitions: { quote, evidence, role },
  properties: {
    article: {
      type: 'object',
      required: ['id', 'title', 'text'],
      additionalProperties: false,
      properties: {
        id,
        title: text('The headline, or a short title.'),
        text: text('The article text file, relative to this file; kept verbatim.'),
        // Checked by the builder (src/build/publication.ts), not by a pattern here: a bad date is then one
        // located problem, and the rest of the article is still checked.
        published: {
          type: 'string',
          description: 'The publication date, ISO 8601: "2025-04-24", or "2025-04" when only the month is known.',
        },
        source: text('The outlet that published it, e.g. "Associated Press".'),
        url: { type: 'string', description: 'Where the article can be read: an http or https URL.' },
      },
    },
    mentions: {
      type: 'object',
      description: 'For each shared entity this article mentions: where (one quote or a list).',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/definitions/evidence' },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'eventType', 'status', 'evidence'],
        additionalProperties: false,
        properties: {
          id,
          name: text('A short name for the event.'),
          aliases: { type: 'array', items: text('Another name for it.') },
          description: text('One line that tells it apart.'),
          eventType: { enum: [...EVENT_TYPE_NAMES] },
          status: { enum: [...EVENT_STATUSES] },
          time,
          timeText: text("The text's own words for the time."),
          fatalities: {
            type: 'object',
            additionalProperties: false,
            properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
            description: '{ min: 12 } for "at least 12".',
          },
          properties,
          evidence,
          draft,
          roles: { type: 'array', items: { $ref: '#/definitions/role' } },
        },
      },
    },
    eventUpdates: {
      type: 'array',
      description:
        'Events declared in another article (by id), as this article reports them: their status now, with this article\'s evidence and any roles it adds.',
      items: {
        type: 'object',
        required: ['event', 'status', 'evidence'],
        additionalProperties: false,
        properties: {
          event: ref('the EVENT, declared under "events:" in another article'),
          status: { enum: [...EVENT_STATUSES], description: 'The status this article reports.' },
          time,
          timeText: text("The text's own words for the time."),
          evidence,
          roles: { type: 'array', items: { $ref: '#/definitions/role' } },
        },
      },
    },
    claims: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'evidence'],
        additionalProperties: false,
        properties: {
          id,
          name: text('The proposition, as a plain sentence.'),
          aliases: { type: 'array', items: text('Another wording of it.') },
          description: text('One line of context.'),
          modality: { enum: [...MODALITIES], description: 'The claim\'s own modality: "alleged" for "allegedly".' },
          time,
          timeText: text("The text's own words for the time."),
          properties,
          evidence,
          draft,
        },
      },
    },
    relations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['subject', 'predicate', 'object', 'evidence'],
        additionalProperties: false,
        properties: {
          id: { ...id, description: 'An explicit relation id; derived from subject, predicate and object when absent.' },
          subject: ref('the subject'),
          predicate: { enum: [...PREDICATE_NAMES] },
          object: ref('the object'),
          event: ref('the EVENT in which it was stated or done'),
          ...relationFields,
        },
      },
    },
  },
} as const;
