// The chart of docs/performance.md: build time (with the YAML-parse baseline) and peak memory against corpus
// size, as a small self-contained SVG (log scale of articles; time on the left axis, memory on the right).

const W = 680;
const H = 360;
const M = { left: 64, right: 72, top: 36, bottom: 48 };

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function escapeXml(text) {
  return String(text).replace(/[<>&"]/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
}

/** @param {{ articles: number, buildS: number, parseS: number, rssMiB: number }[]} points */
export function scaleChart(points, title) {
  const xs = points.map((p) => p.articles);
  const minX = Math.log10(Math.min(...xs));
  const maxX = Math.log10(Math.max(...xs));
  const spanX = maxX - minX || 1;
  const timeMax = niceMax(Math.max(...points.map((p) => Math.max(p.buildS, p.parseS))));
  const rssMax = niceMax(Math.max(...points.map((p) => p.rssMiB)));
  const x = (articles) => M.left + ((Math.log10(articles) - minX) / spanX) * (W - M.left - M.right);
  const yTime = (s) => H - M.bottom - (s / timeMax) * (H - M.top - M.bottom);
  const yRss = (mib) => H - M.bottom - (mib / rssMax) * (H - M.top - M.bottom);
  const line = (f, y, style) => `<polyline fill="none" ${style} points="${points.map((p) => `${x(p.articles).toFixed(1)},${y(f(p)).toFixed(1)}`).join(' ')}"/>`;
  const dots = (f, y, color) => points.map((p) => `<circle cx="${x(p.articles).toFixed(1)}" cy="${y(f(p)).toFixed(1)}" r="3.5" fill="${color}"/>`).join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    ...ticks.map((t) => {
      const y = H - M.bottom - t * (H - M.top - M.bottom);
      return `<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${M.left - 6}" y="${y + 4}" text-anchor="end" fill="#1f5fa8">${(t * timeMax).toFixed(timeMax < 10 ? 1 : 0)} s</text><text x="${W - M.right + 6}" y="${y + 4}" fill="#b5471b">${(t * rssMax).toFixed(0)} MiB</text>`;
    }),
    ...points.map((p) => `<text x="${x(p.articles)}" y="${H - M.bottom + 18}" text-anchor="middle">${p.articles.toLocaleString('en')}</text>`),
    `<text x="${W / 2}" y="${H - 10}" text-anchor="middle">articles (log scale)</text>`,
    line((p) => p.parseS, yTime, 'stroke="#1f5fa8" stroke-width="1.5" stroke-dasharray="5 4"'),
    line((p) => p.buildS, yTime, 'stroke="#1f5fa8" stroke-width="2.5"'),
    dots((p) => p.buildS, yTime, '#1f5fa8'),
    line((p) => p.rssMiB, yRss, 'stroke="#b5471b" stroke-width="2.5"'),
    dots((p) => p.rssMiB, yRss, '#b5471b'),
    `<g transform="translate(${M.left + 10},${M.top + 6})"><line x1="0" x2="24" y1="0" y2="0" stroke="#1f5fa8" stroke-width="2.5"/><text x="30" y="4">build time</text>`,
    `<line x1="0" x2="24" y1="18" y2="18" stroke="#1f5fa8" stroke-width="1.5" stroke-dasharray="5 4"/><text x="30" y="22">YAML parse alone (baseline)</text>`,
    `<line x1="0" x2="24" y1="36" y2="36" stroke="#b5471b" stroke-width="2.5"/><text x="30" y="40">peak RSS of the build</text></g>`,
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}
