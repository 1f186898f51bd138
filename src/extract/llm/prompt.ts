/**
 * What the model is asked: the vocabulary (kinds, predicates with domain and range, event types and roles),
 * the answer's JSON shape, and the article. The model proposes; code verifies every quote and name.
 */
import { EVENT_ROLES, EVENT_TYPES, PREDICATES, SHARED_KINDS, describeSignatures, type Predicate } from '../../ontology/index.js';
import type { ChatMessage } from './chatClient.js';

const SHAPE = `{
  "entities": [{ "name": "exact words of the article", "kind": "PERSON|GOVERNMENT|ORGANIZATION|GROUP|PLACE|PROPOSAL" }],
  "relations": [{ "subject": "entity name", "predicate": "PREDICATE", "object": "entity name", "negated": false,
                  "attributedTo": "entity name of the speaker, if the article reports someone saying it",
                  "properties": { "title": "for HOLDS_POSITION", "to": "for URGED: what they were urged to do" },
                  "quote": "the exact words of the article that state it" }],
  "events": [{ "eventType": "TYPE", "status": "occurred|planned|cancelled|ongoing", "quote": "exact words",
               "roles": [{ "role": "AGENT|PARTICIPANT|TARGET|LOCATION|MEDIUM", "entity": "entity name" }] }],
  "claims": [{ "speaker": "entity name", "act": "ASSERTED|DENIED|REPORTED", "quote": "the exact words of what was said" }]
}`;

export function extractionMessages(text: string): ChatMessage[] {
  const predicates = (Object.keys(PREDICATES) as Predicate[])
    .filter((p) => p !== 'ABOUT' && p !== 'CONTRADICTS')
    .map((p) => `${p} (${describeSignatures(p)}): ${PREDICATES[p].description}`)
    .join('\n');
  const events = Object.entries(EVENT_TYPES).map(([t, spec]) => `${t}: ${spec.description}`).join('\n');
  const roles = Object.entries(EVENT_ROLES).map(([r, spec]) => `${r}: ${spec.description}`).join('\n');
  const system = [
    'You extract a knowledge graph from one news article. Answer with one JSON object and nothing else, of this shape:',
    SHAPE,
    `Entity kinds: ${SHARED_KINDS.join(', ')}.`,
    `Predicates (subject kinds → object kinds):\n${predicates}`,
    `Event types:\n${events}`,
    `Event roles:\n${roles}`,
    'Rules: every "quote" and every entity "name" must be copied exactly from the article. A statement the article',
    'says does NOT hold is "negated": true (never the opposite predicate). A statement the article attributes to',
    'someone ("X said", "according to X") has "attributedTo". Use only the predicates, kinds and event types above.',
  ].join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: text },
  ];
}
