/**
 * The side panels, drawn from data: filter chips, the legend, the time slider with its histogram of articles,
 * the timeline of events, and the lists of visible nodes and edges that keep screen readers in step with the
 * canvas. Each function replaces the contents of one container; the controller (app.ts) says what to draw.
 */
import type { ArticleSummary, EntityKind } from './api.js';
import { el } from './dom.js';
import { KIND_COLORS, NEGATED_COLOR, edgeColor } from './style.js';

/** A row of toggle chips: pressed means shown. `onToggle` gets the value and whether it is now shown. */
export function drawChips(container: HTMLElement, group: string, values: readonly string[], hidden: ReadonlySet<string>, onToggle: (value: string, shown: boolean) => void): void {
  container.replaceChildren(
    ...values.map((value) => {
      const shown = !hidden.has(value);
      const chip = el('button', { type: 'button', class: 'chip', 'aria-pressed': String(shown), 'data-group': group, 'data-value': value }, value.toLowerCase().replace(/_/g, ' '));
      chip.addEventListener('click', () => onToggle(value, !shown));
      return chip;
    }),
  );
}

export function drawLegend(container: HTMLElement, kinds: readonly EntityKind[]): void {
  const swatch = (color: string, shape: 'dot' | 'line' | 'dashed'): HTMLElement =>
    el('span', { class: `swatch ${shape}`, style: shape === 'dashed' ? `border-color:${color}` : `background:${color}` });
  container.replaceChildren(
    ...kinds.map((kind) => el('li', {}, swatch(KIND_COLORS[kind], 'dot'), kind.toLowerCase())),
    el('li', {}, swatch(edgeColor(false, 'asserted'), 'line'), 'asserted'),
    el('li', {}, swatch(edgeColor(false, 'reported'), 'line'), 'reported, alleged, planned, hypothetical (fainter, thinner)'),
    el('li', {}, swatch(edgeColor(false, 'background'), 'line'), 'background (faintest)'),
    el('li', {}, swatch(NEGATED_COLOR, 'dashed'), 'negated: red, dashed, "NOT …" (e.g. NOT endorsed)'),
    el('li', {}, swatch(KIND_COLORS.EVENT, 'dot'), 'small grey nodes: events, edges labelled by role'),
    el('li', {}, '📌 pinned (kept in place and on collapse)'),
  );
}

/** Distinct publication dates, sorted, and a count of articles per month for the histogram. */
export function publicationDates(articles: readonly ArticleSummary[]): { dates: string[]; months: Map<string, number> } {
  const dates = [...new Set(articles.flatMap((a) => (a.published === null ? [] : [a.published])))].sort();
  const months = new Map<string, number>();
  for (const article of articles) {
    if (article.published === null) continue;
    const month = article.published.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return { dates, months };
}

export function drawHistogram(container: HTMLElement, months: ReadonlyMap<string, number>, from: string | null, to: string | null): void {
  const max = Math.max(1, ...months.values());
  container.replaceChildren(
    ...[...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => {
      const inside = (from === null || month >= from.slice(0, 7)) && (to === null || month <= to.slice(0, 7));
      return el('span', { class: `bar${inside ? '' : ' outside'}`, style: `height:${Math.round((count / max) * 100)}%`, title: `${month}: ${count} article${count === 1 ? '' : 's'}`, 'aria-label': `${month}: ${count} articles` });
    }),
  );
}

export interface TimelineEvent {
  readonly id: string;
  readonly name: string;
  readonly time: string | null;
}

export function drawTimeline(container: HTMLElement, events: readonly TimelineEvent[], onPick: (id: string) => void): void {
  const sorted = [...events].sort((a, b) => (a.time ?? '\uffff').localeCompare(b.time ?? '\uffff') || a.name.localeCompare(b.name));
  container.replaceChildren(
    ...sorted.map((event) => {
      const button = el('button', { type: 'button', class: 'link', 'data-id': event.id }, `${event.time ?? 'undated'} · ${event.name}`);
      button.addEventListener('click', () => onPick(event.id));
      return el('li', {}, button);
    }),
  );
}

export interface ListedNode {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly pinned: boolean;
}

export interface ListedEdge {
  readonly id: string;
  readonly text: string;
  readonly negated: boolean;
  readonly modality: string;
}

/** The accessible lists of what the canvas shows; the current item carries aria-selected. */
export function drawAccessibleLists(
  nodeList: HTMLElement,
  edgeList: HTMLElement,
  nodes: readonly ListedNode[],
  edges: readonly ListedEdge[],
  selected: string | null,
  onPick: (kind: 'node' | 'edge', id: string) => void,
): void {
  nodeList.replaceChildren(
    ...nodes.map((node) => {
      const item = el('li', { role: 'option', 'data-id': node.id, 'aria-selected': String(selected === node.id) }, `${node.name} (${node.kind.toLowerCase()})${node.pinned ? ', pinned' : ''}`);
      item.addEventListener('click', () => onPick('node', node.id));
      return item;
    }),
  );
  edgeList.replaceChildren(
    ...edges.map((edge) => {
      const status = edge.negated ? 'negated' : edge.modality;
      const item = el('li', { role: 'option', 'data-id': edge.id, 'data-negated': String(edge.negated), 'aria-selected': String(selected === edge.id) }, `${edge.text} (${status})`);
      item.addEventListener('click', () => onPick('edge', edge.id));
      return item;
    }),
  );
}
