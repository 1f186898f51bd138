// The world a generated corpus reports on: countries (governments) with their leaders, ministers, capitals
// and cities; organizations, news agencies, platforms, armed groups, analysts and proposals. Invented
// names (so that nothing is mistaken for a real fact), sized to the corpus, each list ordered by rank so
// that a Zipf draw makes the first few entities frequent and the rest rare.

const SYLLABLES = ['val', 'dor', 'mer', 'an', 'tes', 'ka', 'ri', 'ol', 'bre', 'sun', 'lo', 'vin', 'thar', 'e', 'mo', 'ga', 'lin', 'cor', 'ves', 'ta', 'nor', 'is', 'pel', 'du', 'ra', 'zen', 'qua', 'hol', 'mi', 'sor'];
const COUNTRY_ENDINGS = ['ia', 'land', 'ova', 'ar', 'istan', 'ea', 'mark', 'ene'];
const CITY_ENDINGS = ['burg', 'grad', 'ton', 'port', 'ford', 'haven', 'polis', 'stad'];
const FIRST_NAMES = ['Anna', 'Boris', 'Clara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Lars', 'Maya', 'Nikolai', 'Olga', 'Pavel', 'Rosa', 'Stefan', 'Tamar', 'Uri', 'Vera', 'Wen', 'Yusuf', 'Zofia', 'Amir', 'Bettina', 'Carlos', 'Dalia', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jana', 'Karim', 'Leila', 'Marek', 'Nadia', 'Oskar', 'Petra', 'Ramón', 'Søren', 'Tomás', 'Zoë'];
const HEAD_TITLES = ['President', 'Prime Minister', 'Chancellor'];
const ORG_PATTERNS = ['Institute for {X} Studies', 'Centre for {X} Security', '{X} Policy Forum', '{X} Council on Foreign Affairs', 'Union of {X} Cities', '{X} Development Bank'];
const AGENCY_PATTERNS = ['{X} Press Agency', 'The {X} Herald', '{X} Broadcasting', 'The {X} Observer'];
const PLATFORM_NAMES = ['Chirper', 'Townsquare', 'Beacon', 'Murmur', 'Parley', 'Signalbox'];
const GROUP_PATTERNS = ['the {X} Liberation Front', 'the {X} Militia', 'the {X} Volunteers', 'the {X} Resistance'];
const PROPOSAL_PATTERNS = ['the {X} ceasefire plan', 'the {X} peace framework', 'the {X} trade accord', 'the {X} water-sharing treaty', 'the {X} border agreement', 'the {X} prisoner exchange'];

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/**
 * Invented words, never the same twice (a set of taken words keeps them apart). A large corpus exhausts the
 * short shapes (one syllable and an ending makes only a few hundred words): after a run of misses the word
 * takes one more syllable, so that the search always ends.
 */
function wordMaker(random) {
  const taken = new Set();
  return (endings, syllables = 2) => {
    for (let tries = 0; ; tries++) {
      let word = '';
      const length = syllables + Math.floor(tries / 20);
      for (let i = 0; i < length; i++) word += random.pick(SYLLABLES);
      if (endings !== undefined) word += random.pick(endings);
      const name = capitalize(word);
      if (!taken.has(name) && name.length >= 4) {
        taken.add(name);
        return name;
      }
    }
  };
}

/** The entities of a corpus of `articles` articles, drawn from `random`. */
export function createWorld(random, articles) {
  const word = wordMaker(random);
  const ids = new Set();
  const entities = [];
  const add = (kind, name, extra = {}) => {
    let id = slug(name.replace(/^the /u, ''));
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    ids.add(id);
    const entity = { id, kind, name, ...extra };
    entities.push(entity);
    return entity;
  };
  const person = (title, description) => {
    const first = random.pick(FIRST_NAMES);
    const last = word(undefined, random.int(2, 3));
    return add('PERSON', `${first} ${last}`, { aliases: [last], description, title });
  };

  const countryCount = Math.min(400, 16 + Math.floor(articles / 25));
  const countries = [];
  for (let i = 0; i < countryCount; i++) {
    const name = word(COUNTRY_ENDINGS, random.int(1, 2));
    const government = add('GOVERNMENT', name, { description: `The government of ${name}.` });
    const capital = add('PLACE', word(CITY_ENDINGS, 1), { description: `Capital of ${name}.` });
    const cities = [capital];
    for (let c = random.int(1, 3); c > 0; c--) cities.push(add('PLACE', word(CITY_ENDINGS, random.int(1, 2)), { description: `A city in ${name}.` }));
    const headTitle = random.pick(HEAD_TITLES);
    const head = person(headTitle, `${headTitle} of ${name}.`);
    const minister = person('Foreign Minister', `Foreign Minister of ${name}.`);
    countries.push({ government, capital, cities, head, minister });
  }
  const organizations = [];
  for (let i = 0; i < 8 + Math.floor(articles / 40); i++) {
    organizations.push(add('ORGANIZATION', random.pick(ORG_PATTERNS).replace('{X}', word(undefined, 2)), { description: 'A research or policy organization.' }));
  }
  const agencies = [];
  for (let i = 0; i < 6 + Math.floor(articles / 200); i++) {
    agencies.push(add('ORGANIZATION', random.pick(AGENCY_PATTERNS).replace('{X}', word(undefined, 2)), { description: 'A news organization.' }));
  }
  const platformEntities = PLATFORM_NAMES.map((name) => add('ORGANIZATION', name, { description: 'A social media platform.' }));
  // Each platform has one owner, a company: "owned by" repeats across the articles that say it.
  const platforms = platformEntities.map((entity) => ({ entity, owner: add('ORGANIZATION', `${word(undefined, 2)} Media Group`, { description: 'A media company.' }) }));
  const analysts = [];
  for (let i = 0; i < 10 + Math.floor(articles / 10); i++) {
    const org = organizations[i % organizations.length];
    analysts.push({ person: person('analyst', `Analyst at the ${org.name}.`), organization: org });
  }
  const groups = [];
  for (let i = 0; i < 4 + Math.floor(articles / 100); i++) {
    groups.push(add('GROUP', random.pick(GROUP_PATTERNS).replace('{X}', word(undefined, 2)), { description: 'An armed group.' }));
  }
  const proposals = [];
  for (let i = 0; i < 8 + Math.floor(articles / 12); i++) {
    const proposer = countries[Math.floor(random.next() * Math.min(countries.length, 12))];
    proposals.push({ entity: add('PROPOSAL', random.pick(PROPOSAL_PATTERNS).replace('{X}', word(undefined, 2)), { description: 'A proposal under discussion.' }), proposer });
  }
  return { entities, countries, organizations, agencies, platforms, analysts, groups, proposals };
}
