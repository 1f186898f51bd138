/**
 * Relative dates against the article's publication date: "on Thursday" in an article published on
 * 2025-06-03 (a Tuesday) is 2025-05-29 for something that happened, the next Thursday for something planned.
 * Only weekdays are resolved; "next month" or "overnight" stay words (timeText is not guessed).
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface ResolvedTime {
  /** ISO 8601 date. */
  readonly time: string;
  /** The text's own words. */
  readonly timeText: string;
}

/** The weekday named in `stretch` ("on Sunday"), resolved against `published` (YYYY-MM-DD); undefined otherwise. */
export function resolveWeekday(stretch: string, published: string | undefined, planned: boolean): ResolvedTime | undefined {
  if (published === undefined || !/^\d{4}-\d{2}-\d{2}$/u.test(published)) return undefined;
  const found = new RegExp(String.raw`\bon\s+(${WEEKDAYS.join('|')})\b`, 'u').exec(stretch);
  const name = found?.[1];
  if (name === undefined) return undefined;
  const day = WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
  const base = new Date(`${published}T00:00:00Z`);
  const today = base.getUTCDay();
  // Past events: the last such day on or before publication; planned ones: the next one after it.
  const offset = planned ? ((day - today + 7) % 7 || 7) : -((today - day + 7) % 7);
  const date = new Date(base.getTime() + offset * 86_400_000);
  return { time: date.toISOString().slice(0, 10), timeText: name };
}
