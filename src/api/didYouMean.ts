/**
 * "Did you mean ...?" for names the user typed: the near names, closest first (as graphql-js suggests
 * field names), so that a typo in an id or a predicate is one glance from its fix.
 */

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const left = previous[j - 1] ?? 0;
      previous[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The options within a few edits of `input` (case-insensitive), or that start with it, closest first. */
export function suggestions(input: string, options: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(needle.length * 0.4));
  const scored: Array<{ option: string; score: number }> = [];
  for (const option of options) {
    const candidate = option.toLowerCase();
    const score = candidate.startsWith(needle) && needle.length >= 2 ? 0.5 : distance(needle, candidate);
    if (score <= threshold) scored.push({ option, score });
  }
  scored.sort((a, b) => a.score - b.score || a.option.localeCompare(b.option));
  return scored.slice(0, max).map((s) => s.option);
}

/** ` Did you mean "A" or "B"?`, or '' when nothing is near. */
export function didYouMean(input: string, options: Iterable<string>): string {
  const near = suggestions(input, options);
  if (near.length === 0) return '';
  const quoted = near.map((n) => `"${n}"`);
  const last = quoted.pop() ?? '';
  return ` Did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
}
