/**
 * Where an article names entities. First pass: titled names ("Secretary of State Marco Rubio"), affiliations
 * ("John Hardie of the Foundation for Defense of Democracies"), demonym groups ("Ukrainian officials") and
 * proper-noun chunks discover the entities the corpus does not know yet. Second pass: every name and alias
 * of every entity (the gazetteer, plus what the first pass created and the last names it added) is matched,
 * longest first; "the Secretary of State" resolves to the person the article gave that title.
 */
import { AFFILIATION_ALT, AFFILIATION_WORDS, CAPITALS, COUNTRIES, DEMONYMS, GOVERNMENT_WORDS, GROUP_NOUNS, NOT_NAMES, ORGANIZATION_WORDS, OWNER_ABBREVIATIONS, PLACE_PREPOSITIONS, STATE_BODIES, STATE_TITLES, TITLES } from './lexicon.js';
import { wordEnds, type EntityTable, type SharedKind } from './entityTable.js';

/** The rule of a mention nested in another one's span ("Sudan" in "Sudan’s army"): evidence, never a subject or object. */
export const OWNER_RULE = 'owner-inside';

export interface Mention {
  /** UTF-16 offsets into the article text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly entity: string;
  readonly rule: string;
  readonly confidence: number;
}

/** A fact the mention patterns themselves state: a title held, an affiliation. */
export interface PatternFact {
  readonly predicate: 'HOLDS_POSITION' | 'AFFILIATED_WITH' | 'PART_OF' | 'PROPOSED';
  readonly subject: string;
  readonly object: string;
  readonly title?: string;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly confidence: number;
}

export interface MentionResult {
  readonly mentions: Mention[];
  readonly facts: PatternFact[];
}

const PROPOSAL_HEADS = 'proposal|plan|resolution|framework|deal|agreement|ceasefire|demand|target|truce|initiative|roadmap|treaty|accord|offer|embargo|freeze|condition|guarantee|peacekeeping force|settlement|term';
/** Plural heads that still name one measure ("conditions", "security guarantees"); not "targets". */
const PROPOSAL_PLURALS = 'conditions|demands|guarantees|terms|proposals|plans';
/** Heads that name the same thing: "conditions" taken up as "those demands". */
const PROPOSAL_CLASSES: readonly (readonly string[])[] = [['condition', 'demand', 'term'], ['ceasefire', 'truce'], ['plan', 'proposal', 'initiative', 'offer'], ['deal', 'agreement', 'accord', 'settlement']];
/** Verbs after which a bare plural is a measure put forward or opposed: "called for security guarantees", "set conditions". */
const BARE_MEASURE = /\b(?:proposed|proposes|rejected|rejects|accepted|accepts|endorsed|backed|supported|called\s+for|calls\s+for|demanded|demands|set|sets|laid\s+out|offered|opposed|opposes)\s+((?:[\p{Ll}-]+\s+){0,2}?)(guarantees|conditions|demands|reforms|terms|proposals|plans|concessions)\b/gu;
const NAME_WORD = String.raw`\p{Lu}[\p{L}’'-]*`;
/** Arabic and European particles inside names: "Khalid bin Salman", "Abdel Fattah al-Burhan", "Ursula von der Leyen". */
const PARTICLE = String.raw`(?:bin|ibn|al|el|de|da|van|von|der|la|le|du)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}-${NAME_WORD}|${PARTICLE}|${NAME_WORD}))*`;
/** Every word of a title: "Prime" in "Prime Minister" is no owner of "Minister". */
const TITLE_WORDS = new Set(TITLES.flatMap((t) => t.toLowerCase().split(/\s+/u)));
const TITLE_ALT = TITLES.map((t) => t.replace(/\s+/gu, '\\s+')).join('|');
const ABBREVIATION_ALT = Object.keys(OWNER_ABBREVIATIONS).map((a) => a.replace(/\./gu, '\\.')).join('|');
// An owner, then perhaps one lower-case word of portfolio ("UN humanitarian chief", "Eritrea’s information minister").
const PORTFOLIO = String.raw`((?!(?:said|says|told|met|and|or|with|to|by|of|for|in|on|at|the|a|an|as|that|who)\s)\p{Ll}+\s+)?`;
const TITLED = new RegExp(String.raw`(?:((?:${ABBREVIATION_ALT})(?=\s)|${NAME_WORD}(?:\s+${NAME_WORD})*?)(?:’s|'s)?\s+${PORTFOLIO})?\b(${TITLE_ALT})\s+(${NAME})`, 'gu');
/** An appositive after a name: ", the UN special envoy for Yemen", ", director of the think tank EDAM", ", a research fellow at Chatham House". */
const APPOSITIVE = new RegExp(String.raw`^,\s+(?:the\s+|a\s+|an\s+)?([^,;.()]{0,60}?)\b(${TITLE_ALT}|${AFFILIATION_ALT})\b([^,;()]{0,90})`, 'iu');

export function findMentions(text: string, sentences: readonly { start: number; end: number }[], table: EntityTable): MentionResult {
  const taken: Mention[] = [];
  const facts: PatternFact[] = [];
  const titles = new Map<string, string>(); // title → person id, in this article
  // The characters some mention covers, so that "is this stretch free?" reads the stretch, not every mention taken.
  const covered = new Uint8Array(text.length + 1);
  const occupy = (m: Mention): void => {
    taken.push(m);
    covered.fill(1, m.start, m.end);
  };
  const free = (s: number, e: number): boolean => covered.subarray(s, e).indexOf(1) < 0;
  // The article's words, read once for every "which entities can this text name?" (EntityTable.namedByWords).
  const words = wordEnds(text);
  const take = (m: Mention) => {
    if (free(m.start, m.end)) occupy(m);
  };

  const ownerless: { person: string; title: string; start: number; end: number; sentence: { start: number; end: number } }[] = [];
  // ── Pass 1: titled names and the bodies they belong to ──
  for (const sentence of sentences) {
    const part = text.slice(sentence.start, sentence.end);
    for (const m of part.matchAll(TITLED)) {
      const at = sentence.start + (m.index ?? 0);
      const [whole, owner, portfolio, office, rawName] = m;
      const title = portfolio !== undefined && office !== undefined ? `${portfolio.trim()} ${office}` : office;
      if (title === undefined || rawName === undefined) continue;
      const name = trimName(rawName);
      if (name.split(/\s+/u).length < 2 && !table.findByForm(name, 'PERSON')) continue;
      const nameStart = at + whole.length - rawName.length;
      const person = table.findByForm(name, 'PERSON') ?? table.create('PERSON', name, 'titled-name', 0.85, [lastWord(name)]);
      take({ start: nameStart, end: nameStart + name.length, entity: person.id, rule: 'titled-name', confidence: 0.9 });
      titles.set(normTitle(title), person.id);
      // "Prime" of "Prime Minister" read as an owner: the whole is the title.
      const fullTitle = owner !== undefined && owner.split(/\s+/u).every((w) => TITLE_WORDS.has(w.toLowerCase())) ? `${owner} ${title}` : title;
      const resolved = owner !== undefined && fullTitle === title ? resolveOwner(owner.replace(/^(The|the)\s+/u, '').replace(/[’']s$/u, ''), table, title) : undefined;
      if (resolved === undefined && STATE_TITLES.test(fullTitle)) ownerless.push({ person: person.id, title: capitalize(normTitle(fullTitle)), start: nameStart - fullTitle.length - 1, end: nameStart + name.length, sentence });
      if (owner !== undefined && resolved !== undefined) {
        const body = resolveOwner(owner.replace(/^(The|the)\s+/u, '').replace(/[’']s$/u, ''), table, title);
        if (body) {
          const ownerStart = at + whole.indexOf(owner);
          const ownerText = owner.replace(/[’']s$/u, '');
          if (body.mention) take({ start: ownerStart, end: ownerStart + ownerText.length, entity: body.id, rule: body.rule, confidence: 0.85 });
          facts.push({ predicate: 'HOLDS_POSITION', subject: person.id, object: body.id, title: capitalize(normTitle(title)), start: ownerStart, end: nameStart + name.length, rule: 'title-of-body', confidence: 0.8 });
        }
      }
    }
  }

  // ── Pass 1a: bodies of a state named by their owner ("South Korea’s military", "the Israeli military") ──
  const BODY = new RegExp(String.raw`\b(?:[Tt]he\s+)?((?:${Object.keys(DEMONYMS).join('|')}|${ABBREVIATION_ALT})|${NAME_WORD}(?:\s+${NAME_WORD})?(?:’s|'s))\s+(${STATE_BODIES})(?![\p{L}-])`, 'gu');
  for (const m of text.matchAll(BODY)) {
    const [whole, rawOwner = ''] = m;
    const owner = rawOwner.replace(/[’']s$/u, '');
    const country = resolveOwner(owner, table, 'President');
    if (!country || table.kindOf(country.id) !== 'GOVERNMENT') continue;
    const at = m.index ?? 0;
    const name = whole.replace(/^[Tt]he\s+/u, '');
    const entity = table.findByForm(name, 'GOVERNMENT') ?? table.create('GOVERNMENT', name, 'state-body', 0.7);
    if (!free(at, at + whole.length)) continue;
    take({ start: at, end: at + whole.length, entity: entity.id, rule: 'state-body', confidence: 0.7 });
    // The owner is named too ("Sudan" in "Sudan’s army"): a mention inside the body's, which facts skip.
    const ownerAt = at + whole.indexOf(owner);
    occupy({ start: ownerAt, end: ownerAt + owner.length, entity: country.id, rule: OWNER_RULE, confidence: 0.7 });
    if (entity.id !== country.id) facts.push({ predicate: 'PART_OF', subject: entity.id, object: country.id, start: at, end: at + whole.length, rule: 'state-body', confidence: 0.7 });
  }

  // ── Pass 1a: unnamed office holders ("the French ambassador"), ministries, opposition groups ──
  const DEMONYM_ALT0 = Object.keys(DEMONYMS).join('|');
  for (const m of text.matchAll(new RegExp(String.raw`\b[Tt]he\s+(${DEMONYM_ALT0})\s+(ambassador|envoy|foreign minister|defense minister|president|prime minister|spokesman|spokeswoman|spokesperson)\b`, 'gu'))) {
    const [whole, demonym = '', office = ''] = m;
    const at = m.index ?? 0;
    const title = capitalize(office);
    const person = table.create('PERSON', `${demonym} ${office}`, 'unnamed-official', 0.7);
    const country = resolveOwner(demonym, table);
    take({ start: at, end: at + whole.length, entity: person.id, rule: 'unnamed-official', confidence: 0.7 });
    const ownerAt = at + whole.indexOf(demonym);
    if (country) occupy({ start: ownerAt, end: ownerAt + demonym.length, entity: country.id, rule: OWNER_RULE, confidence: 0.7 });
    if (country) facts.push({ predicate: 'HOLDS_POSITION', subject: person.id, object: country.id, title, start: at, end: at + whole.length, rule: 'unnamed-official', confidence: 0.7 });
  }
  for (const m of text.matchAll(/\b[Tt]he\s+(?:state|regional|provincial|local)\s+governor\b/gu)) {
    const at = m.index ?? 0;
    const person = table.create('PERSON', m[0].replace(/^[Tt]he\s+/u, ''), 'unnamed-official', 0.6);
    take({ start: at, end: at + m[0].length, entity: person.id, rule: 'unnamed-official', confidence: 0.6 });
  }
  for (const m of text.matchAll(/\b[Tt]he\s+((?:\p{Lu}\p{L}+\s+)?(?:health|interior|foreign|defense|defence|finance|justice|economy)\s+ministry)\b/gu)) {
    const at = m.index ?? 0;
    const body = table.create('GOVERNMENT', m[1] ?? m[0], 'ministry', 0.7);
    take({ start: at, end: at + m[0].length, entity: body.id, rule: 'ministry', confidence: 0.7 });
  }
  // "a senior UN official", "an Israeli military official", "a Western diplomat": a person, affiliated with the owner.
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:[Aa]n?|[Oo]ne)\s+((?:(?:senior|top|high-ranking|former|second)\s+)?(${DEMONYM_ALT0}|${ABBREVIATION_ALT}|Western|European|Arab)\s+(?:(?:military|government|security|defen[cs]e|intelligence|ministry|administration|police)\s+)?(?:official|diplomat|source|officer))(?![\p{L}-])`, 'gu'))) {
    const [whole, name = '', owner = ''] = m;
    const at = m.index ?? 0;
    if (!free(at, at + whole.length)) continue;
    const person = table.create('PERSON', name, 'unnamed-official', 0.6);
    take({ start: at, end: at + whole.length, entity: person.id, rule: 'unnamed-official', confidence: 0.6 });
    const body = resolveOwner(owner, table);
    if (!body) continue;
    const ownerAt = at + whole.indexOf(owner, whole.length - name.length);
    occupy({ start: ownerAt, end: ownerAt + owner.length, entity: body.id, rule: OWNER_RULE, confidence: 0.6 });
    facts.push({ predicate: 'AFFILIATED_WITH', subject: person.id, object: body.id, start: at, end: at + whole.length, rule: 'unnamed-official', confidence: 0.6 });
  }
  for (const m of text.matchAll(/\bopposition\s+(?:leaders|parties|figures|lawmakers)\b/gu)) {
    const at = m.index ?? 0;
    const group = table.create('GROUP', m[0], 'group-noun', 0.6);
    take({ start: at, end: at + m[0].length, entity: group.id, rule: 'group-noun', confidence: 0.6 });
  }

  // ── Pass 1b: demonym groups ("Ukrainian officials", "Egyptian and Qatari mediators") ──
  const DEMONYM_ALT = Object.keys(DEMONYMS).join('|');
  // Also "U.S. officials", "EU diplomats" and groups of a region ("European leaders", "Western diplomats").
  const OWNER_ALT = `${DEMONYM_ALT}|${ABBREVIATION_ALT}|European|Western|Arab|African|Gulf|Asian`;
  const GROUP = new RegExp(String.raw`(?<![\p{L}.])((?:${OWNER_ALT})(?:\s+and\s+(?:${OWNER_ALT}))?)\s+(\p{Ll}+)`, 'gu');
  for (const m of text.matchAll(GROUP)) {
    const [whole, demonyms, noun] = m;
    if (demonyms === undefined || noun === undefined || !GROUP_NOUNS.test(noun)) continue;
    const at = m.index ?? 0;
    if (!free(at, at + whole.length)) continue;
    const group = table.create('GROUP', whole, 'demonym-group', 0.75);
    take({ start: at, end: at + whole.length, entity: group.id, rule: 'demonym-group', confidence: 0.75 });
    for (const d of demonyms.split(/\s+and\s+/u)) {
      const country = resolveOwner(d, table);
      if (country) facts.push({ predicate: 'AFFILIATED_WITH', subject: group.id, object: country.id, start: at, end: at + whole.length, rule: 'demonym-group', confidence: 0.75 });
    }
  }

  // ── Pass 1c: proper-noun chunks the gazetteer does not know ──
  for (const sentence of sentences) {
    const part = text.slice(sentence.start, sentence.end);
    for (const chunk of properChunks(part)) {
      const start = sentence.start + chunk.start;
      const end = sentence.start + chunk.end;
      if (!free(start, end)) continue;
      const name = chunk.text;
      if (table.findByForm(name) || DEMONYMS[name] !== undefined) continue;
      if (/^\s*\(/u.test(text.slice(end))) continue; // a dateline: "CAIRO (Wire)"
      // "the Council" after "the UN Security Council": the one body named before whose name ends with that word.
      if (/^\p{Lu}\p{Ll}+$/u.test(name) && /\b[Tt]he\s+$/u.test(text.slice(Math.max(0, start - 4), start))) {
        const earlier = text.slice(0, start);
        const bodies = table.namedByWords(words, start).filter((e) => (e.kind === 'ORGANIZATION' || e.kind === 'GOVERNMENT') && table.formsOf(e.id).some((f) => / /u.test(f) && lastWord(f) === name && earlier.includes(f)));
        const [body] = bodies;
        if (body && bodies.length === 1) {
          table.addForm(body.id, name);
          continue;
        }
      }
      // "RSF" after "the Rapid Support Forces": an acronym of a body the article named is that body.
      const expanded = /^\p{Lu}{2,6}$/u.test(name) ? table.namedByWords(words).find((e) => e.kind !== 'PERSON' && e.kind !== 'PLACE' && initials(e.name) === name) : undefined;
      if (expanded) {
        table.addForm(expanded.id, name);
        continue;
      }
      const before = text.slice(Math.max(0, start - 40), start);
      const capitalOf = CAPITALS[name];
      if (capitalOf !== undefined && !PLACE_PREPOSITIONS.test(before)) {
        // A capital standing for its government: a form of that government in this article.
        const government = table.findByForm(capitalOf) ?? table.findByForm(`the ${capitalOf}`) ?? table.create('GOVERNMENT', capitalOf, 'capital-metonym', 0.7);
        table.addForm(government.id, name);
        continue;
      }
      // "the Houthi movement", "the Wagner group": a name and the kind of body it is.
      const body = /^\s+(movement|group|militia|party|alliance|coalition)\b/u.exec(text.slice(end));
      if (body && !COUNTRIES.has(name) && !/\s/u.test(name)) {
        table.create('ORGANIZATION', `${name} ${body[1] ?? ''}`, 'proper-noun:body', 0.6);
        continue;
      }
      const theGroup = /\b[Tt]he\s+$/u.test(before) && /^\p{Lu}\p{Ll}+s$/u.test(name) && !COUNTRIES.has(name);
      let kind = theGroup ? 'ORGANIZATION' : guessKind(name, before);
      if (kind === undefined && singleName(name, text.slice(sentence.start, start), text.slice(end, sentence.end))) kind = 'ORGANIZATION';
      if (kind === undefined) continue;
      table.create(kind, name, `proper-noun:${kind.toLowerCase()}`, kind === 'PERSON' ? 0.6 : 0.65, kind === 'PERSON' ? [lastWord(name)] : []);
    }
  }

  // ── Pass 2: every name and alias, longest first ──
  const forms: { form: string; ids: string[] }[] = [];
  const byForm = new Map<string, string[]>();
  for (const e of table.namedByWords(words)) {
    if (e.kind === 'GROUP' && e.name === e.name.toLowerCase()) continue; // "critics" is not a name
    for (const f of table.formsOf(e.id)) {
      for (const variant of f.startsWith('the ') ? [f, `The ${f.slice(4)}`] : [f]) {
        const ids = byForm.get(variant) ?? [];
        ids.push(e.id);
        byForm.set(variant, ids);
      }
    }
  }
  for (const [form, ids] of byForm) forms.push({ form, ids });
  forms.sort((a, b) => b.form.length - a.form.length);
  for (const { form, ids } of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (/[\p{L}\p{N}]/u.test(text.charAt(at - 1)) || /[\p{L}\p{N}]/u.test(text.charAt(end))) continue;
      if (!free(at, end)) continue;
      const id = pickByContext(ids, text.slice(Math.max(0, at - 12), at), table);
      take({ start: at, end, entity: id, rule: 'gazetteer', confidence: table.isCreated(id) ? 0.8 : 0.95 });
    }
  }

  // ── Demonyms alone ("Russian drones") name the country ──
  for (const m of text.matchAll(new RegExp(String.raw`\b(${DEMONYM_ALT})\b`, 'gu'))) {
    const at = m.index ?? 0;
    const d = m[1] ?? '';
    if (!free(at, at + d.length)) continue;
    const country = resolveOwner(d, table);
    if (country) take({ start: at, end: at + d.length, entity: country.id, rule: 'demonym', confidence: 0.8 });
  }

  // ── "the army" after "Sudan’s army": the body the article named with that head ──
  for (const body of [...taken].filter((m) => m.rule === 'state-body').sort((a, b) => a.start - b.start)) {
    const head = /(military|army|navy|air force|armed forces|General Staff|ministry|Ministry)$/u.exec(text.slice(body.start, body.end))?.[1];
    if (head === undefined) continue;
    for (const m of text.slice(body.end).matchAll(new RegExp(String.raw`\b[Tt]he\s+${head}\b`, 'gu'))) {
      const at = body.end + (m.index ?? 0);
      if (free(at, at + m[0].length)) take({ start: at, end: at + m[0].length, entity: body.entity, rule: 'body-coreference', confidence: 0.6 });
    }
  }

  // ── Titles alone: "the Secretary of State" is the person the article gave that title ──
  for (const [title, id] of titles) {
    const re = new RegExp(String.raw`\b[Tt]he\s+${title.replace(/\s+/gu, '\\s+')}\b`, 'gu');
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      if (free(at, at + m[0].length) && !/^\s+\p{Lu}/u.test(text.slice(at + m[0].length))) take({ start: at, end: at + m[0].length, entity: id, rule: 'title-coreference', confidence: 0.7 });
    }
  }

  // ── Collective nouns: "Critics argue", "Police arrested", "protesters" ──
  for (const m of text.matchAll(/\b(Critics|Police|Analysts|protesters|demonstrators|critics)\b/gu)) {
    const at = m.index ?? 0;
    const word = m[1] ?? '';
    if (!free(at, at + word.length)) continue;
    const group = table.findByForm(word.toLowerCase(), 'GROUP') ?? table.create('GROUP', word.toLowerCase(), 'group-noun', 0.6, []);
    take({ start: at, end: at + word.length, entity: group.id, rule: 'group-noun', confidence: 0.6 });
  }

  // ── Unnamed speakers: "diplomats said", "Officials told reporters" ──
  for (const m of text.matchAll(/\b([Dd]iplomats|[Ee]xperts|[Oo]bservers|[Rr]esidents|[Ww]itnesses)\s+(?:said|say|says|told|warned|noted|added|reported|argued|argue)\b/gu)) {
    const at = m.index ?? 0;
    const word = m[1] ?? '';
    if (!free(at, at + word.length)) continue;
    const group = table.findByForm(word.toLowerCase(), 'GROUP') ?? table.create('GROUP', word.toLowerCase(), 'group-noun', 0.55, []);
    take({ start: at, end: at + word.length, entity: group.id, rule: 'group-noun', confidence: 0.55 });
  }

  // ── Collective references: "both leaders", "the two governments" are the last two people / governments named ──
  // Not "both sides": in news that is more often the two sides of a war than the last two governments named.
  for (const m of text.matchAll(/\b(?:[Bb]oth|[Tt]he two)\s+(leaders|governments|countries)\b/gu)) {
    const at = m.index ?? 0;
    const kind = m[1] === 'leaders' ? 'PERSON' : 'GOVERNMENT';
    const ids: string[] = [];
    // The last pair the article joined with "and" ("Russia and Ukraine released … mediated by the UAE, the two
    // governments said"), else the last two named.
    const before = [...taken].filter((x) => x.end <= at && table.kindOf(x.entity) === kind && x.rule !== OWNER_RULE).sort((a, b) => a.start - b.start);
    for (let i = before.length - 1; i > 0 && ids.length === 0; i--) {
      const [a, b] = [before[i - 1], before[i]];
      if (a && b && a.entity !== b.entity && /^\s+and\s+(?:the\s+)?$/u.test(text.slice(a.end, b.start))) ids.push(a.entity, b.entity);
    }
    for (const x of ids.length === 2 ? [] : [...taken].sort((a, b) => b.start - a.start)) {
      if (x.end <= at && table.kindOf(x.entity) === kind && !ids.includes(x.entity)) ids.push(x.entity);
      if (ids.length === 2) break;
    }
    if (ids.length === 2) for (const id of ids) occupy({ start: at, end: at + m[0].length, entity: id, rule: 'collective-reference', confidence: 0.5 });
  }

  // ── Proposals: "a new ceasefire proposal for Gaza", later "the proposal"; they may span other names ──
  const proposals: { head: string; id: string }[] = [];
  // The phrase ends at punctuation, a conjunction, or a preposition of time, place or manner ("a 30-day ceasefire in March").
  const NP = new RegExp(String.raw`\b(a|an|the|[Tt]he|any|[Tt]hose|[Tt]hese|its|their)\s+((?:(?!(?:of|the|a|an|to|for|and)\s)[\p{L}\p{N}.’'-]+\s+){0,4}?)(${PROPOSAL_HEADS}|${PROPOSAL_PLURALS})\b((?:\s+(?:to|for|that|on)\s+[^,.;]+?)?)(?=[,.;]|\s+(?:and|but|while|in|at|before|after|within|by|from|along|as|outright|instead|until|since)\b|$)`, 'gu');
  const sameClass = (a: string, b: string) => a === b || PROPOSAL_CLASSES.some((c) => c.includes(a) && c.includes(b));
  for (const sentence of sentences) {
    const part = text.slice(sentence.start, sentence.end);
    for (const m of part.matchAll(NP)) {
      const [whole, det = '', modifiers = '', plural = '', complement = ''] = m;
      const head = new RegExp(`^(?:${PROPOSAL_PLURALS})$`, 'u').test(plural) ? plural.replace(/s$/u, '') : plural;
      const at = sentence.start + (m.index ?? 0);
      const words = whole.split(/\s+/u).length;
      if (words > 16) continue;
      if (/^(?:the|those|these|its|their)$/iu.test(det) && modifiers.trim() === '' && complement.trim() === '') {
        const antecedent = [...proposals].reverse().find((p) => sameClass(p.head, head));
        if (antecedent) occupy({ start: at, end: at + whole.length, entity: antecedent.id, rule: 'proposal-coreference', confidence: 0.6 });
        continue;
      }
      if (/^(?:the|those|these|its|their)$/iu.test(det) && modifiers.trim() === '') continue;
      const name = whole.replace(/^(a|an|the|The|any|those|these|Those|These|its|their)\s+/u, '');
      const proposal = table.create('PROPOSAL', name.charAt(0).toUpperCase() + name.slice(1), 'proposal-phrase', 0.55);
      proposals.push({ head, id: proposal.id });
      occupy({ start: at, end: at + whole.length, entity: proposal.id, rule: 'proposal-phrase', confidence: 0.55 });
      // "the French draft resolution", "a U.S. plan": the owner put it forward.
      const ownerWord = /^(\S+)\s/u.exec(modifiers)?.[1] ?? '';
      const owner = DEMONYMS[ownerWord] !== undefined || OWNER_ABBREVIATIONS[ownerWord] !== undefined ? resolveOwner(ownerWord, table) : undefined;
      if (owner && table.kindOf(owner.id) !== 'PLACE') facts.push({ predicate: 'PROPOSED', subject: owner.id, object: proposal.id, start: at, end: at + whole.length, rule: 'proposal-owner', confidence: 0.55 });
    }
    for (const m of part.matchAll(BARE_MEASURE)) {
      const [whole, modifiers = '', head = ''] = m;
      const at = sentence.start + (m.index ?? 0) + whole.length - modifiers.length - head.length;
      if (taken.some((x) => x.start < at + modifiers.length + head.length && at < x.end)) continue;
      const name = `${modifiers}${head}`;
      const proposal = table.create('PROPOSAL', name.charAt(0).toUpperCase() + name.slice(1), 'proposal-phrase', 0.5);
      proposals.push({ head: head.replace(/s$/u, ''), id: proposal.id });
      occupy({ start: at, end: at + name.length, entity: proposal.id, rule: 'proposal-phrase', confidence: 0.5 });
    }
  }

  // ── Affiliation: "John Hardie of the Foundation for Defense of Democracies" ──
  const byStart = taken.filter((m) => m.rule !== OWNER_RULE).sort((a, b) => a.start - b.start);
  byStart.forEach((person, i) => {
    if (table.kindOf(person.entity) !== 'PERSON') return;
    const next = byStart[i + 1];
    if (!next || !/^\s+of\s+(?:the\s+)?$/u.test(text.slice(person.end, next.start))) return;
    const kind = table.kindOf(next.entity);
    if (kind !== 'ORGANIZATION' && kind !== 'GOVERNMENT') return;
    facts.push({ predicate: 'AFFILIATED_WITH', subject: person.entity, object: next.entity, start: person.start, end: next.end, rule: 'affiliation', confidence: 0.75 });
  });

  // ── Appositives: "Hans Grundberg, the UN special envoy for Yemen," / "Farea al-Muslimi, a research fellow at Chatham House" ──
  for (const person of [...taken].sort((a, b) => a.start - b.start)) {
    if (table.kindOf(person.entity) !== 'PERSON') continue;
    const m = APPOSITIVE.exec(text.slice(person.end, person.end + 200));
    if (!m) continue;
    const [whole, modifiers = '', role = '', rest = ''] = m;
    // "a senior UN official, the UN envoy Hanna Tetteh": a titled name of its own, not an appositive.
    if (/^\s+\p{Lu}/u.test(rest)) continue;
    const from = person.end;
    const to = person.end + whole.length;
    const bodies = taken.filter((x) => x.rule !== OWNER_RULE && x.start >= from && x.end <= to && x.entity !== person.entity && (table.kindOf(x.entity) === 'ORGANIZATION' || table.kindOf(x.entity) === 'GOVERNMENT')).sort((a, b) => a.start - b.start);
    let body: string | undefined = bodies[0]?.entity;
    if (body === undefined) {
      // "the UN special envoy": an owner the gazetteer does not know, in the words before the office.
      const word = /(\S+)\s*$/u.exec(modifiers.trim() === '' ? '' : modifiers.trim().split(/\s+/u)[0] ?? '')?.[1] ?? '';
      const owner = word.length > 0 ? resolveOwner(word, table, role) : undefined;
      const at = owner ? text.indexOf(word, from) : -1;
      if (owner && at >= 0) {
        take({ start: at, end: at + word.length, entity: owner.id, rule: owner.rule, confidence: 0.7 });
        body = owner.id;
      }
    }
    if (body === undefined) continue;
    const affiliation = AFFILIATION_WORDS.test(role.toLowerCase()) && !TITLES.some((t) => t.toLowerCase() === role.toLowerCase());
    if (affiliation) facts.push({ predicate: 'AFFILIATED_WITH', subject: person.entity, object: body, start: person.start, end: to, rule: 'appositive-affiliation', confidence: 0.65 });
    else facts.push({ predicate: 'HOLDS_POSITION', subject: person.entity, object: body, title: capitalize(role), start: person.start, end: to, rule: 'appositive-title', confidence: 0.65 });
  }

  // ── A state's title without owner ("Israel has not endorsed it, and Prime Minister Benjamin Netanyahu"):
  // the one state the sentence named before it; with two or none, nothing is guessed ──
  for (const o of ownerless) {
    const states = new Set(taken.filter((m) => m.start >= o.sentence.start && m.end <= o.start && table.kindOf(m.entity) === 'GOVERNMENT' && COUNTRIES.has(table.get(m.entity)?.name ?? '')).map((m) => m.entity));
    const [state] = states;
    if (state !== undefined && states.size === 1 && !facts.some((f) => f.predicate === 'HOLDS_POSITION' && f.subject === o.person)) {
      facts.push({ predicate: 'HOLDS_POSITION', subject: o.person, object: state, title: o.title, start: o.start, end: o.end, rule: 'title-of-the-sentence-state', confidence: 0.45 });
    }
  }

  // ── "Dbeibah’s government": the government whose office the person holds ──
  for (const person of [...taken]) {
    if (table.kindOf(person.entity) !== 'PERSON') continue;
    const m = /^[’']s\s+(?:government|administration|cabinet)\b/u.exec(text.slice(person.end, person.end + 30));
    const office = m ? facts.find((f) => f.predicate === 'HOLDS_POSITION' && f.subject === person.entity && table.kindOf(f.object) === 'GOVERNMENT') : undefined;
    if (m && office) occupy({ start: person.start, end: person.end + m[0].length, entity: office.object, rule: 'government-of', confidence: 0.55 });
  }

  taken.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions: taken, facts };
}

interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Runs of capitalized words, joined by "of", "for", "the" inside; possessive ’s and leading function words cut. */
export function properChunks(sentence: string): Chunk[] {
  const words = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!w || !isCapitalized(w.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length) {
      const next = words[j + 1];
      const after = words[j + 2];
      const gap = sentence.slice((words[j]?.start ?? 0) + (words[j]?.text.length ?? 0), next?.start ?? 0);
      if (!next || !/^\s+$/u.test(gap)) break;
      // "Tigray People’s Liberation Front": a possessive inside a name; elsewhere ’s ends the name.
      if (isCapitalized(next.text) && (!/[’']s$/u.test(words[j]?.text ?? '') || /^People[’']s$/u.test(words[j]?.text ?? ''))) j++;
      // "Abdel Fattah al-Burhan", "Khalid bin Salman"
      else if (/^(?:al|el|ad|as|ibn|bin)-\p{Lu}/u.test(next.text)) j++;
      else if (/^(?:bin|ibn|al|el|de|da|van|von|der|du)$/u.test(next.text) && after && isCapitalized(after.text) && !NOT_NAMES.has(after.text)) j += 2;
      else if (/^(of|for|the)$/u.test(next.text) && after && isCapitalized(after.text) && !NOT_NAMES.has(after.text)) j += 2;
      // "European Council on Foreign Relations", "Committee on Foreign Affairs"
      else if (next.text === 'on' && /^(Council|Committee|Commission|Conference|Center|Centre|Institute)$/u.test(words[j]?.text ?? '') && after && isCapitalized(after.text) && !NOT_NAMES.has(after.text)) j += 2;
      else break;
    }
    let first = i;
    while (first <= j && NOT_NAMES.has(words[first]?.text ?? '')) first++;
    if (first <= j) {
      const a = words[first];
      const b = words[j];
      if (a && b) {
        const text = sentence.slice(a.start, b.start + b.text.length).replace(/[’']s$/u, '').replace(/\.$/u, '');
        chunks.push({ start: a.start, end: a.start + text.length, text });
      }
    }
    i = j + 1;
  }
  return chunks;
}

/** Words after which a lone capitalized word is still a noun: a verb, an auxiliary, a preposition, punctuation. */
const AFTER_A_NOUN = /^(?:$|[^\p{L}]|\p{Lu}|(?:has|have|had|is|are|was|were|will|would|did|does|said|says|and|or|but|in|on|of|to|at|near|for|with|from|that|which|who|since|after|before|until|while|as|also|again)\b|\p{Ll}+ed\b)/u;

/**
 * A lone capitalized word that the gazetteer does not know, in the middle of a sentence, used as a noun
 * ("Hezbollah has not", "wrote on Telegram."): most often an organization; a sentence's first word, a title
 * word or a modifier ("Patriot battery") is not taken.
 */
function singleName(name: string, lead: string, rest: string): boolean {
  if (/\s/u.test(name) || name.length < 3 || NOT_NAMES.has(name) || TITLE_WORDS.has(name.toLowerCase())) return false;
  if (!/^\p{Lu}\p{Ll}+$|^\p{Lu}{2,}$/u.test(name)) return false;
  if (/^[\s“"(\d:–—-]*$/u.test(lead) || /[.:!?]\s*[“"]?\s*$/u.test(lead)) return false; // a sentence's first word
  return AFTER_A_NOUN.test(rest.trimStart());
}

/** "Rapid Support Forces" → "RSF" (capitalized words only: "Tigray People’s Liberation Front" → "TPLF"). */
function initials(name: string): string {
  return name
    .split(/\s+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');
}

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function guessKind(name: string, before: string): SharedKind | undefined {
  const words = name.split(/\s+/u);
  if (NOT_NAMES.has(name)) return undefined;
  if (GOVERNMENT_WORDS.test(name)) return 'GOVERNMENT';
  if (ORGANIZATION_WORDS.test(name)) return 'ORGANIZATION';
  if (COUNTRIES.has(name)) return 'GOVERNMENT';
  if (/\b(?:town|city|village|region|province|district|port|capital|area|outskirts)\s+of\s+$/u.test(before)) return 'PLACE';
  if (/^\p{Lu}[\p{Lu}\p{N}]{2,}$/u.test(name)) return 'ORGANIZATION'; // an acronym: ECOWAS, IAEA, M23
  // "a research fellow at Chatham House", "director of the think tank EDAM"
  if (new RegExp(String.raw`(?:${AFFILIATION_ALT}|director|think tank)\s+(?:at|of|with)\s+(?:the\s+)?$`, 'u').test(before)) return 'ORGANIZATION';
  if (PLACE_PREPOSITIONS.test(before)) return 'PLACE';
  // "the offensive on Goma", "strikes on Kharkiv": what an assault is on is a place.
  if (/\b(?:attacks?|strikes?|airstrikes?|offensive|assault|advance|bombardment|march)\s+on\s+$/u.test(before) && words.length <= 3) return 'PLACE';
  if (/\b(attacked|struck|shelled|bombed|visited|captured|seized|entered|shelling|striking)\s+$/u.test(before) && words.length <= 3) return 'PLACE';
  if (words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^(bin|ibn|al|de|van|von|der|du)$/u.test(w) || /^(?:al|el|ad|as|ibn|bin)-\p{Lu}/u.test(w))) return 'PERSON';
  // A single unknown capitalized word is too often a sentence's first word or a common noun to guess.
  return undefined;
}

function pickByContext(ids: readonly string[], before: string, table: EntityTable): string {
  const [first] = ids;
  if (first === undefined) throw new Error('unreachable: a form names at least one entity');
  if (ids.length === 1) return first;
  const wantPlace = PLACE_PREPOSITIONS.test(before);
  return ids.find((id) => (table.kindOf(id) === 'PLACE') === wantPlace) ?? first;
}

/**
 * The government or body a title belongs to: "Qatar", "Qatari", "NATO", "Kremlin", "U.S.". An owner nobody
 * knows yet is created when it reads as a name: a government for a state's title ("Kosovo Prime Minister"),
 * else an organization ("Hezbollah leader").
 */
function resolveOwner(owner: string, table: EntityTable, title?: string): { id: string; rule: string; mention: boolean } | undefined {
  const country = DEMONYMS[owner];
  if (country !== undefined) {
    const known = table.findByForm(country);
    const id = known?.id ?? table.create('GOVERNMENT', country, 'demonym', 0.8).id;
    return { id, rule: 'demonym', mention: true };
  }
  const known = table.findByForm(owner) ?? table.findByForm(`the ${owner}`);
  if (known && known.kind !== 'PERSON' && known.kind !== 'PLACE') return { id: known.id, rule: 'gazetteer', mention: true };
  const abbreviation = OWNER_ABBREVIATIONS[owner];
  if (abbreviation !== undefined) {
    const full = table.findByForm(abbreviation.name) ?? table.findByForm(`the ${abbreviation.name}`);
    if (full && full.kind !== 'PERSON' && full.kind !== 'PLACE') return { id: full.id, rule: 'abbreviation', mention: true };
    return { id: table.create(abbreviation.kind, abbreviation.name, 'abbreviation', 0.7, [owner]).id, rule: 'abbreviation', mention: true };
  }
  if (COUNTRIES.has(owner)) return { id: table.create('GOVERNMENT', owner, 'country', 0.8).id, rule: 'country', mention: true };
  // "Houthi spokesman" is a spokesman of the Houthis.
  const plural = table.findByForm(`${owner}s`) ?? table.findByForm(`the ${owner}s`);
  if (plural && (plural.kind === 'ORGANIZATION' || plural.kind === 'GOVERNMENT' || plural.kind === 'GROUP')) return { id: plural.id, rule: 'gazetteer', mention: true };
  if (known || title === undefined || NOT_NAMES.has(owner) || TITLE_WORDS.has(owner.toLowerCase()) || !/^\p{Lu}[\p{L}’'-]+$/u.test(owner)) return undefined;
  const kind = STATE_TITLES.test(title) ? 'GOVERNMENT' : 'ORGANIZATION';
  return { id: table.create(kind, owner, 'title-owner', 0.55).id, rule: 'title-owner', mention: true };
}

/** Words a title keeps in lower case, as English headline style does ("Secretary of State", "Minister for Europe"). */
const TITLE_MINOR_WORDS = new Set(['of', 'for', 'and', 'the', 'to', 'on', 'in', 'at']);

/** A title in headline case: each word capitalized but the minor ones after the first ("secretary of state" → "Secretary of State"). */
function capitalize(title: string): string {
  return title
    .replace(/\s+/gu, ' ')
    .split(' ')
    .map((word, i) => (i > 0 && TITLE_MINOR_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word.replace(/^\p{Ll}/u, (c) => c.toUpperCase())))
    .join(' ');
}

function trimName(name: string): string {
  return name.replace(/[’']s$/u, '').replace(/\s+(bin|al|de|van|von|der|la|le)$/u, '');
}

function lastWord(name: string): string {
  return name.split(/\s+/u).pop() ?? name;
}

function normTitle(title: string): string {
  return title.replace(/\s+/gu, ' ').replace('Secretary-General', 'Secretary General');
}
