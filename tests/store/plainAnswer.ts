/**
 * A store's answer as plain data, for comparing two stores with `toEqual` strictly: jest's equality reads getters
 * and ignores where a value came from, so a record whose list is a lazy getter (src/store/postgres/lazyRecord.ts)
 * would pass for a plain one. Here every own property must be a data property; an accessor is reported by its path
 * (`accessors`) and stands in the copy as a marker, so the comparison fails on it. The explorer's `articles`
 * (ArticlesOrLater: a promise or an object of getters in either store, by its type) are awaited and copied.
 */
import { withArticles, type ArticlesOrLater } from '../../src/graph/explore.js';

export interface PlainAnswer {
  readonly value: unknown;
  /** Paths of the accessor properties met (none in an answer made of plain data). */
  readonly accessors: readonly string[];
}

const isPromiseLike = (value: object): value is PromiseLike<unknown> => typeof (value as { then?: unknown }).then === 'function';

/** `value` copied as plain data (Maps as arrays of entries), with the accessors met listed. */
export async function plainAnswer(value: unknown): Promise<PlainAnswer> {
  const accessors: string[] = [];
  const copy = async (v: unknown, path: string, explorerItem: boolean): Promise<unknown> => {
    if (v === null || typeof v !== 'object') return v;
    if (isPromiseLike(v)) return { '<promise>': await copy(await v, path, false) };
    if (v instanceof Map) return { '<map>': await Promise.all([...v].map(async ([k, x]) => [k, await copy(x, `${path}.get(${String(k)})`, false)])) };
    if (Array.isArray(v)) return Promise.all(v.map((x, i) => copy(x, `${path}[${i}]`, explorerItem)));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key);
      if (explorerItem && key === 'articles') {
        const articles = await withArticles((v as { articles: ArticlesOrLater }).articles, (a) => ({ ids: [...a.ids], firstPublished: a.firstPublished, lastPublished: a.lastPublished }));
        out[key] = articles;
        continue;
      }
      if (descriptor !== undefined && !('value' in descriptor)) {
        accessors.push(`${path}.${key}`);
        out[key] = { '<accessor>': key };
        continue;
      }
      // The nodes and edges of an explorer view carry ArticlesOrLater.
      out[key] = await copy((v as Record<string, unknown>)[key], `${path}.${key}`, key === 'nodes' || key === 'edges');
    }
    return out;
  };
  const result = await copy(value, '$', false);
  return { value: result, accessors };
}
