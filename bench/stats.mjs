// Summaries of repeated measurements: the median and the spread (min, max), as every figure is reported.

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: sorted.length };
}

/** "1,234 (1,100-1,300)" with `digits` decimals. */
export function formatSummary(s, digits = 0) {
  const f = (x) => x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return s.runs > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}
