/**
 * Keeps what is valid in a file with a bad item. A schema error sets aside the smallest part that holds it
 * (one relation, event, claim, mention or shared entity; an optional header field; an unknown top-level key),
 * so that the rest of the file is still checked and built, and nothing downstream reports the missing part
 * again (see excuses.ts). Set-aside items of a list leave a hole (`delete`), not a shift: later problems are
 * located by index in the file, and `forEach`/`map` skip holes.
 */
import type { Excuses } from './excuses.js';
import type { LocatedProblem } from './propertyKeys.js';
import { ARTICLE_SCHEMA } from './sourceSchema.js';

/** What salvage tells of what it set aside: the Excuses of a build, or an article check's record of them. */
export type SetAsideSink = Pick<Excuses, 'declaredBySetAside' | 'mentionedAt'>;

const REQUIRED_HEADER: readonly string[] = ARTICLE_SCHEMA.properties.article.required;

/**
 * The file's data without the parts that hold the problems, or undefined when a problem is in what the file
 * cannot do without (the article header's id, title or text; the shape of the file itself).
 */
export function salvage(data: unknown, problems: readonly LocatedProblem[], schema: 'entities' | 'article', excuses: SetAsideSink): unknown {
  if (problems.length === 0) return data;
  if (!isObject(data)) return undefined;
  const copy = structuredClone(data);
  for (const { path } of problems) {
    const [top, second] = path;
    if (typeof top !== 'string') return undefined;
    const part = copy[top];
    if (schema === 'entities') {
      if (top !== 'entities' || typeof second !== 'number' || !Array.isArray(part)) return undefined;
      setAsideItem(part, second, excuses);
    } else if (top === 'article') {
      if (path.length !== 2 || typeof second !== 'string' || REQUIRED_HEADER.includes(second) || !isObject(part)) return undefined;
      delete part[second];
    } else if (typeof second === 'number' && Array.isArray(part)) {
      // One item of a list (events, claims, relations, or any list section the format gains).
      setAsideItem(part, second, excuses);
    } else if (typeof second === 'string' && isObject(part)) {
      // One entry of a map section (mentions: the entity it names, and whatever its entry declares).
      excuses.mentionedAt(second);
      setAsideAll(part[second], excuses);
      delete part[second];
    } else {
      // A whole section of the wrong shape, or an unknown top-level key ("relation:" for "relations:").
      setAsideAll(part, excuses);
      delete copy[top];
    }
  }
  return copy;
}

/** Every mention, declared id and mentioned key of a part that will not be read, excused. */
export function setAsideAll(part: unknown, excuses: SetAsideSink): void {
  if (Array.isArray(part)) {
    part.forEach((item) => setAsideAll(item, excuses));
  } else if (isObject(part)) {
    for (const [key, value] of Object.entries(part)) {
      excuses.mentionedAt(key);
      if (key === 'id' && typeof value === 'string') excuses.declaredBySetAside(value);
      setAsideAll(value, excuses);
    }
  }
}

function setAsideItem(list: unknown[], index: number, excuses: SetAsideSink): void {
  const item = list[index];
  if (isObject(item) && typeof item['id'] === 'string') excuses.declaredBySetAside(item['id']);
  delete list[index];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
