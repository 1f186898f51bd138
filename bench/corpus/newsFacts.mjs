// Sentences for the rest of the news vocabulary (the CAMEO-mapped predicates and event types of
// src/ontology/newsPredicates.ts and newsEventTypes.ts), written generically from the ontology itself: one
// predicate or event type per sentence, taken in turn across the corpus, so that a corpus of a few dozen
// articles already holds every one, and a predicate added to the vocabulary is generated without a template.
import { EVENT_ROLES, PREDICATES } from '../../dist/ontology/index.js';
import { NEWS_EVENT_TYPES } from '../../dist/ontology/newsEventTypes.js';
import { NEWS_PREDICATES } from '../../dist/ontology/newsPredicates.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CLAIMS = ['had broken the truce near the border', 'was holding prisoners of war in secret', 'had shelled a convoy of aid trucks'];
const NO_PROJECTION_VERBS = { CEASEFIRE: 'agreed a ceasefire with', AGREEMENT: 'reached an agreement with' };

const predicateNames = Object.keys(NEWS_PREDICATES);
const eventTypeNames = Object.keys(NEWS_EVENT_TYPES);

/** "DEPLOYED_FORCES_TO" → "deployed forces to". */
const verbOf = (name) => name.toLowerCase().replace(/_/gu, ' ');
const capitalizeFirst = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The two templates, over one article's story. `story` holds the article's helpers (sentence, q, mention,
 * relation, event, claim) and cast (a, b, proposal, venue, draw, random, speakerOf); `cursor` is the corpus's
 * turn counter ({ fact, event }), shared by all articles so that the turns run across the corpus.
 */
export function newsTemplates(story, cursor) {
  const { a, b, proposal, venue, draw, random, speakerOf } = story;
  /** An entity of one of `kinds` from the story, or undefined when the story has none of them. */
  const filler = (kinds) => {
    const options = [];
    if (kinds.includes('GOVERNMENT')) options.push(b.government);
    if (kinds.includes('PERSON')) options.push(speakerOf(b));
    if (kinds.includes('GROUP')) options.push(draw.group());
    if (kinds.includes('ORGANIZATION')) options.push(draw.organization());
    if (kinds.includes('PLACE')) options.push(random.pick(b.cities));
    if (kinds.includes('PROPOSAL')) options.push(proposal.entity);
    return options.length === 0 ? undefined : random.pick(options);
  };

  return {
    newsFact() {
      const predicate = predicateNames[cursor.fact++ % predicateNames.length];
      const objectKinds = NEWS_PREDICATES[predicate].signatures[0].object;
      const subject = a.government;
      const object = filler(objectKinds);
      const verb = verbOf(predicate);
      if (object === undefined) {
        // Only a claim or an event fits: the sentence states the claim it is about.
        const said = `${b.government.name.replace(/^the /u, '')} ${random.pick(CLAIMS)}`;
        const s = story.sentence(`${capitalizeFirst(subject.name)} ${verb} that ${said}.`);
        [subject, b.government].forEach((e) => story.mention(s, e));
        const c = story.claim(capitalizeFirst(`${said}.`), [story.q(s, said)]);
        story.relation(subject.id, predicate, c.id, [story.q(s, `${verb} that ${said}`)]);
        return;
      }
      const s = story.sentence(`${capitalizeFirst(subject.name)} ${verb} ${object.name} on ${random.pick(WEEKDAYS)}.`);
      [subject, object].forEach((e) => story.mention(s, e));
      story.relation(subject.id, predicate, object.id, [story.q(s, `${verb} ${object.name}`)]);
    },
    newsEvent() {
      const eventType = eventTypeNames[cursor.event++ % eventTypeNames.length];
      const { projection } = NEWS_EVENT_TYPES[eventType];
      const agent = a.government;
      const status = random.chance(0.8) ? 'occurred' : 'planned';
      if (projection === null) {
        const verb = NO_PROJECTION_VERBS[eventType] ?? `took part in a ${verbOf(eventType)} with`;
        const s = story.sentence(`${capitalizeFirst(agent.name)} ${verb} ${b.government.name} in ${venue.name}.`);
        [agent, b.government, venue].forEach((e) => story.mention(s, e));
        story.event(eventType, status, `${capitalizeFirst(verbOf(eventType))} of ${agent.name} and ${b.government.name}`, [story.q(s, `${verb} ${b.government.name}`)], [
          { role: 'PARTICIPANT', entity: agent.id },
          { role: 'PARTICIPANT', entity: b.government.id },
          { role: 'LOCATION', entity: venue.id, evidence: [story.q(s, `in ${venue.name}`)] },
        ]);
        return;
      }
      // The target must fit both the TARGET role and the range of the predicate the event projects to.
      const range = PREDICATES[projection.predicate].signatures[0].object.filter((kind) => EVENT_ROLES.TARGET.fillers.includes(kind));
      const target = filler(range) ?? venue;
      const verb = verbOf(projection.predicate);
      const s = story.sentence(`${capitalizeFirst(agent.name)} ${verb} ${target.name} on ${random.pick(WEEKDAYS)}, officials said.`);
      [agent, target].forEach((e) => story.mention(s, e));
      story.event(eventType, status, `${capitalizeFirst(verbOf(eventType))}: ${agent.name} and ${target.name}`, [story.q(s, `${verb} ${target.name}`)], [
        { role: 'AGENT', entity: agent.id },
        { role: 'TARGET', entity: target.id, evidence: [story.q(s, target.name)] },
      ]);
    },
  };
}
