/**
 * The ontology layer: kinds, predicates with domain and range, event roles and projections, modality.
 * Imports nothing from the other layers.
 */
export {
  ACTOR_KINDS,
  ENTITY_KIND_DESCRIPTIONS,
  ENTITY_KINDS,
  SHARED_KINDS,
  isEntityKind,
  type EntityKind,
} from './kinds.js';
export { MODALITIES, MODALITY_DESCRIPTIONS, isModality, type Modality } from './modality.js';
export {
  PREDICATES,
  PREDICATE_NAMES,
  admits,
  describeSignatures,
  isPredicate,
  predicateSpec,
  type Predicate,
  type PredicateSpec,
  type PropertySpec,
  type Signature,
} from './predicates.js';
export {
  EVENT_ROLES,
  EVENT_ROLE_NAMES,
  EVENT_STATUSES,
  EVENT_TYPES,
  EVENT_TYPE_NAMES,
  isEventRole,
  isEventType,
  projectionOf,
  roleAdmits,
  type EventRole,
  type EventStatus,
  type EventType,
  type Projection,
} from './events.js';
export {
  DESCRIPTIVE_PROPERTIES,
  IDENTIFYING_PROPERTIES,
  MODALITY_CERTAINTY,
  identifyingProperties,
  moreCertain,
} from './identity.js';
export {
  CAMEO_ROOTS,
  EVENT_TYPE_CAMEO,
  PREDICATE_CAMEO,
  cameoRoot,
  quadClass,
  type CameoMapping,
  type CameoRoot,
} from './cameo.js';
