/**
 * Event types for the rest of the news (CAMEO codes in cameo.ts), each with the predicate it projects to,
 * like the first article's MEETING or ATTACK. Spread into EVENT_TYPES by events.ts.
 */
import type { Projection } from './events.js';

export const NEWS_EVENT_TYPES = {
  VISIT: { description: 'A visit by its agent to a place or a host.', projection: { predicate: 'VISITED', from: ['AGENT'], to: ['LOCATION', 'TARGET'] } },
  PROTEST: { description: 'A demonstration or protest against its target.', projection: { predicate: 'PROTESTED', from: ['AGENT'], to: ['TARGET'] } },
  SANCTION: { description: 'Sanctions, an embargo or a boycott imposed on its target.', projection: { predicate: 'SANCTIONED', from: ['AGENT'], to: ['TARGET'] } },
  THREAT: { description: 'A threat made to its target.', projection: { predicate: 'THREATENED', from: ['AGENT'], to: ['TARGET'] } },
  DEMAND: { description: 'A demand made of its target.', projection: { predicate: 'DEMANDED', from: ['AGENT'], to: ['TARGET'] } },
  ACCUSATION: { description: 'An accusation against its target.', projection: { predicate: 'ACCUSED', from: ['AGENT'], to: ['TARGET'] } },
  INVESTIGATION: { description: 'An investigation or inquiry.', projection: { predicate: 'INVESTIGATED', from: ['AGENT'], to: ['TARGET'] } },
  ARREST: { description: 'An arrest or detention.', projection: { predicate: 'ARRESTED', from: ['AGENT'], to: ['TARGET'] } },
  AID: { description: 'Aid delivered or pledged to its target.', projection: { predicate: 'PROVIDED_AID_TO', from: ['AGENT'], to: ['TARGET'] } },
  AIRSTRIKE: { description: 'A strike from the air: missiles, drones, aircraft.', projection: { predicate: 'BOMBED', from: ['AGENT'], to: ['TARGET'] } },
  DEPLOYMENT: { description: 'Troops or weapons moved into position.', projection: { predicate: 'DEPLOYED_FORCES_TO', from: ['AGENT'], to: ['LOCATION', 'TARGET'] } },
  MASS_KILLING: { description: 'Mass killing or mass expulsion.', projection: { predicate: 'MASSACRED', from: ['AGENT'], to: ['TARGET'] } },
  CEASEFIRE: { description: 'A halt to fighting agreed or declared by its participants.', projection: null },
  AGREEMENT: { description: 'A formal agreement signed by its participants.', projection: null },
} as const satisfies Record<string, { description: string; projection: Projection | null }>;
