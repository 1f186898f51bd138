import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildGraph, validateData } from '../../src/build/index.js';
import type { ArticleFileSource } from '../../src/build/sourceModel.js';
import { NewsgraphError } from '../../src/errors.js';
import { extractIntoDirectory } from '../../src/extract/index.js';
import { PROJECT_ROOT, copyData, removeDir, tempDir } from '../utils/fixtures.js';
import { BASE, DEV_TEXTS, draftDirectory, textsOf } from './devSet.js';

let dir: string;
beforeAll(async () => {
  dir = await draftDirectory(DEV_TEXTS);
});
afterAll(() => removeDir(dir));

const articleOf = (id: string): ArticleFileSource => parse(readFileSync(join(dir, 'articles', `${id}.yaml`), 'utf8')) as ArticleFileSource;

describe('newsgraph extract (offline rules) on the development set', () => {
  test('every draft validates and builds; every article is in the graph; the texts are kept verbatim', async () => {
    expect(await validateData(dir)).toEqual([]);
    const graph = await buildGraph(dir);
    const ids = graph.getAttribute('articles').map((a) => a.id);
    for (const { id, text } of textsOf(DEV_TEXTS)) {
      expect(ids).toContain(id);
      expect(readFileSync(join(dir, 'articles', `${id}.txt`), 'utf8')).toBe(text);
    }
  });

  test('every drafted relation, event, claim and new entity carries a draft mark with a rule and a confidence', () => {
    const entities = (parse(readFileSync(join(dir, 'entities.yaml'), 'utf8')) as { entities: { id: string; draft?: unknown }[] }).entities;
    const known = new Set((parse(readFileSync(join(BASE, 'entities.yaml'), 'utf8')) as { entities: { id: string }[] }).entities.map((e) => e.id));
    for (const e of entities) expect(known.has(e.id) || e.draft !== undefined).toBe(true);
    for (const { id } of textsOf(DEV_TEXTS)) {
      const a = articleOf(id);
      for (const fact of [...(a.relations ?? []), ...(a.events ?? []), ...(a.claims ?? [])]) {
        expect(fact.draft?.rule).toEqual(expect.any(String));
        expect(fact.draft?.confidence).toBeGreaterThan(0);
        expect(fact.draft?.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  test('"has not endorsed" is a negated ENDORSED, never a REJECTED; a real rejection stays one', () => {
    const relations = articleOf('gaza-ceasefire-talks').relations ?? [];
    expect(relations).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'israel', predicate: 'ENDORSED', negated: true })]));
    expect(relations.some((r) => r.subject === 'israel' && r.predicate === 'REJECTED')).toBe(false);
    expect(relations).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'benjamin-netanyahu', predicate: 'REJECTED' })]));
    expect(relations.find((r) => r.subject === 'benjamin-netanyahu' && r.predicate === 'REJECTED')?.negated).toBeUndefined();
  });

  test('reporting verbs make claims of the speaker; what the speaker says happened is reported and attributed', () => {
    const a = articleOf('prisoner-exchange');
    const claim = (a.claims ?? []).find((c) => c.name.startsWith('Moscow would not negotiate'));
    expect(claim).toBeDefined();
    expect(a.relations).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'dmitry-peskov', predicate: 'ASSERTED', object: claim?.id })]));
    const attack = (a.relations ?? []).find((r) => r.predicate === 'ATTACKED');
    expect(attack).toMatchObject({ subject: 'ukraine', modality: 'reported', attributedTo: 'dmitry-peskov' });
    // …and is not an event the article reports.
    expect((a.events ?? []).some((e) => e.eventType === 'ATTACK' && JSON.stringify(e.evidence).includes('Kyiv attacks'))).toBe(false);
  });

  test('titles make positions and coreference: "Qatar’s Prime Minister …", a planned meeting is planned', () => {
    const gaza = articleOf('gaza-ceasefire-talks');
    expect(gaza.relations).toEqual(expect.arrayContaining([expect.objectContaining({ predicate: 'HOLDS_POSITION', object: 'qatar', properties: { title: 'Prime Minister' } })]));
    const exchange = articleOf('prisoner-exchange');
    expect(exchange.events).toEqual(expect.arrayContaining([expect.objectContaining({ eventType: 'MEETING', status: 'planned' })]));
    const nato = articleOf('nato-summit-quotes');
    expect(nato.mentions?.['mark-rutte']).toHaveLength(3); // "Mark Rutte", then "Rutte" twice
  });

  test('appositives, bodies of a state, acronyms, lone names, written speech (horn-talks, sudan-live)', () => {
    const horn = articleOf('horn-talks');
    const rel = (subject: string, predicate: string, object?: string) => expect.objectContaining({ subject, predicate, ...(object !== undefined ? { object } : {}) });
    expect(horn.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'getachew-reda', predicate: 'HOLDS_POSITION', object: 'tigray-interim-administration', properties: { title: 'President' } }),
        rel('hassan-khannenje', 'AFFILIATED_WITH', 'horn-institute-for-strategic-studies'),
        rel('getachew-reda', 'CRITICIZED', 'ethiopia'), // the person before the appositive, and "Addis Ababa" is Ethiopia
        expect.objectContaining({ subject: 'yemane-gebremeskel', predicate: 'HOLDS_POSITION', object: 'eritrea', properties: { title: 'Information Minister' } }),
        rel('kenyas-foreign-ministry', 'PART_OF', 'kenya'),
      ]),
    );
    // "He urged Ethiopia, Eritrea and the Tigray People’s Liberation Front to respect …": three URGED, one name.
    expect((horn.relations ?? []).filter((r) => r.predicate === 'URGED').map((r) => r.object).sort()).toEqual(['eritrea', 'ethiopia', 'tigray-peoples-liberation-front']);
    expect(horn.mentions?.['facebook']).toBeDefined(); // a lone name in mid-sentence
    const claim = (horn.claims ?? []).find((c) => c.name.startsWith('Asmara had not deployed'));
    expect(horn.relations).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'yemane-gebremeskel', predicate: 'ASSERTED', object: claim?.id })]));
    const sudan = articleOf('sudan-live');
    expect(sudan.mentions?.['update']).toBeUndefined(); // live-blog furniture is no organization
    expect(JSON.stringify(sudan.mentions?.['rapid-support-forces'])).toContain('RSF'); // the acronym is the body named before
    expect(sudan.relations).toEqual(expect.arrayContaining([rel('sudans-army', 'SEIZED', 'bara'), rel('egypt', 'URGED', 'sudans-army'), rel('saudi-arabia', 'URGED', 'rapid-support-forces')]));
    expect(sudan.events).toEqual(expect.arrayContaining([expect.objectContaining({ eventType: 'MEETING', status: 'planned' }), expect.objectContaining({ eventType: 'VISIT' })]));
  });

  test('proposals, demands and speakers of the session, analysis and interview styles (unsc-congo-session, ukraine-truce-analysis, libya-interview)', () => {
    const rel = (subject: string, predicate: string, object: string, extra: Record<string, unknown> = {}) => expect.objectContaining({ subject, predicate, object, ...extra });
    const unsc = articleOf('unsc-congo-session');
    expect(unsc.relations).toEqual(
      expect.arrayContaining([
        rel('nicolas-ferrand', 'URGED', 'rwanda'), // "condemned the M23 offensive on Goma and called on Rwanda to …"
        rel('france', 'PROPOSED', 'french-draft-resolution'), // "the French draft resolution"
        rel('therese-mbuyi', 'DEMANDED', 'un-security-council'), // "She demanded that the Council …": "the Council" is the UN Security Council
        rel('rwanda', 'DEPLOYED_FORCES_TO', 'congo', { negated: true, attributedTo: 'ernest-gatete' }), // Kigali is Rwanda; "had not sent troops"
        rel('china', 'ENDORSED', 'french-draft-resolution', { negated: true, attributedTo: 'diplomats' }),
        rel('u-s-mission', 'PART_OF', 'united-states'),
      ]),
    );
    const truce = articleOf('ukraine-truce-analysis');
    expect(truce.relations).toEqual(
      expect.arrayContaining([
        rel('united-states', 'PROPOSED', '30-day-ceasefire'), // the phrase ends before "in March"
        rel('ukraine', 'AGREED_TO', '30-day-ceasefire'), // "Kyiv accepted it"
        rel('volodymyr-zelensky', 'REJECTED', 'conditions'), // "those demands" take up "conditions"
        rel('emmanuel-macron', 'DEMANDED', 'security-guarantees'), // "called for security guarantees"
        rel('russia', 'REJECTED', '30-day-ceasefire', { negated: true }), // "did not reject the ceasefire outright"
      ]),
    );
    // "Ukraine would not give up territory, he said, but it would back a freeze": two claims of one speaker.
    const claims = (truce.claims ?? []).filter((c) => /^(Ukraine would not give up territory|it would back a freeze)/u.test(c.name));
    expect(claims).toHaveLength(2);
    for (const c of claims) expect(truce.relations).toEqual(expect.arrayContaining([rel('volodymyr-zelensky', 'ASSERTED', c.id)]));
    const libya = articleOf('libya-interview');
    const claimOf = (start: string) => (libya.claims ?? []).find((c) => c.name.startsWith(start))?.id;
    expect(claimOf('his government would not accept')).toBeDefined(); // "told Reuters on Monday that": not the addressee
    expect(libya.relations).toEqual(
      expect.arrayContaining([
        rel('abdul-hamid-dbeibah', 'ACCUSED', 'khalifa-haftar'), // across ", speaking in his office," and "the eastern commander"
        rel('abdul-hamid-dbeibah', 'ASSERTED', claimOf('The Libyan National Army had seized') ?? ''), // "he said": the previous sentence's speaker
        rel('senior-un-official', 'REPORTED', claimOf('the UN envoy Hanna Tetteh met') ?? ''), // "According to a senior UN official, …"
        rel('hanna-tetteh', 'URGED', 'khalifa-haftar', { attributedTo: 'senior-un-official' }), // "pressed him to"
        rel('ahmed-al-mismari', 'CRITICIZED', 'libya'), // "He denied … and criticized Dbeibah’s government"
      ]),
    );
    // "urged the army and the RSF to accept a humanitarian truce": what they are urged to do is not done.
    expect((articleOf('sudan-live').relations ?? []).some((r) => r.predicate === 'AGREED_TO')).toBe(false);
  });

  test('a bare comma is no coordination; "denied that it …" is a negated fact of the speaker', async () => {
    const copy = copyData(BASE);
    try {
      const text = 'The United States imposed sanctions on Iran, the Treasury Department said.\nIran denied that it supplies weapons to Hamas.\n';
      const { article } = (await extractIntoDirectory(copy, text, { id: 'comma', title: 't' })).draft;
      const relations = article.relations ?? [];
      expect(relations.filter((r) => r.predicate === 'SANCTIONED').map((r) => r.object)).toEqual(['iran']);
      expect(relations).toEqual(expect.arrayContaining([expect.objectContaining({ predicate: 'ASSERTED', subject: expect.stringMatching(/treasury/u) })]));
      expect(relations).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'iran', predicate: 'PROVIDED_AID_TO', object: 'hamas', negated: true })]));
    } finally {
      removeDir(copy);
    }
  });

  test('a counted salvo is an attack; a wire attribution keeps the event an event', async () => {
    const copy = copyData(BASE);
    try {
      const text = 'Russian forces launched 143 drones and four ballistic missiles at Kyiv overnight, the Ukrainian air force said.\n';
      const result = await extractIntoDirectory(copy, text, { id: 'salvo', title: 't' });
      const { article } = result.draft;
      expect(article.events).toEqual([expect.objectContaining({ eventType: 'ATTACK', roles: expect.arrayContaining([expect.objectContaining({ role: 'AGENT', entity: 'russian-forces' }), expect.objectContaining({ role: 'TARGET', entity: 'kyiv' })]) })]);
      expect(article.relations).toEqual(expect.arrayContaining([expect.objectContaining({ predicate: 'PART_OF', object: 'ukraine' }), expect.objectContaining({ predicate: 'ASSERTED' })]));
      expect(await validateData(copy)).toEqual([]);
    } finally {
      removeDir(copy);
    }
  });

  test('build --reviewed-only leaves drafts out; deleting a mark accepts the fact', async () => {
    const copy = copyData(dir);
    try {
      const reviewed = await buildGraph(copy, { reviewedOnly: true });
      expect(reviewed.filterNodes((_k, e) => e.draft === true)).toEqual([]);
      expect(reviewed.filterEdges((_k, r) => r.draft === true)).toEqual([]);
      expect(reviewed.hasNode('mark-rutte')).toBe(false);
      const file = join(copy, 'articles', 'nato-summit-quotes.yaml');
      const accepted = readFileSync(file, 'utf8').replace(/(\n {2}- subject: mark-rutte\n {4}predicate: ACCUSED\n(?: {4}.*\n)*?) {4}draft:\n(?: {6}.*\n)+/u, '$1');
      expect(accepted).not.toBe(readFileSync(file, 'utf8'));
      writeFileSync(file, accepted);
      const entities = join(copy, 'entities.yaml');
      writeFileSync(entities, readFileSync(entities, 'utf8').replace(/(\n {2}- id: mark-rutte\n(?: {4}(?!draft).*\n)*) {4}draft:\n(?: {6}.*\n)+/u, '$1'));
      const after = await buildGraph(copy, { reviewedOnly: true });
      expect(after.filterEdges((_k, r) => r.predicate === 'ACCUSED').map((e) => after.source(e))).toEqual(['mark-rutte']);
      const full = await buildGraph(copy);
      expect(full.order).toBeGreaterThan(after.order);
    } finally {
      removeDir(copy);
    }
  });
});

describe('extract writes all or nothing', () => {
  test('an article id already in the directory is refused; nothing is written', async () => {
    const copy = copyData(BASE);
    try {
      const before = readdirSync(join(copy, 'articles')).sort();
      const entities = readFileSync(join(copy, 'entities.yaml'), 'utf8');
      await expect(extractIntoDirectory(copy, 'Russia criticized Ukraine.', { id: 'roster', title: 't' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(readdirSync(join(copy, 'articles')).sort()).toEqual(before);
      expect(readFileSync(join(copy, 'entities.yaml'), 'utf8')).toBe(entities);
    } finally {
      removeDir(copy);
    }
  });

  test('an entity table that does not validate is refused; nothing is written', async () => {
    const copy = copyData(BASE);
    try {
      const file = join(copy, 'entities.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('{ id: egypt, kind: GOVERNMENT', '{ id: egypt, kind: COUNTRY'));
      const failure = extractIntoDirectory(copy, 'Russia criticized Ukraine.', { id: 'new-one', title: 't' });
      await expect(failure).rejects.toBeInstanceOf(NewsgraphError);
      await expect(failure).rejects.toThrow(/entity table does not validate[\s\S]*entities\.yaml:\d+:\d+/u);
      expect(existsSync(join(copy, 'articles', 'new-one.yaml'))).toBe(false);
      expect(existsSync(join(copy, 'articles', 'new-one.txt'))).toBe(false);
    } finally {
      removeDir(copy);
    }
  });

  test('the other articles are not rebuilt: a problem elsewhere stays the only one after the draft is added', async () => {
    const copy = copyData(BASE);
    try {
      writeFileSync(join(copy, 'articles', 'roster.txt'), 'changed text');
      const before = (await validateData(copy)).map((p) => `${p.file}:${p.line} ${p.message}`);
      expect(before.length).toBeGreaterThan(0);
      const text = readFileSync(join(DEV_TEXTS, 'nato-summit-quotes.txt'), 'utf8');
      await extractIntoDirectory(copy, text, { id: 'nato', title: 't' });
      expect(existsSync(join(copy, 'articles', 'nato.yaml'))).toBe(true);
      const after = (await validateData(copy)).map((p) => `${p.file}:${p.line} ${p.message}`);
      expect(after).toEqual(before);
    } finally {
      removeDir(copy);
    }
  });

  test('a layered directory (newsgraph.yaml extends ../base): the bases are the gazetteer, and the draft validates', async () => {
    const base = copyData(BASE); // …/data
    const top = join(base, '..', 'top');
    try {
      mkdirSync(join(top, 'articles'), { recursive: true });
      writeFileSync(join(top, 'newsgraph.yaml'), 'extends: [../data]\n');
      writeFileSync(join(top, 'entities.yaml'), 'entities: []\n');
      expect(await validateData(top)).toEqual([]);
      const text = readFileSync(join(DEV_TEXTS, 'nato-summit-quotes.txt'), 'utf8');
      const result = await extractIntoDirectory(top, text, { id: 'nato', title: 't' });
      expect(result.draft.linked).toEqual(expect.arrayContaining(['nato', 'russia', 'volodymyr-zelensky']));
      expect(result.draft.newEntities.map((e) => e.id)).not.toContain('nato');
      expect(await validateData(top)).toEqual([]);
    } finally {
      removeDir(join(base, '..'));
    }
  });

  test('a created entity never takes an id another article gives an event or a claim', async () => {
    const copy = copyData(BASE);
    try {
      writeFileSync(join(copy, 'articles', 'other.txt'), 'Rutte spoke.');
      writeFileSync(join(copy, 'articles', 'other.yaml'), 'article: { id: other, title: t, text: other.txt }\nevents:\n  - { id: mark-rutte, name: x, eventType: STATEMENT, status: occurred, evidence: Rutte spoke }\n');
      expect(await validateData(copy)).toEqual([]);
      const text = readFileSync(join(DEV_TEXTS, 'nato-summit-quotes.txt'), 'utf8');
      const result = await extractIntoDirectory(copy, text, { id: 'nato', title: 't' });
      expect(result.dropped).toEqual([]);
      expect(result.draft.newEntities.map((e) => e.id)).toContain('mark-rutte-2');
      expect(await validateData(copy)).toEqual([]);
    } finally {
      removeDir(copy);
    }
  });

  test('cold start: the seed article into an empty directory (no gazetteer) validates; "neither … nor … has endorsed" is two negated ENDORSED', async () => {
    const empty = join(tempDir(), 'fresh');
    try {
      const text = readFileSync(join(PROJECT_ROOT, 'data', 'articles', 'ukraine-peace-talks-2025-04.txt'), 'utf8');
      const result = await extractIntoDirectory(empty, text, { id: 'seed', title: 't', published: '2025-04' });
      expect(result.draft.newEntities.length).toBeGreaterThan(15);
      expect(await validateData(empty)).toEqual([]);
      const relations = result.draft.article.relations ?? [];
      for (const side of ['russia', 'ukraine']) {
        expect(relations).toEqual(expect.arrayContaining([expect.objectContaining({ subject: side, predicate: 'ENDORSED', negated: true })]));
        expect(relations.some((r) => r.subject === side && r.predicate === 'REJECTED' && r.negated !== true && String(r.evidence).includes('endorsed'))).toBe(false);
      }
      // "John Hardie of the Foundation for Defense of Democracies criticized Trump": the person criticized.
      expect(relations).toEqual(expect.arrayContaining([
        expect.objectContaining({ subject: 'john-hardie', predicate: 'CRITICIZED', object: 'donald-trump' }),
        expect.objectContaining({ subject: 'john-hardie', predicate: 'AFFILIATED_WITH', object: 'foundation-for-defense-of-democracies' }),
      ]));
    } finally {
      removeDir(join(empty, '..'));
    }
  });

  test('code points: a text with emoji drafts quotes the builder anchors', async () => {
    const copy = copyData(BASE);
    try {
      await extractIntoDirectory(copy, '🇺🇦 Russia criticized Ukraine 🙂 on Monday. Russia criticized Hamas.', { id: 'emoji', title: 't' });
      expect(await validateData(copy)).toEqual([]);
      const graph = await buildGraph(copy);
      const rel = graph.filterEdges((_k, r) => r.predicate === 'CRITICIZED' && r.object === 'ukraine')[0];
      const evidence = rel === undefined ? undefined : graph.getEdgeAttribute(rel, 'evidence')[0];
      const text = graph.getAttribute('articles').find((a) => a.id === 'emoji')?.text ?? '';
      expect(Array.from(text).slice(evidence?.start, evidence?.end).join('')).toBe('Russia criticized Ukraine');
    } finally {
      removeDir(copy);
    }
  });
});

describe('the command', () => {
  const BIN = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');
  test('prints a summary, then newsgraph validate passes and build --reviewed-only runs', () => {
    const copy = copyData(BASE);
    const work = tempDir();
    try {
      const file = join(work, 'taiwan.txt');
      writeFileSync(file, readFileSync(join(DEV_TEXTS, 'taiwan-drills.txt'), 'utf8'));
      const run = spawnSync(process.execPath, [BIN, 'extract', file, '--data', copy, '--published', '2025-06-02', '--source', 'Wire'], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/article "taiwan" drafted \(5 sentences\)/u);
      expect(run.stdout).toMatch(/relations: \d+ \(.*URGED 1/u);
      expect(run.stdout).toMatch(/entities: \d+ linked to the corpus, \d+ created/u);
      expect(run.stdout).toMatch(/sentences with no fact: /u);
      expect(spawnSync(process.execPath, [BIN, 'validate', copy], { encoding: 'utf8' }).status).toBe(0);
      const out = join(work, 'snap.json');
      const build = spawnSync(process.execPath, [BIN, 'build', copy, '-o', out, '--reviewed-only'], { encoding: 'utf8' });
      expect(build.status).toBe(0);
      // Drafted into an empty directory, every fact is a draft: the reviewed-only graph is empty, and says why.
      const fresh = join(work, 'fresh');
      expect(spawnSync(process.execPath, [BIN, 'extract', file, '--data', fresh], { encoding: 'utf8' }).status).toBe(0);
      const empty = spawnSync(process.execPath, [BIN, 'build', fresh, '-o', join(work, 'empty.snapshot'), '--reviewed-only'], { encoding: 'utf8' });
      expect(empty.status).toBe(0);
      expect(empty.stdout).toMatch(/: 0 entities, 0 relations from 1 article\(s\)/u);
      expect(empty.stdout).toContain('no reviewed fact in these articles: a fact drafted by newsgraph extract counts once its "draft:" mark is deleted');
      const reviewed = spawnSync(process.execPath, [BIN, 'build', join(PROJECT_ROOT, 'tests', 'fixtures', 'seed'), '-o', join(work, 'seed.snapshot'), '--reviewed-only'], { encoding: 'utf8' });
      expect(reviewed.stdout).toMatch(/: 61 entities, 124 relations/u);
      expect(reviewed.stdout).not.toContain('no reviewed fact');
      const bad = spawnSync(process.execPath, [BIN, 'extract', file, '--data', copy, '--published', 'June'], { encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
    } finally {
      removeDir(copy);
      removeDir(work);
    }
  });
});
