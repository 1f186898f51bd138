/**
 * `newsgraph build` with a snapshot file as its output: patches the snapshot the last build wrote when exactly
 * one article changed and the patch is provably what a full build would write (editDetection.ts,
 * snapshotPatch.ts), and otherwise builds the full way (buildGraph) and writes the snapshot and the assembly
 * index (assemblyIndex.ts) the next build starts from. The full build is the oracle and the fallback: every
 * refusal says why, and the result is the same file either way.
 */
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { idOfContentDigest } from '../graph/identity.js';
import type { NewsGraph } from '../graph/types.js';
import { checkArticle, type CheckedArticle } from './articleCheck.js';
import { ASSEMBLY_INDEX_FORMAT, ASSEMBLY_INDEX_VERSION, readAssemblyIndex, removeAssemblyIndex, stampOf, writeAssemblyIndex, type AssemblyIndex, type IndexedArticle } from './assemblyIndex.js';
import { BuildCache, cacheable, writeCacheEntry } from './buildCache.js';
import { builderFingerprint } from './builderFingerprint.js';
import { buildGraphFromSources, type BuildOptions } from './buildGraph.js';
import { detectEdit } from './editDetection.js';
import { ENTITIES_FILE, type LoadedSources } from './loadSources.js';
import { writeSnapshot } from './snapshot.js';
import { headerBytes, SNAPSHOT_MAGIC, SNAPSHOT_VERSION, type SnapshotHeader } from './snapshotFormat.js';
import { patchSnapshot, type PatchResult } from './snapshotPatch.js';
import { patchAddition } from './articleAddition.js';
import { patchDeletion } from './articleDeletion.js';
import { byPublication } from './publication.js';
import type { CorpusPatchInput } from './snapshotEdit.js';
import { LazyYamlLocator } from './sourceLocator.js';
import { writeChunksAtomic } from './writeAtomic.js';

/** How the snapshot was made: patched after one edit, left as it was (nothing changed), or built in full (and why). */
export type SnapshotBuild =
  /** `article`: the id of the article edited, or the ids of those added or deleted (comma-separated). */
  | { readonly how: 'patched'; readonly change: 'edited' | 'added' | 'deleted'; readonly article: string; readonly nodes: number; readonly edges: number; readonly articles: number }
  | { readonly how: 'unchanged'; readonly nodes: number; readonly edges: number; readonly articles: number }
  | { readonly how: 'full'; readonly reason: string; readonly graph: NewsGraph; readonly nodes: number; readonly edges: number; readonly articles: number };

function nowNs(): string {
  return String(BigInt(Date.now()) * 1_000_000n);
}

/**
 * Builds `dataDir` into the snapshot `file`: by patching the previous snapshot when it can, else in full.
 * @throws {DataError} with every problem found, when the data is not valid (from the full build).
 */
export async function buildSnapshot(dataDir: string, file: string, options: BuildOptions = {}): Promise<SnapshotBuild> {
  const startedNs = nowNs();
  const cache = options.cache === undefined ? undefined : BuildCache.open(options.cache, dataDir);
  let reason = 'no build cache';
  if (cache !== undefined) {
    const tried = await tryPatch(dataDir, file, options, cache, startedNs);
    if (typeof tried !== 'string') return tried;
    reason = tried;
    // The snapshot is about to be replaced: an index left behind would describe the old one.
    removeAssemblyIndex(cache.dir, file);
  }
  const { graph, sources } = await buildGraphFromSources(dataDir, options);
  await writeSnapshot(graph, file);
  const articles = graph.getAttribute('articles').length;
  if (cache !== undefined && indexable(options)) {
    const index = await indexOf(dataDir, file, graph, sources, cache, startedNs);
    if (index !== undefined) writeAssemblyIndex(cache.dir, index);
  }
  return { how: 'full', reason, graph, nodes: graph.order, edges: graph.size, articles };
}

/** Options under which a patch is never tried: layers and --reviewed-only change what the assembly keeps. */
function indexable(options: BuildOptions): boolean {
  return options.reviewedOnly !== true && options.withPackageEntities !== true && (options.extends ?? []).length === 0;
}

/** The patched (or unchanged) snapshot, or why the build must be a full one. */
async function tryPatch(dataDir: string, file: string, options: BuildOptions, cache: BuildCache, startedNs: string): Promise<SnapshotBuild | string> {
  if (!indexable(options)) return 'layers or --reviewed-only';
  const index = readAssemblyIndex(cache.dir, file);
  if (index === undefined) return 'no index of a previous build';
  const edit = detectEdit(index, dataDir, file, cache);
  if (edit.kind === 'added' && (index.articles.length === 0 || edit.files.length === 0)) return 'no article to add to';
  if (edit.kind === 'full') return edit.reason;

  let bytes: Buffer;
  try {
    bytes = await readFile(index.snapshot);
  } catch {
    return 'the previous snapshot cannot be read';
  }
  // The body is not hashed again: its stamp (inode, size, change time) is the one taken when it was written,
  // which no write since can keep; its header must still name the body the index describes.
  const header = headerOf(bytes);
  if (header === undefined) return 'the previous snapshot is not valid';
  const { bodyStart } = header;
  if (header.bodySha256 !== index.bodySha256 || header.articles !== index.articles.length) return 'the snapshot is not the one the last build wrote';
  if (edit.kind === 'unchanged') return { how: 'unchanged', nodes: header.nodes, edges: header.edges, articles: header.articles };

  if (edit.kind === 'added') return tryAddition(edit.files, index, bytes.subarray(bodyStart), cache, startedNs);
  if (edit.kind === 'deleted') return tryDeletion(edit.positions, index, bytes.subarray(bodyStart), cache, startedNs);

  const indexed = index.articles[edit.position];
  if (indexed === undefined) return 'invariant: no such article';
  const before = cache.read(indexed.key);
  if (before === undefined) return 'the previous check of the edited article is not in the cache';
  const { checked: after, text } = checkArticle(indexed.yaml, edit.yamlText);
  if (!cacheable(after) || text === undefined || after.data === undefined) return 'the edited article has problems (the full build reports them)';
  const key = cache.keyOf(indexed.yaml, edit.yamlText);
  writeCacheEntry(cache.entryFile(key), key, after);

  const patched = patchSnapshot({
    body: bytes.subarray(bodyStart),
    position: edit.position,
    articleCount: index.articles.length,
    explicitRelationIds: index.explicitRelationIds,
    ambiguousIds: index.ambiguousIds,
    before: { checked: before, text: '' },
    after: { checked: after, text },
    yaml: new LazyYamlLocator(after.file, edit.yamlText),
  });
  if (!patched.ok) return `${after.data.article.id}: ${patched.reason}`;

  const articles = [...index.articles];
  articles[edit.position] = indexedArticle(indexed.yaml, key, after);
  await writePatched(cache, index, patched, articles, startedNs);
  return { how: 'patched', change: 'edited', article: after.data.article.id, nodes: patched.nodes, edges: patched.edges, articles: articles.length };
}

/** The index entry of an article checked as `checked` from `yaml`, its files stamped now. */
function indexedArticle(yaml: string, key: string, checked: CheckedArticle): IndexedArticle {
  const textFile = resolve(dirname(yaml), checked.textFile ?? '');
  const published = checked.data?.article.published;
  return {
    id: checked.data?.article.id ?? '',
    ...(published !== undefined ? { published } : {}),
    yaml,
    yamlStamp: stampOf(yaml),
    key,
    text: textFile,
    textStamp: stampOf(textFile),
    textSha256: checked.textSha256 ?? '',
  };
}

/** Writes the patched body under a new header, and the index that describes it. */
async function writePatched(cache: BuildCache, index: AssemblyIndex, patched: { readonly chunks: readonly Buffer[]; readonly nodes: number; readonly edges: number }, articles: IndexedArticle[], startedNs: string): Promise<void> {
  const hash = createHash('sha256');
  let bodyBytes = 0;
  for (const chunk of patched.chunks) {
    hash.update(chunk);
    bodyBytes += chunk.length;
  }
  const bodySha256 = hash.digest('hex');
  const head = headerBytes({ format: 'newsgraph-snapshot', version: SNAPSHOT_VERSION, id: idOfContentDigest(bodySha256), articles: articles.length, nodes: patched.nodes, edges: patched.edges, bodyBytes, bodySha256 });
  removeAssemblyIndex(cache.dir, index.snapshot);
  await writeChunksAtomic(index.snapshot, [head, ...patched.chunks]);
  writeAssemblyIndex(cache.dir, { ...index, articles, snapshotStamp: stampOf(index.snapshot), bodySha256, writtenAtNs: startedNs });
}

/** Articles added: each checked, and patched in one after the other in publication order (articleAddition.ts). */
async function tryAddition(files: readonly { readonly yaml: string; readonly yamlText: string }[], index: AssemblyIndex, body: Buffer, cache: BuildCache, startedNs: string): Promise<SnapshotBuild | string> {
  const ids = new Set(index.articles.map((a) => a.id));
  const added: { yaml: string; yamlText: string; key: string; checked: CheckedArticle; text: string; id: string; published?: string }[] = [];
  for (const { yaml, yamlText } of files) {
    const { checked, text } = checkArticle(yaml, yamlText);
    if (!cacheable(checked) || text === undefined || checked.data === undefined) return `the added article ${basename(yaml)} has problems (the full build reports them)`;
    const { id, published } = checked.data.article;
    if (ids.has(id)) return `the added article ${basename(yaml)} has the id ${id} of another (the full build reports it)`;
    ids.add(id);
    const key = cache.keyOf(yaml, yamlText);
    writeCacheEntry(cache.entryFile(key), key, checked);
    added.push({ yaml, yamlText, key, checked, text, id, ...(published !== undefined ? { published } : {}) });
  }
  added.sort(byPublication);
  let patched: PatchResult = { ok: true, chunks: [body], nodes: 0, edges: 0 };
  const articles = [...index.articles];
  for (const a of added) {
    // Its place in publication order: after every article that comes before it.
    let position = articles.length;
    while (position > 0 && byPublication(articles[position - 1] ?? a, a) > 0) position--;
    patched = patchAddition({
      ...corpusInput(patched, articles, position, index, cache),
      article: { checked: a.checked, text: a.text },
      file: { absolute: a.yaml, yamlText: a.yamlText, yaml: new LazyYamlLocator(a.checked.file, a.yamlText) },
    });
    if (!patched.ok) return `${a.id} added: ${patched.reason}`;
    articles.splice(position, 0, indexedArticle(a.yaml, a.key, a.checked));
  }
  await writePatched(cache, index, patched, articles, startedNs);
  return { how: 'patched', change: 'added', article: added.map((a) => a.id).join(', '), nodes: patched.nodes, edges: patched.edges, articles: articles.length };
}

/** What the patch of one added or deleted article is given, the patches before it applied (`patched`). */
function corpusInput(patched: PatchResult, articles: readonly IndexedArticle[], position: number, index: AssemblyIndex, cache: BuildCache): CorpusPatchInput {
  const chunks = patched.ok ? patched.chunks : [];
  return {
    body: chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks),
    articleCount: articles.length,
    position,
    explicitRelationIds: index.explicitRelationIds,
    ambiguousIds: index.ambiguousIds,
    eventUpdates: index.eventUpdates,
    checkOf: (n) => {
      const other = articles[n];
      return other === undefined ? undefined : cache.read(other.key);
    },
  };
}

/** Articles deleted: patched out one after the other, the latest first (articleDeletion.ts). */
async function tryDeletion(positions: readonly number[], index: AssemblyIndex, body: Buffer, cache: BuildCache, startedNs: string): Promise<SnapshotBuild | string> {
  const articles = [...index.articles];
  const ids: string[] = [];
  let patched: PatchResult = { ok: true, chunks: [body], nodes: 0, edges: 0 };
  for (const position of [...positions].sort((x, y) => y - x)) {
    const indexed = articles[position];
    if (indexed === undefined) return 'invariant: no such article';
    const checked = cache.read(indexed.key);
    if (checked === undefined) return `${indexed.id} deleted: its last check is not in the build cache`;
    patched = patchDeletion({
      ...corpusInput(patched, articles, position, index, cache),
      checked,
    });
    if (!patched.ok) return `${indexed.id} deleted: ${patched.reason}`;
    articles.splice(position, 1);
    ids.push(indexed.id);
  }
  await writePatched(cache, index, patched, articles, startedNs);
  return { how: 'patched', change: 'deleted', article: ids.join(', '), nodes: patched.nodes, edges: patched.edges, articles: articles.length };
}

/** The index of a full build that wrote `graph` to `file` (undefined when a file it needs is gone). */
async function indexOf(dataDir: string, file: string, graph: NewsGraph, sources: LoadedSources, cache: BuildCache, startedNs: string): Promise<AssemblyIndex | undefined> {
  const root = resolve(dataDir);
  const entitiesText = sources.entities?.yaml.text;
  if (entitiesText === undefined) return undefined;
  const byId = new Map<string, LoadedSources['articles'][number]>();
  for (const a of sources.articles) if (a.data !== undefined) byId.set(a.data.article.id, a);
  const articles: IndexedArticle[] = [];
  try {
    for (const record of graph.getAttribute('articles')) {
      const loaded = byId.get(record.id);
      const checked: CheckedArticle | undefined = loaded?.checked;
      if (loaded === undefined || checked?.textFile === undefined || checked.textSha256 === undefined) return undefined;
      const text = resolve(dirname(loaded.absoluteFile), checked.textFile);
      articles.push({
        id: record.id,
        ...(record.published !== undefined ? { published: record.published } : {}),
        yaml: loaded.absoluteFile,
        yamlStamp: stampOf(loaded.absoluteFile),
        key: cache.keyOf(loaded.absoluteFile, loaded.yamlText),
        text,
        textStamp: stampOf(text),
        textSha256: checked.textSha256,
      });
    }
    let ambiguousIds = false;
    graph.forEachNode((key) => {
      if (key.includes('--')) ambiguousIds = true;
    });
    const bodySha256 = await snapshotBodySha256(file);
    return {
      format: ASSEMBLY_INDEX_FORMAT,
      version: ASSEMBLY_INDEX_VERSION,
      fingerprint: builderFingerprint(),
      dataDir: root,
      snapshot: resolve(file),
      snapshotStamp: stampOf(resolve(file)),
      bodySha256,
      entities: { stamp: stampOf(join(root, ENTITIES_FILE)), sha256: createHash('sha256').update(entitiesText).digest('hex') },
      articles,
      explicitRelationIds: sources.articles.some((a) => a.data?.relations?.some((r) => r.id !== undefined) === true),
      ambiguousIds,
      eventUpdates: sources.articles.some((a) => (a.data?.eventUpdates ?? []).length > 0),
      writtenAtNs: startedNs,
    };
  } catch {
    return undefined;
  }
}

/** The body checksum in the header of the snapshot just written (read from its first bytes, not hashed again). */
async function snapshotBodySha256(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const lines = head.toString('utf8', 0, bytesRead).split('\n');
    const header = JSON.parse(lines[1] ?? '{}') as { bodySha256?: unknown };
    if (typeof header.bodySha256 !== 'string') throw new Error('invariant: the snapshot just written has no checksum');
    return header.bodySha256;
  } finally {
    await handle.close();
  }
}

/** The header of snapshot `bytes` and where its body starts, checked for this version and the body's length. */
function headerOf(bytes: Buffer): (SnapshotHeader & { bodyStart: number }) | undefined {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (second < 0 || bytes.toString('utf8', 0, first) !== `${SNAPSHOT_MAGIC} ${SNAPSHOT_VERSION}`) return undefined;
  try {
    const header = JSON.parse(bytes.toString('utf8', first + 1, second)) as SnapshotHeader;
    return bytes.length - (second + 1) === header.bodyBytes ? { ...header, bodyStart: second + 1 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where `serve --watch` keeps the snapshot of `dataDir` it rebuilds (in the build cache's folder for that
 * directory), so that its next rebuild can patch it too; undefined when the cache folder cannot be made.
 */
export function servedSnapshotFile(cacheRoot: string, dataDir: string): string | undefined {
  const cache = BuildCache.open(cacheRoot, dataDir);
  return cache === undefined ? undefined : join(cache.dir, 'served.snapshot');
}
