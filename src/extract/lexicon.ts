/**
 * The dictionaries of the offline extractor: verb groups keyed by lemma in the manner of the CAMEO verb
 * dictionaries (TABARI/PETRARCH), reporting verbs, negation cues, titles of office, organization words,
 * demonyms and countries. Data, not code: widening the extractor mostly means adding lines here.
 */
import type { EventType, Predicate } from '../ontology/index.js';

/** What a verb group yields: a binary predicate, or an event of a type (with the verb's object as its target). */
export type VerbMeaning =
  | { readonly predicate: Predicate; readonly confidence: number }
  | { readonly event: EventType; readonly confidence: number };

const p = (predicate: Predicate, confidence = 0.7): VerbMeaning => ({ predicate, confidence });
const e = (event: EventType, confidence = 0.7): VerbMeaning => ({ event, confidence });

/**
 * Lemma (optionally with a particle: "meet with") → meaning. Inflections are generated (inflect()), with the
 * irregular forms listed in IRREGULAR.
 */
export const VERB_GROUPS: Readonly<Record<string, VerbMeaning>> = {
  // 02 appeal
  urge: p('URGED'), 'appeal to': p('APPEALED_TO'), 'call on': p('URGED', 0.6), press: p('URGED', 0.55),
  // "called for security guarantees": a demand whose object is a measure, not an actor.
  'call for': p('DEMANDED', 0.6),
  // 03 intent to cooperate
  pledge: p('PLEDGED', 0.6), accept: p('AGREED_TO', 0.6), propose: p('PROPOSED', 0.7), set: p('PROPOSED', 0.5), 'sign on to': p('AGREED_TO', 0.6), 'put forward': p('PROPOSED', 0.65), 'commit to': p('AGREED_TO', 0.6), 'agree to': p('AGREED_TO', 0.6), vow: p('PLEDGED', 0.55), promise: p('PLEDGED', 0.6),
  // 04 consult
  meet: e('MEETING'), 'meet with': e('MEETING', 0.8), visit: e('VISIT'), host: p('HOSTED', 0.6),
  'negotiate with': p('NEGOTIATED_WITH'), 'hold talks with': p('NEGOTIATED_WITH'), 'resume talks with': p('NEGOTIATED_WITH', 0.65), 'speak with': p('SPOKE_WITH', 0.6), 'speak to': p('SPOKE_WITH', 0.6),
  // 05 diplomatic cooperation
  endorse: p('ENDORSED', 0.75), back: p('BACKS', 0.65), support: p('BACKS', 0.6), praise: p('PRAISED'), welcome: p('PRAISED', 0.6),
  thank: p('PRAISED', 0.55), sign: p('SIGNED', 0.65), 'side with': p('ALIGNED_WITH'),
  // 07 aid, 08 yield
  'send aid to': p('PROVIDED_AID_TO'), arm: p('PROVIDED_AID_TO', 0.55), 'send weapons to': p('PROVIDED_AID_TO', 0.6), 'supply weapons to': p('PROVIDED_AID_TO', 0.6), release: p('RELEASED', 0.6), 'withdraw from': p('WITHDREW_FROM'), 'lift sanctions on': p('EASED_SANCTIONS_ON'),
  // 09 investigate
  investigate: p('INVESTIGATED'), probe: p('INVESTIGATED', 0.6),
  // 10 demand
  demand: p('DEMANDED', 0.65),
  // 11 disapprove
  criticize: p('CRITICIZED', 0.8), criticise: p('CRITICIZED', 0.8), condemn: p('REBUKED', 0.75), denounce: p('REBUKED', 0.75),
  rebuke: p('REBUKED', 0.8), accuse: p('ACCUSED', 0.8), blame: p('ACCUSED', 0.6), slam: p('CRITICIZED', 0.7), oppose: p('RESISTS', 0.6),
  // 12 reject
  reject: p('REJECTED', 0.75), veto: p('REJECTED', 0.75), block: p('REJECTED', 0.55),
  // 13 threaten
  threaten: p('THREATENED'), warn: p('WARNED', 0.65),
  // 14 protest
  'protest against': p('PROTESTED'), 'rally against': p('PROTESTED', 0.6), 'lodge a protest with': p('PROTESTED', 0.7),
  // 15 force posture
  'deploy troops to': p('DEPLOYED_FORCES_TO'), 'deploy troops into': p('DEPLOYED_FORCES_TO'), 'send troops to': p('DEPLOYED_FORCES_TO', 0.65), 'send troops into': p('DEPLOYED_FORCES_TO', 0.65),
  // 16 reduce relations
  sanction: p('SANCTIONED', 0.75), 'impose sanctions on': p('SANCTIONED', 0.8), 'impose new sanctions on': p('SANCTIONED', 0.8),
  expel: p('EXPELLED'), 'cut ties with': p('CUT_TIES_WITH'), 'suspend talks with': p('CUT_TIES_WITH', 0.6), cancel: p('CANCELLED', 0.6), 'call off': p('CANCELLED', 0.6),
  // 17 coerce
  arrest: p('ARRESTED'), detain: p('ARRESTED'), seize: p('SEIZED', 0.6), capture: p('SEIZED', 0.55), free: p('RELEASED', 0.55),
  // 18-20 violence
  attack: e('ATTACK'), strike: e('ATTACK', 0.6), 'fire missiles at': e('ATTACK', 0.65), 'launch missiles at': e('ATTACK', 0.65), 'fire rockets at': e('ATTACK', 0.65), shell: e('ATTACK', 0.65), bomb: e('AIRSTRIKE', 0.7), invade: e('ATTACK', 0.65),
  recapture: p('SEIZED', 0.55), retake: p('SEIZED', 0.55), 'arrive in': e('VISIT', 0.6),
  occupy: p('OCCUPIED', 0.6), kill: p('KILLED', 0.5), abduct: p('ABDUCTED'), massacre: p('MASSACRED'),
};

/** Reporting verbs (lemma → the speech act): they make what follows a claim attributed to the speaker. */
export const REPORTING_VERBS: Readonly<Record<string, 'ASSERTED' | 'DENIED' | 'REPORTED'>> = {
  say: 'ASSERTED', tell: 'ASSERTED', state: 'ASSERTED', declare: 'ASSERTED', insist: 'ASSERTED', assert: 'ASSERTED',
  argue: 'ASSERTED', claim: 'ASSERTED', announce: 'ASSERTED', add: 'ASSERTED', stress: 'ASSERTED', highlight: 'ASSERTED',
  report: 'REPORTED', deny: 'DENIED',
  // Written and answering speech: "he wrote on Telegram", "Wang answered that", "she replied".
  write: 'ASSERTED', answer: 'ASSERTED', reply: 'ASSERTED', note: 'ASSERTED', confirm: 'ASSERTED', explain: 'ASSERTED',
};

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  meet: ['met'], strike: ['struck'], say: ['said'], tell: ['told'], speak: ['spoke', 'spoken'], send: ['sent'],
  withdraw: ['withdrew', 'withdrawn'], 'put': ['put'], set: ['set'], 'lift': ['lifted'], 'cut': ['cut'], seize: ['seized'], deny: ['denied', 'denies'],
  rally: ['rallied', 'rallies'], write: ['wrote', 'written'], retake: ['retook', 'retaken'],
};

/** The forms of a verb lemma: base, -s, -ed, -ing (with the usual spelling rules) and the irregular ones. */
export function inflect(lemma: string): string[] {
  const forms = new Set<string>([lemma]);
  const cons = /[^aeiou]$/u;
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const doubled = /^[a-z]*[^aeiou][aeiou][bdgmnprt]$/u.test(lemma) && !/(en|er|it|on)$/u.test(lemma) ? lemma + lemma.slice(-1) : lemma;
  if (/(s|sh|ch|x|z)$/u.test(lemma)) forms.add(`${lemma}es`);
  else if (/[^aeiou]y$/u.test(lemma)) forms.add(`${lemma.slice(0, -1)}ies`);
  else forms.add(`${lemma}s`);
  if (lemma.endsWith('e')) forms.add(`${lemma}d`);
  else if (/[^aeiou]y$/u.test(lemma)) forms.add(`${lemma.slice(0, -1)}ied`);
  else forms.add(`${doubled}ed`);
  forms.add(`${lemma.endsWith('e') && !lemma.endsWith('ee') ? stem : doubled}ing`);
  if (cons.test(lemma)) forms.add(`${doubled}ing`);
  for (const f of IRREGULAR[lemma] ?? []) forms.add(f);
  return [...forms];
}

/** Negation cues between a subject and its verb (NegEx-style, scoped to the clause). */
export const NEGATION_CUES = /\b(not|never|no longer|yet to|failed to|refused to|declined to|neither|nor)\b|n[’']t\b/iu;

/** Cues that the act is planned, not done. */
export const PLANNED_CUES = /\b(is to|are to|will|plans? to|planned to|intends? to|is expected to|are expected to|is due to|is set to)\s*$/iu;

/** Titles of office, longest first where one contains another. */
export const TITLES = [
  'Secretary of State', 'Secretary General', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Secretary-General', 'Foreign Minister', 'Defense Minister', 'Defence Minister',
  'Prime Minister', 'Vice President', 'Chancellor', 'President', 'King', 'Emir', 'Crown Prince', 'Special Envoy', 'Envoy',
  'spokesman', 'spokeswoman', 'spokesperson', 'Ambassador', 'General', 'Senator', 'Minister',
  // Offices as newswires also write them, lower case before a name ("EU envoy Miroslav Lajčák", "regional
  // governor Serhiy Lysak", "Hezbollah leader Naim Qassem"), and the heads of bodies.
  'Supreme Leader', 'High Representative', 'Chief of Staff', 'Chief Negotiator', 'Foreign Secretary', 'Interior Minister',
  'Finance Minister', 'Speaker', 'Chairman', 'Commander', 'Governor', 'Mayor', 'Commissioner', 'Director', 'Leader', 'Premier',
  'special envoy', 'foreign minister', 'defense minister', 'defence minister', 'prime minister', 'chief negotiator', 'army chief',
  'information minister', 'interior minister', 'finance minister', 'justice minister', 'energy minister', 'trade minister',
  'humanitarian chief', 'Chief', 'chief',
  'envoy', 'ambassador', 'leader', 'commander', 'governor', 'mayor', 'chairman', 'director', 'minister', 'negotiator',
] as const;

/** Words of an appositive that say someone works for a body without holding its office: "a research fellow at Chatham House". */
export const AFFILIATION_ALT = 'researcher|research fellow|fellow|analyst|scholar|professor|expert|economist|member|adviser|advisor|consultant|author|lecturer|correspondent|editor';
export const AFFILIATION_WORDS = new RegExp(String.raw`\b(?:${AFFILIATION_ALT})\b`, 'u');

/** Words that make a proper-noun chunk an organization or a government body. */
export const ORGANIZATION_WORDS = /\b(Agency|Programme|Program|Office|Center|Centre|Service|Network|Foundation|Institute|Organization|Organisation|Association|Corps|Forces|Front|Party|Movement|Bank|Fund|Company|Group|Union|Alliance|Committee|News|Times|Post|Reuters|Council)\b/u;
export const GOVERNMENT_WORDS = /\b(Ministry|Department|Government|Administration|Command|Army|Parliament|Cabinet|Senate|Congress|Court|Police|Navy|Treasury)\b|\bministry\b|\bgovernment\b/u;

/** Demonym → the country it points to. */
export const DEMONYMS: Readonly<Record<string, string>> = {
  American: 'United States', Russian: 'Russia', Ukrainian: 'Ukraine', Chinese: 'China', Israeli: 'Israel', Iranian: 'Iran',
  French: 'France', German: 'Germany', Japanese: 'Japan', Taiwanese: 'Taiwan', Qatari: 'Qatar', Egyptian: 'Egypt',
  Sudanese: 'Sudan', Spanish: 'Spain', Hungarian: 'Hungary', Turkish: 'Turkey', British: 'United Kingdom', Polish: 'Poland',
  Italian: 'Italy', Indian: 'India', Pakistani: 'Pakistan', Saudi: 'Saudi Arabia', Syrian: 'Syria', Lebanese: 'Lebanon',
  Palestinian: 'Palestine', Georgian: 'Georgia', Emirati: 'United Arab Emirates', Omani: 'Oman', Malian: 'Mali', Nigerien: 'Niger',
  'South Korean': 'South Korea', 'North Korean': 'North Korea', Armenian: 'Armenia', Azerbaijani: 'Azerbaijan', Yemeni: 'Yemen',
  Iraqi: 'Iraq', Afghan: 'Afghanistan', Belarusian: 'Belarus', Venezuelan: 'Venezuela', Canadian: 'Canada', Mexican: 'Mexico',
  Brazilian: 'Brazil', Australian: 'Australia', Dutch: 'Netherlands', Swedish: 'Sweden', Finnish: 'Finland', Norwegian: 'Norway',
  Danish: 'Denmark', Greek: 'Greece', Serbian: 'Serbia', Romanian: 'Romania', Moldovan: 'Moldova', Lithuanian: 'Lithuania',
  Latvian: 'Latvia', Estonian: 'Estonia', Jordanian: 'Jordan', Libyan: 'Libya', Ethiopian: 'Ethiopia', Somali: 'Somalia',
  Nigerian: 'Nigeria', Kenyan: 'Kenya', Vietnamese: 'Vietnam', Indonesian: 'Indonesia', Kazakh: 'Kazakhstan',
  Albanian: 'Albania', Algerian: 'Algeria', Argentine: 'Argentina', Austrian: 'Austria', Bahraini: 'Bahrain', Bangladeshi: 'Bangladesh',
  Belgian: 'Belgium', Bolivian: 'Bolivia', Bosnian: 'Bosnia and Herzegovina', Bulgarian: 'Bulgaria', Burmese: 'Myanmar', Chadian: 'Chad',
  Chilean: 'Chile', Colombian: 'Colombia', Congolese: 'Congo', Croatian: 'Croatia', Cuban: 'Cuba', Cypriot: 'Cyprus', Czech: 'Czech Republic',
  Ecuadorian: 'Ecuador', Eritrean: 'Eritrea', Filipino: 'Philippines', Ghanaian: 'Ghana', Guyanese: 'Guyana', Haitian: 'Haiti', Irish: 'Ireland',
  Kosovar: 'Kosovo', Kuwaiti: 'Kuwait', Kyrgyz: 'Kyrgyzstan', Malaysian: 'Malaysia', Mauritanian: 'Mauritania', Mongolian: 'Mongolia',
  Montenegrin: 'Montenegro', Moroccan: 'Morocco', Mozambican: 'Mozambique', Nepali: 'Nepal', Nicaraguan: 'Nicaragua', Peruvian: 'Peru',
  Portuguese: 'Portugal', Rwandan: 'Rwanda', Senegalese: 'Senegal', Slovak: 'Slovakia', Slovenian: 'Slovenia', 'Sri Lankan': 'Sri Lanka',
  Swiss: 'Switzerland', Tajik: 'Tajikistan', Thai: 'Thailand', Tunisian: 'Tunisia', Turkmen: 'Turkmenistan', Ugandan: 'Uganda',
  Uzbek: 'Uzbekistan', Tanzanian: 'Tanzania', Zimbabwean: 'Zimbabwe', Burkinabe: 'Burkina Faso', Cameroonian: 'Cameroon',
  'South African': 'South Africa', 'South Sudanese': 'South Sudan', 'New Zealand': 'New Zealand',
};

/** Abbreviations that own a title ("U.S. envoy Morgan Ortagus", "EU envoy Miroslav Lajčák") → the body's name. */
export const OWNER_ABBREVIATIONS: Readonly<Record<string, { readonly name: string; readonly kind: 'GOVERNMENT' | 'ORGANIZATION' }>> = {
  'U.S.': { name: 'United States', kind: 'GOVERNMENT' }, US: { name: 'United States', kind: 'GOVERNMENT' },
  'U.K.': { name: 'United Kingdom', kind: 'GOVERNMENT' }, UK: { name: 'United Kingdom', kind: 'GOVERNMENT' },
  EU: { name: 'European Union', kind: 'GOVERNMENT' }, UN: { name: 'United Nations', kind: 'ORGANIZATION' }, 'U.N.': { name: 'United Nations', kind: 'ORGANIZATION' },
};

/** Titles that only a state (or a body of one) gives: an unknown owner of one is a government ("Kosovo Prime Minister"). */
export const STATE_TITLES = /^(President|Prime Minister|Vice President|Chancellor|King|Emir|Crown Prince|Premier|Foreign Minister|Defen[cs]e Minister|Interior Minister|Finance Minister|Foreign Secretary|Supreme Leader|Minister|Ambassador|prime minister|foreign minister|defen[cs]e minister|minister|ambassador)$/u;

/** Bodies of a state named by their owner: "South Korea’s military", "the Israeli military", "Ukraine’s General Staff". */
export const STATE_BODIES = 'mission|embassy|military|army|navy|air force|armed forces|General Staff|Defen[cs]e Ministry|Foreign Ministry|Interior Ministry|defen[cs]e ministry|foreign ministry|interior ministry|health ministry|coast guard|National Guard|intelligence service|security service|parliament|Parliament';

/** Capitals that stand for their governments ("Pyongyang urged"), unless the text places something in them. */
export const CAPITALS: Readonly<Record<string, string>> = {
  Pyongyang: 'North Korea', Seoul: 'South Korea', Tokyo: 'Japan', Beijing: 'China', Moscow: 'Russia', Kyiv: 'Ukraine', Tehran: 'Iran',
  Washington: 'United States', London: 'United Kingdom', Paris: 'France', Berlin: 'Germany', Ankara: 'Turkey', Riyadh: 'Saudi Arabia',
  Doha: 'Qatar', Cairo: 'Egypt', Baghdad: 'Iraq', Damascus: 'Syria', Beirut: 'Lebanon', Yerevan: 'Armenia', Baku: 'Azerbaijan',
  Tbilisi: 'Georgia', Minsk: 'Belarus', Warsaw: 'Poland', Caracas: 'Venezuela', Kabul: 'Afghanistan', 'New Delhi': 'India',
  Islamabad: 'Pakistan', Taipei: 'Taiwan', Brussels: 'European Union', Niamey: 'Niger', Bamako: 'Mali', Khartoum: 'Sudan',
  'Addis Ababa': 'Ethiopia', Asmara: 'Eritrea', Nairobi: 'Kenya', Kampala: 'Uganda', Kinshasa: 'Congo', Abuja: 'Nigeria', Dakar: 'Senegal',
  Tripoli: 'Libya', Tunis: 'Tunisia', Algiers: 'Algeria', Rabat: 'Morocco', Amman: 'Jordan', Sanaa: 'Yemen', Muscat: 'Oman',
  'Abu Dhabi': 'United Arab Emirates', Manama: 'Bahrain', 'Kuwait City': 'Kuwait', Jerusalem: 'Israel', Vilnius: 'Lithuania', Riga: 'Latvia',
  Tallinn: 'Estonia', Helsinki: 'Finland', Stockholm: 'Sweden', Oslo: 'Norway', Copenhagen: 'Denmark', Rome: 'Italy', Madrid: 'Spain',
  Lisbon: 'Portugal', Athens: 'Greece', Budapest: 'Hungary', Bucharest: 'Romania', Sofia: 'Bulgaria', Belgrade: 'Serbia', Pristina: 'Kosovo',
  Chisinau: 'Moldova', Ottawa: 'Canada', 'Mexico City': 'Mexico', Brasilia: 'Brazil', Bogota: 'Colombia', Havana: 'Cuba', Canberra: 'Australia',
  Hanoi: 'Vietnam', Bangkok: 'Thailand', Jakarta: 'Indonesia', Manila: 'Philippines', Dhaka: 'Bangladesh', Kathmandu: 'Nepal', Astana: 'Kazakhstan',
  Mogadishu: 'Somalia', 'The Hague': 'Netherlands',
  Kigali: 'Rwanda', Juba: 'South Sudan', Bangui: 'Central African Republic', "N'Djamena": 'Chad', Luanda: 'Angola', Lusaka: 'Zambia',
  Harare: 'Zimbabwe', Maputo: 'Mozambique', Accra: 'Ghana', Freetown: 'Sierra Leone', Monrovia: 'Liberia', Conakry: 'Guinea',
  Ouagadougou: 'Burkina Faso', Nouakchott: 'Mauritania', Yaounde: 'Cameroon', Dodoma: 'Tanzania', Gitega: 'Burundi',
  Tashkent: 'Uzbekistan', Bishkek: 'Kyrgyzstan', Dushanbe: 'Tajikistan', Ashgabat: 'Turkmenistan', Ulaanbaatar: 'Mongolia', Naypyidaw: 'Myanmar',
  'Phnom Penh': 'Cambodia', Vientiane: 'Laos', 'Kuala Lumpur': 'Malaysia', Colombo: 'Sri Lanka', Podgorica: 'Montenegro', Skopje: 'North Macedonia',
  Tirana: 'Albania', Sarajevo: 'Bosnia and Herzegovina', Zagreb: 'Croatia', Ljubljana: 'Slovenia', Bratislava: 'Slovakia', Prague: 'Czech Republic',
  Vienna: 'Austria', Bern: 'Switzerland', Dublin: 'Ireland', Nicosia: 'Cyprus', Lima: 'Peru', Quito: 'Ecuador', Santiago: 'Chile',
  'Buenos Aires': 'Argentina', Montevideo: 'Uruguay', Managua: 'Nicaragua', 'Port-au-Prince': 'Haiti', Wellington: 'New Zealand',
};

/** Countries the extractor may create as governments when the corpus does not know them yet. */
export const COUNTRIES = new Set([
  'Afghanistan', 'Algeria', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan', 'Belarus', 'Belgium', 'Brazil', 'Burkina Faso',
  'Canada', 'Chad', 'Chile', 'China', 'Colombia', 'Cuba', 'Denmark', 'Egypt', 'Estonia', 'Ethiopia', 'Finland', 'France', 'Georgia',
  'Germany', 'Greece', 'Guyana', 'Hungary', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Japan', 'Jordan', 'Kazakhstan',
  'Kenya', 'Latvia', 'Lebanon', 'Libya', 'Lithuania', 'Mali', 'Mexico', 'Moldova', 'Morocco', 'Netherlands', 'Niger', 'Nigeria',
  'Kosovo', 'North Korea', 'Norway', 'Oman', 'Pakistan', 'Palestine', 'Poland', 'Qatar', 'Romania', 'Russia', 'Saudi Arabia', 'Serbia', 'Somalia',
  'South Africa', 'South Korea', 'Spain', 'Sudan', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tunisia', 'Turkey', 'Ukraine',
  'United Arab Emirates', 'United Kingdom', 'United States', 'Venezuela', 'Vietnam', 'Yemen',
  'Albania', 'Angola', 'Bahrain', 'Bangladesh', 'Bolivia', 'Bosnia and Herzegovina', 'Bulgaria', 'Burundi', 'Cambodia', 'Cameroon',
  'Central African Republic', 'Congo', 'Costa Rica', 'Croatia', 'Cyprus', 'Czech Republic', 'Djibouti', 'Ecuador', 'El Salvador', 'Eritrea',
  'Ghana', 'Guatemala', 'Guinea', 'Haiti', 'Honduras', 'Iceland', 'Ivory Coast', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Liberia', 'Luxembourg',
  'Madagascar', 'Malaysia', 'Mauritania', 'Mongolia', 'Montenegro', 'Mozambique', 'Myanmar', 'Namibia', 'Nepal', 'New Zealand', 'Nicaragua',
  'North Macedonia', 'Panama', 'Paraguay', 'Peru', 'Philippines', 'Portugal', 'Rwanda', 'Senegal', 'Sierra Leone', 'Singapore', 'Slovakia',
  'Slovenia', 'South Sudan', 'Sri Lanka', 'Tajikistan', 'Tanzania', 'Thailand', 'Togo', 'Turkmenistan', 'Uganda', 'Uruguay', 'Uzbekistan',
  'Zambia', 'Zimbabwe', 'Vatican',
]);

/** Capitalized words that never start a name on their own. */
export const NOT_NAMES = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Its', 'Our',
  'When', 'While', 'After', 'Before', 'But', 'And', 'Or', 'If', 'In', 'On', 'At', 'For', 'From', 'With', 'By', 'As', 'Of', 'To',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May',
  'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Analysis', 'Correction', 'Every', 'Few', 'Some',
  'Tens', 'Dozens', 'Hundreds', 'Thousands', 'Police', 'Critics', 'However', 'Despite', 'Following', 'During', 'Who', 'Wire',
  // Live-blog and wire furniture
  'UPDATE', 'Update', 'BREAKING', 'Breaking', 'LIVE', 'Live', 'EXCLUSIVE', 'WATCH', 'Updated', 'Editor', 'Note',
]);

/** Collective nouns that name an unnamed group that acts or speaks. */
export const GROUP_NOUNS = /^(officials|mediators|diplomats|troops|forces|protesters|demonstrators|lawmakers|critics|police|analysts|militants|rebels|fighters|negotiators|leaders)$/u;

/** Prepositions after which a name is read as a place ("in Cairo"), not an actor. */
export const PLACE_PREPOSITIONS = /\b(in|at|near|from|around|into|across|outside|off)\s+(the\s+)?$/iu;
