// One generated article: its text, sentence by sentence from templates that each state facts of one kind
// (meetings planned, held and called off, attacks, claims asserted, denied, reported and contradicted,
// positions, proposals backed, rejected and not endorsed, ...), and its encoding, whose every quote is
// verbatim in the text and picks exactly one place in it (a prefix is added where the words repeat).

import { newsTemplates } from './newsFacts.mjs';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ACTIONS = ['return to the negotiating table', 'withdraw its troops', 'release the detained journalists', 'open the border crossings', 'respect the ceasefire', 'allow aid convoys through'];
const REASONS = ['the handling of the crisis', 'delays in the talks', 'a lack of transparency', 'silence on the attacks'];

/**
 * Builds the article `index` of the corpus. `draw` gives Zipf-ranked entities; `random` the rest.
 * Returns { id, text, encoding, used } where `used` is the set of shared entities it mentions.
 */
export function createArticle(index, world, random, draw, published) {
  const id = `article-${String(index + 1).padStart(5, '0')}`;
  const sentences = [];
  const events = [];
  const claims = [];
  const relations = [];
  const mentions = new Map(); // entity id -> first sentence quote
  let counter = 0;

  /** One sentence: its text and the facts that quote it (quotes are substrings of this sentence). */
  const sentence = (text) => {
    const at = { text, index: sentences.length };
    sentences.push(at);
    return at;
  };
  const q = (s, exact) => {
    if (!s.text.includes(exact)) throw new Error(`generator bug: "${exact}" is not in "${s.text}"`);
    return { sentence: s, exact };
  };
  const mention = (s, entity) => {
    if (!mentions.has(entity.id)) mentions.set(entity.id, { entity, quote: q(s, entity.name.replace(/^the /u, '')) });
  };
  const relation = (subject, predicate, object, evidence, extra = {}) => relations.push({ subject, predicate, object, ...extra, evidence });
  const event = (eventType, status, name, evidence, roles, extra = {}) => {
    const e = { id: `${id}-event-${++counter}`, name, eventType, status, ...extra, evidence, roles };
    events.push(e);
    return e;
  };
  const claim = (name, evidence, extra = {}) => {
    const c = { id: `${id}-claim-${++counter}`, name, ...extra, evidence };
    claims.push(c);
    return c;
  };

  // The story: two countries (the first the more prominent), a proposal, places.
  const a = draw.country();
  let b = draw.country();
  for (let tries = 0; b === a && tries < 20; tries++) b = draw.country();
  if (b === a) b = world.countries[(world.countries.indexOf(a) + 1) % world.countries.length];
  const proposal = draw.proposal();
  const venue = random.pick([...a.cities, ...b.cities]);
  const speakerOf = (country) => (random.chance(0.6) ? country.head : country.minister);
  const lastClaims = [];

  const templates = {
    meeting() {
      const x = speakerOf(a);
      const y = speakerOf(b);
      const s = sentence(`${x.title} ${x.name} of ${a.government.name} met ${y.title} ${y.name} of ${b.government.name} in ${venue.name} on ${random.pick(WEEKDAYS)} to discuss ${proposal.entity.name}.`);
      [x, a.government, y, b.government, venue, proposal.entity].forEach((e) => mention(s, e));
      relation(x.id, 'HOLDS_POSITION', a.government.id, [q(s, `${x.title} ${x.name} of ${a.government.name}`)], { properties: { title: x.title } });
      relation(y.id, 'HOLDS_POSITION', b.government.id, [q(s, `${y.title} ${y.name} of ${b.government.name}`)], { properties: { title: y.title } });
      const m = event('MEETING', 'occurred', `Meeting of ${x.name} and ${y.name} in ${venue.name}`, [q(s, `met ${y.title} ${y.name} of ${b.government.name} in ${venue.name}`)], [
        { role: 'PARTICIPANT', entity: x.id, evidence: [q(s, x.name)] },
        { role: 'PARTICIPANT', entity: y.id, evidence: [q(s, y.name)] },
        { role: 'LOCATION', entity: venue.id, evidence: [q(s, `in ${venue.name}`)] },
      ], { time: published });
      relation(m.id, 'CONCERNS', proposal.entity.id, [q(s, `to discuss ${proposal.entity.name}`)]);
    },
    plannedMeeting() {
      const x = speakerOf(a);
      const y = speakerOf(b);
      const s = sentence(`${x.name} plans to meet ${y.name} in ${venue.name} next ${random.pick(MONTHS)}, officials said.`);
      [x, y, venue].forEach((e) => mention(s, e));
      event('MEETING', 'planned', `Planned meeting of ${x.name} and ${y.name}`, [q(s, `plans to meet ${y.name} in ${venue.name}`)], [
        { role: 'AGENT', entity: x.id, evidence: [q(s, `${x.name} plans`)] },
        { role: 'PARTICIPANT', entity: y.id },
        { role: 'LOCATION', entity: venue.id },
      ]);
    },
    cancelledMeeting() {
      const x = speakerOf(b);
      const s = sentence(`A summit between ${a.government.name} and ${b.government.name} in ${venue.name} was called off after ${x.name} withdrew.`);
      [a.government, b.government, venue, x].forEach((e) => mention(s, e));
      const summit = event('MEETING', 'cancelled', `Summit of ${a.government.name} and ${b.government.name} in ${venue.name}`, [q(s, `A summit between ${a.government.name} and ${b.government.name} in ${venue.name}`)], [
        { role: 'PARTICIPANT', entity: a.government.id },
        { role: 'PARTICIPANT', entity: b.government.id },
        { role: 'LOCATION', entity: venue.id },
      ]);
      event('CANCELLATION', 'occurred', `${x.name} calls off the summit`, [q(s, `was called off after ${x.name} withdrew`)], [
        { role: 'AGENT', entity: x.id },
        { role: 'TARGET', entity: summit.id },
      ]);
    },
    attack() {
      const target = random.pick(b.cities);
      const killed = random.int(2, 60);
      const attacker = random.chance(0.7) ? a.government : draw.group();
      const s = sentence(`Forces loyal to ${attacker.name.replace(/^the /u, '')} struck ${target.name} overnight, killing at least ${killed} people.`);
      [attacker, target].forEach((e) => mention(s, e));
      event('ATTACK', 'occurred', `Attack on ${target.name}`, [q(s, `struck ${target.name} overnight, killing at least ${killed} people`)], [
        { role: 'AGENT', entity: attacker.id },
        { role: 'TARGET', entity: target.id, evidence: [q(s, `struck ${target.name}`)] },
      ], { fatalities: { min: killed }, time: published });
    },
    assertedClaim() {
      const x = speakerOf(random.chance(0.5) ? a : b);
      const topic = random.pick([
        [`${b.government.name} is violating the ceasefire near ${venue.name}`, b.government],
        [`${proposal.entity.name} would end the fighting within months`, proposal.entity],
        [`the talks in ${venue.name} are making progress`, venue],
        [`${a.government.name} has moved troops towards the border`, a.government],
      ]);
      const s = sentence(`${x.name} said that ${topic[0]}.`);
      [x, topic[1]].forEach((e) => mention(s, e));
      const c = claim(capitalizeFirst(`${topic[0]}.`), [q(s, topic[0])]);
      relation(x.id, 'ASSERTED', c.id, [q(s, `${x.name} said`)]);
      relation(c.id, 'ABOUT', topic[1].id, [q(s, topic[0])]);
      lastClaims.push(c);
    },
    contradiction() {
      const earlier = lastClaims.at(-1);
      if (earlier === undefined) return templates.assertedClaim();
      const x = speakerOf(b);
      const counterText = `${a.government.name} had broken its own promises`;
      const s = sentence(`${x.name} rejected that account, insisting instead that ${counterText}.`);
      [x, a.government].forEach((e) => mention(s, e));
      const c = claim(capitalizeFirst(`${counterText}.`), [q(s, counterText)]);
      relation(x.id, 'DENIED', earlier.id, [q(s, `${x.name} rejected that account`)]);
      relation(x.id, 'ASSERTED', c.id, [q(s, `insisting instead that ${counterText}`)]);
      relation(c.id, 'CONTRADICTS', earlier.id, [q(s, `rejected that account, insisting instead`)]);
    },
    reportedClaim() {
      const agency = draw.agency();
      const claimText = `${b.government.name} was preparing new sanctions against ${a.government.name}`;
      const s = sentence(`${capitalizeFirst(agency.name)} reported that ${claimText}.`);
      [agency, a.government, b.government].forEach((e) => mention(s, e));
      const c = claim(capitalizeFirst(`${claimText}.`), [q(s, claimText)], { modality: 'reported' });
      relation(agency.id, 'REPORTED', c.id, [q(s, `${agency.name.replace(/^The /u, '')} reported`)]);
      lastClaims.push(c);
    },
    attributedRejection() {
      const org = draw.organization();
      const s = sentence(`According to the ${org.name}, ${b.government.name} is expected to reject ${proposal.entity.name}.`);
      [org, b.government, proposal.entity].forEach((e) => mention(s, e));
      relation(b.government.id, 'REJECTED', proposal.entity.id, [q(s, `${b.government.name} is expected to reject ${proposal.entity.name}`)], { modality: 'reported', attributedTo: org.id });
    },
    backing() {
      const s = sentence(`${a.government.name} has backed ${proposal.entity.name}, while ${b.government.name} has not endorsed it.`);
      [a.government, proposal.entity, b.government].forEach((e) => mention(s, e));
      relation(a.government.id, 'BACKS', proposal.entity.id, [q(s, `${a.government.name} has backed ${proposal.entity.name}`)]);
      relation(b.government.id, 'ENDORSED', proposal.entity.id, [q(s, `${b.government.name} has not endorsed it`)], { negated: true });
    },
    resistance() {
      const s = sentence(`${b.government.name} continues to resist ${proposal.entity.name}.`);
      [b.government, proposal.entity].forEach((e) => mention(s, e));
      relation(b.government.id, 'RESISTS', proposal.entity.id, [q(s, `${b.government.name} continues to resist`)]);
    },
    origin() {
      const proposer = proposal.proposer.government;
      const s = sentence(`The plan, known as ${proposal.entity.name}, was first put forward by ${proposer.name}.`);
      [proposal.entity, proposer].forEach((e) => mention(s, e));
      relation(proposer.id, 'PROPOSED', proposal.entity.id, [q(s, `was first put forward by ${proposer.name}`)]);
    },
    preference() {
      const other = draw.proposal();
      if (other === proposal) return templates.resistance();
      const s = sentence(`Officials in ${a.capital.name} said ${a.government.name} prefers ${proposal.entity.name} over ${other.entity.name}.`);
      [a.capital, a.government, proposal.entity, other.entity].forEach((e) => mention(s, e));
      relation(a.government.id, 'PREFERS', proposal.entity.id, [q(s, `${a.government.name} prefers ${proposal.entity.name} over ${other.entity.name}`)], { properties: { over: other.entity.id } });
    },
    urging() {
      const x = speakerOf(a);
      const action = random.pick(ACTIONS);
      const s = sentence(`${x.name} urged ${b.government.name} to ${action}.`);
      [x, b.government].forEach((e) => mention(s, e));
      relation(x.id, 'URGED', b.government.id, [q(s, `${x.name} urged ${b.government.name} to ${action}`)], { properties: { to: action } });
    },
    criticism() {
      const analyst = draw.analyst();
      const target = speakerOf(a);
      const s = sentence(`${analyst.person.name} of the ${analyst.organization.name} criticized ${target.name} for ${random.pick(REASONS)}.`);
      [analyst.person, analyst.organization, target].forEach((e) => mention(s, e));
      relation(analyst.person.id, 'AFFILIATED_WITH', analyst.organization.id, [q(s, `${analyst.person.name} of the ${analyst.organization.name}`)]);
      event('CRITICISM', 'occurred', `${analyst.person.name} criticizes ${target.name}`, [q(s, `criticized ${target.name}`)], [
        { role: 'AGENT', entity: analyst.person.id },
        { role: 'TARGET', entity: target.id },
      ]);
    },
    rebuke() {
      const x = speakerOf(a);
      const platform = draw.platform().entity;
      const s = sentence(`${x.name} publicly condemned ${b.government.name} in a post on ${platform.name}.`);
      [x, b.government, platform].forEach((e) => mention(s, e));
      event('REBUKE', 'occurred', `${x.name} condemns ${b.government.name}`, [q(s, `publicly condemned ${b.government.name}`)], [
        { role: 'AGENT', entity: x.id },
        { role: 'TARGET', entity: b.government.id },
        { role: 'MEDIUM', entity: platform.id, evidence: [q(s, `on ${platform.name}`)] },
      ]);
    },
    geography() {
      const city = random.pick(b.cities.slice(1).length > 0 ? b.cities.slice(1) : b.cities);
      const s = sentence(`${city.name}, a city in ${b.government.name}, has been at the centre of the dispute.`);
      [city, b.government].forEach((e) => mention(s, e));
      relation(city.id, 'PART_OF', b.government.id, [q(s, `${city.name}, a city in ${b.government.name}`)]);
    },
    capital() {
      const s = sentence(`In ${a.capital.name}, the capital of ${a.government.name}, officials declined to comment.`);
      [a.capital, a.government].forEach((e) => mention(s, e));
      relation(a.capital.id, 'CAPITAL_OF', a.government.id, [q(s, `${a.capital.name}, the capital of ${a.government.name}`)]);
    },
    leadership() {
      const s = sentence(`${a.head.name}, who leads ${a.government.name}, faces growing pressure at home.`);
      [a.head, a.government].forEach((e) => mention(s, e));
      relation(a.head.id, 'LEADS', a.government.id, [q(s, `${a.head.name}, who leads ${a.government.name}`)]);
    },
    war() {
      const s = sentence(`The conflict between ${a.government.name} and ${b.government.name} shows no sign of ending.`);
      [a.government, b.government].forEach((e) => mention(s, e));
      event('WAR', 'ongoing', `Conflict between ${a.government.name} and ${b.government.name}`, [q(s, `The conflict between ${a.government.name} and ${b.government.name}`)], [
        { role: 'PARTICIPANT', entity: a.government.id },
        { role: 'PARTICIPANT', entity: b.government.id },
      ]);
    },
    negotiation() {
      const s = sentence(`Negotiations between the two sides remain under way in ${venue.name}.`);
      mention(s, venue);
      const n = event('NEGOTIATION', 'ongoing', `Negotiations in ${venue.name}`, [q(s, `Negotiations between the two sides`)], [{ role: 'LOCATION', entity: venue.id }]);
      relation(n.id, 'CONCERNS', proposal.entity.id, [q(s, 'Negotiations between the two sides')]);
      mention(s, venue);
    },
    alignment() {
      const group = draw.group();
      const s = sentence(`Fighters of ${group.name.replace(/^the /u, '')} are said to side with ${a.government.name}.`);
      [group, a.government].forEach((e) => mention(s, e));
      relation(group.id, 'ALIGNED_WITH', a.government.id, [q(s, `are said to side with ${a.government.name}`)], { modality: 'alleged' });
    },
    statement() {
      const x = speakerOf(a);
      const action = random.pick(ACTIONS);
      const s = sentence(`In a statement on ${random.pick(WEEKDAYS)}, ${x.name} called on the other side to ${action}.`);
      mention(s, x);
      event('STATEMENT', 'occurred', `Statement by ${x.name}`, [q(s, `In a statement on`)], [{ role: 'AGENT', entity: x.id, evidence: [q(s, x.name)] }], { time: published });
    },
    agreement() {
      const s = sentence(`${b.government.name} agreed in principle to ${proposal.entity.name}.`);
      [b.government, proposal.entity].forEach((e) => mention(s, e));
      relation(b.government.id, 'AGREED_TO', proposal.entity.id, [q(s, `${b.government.name} agreed in principle to ${proposal.entity.name}`)]);
    },
    goal() {
      const s = sentence(`${a.government.name} aims to conclude ${proposal.entity.name} by ${random.pick(MONTHS)}.`);
      [a.government, proposal.entity].forEach((e) => mention(s, e));
      relation(a.government.id, 'AIMED_FOR', proposal.entity.id, [q(s, `${a.government.name} aims to conclude ${proposal.entity.name}`)]);
    },
    deferral() {
      const s = sentence(`${b.government.name} put off a decision on ${proposal.entity.name} until after the elections.`);
      [b.government, proposal.entity].forEach((e) => mention(s, e));
      relation(b.government.id, 'DEFERRED', proposal.entity.id, [q(s, `${b.government.name} put off a decision on ${proposal.entity.name}`)]);
    },
    recognition() {
      const city = random.pick(b.cities);
      const s = sentence(`Under ${proposal.entity.name}, ${city.name} would be recognized as a demilitarized zone.`);
      [proposal.entity, city].forEach((e) => mention(s, e));
      relation(proposal.entity.id, 'RECOGNIZES', city.id, [q(s, `${city.name} would be recognized as a demilitarized zone`)], { properties: { as: 'demilitarized zone' } });
    },
    ownership() {
      const platform = draw.platform();
      const s = sentence(`${platform.entity.name}, which is owned by the ${platform.owner.name}, removed several posts about the conflict.`);
      [platform.entity, platform.owner].forEach((e) => mention(s, e));
      relation(platform.owner.id, 'OWNS', platform.entity.id, [q(s, `which is owned by the ${platform.owner.name}`)]);
    },
  };
  const names = Object.keys(templates);
  // The rest of the vocabulary, one predicate and one event type at a time across the corpus (newsFacts.mjs).
  world.newsCursor ??= { fact: 0, event: 0 };
  const news = newsTemplates({ sentence, q, mention, relation, event, claim, a, b, proposal, venue, draw, random, speakerOf }, world.newsCursor);

  const count = random.int(8, 20);
  templates.meeting();
  news.newsFact();
  news.newsFact();
  news.newsEvent();
  for (let i = 4; i < count; i++) templates[names[random.int(0, names.length - 1)]]();

  // Paragraphs of two to four sentences.
  const parts = [];
  let paragraph = [];
  for (const s of sentences) {
    paragraph.push(s.text);
    if (paragraph.length >= 2 && (paragraph.length === 4 || random.chance(0.4))) {
      parts.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) parts.push(paragraph.join(' '));
  const text = `${parts.join('\n')}\n`;
  // Where each sentence starts in the text, to turn a sentence-relative quote into one that picks its place.
  let cursor = 0;
  for (const s of sentences) {
    s.start = text.indexOf(s.text, cursor);
    cursor = s.start + s.text.length;
  }
  const quote = ({ sentence: s, exact }) => anchored(text, s.start + s.text.indexOf(exact), exact);
  const quotes = (list) => (list.length === 1 ? quote(list[0]) : list.map(quote));

  const encoding = {
    article: { id, title: titleOf(sentences[0].text), text: `${id}.txt`, published, source: draw.agency().name },
    mentions: Object.fromEntries([...mentions.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([entityId, m]) => [entityId, quote(m.quote)])),
    events: events.map((e) => ({ ...e, evidence: quotes(e.evidence), roles: e.roles.map((r) => (r.evidence === undefined ? r : { ...r, evidence: quotes(r.evidence) })) })),
    claims: claims.map((c) => ({ ...c, evidence: quotes(c.evidence) })),
    relations: relations.map((r) => ({ ...r, evidence: quotes(r.evidence) })),
  };
  return { id, text, encoding, used: [...mentions.values()].map((m) => m.entity) };
}

function capitalizeFirst(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function titleOf(firstSentence) {
  return firstSentence.replace(/\.$/u, '').split(' to discuss ')[0];
}

/**
 * The quote for the words at `at`: the bare string when they occur once in the text, else with as much
 * of the text before (or after) them as picks this one occurrence, 8 characters at a time.
 */
function anchored(text, at, exact) {
  if (count(text, exact) === 1) return exact;
  const end = at + exact.length;
  for (let length = 8; ; length += 8) {
    const prefix = text.slice(Math.max(0, at - length), at);
    if (prefix !== '' && count(text, prefix + exact) === 1) return { exact, prefix };
    const suffix = text.slice(end, end + length);
    if (suffix !== '' && count(text, exact + suffix) === 1) return { exact, suffix };
    if (at - length <= 0 && end + length >= text.length) throw new Error(`generator bug: no context makes "${exact}" unique`);
  }
}

function count(text, words) {
  let n = 0;
  for (let i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) n++;
  return n;
}
