/**
 * Rebuild after an article was added or deleted, by patching the previous snapshot (src/build/articleAddition.ts,
 * articleDeletion.ts): on small generated corpora over several seeds, articles are added and deleted as a
 * researcher does (a new report copied from the shape of an existing one, with its own id, events and claims),
 * `buildSnapshot` runs through the build cache, and the file it writes must be byte for byte the snapshot a full
 * build of the same data writes. The kinds the patch covers must be patched; the others must fall back to the
 * full build and say why.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { articleFile, articleId, corporaBySeed, howBuilt, readArticle, rebuild, rebuildAndCompare, writeArticle, type Corpus, type Yaml } from './patchCorpus.js';

const ARTICLES = 40;
const SEEDS = [1, 2, 3];
const corpus = corporaBySeed('newsgraph-addpatch-', ARTICLES, SEEDS);

/**
 * Adds a report: article `from`'s text and encoding under the id `id` (its events and claims renamed with it,
 * so they are its own), published on `published`, changed by `change`.
 */
function addCopy(c: Corpus, from: number, id: string, published: string, change: (yaml: Yaml) => void = () => {}): void {
  const copied = stringify(readArticle(c, from), { lineWidth: 0 }).replaceAll(articleId(from), id);
  writeFileSync(articleFile(c, id, 'yaml'), copied);
  writeFileSync(articleFile(c, id, 'txt'), readFileSync(articleFile(c, from, 'txt'), 'utf8'));
  const yaml = readArticle(c, id);
  yaml.article = { ...yaml.article, published };
  change(yaml);
  writeArticle(c, id, yaml);
}

function deleteArticle(c: Corpus, id: string): void {
  rmSync(articleFile(c, id, 'yaml'));
  rmSync(articleFile(c, id, 'txt'));
}

/** The first article after `after` with a meeting that took place between two participants, and that meeting's quote. */
function meetingArticle(c: Corpus, after = 0): { article: number; participants: string[]; evidence: unknown } {
  for (let n = after + 1; n <= ARTICLES; n++) {
    for (const event of readArticle(c, n).events ?? []) {
      const roles = (event['roles'] ?? []) as Record<string, unknown>[];
      const participants = roles.filter((r) => r['role'] === 'PARTICIPANT').map((r) => String(r['entity']));
      if (event['eventType'] === 'MEETING' && event['status'] === 'occurred' && participants.length >= 2) return { article: n, participants, evidence: event['evidence'] };
    }
  }
  throw new Error('no meeting in the corpus');
}

/** An office held (HOLDS_POSITION) that article `article` states and a later article states again. */
function sharedOffice(c: Corpus): { article: number; later: number; relation: Record<string, unknown> } {
  const same = (x: Record<string, unknown>, y: Record<string, unknown>): boolean => x['predicate'] === 'HOLDS_POSITION' && y['predicate'] === 'HOLDS_POSITION' && x['subject'] === y['subject'] && x['object'] === y['object'] && JSON.stringify(x['properties']) === JSON.stringify(y['properties']);
  for (let n = 5; n < ARTICLES - 5; n++) {
    for (const relation of readArticle(c, n).relations ?? []) {
      if (relation['predicate'] !== 'HOLDS_POSITION') continue;
      for (let later = n + 1; later <= ARTICLES; later++) {
        if ((readArticle(c, later).relations ?? []).some((r) => same(r, relation))) return { article: n, later, relation };
      }
    }
  }
  throw new Error('no office stated twice');
}

describe.each(SEEDS)('seed %i', (seed) => {
  test('a first build is a full one', async () => {
    expect((await rebuildAndCompare(corpus(seed))).how).toBe('full');
  }, 120_000);

  test('patched: an article added after every other, its facts merged into those other articles state', async () => {
    const c = corpus(seed);
    addCopy(c, 8, 'article-90001', '2099-01-01');
    const built = await rebuildAndCompare(c);
    expect(howBuilt(built)).toBe('patched');
    expect(built).toMatchObject({ change: 'added', article: 'article-90001', articles: ARTICLES + 1 });
  }, 120_000);

  test('patched: an article added with a fact new to the corpus beside one of the same id base (ids renumber), and a negated one', async () => {
    const c = corpus(seed);
    addCopy(c, 15, 'article-90002', '2099-01-02', (yaml) => {
      const relations = yaml.relations ?? [];
      const model = relations.find((r) => r['event'] === undefined && r['time'] === undefined && r['predicate'] !== 'HOLDS_POSITION');
      if (model === undefined) throw new Error('no relation to copy');
      relations.splice(0, 0, { ...model, time: '2001-02-03' }, { ...model, negated: true });
    });
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
  }, 120_000);

  test('patched: two articles added at once (one after the other)', async () => {
    const c = corpus(seed);
    addCopy(c, 21, 'article-90003', '2099-02-01');
    addCopy(c, 22, 'article-90004', '2099-02-01');
    const built = await rebuildAndCompare(c);
    expect(howBuilt(built)).toBe('patched');
    expect(built).toMatchObject({ change: 'added', article: 'article-90003, article-90004' });
  }, 120_000);

  test('patched: the latest article deleted (facts others state merged again from their checks)', async () => {
    const c = corpus(seed);
    deleteArticle(c, 'article-90004');
    const built = await rebuildAndCompare(c);
    expect(howBuilt(built)).toBe('patched');
    expect(built).toMatchObject({ change: 'deleted', article: 'article-90004' });
  }, 120_000);

  test('patched: the two latest articles deleted at once', async () => {
    const c = corpus(seed);
    deleteArticle(c, 'article-90003');
    deleteArticle(c, 'article-90002');
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
  }, 120_000);

  test('patched: the last one deleted gives back the first build', async () => {
    const c = corpus(seed);
    deleteArticle(c, 'article-90001');
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
  }, 120_000);

  test('patched: an article added stating a fact before facts of its id base (their ids renumber), then deleted (they renumber back)', async () => {
    const c = corpus(seed);
    // A met B, stated with a date of its own: a new stated fact, placed before the projections of A and B's meetings.
    const from = meetingArticle(c);
    addCopy(c, from.article, 'article-90010', '2099-06-01', (yaml) => {
      yaml.relations?.push({ subject: from.participants[0], predicate: 'MET_WITH', object: from.participants[1], time: '2001-02-03', evidence: from.evidence });
    });
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
    deleteArticle(c, 'article-90010');
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
  }, 120_000);

  test('patched: an article added in the middle of publication order (the numbers after it move up; facts later articles state too are folded again)', async () => {
    const c = corpus(seed);
    // The same day as the article it copies, and a later id: right after it.
    addCopy(c, 10, 'article-90005', String(readArticle(c, 10).article['published']));
    const built = await rebuildAndCompare(c);
    expect(howBuilt(built)).toBe('patched');
    expect(built).toMatchObject({ change: 'added', article: 'article-90005' });
  }, 120_000);

  test('patched: an article deleted in the middle of publication order (the numbers after it move down)', async () => {
    const c = corpus(seed);
    deleteArticle(c, 'article-90005');
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
  }, 120_000);

  test('patched: an article added in the middle whose facts reach later articles: a shared fact folded with a later wording, ids renamed in later facts', async () => {
    const c = corpus(seed);
    // A later article words an office with its own time; the article added before it words it otherwise, so that
    // the fold in publication order takes the added article's words (a fold that puts it last would not).
    const office = sharedOffice(c);
    const later = readArticle(c, office.later);
    const stated = (later.relations ?? []).find((r) => r['predicate'] === 'HOLDS_POSITION' && r['subject'] === office.relation['subject'] && r['object'] === office.relation['object']);
    if (stated === undefined) throw new Error('no office in the later article');
    stated['timeText'] = 'as reported later';
    writeArticle(c, office.later, later);
    expect((await rebuildAndCompare(c)).how).toBe('full');
    // And a meeting of a later article, stated with a date of its own: a new stated fact before its projections.
    const meeting = meetingArticle(c, office.article);
    addCopy(c, office.article, 'article-90011', String(readArticle(c, office.article).article['published']), (yaml) => {
      const mine = (yaml.relations ?? []).find((r) => r['predicate'] === 'HOLDS_POSITION' && r['subject'] === office.relation['subject'] && r['object'] === office.relation['object']);
      if (mine === undefined) throw new Error('no office in the copy');
      mine['timeText'] = 'as reported in the copy';
      yaml.relations?.push({ subject: meeting.participants[0], predicate: 'MET_WITH', object: meeting.participants[1], time: '2001-02-03', evidence: office.relation['evidence'] });
    });
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
    deleteArticle(c, 'article-90011');
    expect(howBuilt(await rebuildAndCompare(c))).toBe('patched');
  }, 120_000);

  test('full build: an article added that states first a fact later articles state (the fact would move)', async () => {
    const c = corpus(seed);
    addCopy(c, 10, 'article-90009', '2014-12-31');
    expect(howBuilt(await rebuildAndCompare(c))).toMatch(/article-90009 added: it states first a fact later articles state/u);
  }, 120_000);

  test('full build: an article deleted that stated first a fact later articles state', async () => {
    const c = corpus(seed);
    deleteArticle(c, 'article-90009');
    expect(howBuilt(await rebuildAndCompare(c))).toMatch(/article-90009 deleted: it first stated a fact other articles state too/u);
  }, 120_000);

  test('full build: an article added and another edited', async () => {
    const c = corpus(seed);
    addCopy(c, 11, 'article-90006', '2099-03-01');
    const yaml = readArticle(c, 3);
    yaml.article = { ...yaml.article, title: 'Edited with an addition' };
    writeArticle(c, 3, yaml);
    expect(howBuilt(await rebuildAndCompare(c))).toMatch(/added and another changed/u);
  }, 120_000);

  test('full build: an added article that names an entity no file declares (the full build reports it)', async () => {
    const c = corpus(seed);
    addCopy(c, 12, 'article-90007', '2099-04-01', (yaml) => {
      const first = yaml.relations?.[0];
      if (first === undefined) throw new Error('no relation');
      first['object'] = 'nobody-known';
    });
    const before = readFileSync(c.snapshot);
    await expect(rebuild(c)).rejects.toMatchObject({ code: 'DATA_INVALID' });
    expect(readFileSync(c.snapshot).equals(before)).toBe(true);
    deleteArticle(c, 'article-90007');
  }, 120_000);

  test('full build: an article deleted whose entity no other article mentions (the full build reports it)', async () => {
    const c = corpus(seed);
    // After the refused build above, a full one writes the snapshot and its index again.
    expect((await rebuildAndCompare(c)).how).toBe('full');
    // A new entity, declared and mentioned by a new article alone; then the article goes and the entity stays.
    const entities = join(c.data, 'entities.yaml');
    writeFileSync(entities, `${readFileSync(entities, 'utf8')}  - id: only-once\n    kind: PERSON\n    name: Onlyonce\n`);
    addCopy(c, 13, 'article-90008', '2099-05-01', (yaml) => {
      yaml['mentions'] = { ...(yaml['mentions'] as Record<string, unknown>), 'only-once': 'Onlyonce' };
    });
    writeFileSync(articleFile(c, 'article-90008', 'txt'), `${readFileSync(articleFile(c, 'article-90008', 'txt'), 'utf8')}\nOnlyonce spoke too.\n`);
    expect(howBuilt(await rebuildAndCompare(c))).toMatch(/entities\.yaml changed/u);
    deleteArticle(c, 'article-90008');
    await expect(rebuild(c)).rejects.toMatchObject({ code: 'DATA_INVALID' });
  }, 120_000);
});
