/**
 * The explorer's controller: the view state (the URL), what is loaded into the drawing, and what each control
 * does to them. Every change of what is shown goes through the URL (pushState), so back and forward, reloads
 * and shared links all rebuild the same view through `restore`.
 */
import type { ApiClient, ArticleRange, EntityKind, ExplorerEdge, RelationDetail, SearchHit } from './api.js';
import { el } from './dom.js';
import { EvidencePane } from './evidencePane.js';
import { EXPLORER_EXPORT_FORMATS } from './exportFormats.js';
import { downloadSubgraph } from './exportSubgraph.js';
import type { Frame } from './frame.js';
import { GraphView, type Display } from './graphView.js';
import { drawAccessibleLists, drawChips, drawHistogram, drawLegend, drawTimeline, publicationDates } from './panels.js';
import { edgeLabel, MODALITIES } from './style.js';
import { DEFAULT_FILTERS, readState, writeState, type Filters, type ViewState } from './viewState.js';

/** Entities drawn around a centre, and added by one expansion: the server cuts there and says so. */
const CENTER_LIMIT = 500;
const EXPAND_LIMIT = 200;
const KIND_ORDER: readonly EntityKind[] = ['PERSON', 'GOVERNMENT', 'ORGANIZATION', 'GROUP', 'PLACE', 'PROPOSAL', 'EVENT', 'CLAIM'];

export class ExplorerApp {
  state: ViewState;
  readonly view: GraphView;
  private readonly evidence: EvidencePane;
  private publishedOf = new Map<string, string | null>();
  private dates: string[] = [];
  /** The node keyboard arrows have moved to (Enter selects it). */
  private cursor: string | null = null;
  private emphasized = new Set<string>();
  private restoring = 0;
  private cameraTimer: number | undefined;
  /** 'loading' while a view is being built, 'ready' after: tests and the screenshot script wait on it. */
  phase: 'loading' | 'ready' = 'loading';
  truncated = false;

  constructor(private readonly api: ApiClient, private readonly frame: Frame) {
    this.state = readState(location.search);
    this.view = new GraphView(frame.graph, this.display(), {
      onClickNode: (id) => this.select({ kind: 'node', id }),
      onClickEdge: (id) => this.select({ kind: 'edge', id }),
      onClickStage: () => this.select(null),
      onCameraMoved: () => this.cameraMoved(),
    });
    this.evidence = new EvidencePane(api, frame.evidenceList, frame.evidenceHeading, frame.articleHeading, frame.articleText, (m) => this.announce(m));
    this.evidence.clear();
    this.wireControls();
    drawLegend(frame.legend, KIND_ORDER);
    frame.exportFormat.replaceChildren(...EXPLORER_EXPORT_FORMATS.map((f) => el('option', { value: f }, f)));
    window.addEventListener('popstate', () => void this.restore(readState(location.search)));
  }

  async start(): Promise<void> {
    const [articles, predicates] = await Promise.all([this.api.articles(), this.api.predicates()]);
    this.publishedOf = new Map(articles.map((a) => [a.id, a.published]));
    const { dates, months } = publicationDates(articles);
    this.dates = dates;
    for (const slider of [this.frame.timeFrom, this.frame.timeTo]) slider.max = String(Math.max(0, dates.length - 1));
    this.frame.histogram.dataset['months'] = String(months.size);
    this.months = months;
    this.frame.expandPredicate.append(...predicates.map((p) => el('option', { value: p }, p.toLowerCase().replace(/_/g, ' '))));
    this.frame.filterArticle.append(...articles.map((a) => el('option', { value: a.id }, `${a.published ?? 'undated'} · ${a.title}`)));
    await this.restore(this.state);
  }

  private months: ReadonlyMap<string, number> = new Map();

  // ---- the view state and the URL ----

  private navigate(next: ViewState, push: boolean): void {
    this.state = next;
    const url = `${location.pathname}${writeState(next)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Rebuilds the whole view from a state: the centre's neighbourhood, then expansions, collapses, pins, path. */
  async restore(state: ViewState): Promise<void> {
    const generation = ++this.restoring;
    this.phase = 'loading';
    this.state = state;
    this.view.clear();
    this.emphasized = new Set();
    this.truncated = false;
    this.frame.pathResult.replaceChildren();
    if (state.center !== null) {
      try {
        const first = await this.api.explore(state.center, state.depth, null, CENTER_LIMIT);
        if (generation !== this.restoring) return;
        this.view.merge(first);
        this.truncated = first.truncated;
        const entities = first.truncated
          ? `Showing ${first.nodes.length} of ${first.reachableIsExact ? '' : 'more than '}${first.reachable} entities around ${this.nameOf(state.center)}: cut at ${CENTER_LIMIT}, the farthest left out. Expand a node to see more.`
          : `${first.nodes.length} entities around ${this.nameOf(state.center)}.`;
        this.setStatus(first.edgesTruncated ? `${entities} Relations cut at ${first.edges.length}, those of the nearest entities kept.` : entities);
        for (const expansion of state.expansions) {
          if (!this.view.graph.hasNode(expansion.id)) continue;
          this.view.merge(await this.api.explore(expansion.id, 1, expansion.predicate, EXPAND_LIMIT, this.drawnIds()));
          if (generation !== this.restoring) return;
        }
        for (const id of state.collapsed) this.view.removeNodes(this.leavesOf(id, state));
        this.view.setPinned(new Set(state.pinned));
        if (state.path !== null) await this.showPath(state.path[0], state.path[1], generation);
      } catch (error) {
        this.setStatus(`Could not load the view: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      this.setStatus('Search a name to start: its neighbourhood comes first.');
    }
    if (generation !== this.restoring) return;
    this.refreshPanels();
    const camera = this.view.renderer.getCamera();
    if (state.camera !== null) camera.setState({ ...state.camera, angle: 0 });
    else camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    await this.applySelection();
    this.phase = 'ready';
  }

  /** The ids drawn, for `connectTo` (at most 2,000: the request body stays within the server's limit). */
  private drawnIds(): string[] {
    return this.view.graph.nodes().slice(0, 2_000);
  }

  private nameOf(id: string): string {
    return this.view.graph.hasNode(id) ? this.view.graph.getNodeAttribute(id, 'label') : id;
  }

  private setStatus(text: string): void {
    this.frame.status.textContent = text;
  }

  private announce(text: string): void {
    this.frame.announcer.textContent = text;
  }

  // ---- what is visible ----

  /** True when some of the articles were published within the time filter (by their first and last dates). */
  private inTimeRange(articles: ArticleRange): boolean {
    const { from, to } = this.state.filters;
    if (from === null && to === null) return true;
    const { firstPublished: first, lastPublished: last } = articles;
    if (first === null || last === null) return false;
    return (from === null || last >= from.slice(0, last.length)) && (to === null || first.slice(0, to.length) <= to);
  }

  /** True when the article filter admits these articles; a list cut short (a hub of a corpus) is given the benefit. */
  private inArticle(articles: ArticleRange): boolean {
    const article = this.state.filters.article;
    if (article === null) return true;
    return articles.articleIds.includes(article) || articles.articleCount > articles.articleIds.length;
  }

  private display(): Display {
    const graph = () => this.view.graph;
    const nodeVisible = (id: string): boolean => {
      const f = this.state.filters;
      const node = graph().getNodeAttributes(id);
      if (f.hiddenKinds.includes(node.kind)) return false;
      if (f.projectionsOnly && node.kind === 'EVENT') return false;
      if (!this.inArticle(node.articles)) return false;
      return this.inTimeRange(node.articles);
    };
    const edgeVisible = (id: string): boolean => {
      const f = this.state.filters;
      const g = graph();
      const edge = g.getEdgeAttributes(id);
      if (!nodeVisible(g.source(id)) || !nodeVisible(g.target(id))) return false;
      if (!this.emphasized.has(id)) {
        if (f.projectionsOnly ? edge.origin === 'ROLE' : edge.origin === 'PROJECTION') return false;
      }
      if (f.hiddenPredicates.includes(edge.predicate)) return false;
      if (f.hiddenModalities.includes(edge.modality)) return false;
      if (f.negation === 'hide' && edge.negated) return false;
      if (f.negation === 'only' && !edge.negated) return false;
      if (!this.inArticle(edge.articles)) return false;
      if (f.attribution !== null && edge.attributedTo !== f.attribution) return false;
      return this.inTimeRange(edge.articles);
    };
    const selection = this.state.selection;
    const emphasized = new Set(this.emphasized);
    if (this.cursor !== null) emphasized.add(this.cursor);
    return {
      nodeVisible,
      edgeVisible,
      selectedNode: selection?.kind === 'node' ? selection.id : null,
      selectedEdge: selection?.kind === 'edge' ? selection.id : null,
      emphasized,
    };
  }

  /** Redraws the canvas and every panel from the state and the drawing. */
  private refreshPanels(): void {
    const display = this.display();
    this.view.setDisplay(display);
    const g = this.view.graph;
    const f = this.state.filters;
    const kinds = KIND_ORDER.filter((k) => g.someNode((_n, a) => a.kind === k));
    const predicates = [...new Set(g.mapEdges((_e, a) => a.predicate))].sort();
    const modalities = MODALITIES.filter((m) => g.someEdge((_e, a) => a.modality === m));
    drawChips(this.frame.chipsKind, 'kind', kinds, new Set(f.hiddenKinds), (v, shown) => this.toggleFilter('hiddenKinds', v, shown));
    drawChips(this.frame.chipsPredicate, 'predicate', predicates, new Set(f.hiddenPredicates), (v, shown) => this.toggleFilter('hiddenPredicates', v, shown));
    drawChips(this.frame.chipsModality, 'modality', modalities, new Set(f.hiddenModalities), (v, shown) => this.toggleFilter('hiddenModalities', v, shown));
    this.frame.filterNegated.value = f.negation;
    this.frame.filterArticle.value = f.article ?? '';
    const attributed = [...new Set(g.mapEdges((_e, a) => a.attributedTo).filter((id): id is string => id !== null))].sort();
    this.frame.filterAttribution.replaceChildren(el('option', { value: '' }, 'anyone or no one'), ...attributed.map((id) => el('option', { value: id }, this.nameOf(id))));
    this.frame.filterAttribution.value = f.attribution ?? '';
    this.frame.projectionsOnly.checked = f.projectionsOnly;
    const fromIndex = f.from === null ? 0 : Math.max(0, this.dates.indexOf(f.from));
    const toIndex = f.to === null ? Math.max(0, this.dates.length - 1) : Math.max(0, this.dates.indexOf(f.to));
    this.frame.timeFrom.value = String(fromIndex);
    this.frame.timeTo.value = String(toIndex);
    this.frame.timeFromLabel.textContent = this.dates[fromIndex] ?? '';
    this.frame.timeToLabel.textContent = this.dates[toIndex] ?? '';
    drawHistogram(this.frame.histogram, this.months, f.from, f.to);
    const events = g.filterNodes((id, a) => a.kind === 'EVENT' && display.nodeVisible(id)).map((id) => ({ id, name: g.getNodeAttribute(id, 'label'), time: g.getNodeAttribute(id, 'time') }));
    drawTimeline(this.frame.timeline, events, (id) => this.select({ kind: 'node', id }));
    const selected = this.state.selection?.id ?? null;
    const nodes = g
      .filterNodes((id) => display.nodeVisible(id))
      .map((id) => ({ id, name: g.getNodeAttribute(id, 'label'), kind: g.getNodeAttribute(id, 'kind'), pinned: g.getNodeAttribute(id, 'pinned') }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const edges = g
      .filterEdges((id) => display.edgeVisible(id))
      .map((id) => {
        const a = g.getEdgeAttributes(id);
        return { id, text: `${this.nameOf(g.source(id))} — ${a.label} → ${this.nameOf(g.target(id))}`, negated: a.negated, modality: a.modality };
      })
      .sort((a, b) => a.text.localeCompare(b.text));
    drawAccessibleLists(this.frame.nodeList, this.frame.edgeList, nodes, edges, selected, (kind, id) => this.select({ kind, id }));
    const center = this.state.center;
    this.frame.exportLink.href = center === null ? '#' : `/export/${this.frame.exportFormat.value}?focus=${encodeURIComponent(center)}&depth=${this.state.depth}`;
    this.frame.pin.setAttribute('aria-pressed', String(this.state.selection?.kind === 'node' && this.state.pinned.includes(this.state.selection.id)));
  }

  private setFilters(filters: Filters): void {
    this.navigate({ ...this.state, filters }, false);
    this.refreshPanels();
  }

  private toggleFilter(key: 'hiddenKinds' | 'hiddenPredicates' | 'hiddenModalities', value: string, shown: boolean): void {
    const current = this.state.filters[key].filter((v) => v !== value);
    this.setFilters({ ...this.state.filters, [key]: shown ? current : [...current, value] });
    this.announce(`${value.toLowerCase()} ${shown ? 'shown' : 'hidden'}.`);
  }

  // ---- selection and evidence ----

  select(selection: ViewState['selection']): void {
    this.cursor = null;
    this.navigate({ ...this.state, selection }, false);
    this.refreshPanels();
    void this.applySelection();
  }

  private async applySelection(): Promise<void> {
    const selection = this.state.selection;
    const g = this.view.graph;
    if (selection === null) {
      this.evidence.clear();
      return;
    }
    try {
      if (selection.kind === 'edge' && g.hasEdge(selection.id)) {
        const relation = await this.api.relation(selection.id, g.source(selection.id), g.target(selection.id));
        await this.evidence.showRelation(relation);
      } else if (selection.kind === 'node' && g.hasNode(selection.id)) {
        await this.evidence.showEntity(await this.api.entity(selection.id));
        if (this.frame.pathFrom.value === '') this.frame.pathFrom.value = g.getNodeAttribute(selection.id, 'label');
      }
    } catch (error) {
      this.setStatus(`Could not load the evidence: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // ---- changing what is drawn ----

  private selectedNode(): string | null {
    const selection = this.state.selection;
    return selection?.kind === 'node' && this.view.graph.hasNode(selection.id) ? selection.id : null;
  }

  private async expand(): Promise<void> {
    const id = this.selectedNode();
    if (id === null) return this.announce('Select a node to expand.');
    const predicate = this.frame.expandPredicate.value === '' ? null : this.frame.expandPredicate.value;
    const answer = await this.api.explore(id, 1, predicate, EXPAND_LIMIT, this.drawnIds());
    const fresh = this.view.merge(answer);
    this.navigate(
      { ...this.state, expansions: [...this.state.expansions.filter((e) => e.id !== id || e.predicate !== predicate), { id, predicate }], collapsed: this.state.collapsed.filter((c) => c !== id), camera: null },
      true,
    );
    this.view.layoutFresh(fresh, new Set(this.state.pinned));
    this.refreshPanels();
    const cut = answer.truncated ? ` (cut at ${EXPAND_LIMIT} of ${answer.reachable})` : '';
    this.announce(`Expanded ${this.nameOf(id)}: ${fresh.length} new entities${cut}.`);
    this.setStatus(`Expanded ${this.nameOf(id)}: ${fresh.length} new entities${cut}.`);
  }

  /** The neighbours of `id` that hang on it alone: what collapsing it removes (never pinned nor the centre). */
  private leavesOf(id: string, state: ViewState): string[] {
    const g = this.view.graph;
    if (!g.hasNode(id)) return [];
    return g.neighbors(id).filter((n) => n !== state.center && !state.pinned.includes(n) && g.neighbors(n).every((m) => m === id));
  }

  private collapse(): void {
    const id = this.selectedNode();
    if (id === null) return this.announce('Select a node to collapse.');
    const leaves = this.leavesOf(id, this.state);
    this.view.removeNodes(leaves);
    // The expansions stay in the URL: `restore` replays them and then the collapses, so a reload draws what collapse
    // left here (nodes the expansion added that hang on other drawn nodes too, and pinned ones, stay).
    this.navigate({ ...this.state, collapsed: [...this.state.collapsed.filter((c) => c !== id), id] }, true);
    this.refreshPanels();
    this.announce(`Collapsed ${this.nameOf(id)}: ${leaves.length} entities removed.`);
  }

  private togglePin(): void {
    const id = this.selectedNode();
    if (id === null) return this.announce('Select a node to pin.');
    const pinned = this.state.pinned.includes(id) ? this.state.pinned.filter((p) => p !== id) : [...this.state.pinned, id];
    this.navigate({ ...this.state, pinned }, true);
    this.view.setPinned(new Set(pinned));
    this.refreshPanels();
    this.announce(`${this.nameOf(id)} ${pinned.includes(id) ? 'pinned' : 'unpinned'}.`);
  }

  private openCenter(hit: SearchHit): void {
    this.frame.searchResults.replaceChildren();
    this.frame.searchInput.value = hit.name;
    const next: ViewState = { ...this.state, center: hit.id, expansions: [], collapsed: [], path: null, selection: { kind: 'node', id: hit.id }, camera: null, filters: DEFAULT_FILTERS };
    this.navigate(next, true);
    void this.restore(next);
  }

  // ---- paths ----

  private async findPath(): Promise<void> {
    const [from, to] = await Promise.all([this.api.search(this.frame.pathFrom.value), this.api.search(this.frame.pathTo.value)]);
    const a = from[0];
    const b = to[0];
    if (a === undefined || b === undefined) {
      this.frame.pathResult.replaceChildren(el('li', {}, `No entity named "${a === undefined ? this.frame.pathFrom.value : this.frame.pathTo.value}".`));
      return;
    }
    this.navigate({ ...this.state, path: [a.id, b.id] }, true);
    await this.showPath(a.id, b.id, this.restoring);
    this.refreshPanels();
  }

  private async showPath(from: string, to: string, generation: number): Promise<void> {
    const hops = await this.api.path(from, to);
    if (generation !== this.restoring) return;
    this.emphasized = new Set();
    if (hops === null) {
      this.frame.pathResult.replaceChildren(el('li', {}, 'Not connected within 6 relations (negated and background relations are not followed).'));
      this.announce('No path found.');
      return;
    }
    for (const hop of hops) {
      for (const end of [hop.subject.id, hop.object.id]) if (!this.view.graph.hasNode(end)) this.view.merge(await this.api.explore(end, 0, null, 1));
      this.view.addEdge(edgeOfRelation(hop, this.publishedOf));
      this.emphasized.add(hop.id).add(hop.subject.id).add(hop.object.id);
    }
    this.view.curveParallelEdges();
    this.frame.pathResult.replaceChildren(
      ...hops.map((hop) => {
        const quote = hop.evidence[0];
        const item = el(
          'li',
          { 'data-relation': hop.id },
          el('span', { class: 'hop' }, `${hop.subject.name} — ${edgeLabel(hop.predicate, hop.negated, hop.origin)} → ${hop.object.name}`),
          quote === undefined ? '' : el('q', {}, quote.exact),
          quote === undefined ? '' : el('span', { class: 'source' }, quote.article.title),
        );
        item.addEventListener('click', () => this.select({ kind: 'edge', id: hop.id }));
        return item;
      }),
    );
    this.announce(`Path of ${hops.length} ${hops.length === 1 ? 'relation' : 'relations'} found.`);
  }

  // ---- keyboard ----

  private onKey(event: KeyboardEvent): void {
    const g = this.view.graph;
    if (event.key === 'Escape') {
      this.select(null);
      this.announce('Selection cleared.');
      return;
    }
    if (event.key === 'Enter' && this.cursor !== null) {
      event.preventDefault();
      this.select({ kind: 'node', id: this.cursor });
      this.announce(`Selected ${this.nameOf(this.state.selection?.id ?? '')}.`);
      return;
    }
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const display = this.display();
    const anchor = this.selectedNode();
    const candidates = (anchor === null ? g.nodes() : g.neighbors(anchor)).filter((n) => display.nodeVisible(n)).sort((a, b) => this.nameOf(a).localeCompare(this.nameOf(b)));
    if (candidates.length === 0) return;
    const at = this.cursor === null ? -1 : candidates.indexOf(this.cursor);
    this.cursor = candidates[(at + step + candidates.length) % candidates.length] ?? null;
    this.view.setDisplay(this.display());
    if (this.cursor !== null) this.announce(`${this.nameOf(this.cursor)} (${g.getNodeAttribute(this.cursor, 'kind').toLowerCase()}), ${candidates.indexOf(this.cursor) + 1} of ${candidates.length}${anchor === null ? '' : ` neighbours of ${this.nameOf(anchor)}`}. Enter selects.`);
  }

  private cameraMoved(): void {
    if (this.phase !== 'ready') return;
    window.clearTimeout(this.cameraTimer);
    this.cameraTimer = window.setTimeout(() => {
      const { x, y, ratio } = this.view.renderer.getCamera().getState();
      this.navigate({ ...this.state, camera: { x, y, ratio } }, false);
    }, 250);
  }

  // ---- wiring ----

  private wireControls(): void {
    const f = this.frame;
    let searchTimer: number | undefined;
    f.searchInput.addEventListener('input', () => {
      window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(async () => {
        const text = f.searchInput.value.trim();
        const hits = text === '' ? [] : await this.api.search(text);
        f.searchResults.replaceChildren(
          ...hits.map((hit) => {
            const item = el('li', { role: 'option', tabindex: '0', 'data-id': hit.id }, `${hit.name} `, el('small', {}, hit.kind.toLowerCase()));
            item.addEventListener('click', () => this.openCenter(hit));
            item.addEventListener('keydown', (e) => {
              if (e.key === 'Enter') this.openCenter(hit);
            });
            return item;
          }),
        );
        this.announce(`${hits.length} ${hits.length === 1 ? 'match' : 'matches'}.`);
      }, 150);
    });
    f.searchInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.api.search(f.searchInput.value.trim()).then((hits) => hits[0] !== undefined && this.openCenter(hits[0]));
      }
    });
    f.back.addEventListener('click', () => history.back());
    f.forward.addEventListener('click', () => history.forward());
    f.expand.addEventListener('click', () => void this.expand());
    f.collapse.addEventListener('click', () => this.collapse());
    f.pin.addEventListener('click', () => this.togglePin());
    f.exportPng.addEventListener('click', () => void this.view.downloadPng(`newsgraph-${this.state.center ?? 'view'}`));
    f.exportFormat.addEventListener('change', () => this.refreshPanels());
    // A click exports what is drawn (expansions included); the link's own address, for copying, is the centre's
    // neighbourhood at the view's depth.
    f.exportLink.addEventListener('click', (event) => {
      if (this.view.graph.order === 0) return;
      event.preventDefault();
      void downloadSubgraph(f.exportFormat.value, this.drawnIds()).then(
        () => this.announce(`Exported ${this.view.graph.order} entities as ${f.exportFormat.value}.`),
        (error: unknown) => this.setStatus(`Could not export: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    f.filterNegated.addEventListener('change', () => {
      const value = f.filterNegated.value;
      this.setFilters({ ...this.state.filters, negation: value === 'hide' || value === 'only' ? value : 'all' });
    });
    f.filterArticle.addEventListener('change', () => this.setFilters({ ...this.state.filters, article: f.filterArticle.value === '' ? null : f.filterArticle.value }));
    f.filterAttribution.addEventListener('change', () => this.setFilters({ ...this.state.filters, attribution: f.filterAttribution.value === '' ? null : f.filterAttribution.value }));
    f.projectionsOnly.addEventListener('change', () => this.setFilters({ ...this.state.filters, projectionsOnly: f.projectionsOnly.checked }));
    const onTime = (): void => {
      let from = Number(f.timeFrom.value);
      let to = Number(f.timeTo.value);
      if (from > to) [from, to] = [to, from];
      const last = this.dates.length - 1;
      this.setFilters({ ...this.state.filters, from: from <= 0 ? null : this.dates[from] ?? null, to: to >= last ? null : this.dates[to] ?? null });
    };
    f.timeFrom.addEventListener('input', onTime);
    f.timeTo.addEventListener('input', onTime);
    f.pathForm.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.findPath();
    });
    f.graph.addEventListener('keydown', (e) => this.onKey(e));
    for (const list of [f.nodeList, f.edgeList]) list.addEventListener('keydown', (e) => this.onKey(e));
  }
}

function edgeOfRelation(relation: RelationDetail, publishedOf: ReadonlyMap<string, string | null>): ExplorerEdge {
  const ids = [...new Set(relation.evidence.map((q) => q.article.id))];
  const dates = ids.flatMap((id) => publishedOf.get(id) ?? []).sort();
  return {
    id: relation.id,
    predicate: relation.predicate,
    source: relation.subject.id,
    target: relation.object.id,
    negated: relation.negated,
    modality: relation.modality,
    origin: relation.origin === 'ROLE' || relation.origin === 'PROJECTION' ? relation.origin : 'STATED',
    attributedTo: relation.attributedTo?.id ?? null,
    event: null,
    time: relation.time,
    articles: { articleIds: ids, articleCount: ids.length, firstPublished: dates[0] ?? null, lastPublished: dates[dates.length - 1] ?? null },
  };
}
