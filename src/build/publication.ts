/**
 * Articles in publication order, and their publication date (checked against the calendar) and url. The graph's
 * `articles` attribute, an event's history and the order in which facts take their first wording all
 * follow this order: dated articles by date, a year-month before the days of that month (it is read as the
 * month's start), undated articles last, ties by id.
 */

/** A problem with a publication date, or undefined when it is a real ISO 8601 date or year-month. */
export function publishedProblem(published: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(published);
  const how = 'write an ISO 8601 date ("2025-04-24") or, when only the month is known, a year-month ("2025-04").';
  if (!match) return `article.published is ${JSON.stringify(published)}, which is not a date: ${how}`;
  const [, year, month, day] = match;
  const m = Number(month);
  if (m < 1 || m > 12) return `article.published is ${JSON.stringify(published)}: there is no month ${month}; ${how}`;
  if (day !== undefined) {
    const last = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
    const d = Number(day);
    if (d < 1 || d > last) return `article.published is ${JSON.stringify(published)}: ${year}-${month} has no day ${day} (it has ${last} days).`;
  }
  return undefined;
}

/** A problem with an article's url, or undefined when it is an absolute http or https URL. */
export function urlProblem(url: string): string | undefined {
  const how = 'give the address where the article can be read, starting with https:// or http://.';
  if (!URL.canParse(url)) return `article.url is ${JSON.stringify(url)}, which is not an absolute URL: ${how}`;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:' ? undefined : `article.url is ${JSON.stringify(url)}, a ${protocol} URL: ${how}`;
}

/** Compares two articles by publication order (see the module comment). */
export function byPublication(a: { readonly id: string; readonly published?: string | undefined }, b: { readonly id: string; readonly published?: string | undefined }): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    // ISO dates compare as strings; "2025-04" sorts before "2025-04-01", as the start of the month.
    return a.published < b.published ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
