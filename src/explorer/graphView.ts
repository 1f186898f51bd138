/**
 * The drawing: a graphology graph of what is on screen, drawn by sigma (WebGL). Nodes arrive with the server's
 * positions (one layout per snapshot, so a view reloads the same); nodes added by an expansion are then laid out
 * briefly by ForceAtlas2 in a worker with every other node pinned, so the picture grows without jumping.
 * Parallel relations between two entities are drawn as curves (@sigma/edge-curve), so none hides another.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, type EdgeProgramType } from 'sigma/rendering';
import { DEFAULT_EDGE_CURVATURE, EdgeCurvedArrowProgram, indexParallelEdgesIndex } from '@sigma/edge-curve';
import { downloadAsPNG } from '@sigma/export-image';
import type { Attributes } from 'graphology-types';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ArticleRange, EntityKind, ExplorerEdge, ExplorerView } from './api.js';
import { createDashedArrowProgram } from './dashedEdgeProgram.js';
import { edgeColor, edgeLabel, edgeSize, KIND_COLORS, nodeSize } from './style.js';

export interface NodeData {
  label: string;
  kind: EntityKind;
  x: number;
  y: number;
  size: number;
  color: string;
  degree: number;
  time: string | null;
  articles: ArticleRange;
  /** ForceAtlas2 leaves fixed nodes where they are. */
  fixed: boolean;
  pinned: boolean;
}

export interface EdgeData {
  label: string;
  predicate: string;
  negated: boolean;
  modality: string;
  origin: ExplorerEdge['origin'];
  attributedTo: string | null;
  event: string | null;
  time: string | null;
  articles: ArticleRange;
  color: string;
  size: number;
  /** 'dashed' for negated relations, always straight; parallel ones curve around them. */
  type: 'straight' | 'curved' | 'dashed';
  curvature: number;
  parallelIndex?: number | null;
  parallelMinIndex?: number | null;
  parallelMaxIndex?: number | null;
}

export type ExplorerGraph = MultiDirectedGraph<NodeData, EdgeData>;

export interface GraphViewEvents {
  onClickNode(id: string): void;
  onClickEdge(id: string): void;
  onClickStage(): void;
  onCameraMoved(): void;
}

/** Which nodes and edges pass the filters, and what stands out. */
export interface Display {
  nodeVisible(id: string): boolean;
  edgeVisible(id: string): boolean;
  selectedNode: string | null;
  selectedEdge: string | null;
  emphasized: ReadonlySet<string>;
}

// sigma's program types are invariant in the attribute types, and the programs are typed for plain Attributes:
// they read only x, y, size, color and curvature, which NodeData and EdgeData have.
const STRAIGHT = EdgeArrowProgram as unknown as EdgeProgramType<NodeData, EdgeData>;
const CURVED = EdgeCurvedArrowProgram as unknown as EdgeProgramType<NodeData, EdgeData>;
const DASHED = createDashedArrowProgram<NodeData, EdgeData>();

/** How long a new part of the drawing is laid out in the worker. */
const LAYOUT_MS = 1200;

/** Curvature of the i-th of n parallel edges, spread on both sides (as in sigma's parallel-edges example). */
function curvatureOf(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvatureOf(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

export class GraphView {
  readonly graph: ExplorerGraph = new MultiDirectedGraph<NodeData, EdgeData>();
  readonly renderer: Sigma<NodeData, EdgeData>;
  private layout: FA2Layout<NodeData, EdgeData> | null = null;
  private layoutTimer: number | undefined;
  /** True while the layout worker runs (tests and the status line read it). */
  layoutRunning = false;

  constructor(container: HTMLElement, private display: Display, events: GraphViewEvents) {
    this.renderer = new Sigma<NodeData, EdgeData>(this.graph, container, {
      enableEdgeEvents: true,
      renderEdgeLabels: true,
      defaultEdgeType: 'straight',
      edgeProgramClasses: { straight: STRAIGHT, curved: CURVED, dashed: DASHED },
      labelRenderedSizeThreshold: 4,
      edgeLabelSize: 11,
      zIndex: true,
      nodeReducer: (node, data) => {
        const visible = this.display.nodeVisible(node);
        const selected = this.display.selectedNode === node;
        const emphasized = this.display.emphasized.has(node);
        return {
          ...data,
          label: data.pinned ? `📌 ${data.label}` : data.label,
          hidden: !visible,
          highlighted: selected || emphasized,
          forceLabel: selected || emphasized,
          zIndex: selected ? 2 : emphasized ? 1 : 0,
        };
      },
      edgeReducer: (edge, data) => {
        const selected = this.display.selectedEdge === edge;
        const emphasized = this.display.emphasized.has(edge);
        return {
          ...data,
          hidden: !this.display.edgeVisible(edge),
          color: selected ? '#000000' : emphasized ? '#e6550d' : data.color,
          size: selected || emphasized ? data.size + 2 : data.size,
          forceLabel: selected || emphasized || data.negated,
          zIndex: selected ? 2 : emphasized || data.negated ? 1 : 0,
        };
      },
    });
    this.renderer.on('clickNode', ({ node }) => events.onClickNode(node));
    this.renderer.on('clickEdge', ({ edge }) => events.onClickEdge(edge));
    this.renderer.on('clickStage', () => events.onClickStage());
    this.renderer.getCamera().on('updated', () => events.onCameraMoved());
  }

  setDisplay(display: Display): void {
    this.display = display;
    this.renderer.refresh();
  }

  clear(): void {
    this.stopLayout();
    this.graph.clear();
  }

  /** Adds the nodes and edges of `view` not already drawn; returns the ids of the new nodes. */
  merge(view: ExplorerView): string[] {
    const added: string[] = [];
    for (const node of view.nodes) {
      if (this.graph.hasNode(node.id)) continue;
      this.graph.addNode(node.id, {
        label: node.name,
        kind: node.kind,
        x: node.x,
        y: node.y,
        size: nodeSize(node.kind, node.degree),
        color: KIND_COLORS[node.kind],
        degree: node.degree,
        time: node.time,
        articles: node.articles,
        fixed: false,
        pinned: false,
      });
      added.push(node.id);
    }
    for (const edge of view.edges) this.addEdge(edge);
    this.curveParallelEdges();
    return added;
  }

  addEdge(edge: ExplorerEdge): void {
    if (this.graph.hasEdge(edge.id) || !this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) return;
    this.graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      label: edgeLabel(edge.predicate, edge.negated, edge.origin),
      predicate: edge.predicate,
      negated: edge.negated,
      modality: edge.modality,
      origin: edge.origin,
      attributedTo: edge.attributedTo,
      event: edge.event,
      time: edge.time,
      articles: edge.articles,
      color: edgeColor(edge.negated, edge.modality),
      size: edgeSize(edge.modality),
      type: 'straight',
      curvature: 0,
    });
  }

  curveParallelEdges(): void {
    indexParallelEdgesIndex(this.graph, { edgeIndexAttribute: 'parallelIndex', edgeMinIndexAttribute: 'parallelMinIndex', edgeMaxIndexAttribute: 'parallelMaxIndex' });
    // Pairs of entities with a negated relation among their parallel ones: that one goes straight (dashed), so the
    // one that would have gone straight curves away from it.
    const dashedPairs = new Set<string>();
    this.graph.forEachEdge((_edge, attributes, source, target) => {
      if (attributes.negated) dashedPairs.add(source < target ? `${source} ${target}` : `${target} ${source}`);
    });
    this.graph.updateEachEdgeAttributes((_edge, attributes, source, target) => {
      if (attributes.negated) return { ...attributes, type: 'dashed', curvature: 0 };
      const index = attributes.parallelIndex;
      const max = attributes.parallelMaxIndex;
      if (typeof index !== 'number' || typeof max !== 'number') return { ...attributes, type: 'straight', curvature: 0 };
      if (index === 0 && typeof attributes.parallelMinIndex === 'number') {
        const besideDashed = dashedPairs.has(source < target ? `${source} ${target}` : `${target} ${source}`);
        return besideDashed ? { ...attributes, type: 'curved', curvature: curvatureOf(1, max + 1) } : { ...attributes, type: 'straight', curvature: 0 };
      }
      return { ...attributes, type: 'curved', curvature: curvatureOf(index, max) };
      // The hint names `type`: sigma then re-indexes the edges (without it, an edge added in the same frame has no
      // program yet, and sigma throws "can't be repaint").
    }, { attributes: ['type', 'curvature'] });
  }

  removeNodes(ids: Iterable<string>): void {
    for (const id of ids) if (this.graph.hasNode(id)) this.graph.dropNode(id);
    this.curveParallelEdges();
  }

  setPinned(pinned: ReadonlySet<string>): void {
    this.graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, pinned: pinned.has(node), fixed: pinned.has(node) }));
  }

  /**
   * Lays out the `fresh` nodes for a moment in a ForceAtlas2 worker, every other node fixed where it is. The worker
   * starts from a blob: URL, which the page's CSP allows (`worker-src 'self' blob:`).
   */
  layoutFresh(fresh: readonly string[], pinned: ReadonlySet<string>): void {
    if (fresh.length === 0 || fresh.length === this.graph.order) return;
    this.stopLayout();
    const moving = new Set(fresh);
    this.graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, fixed: !moving.has(node) || pinned.has(node) }));
    this.layout = new FA2Layout(this.graph, {
      settings: { gravity: 0.5, scalingRatio: 10, slowDown: 5, barnesHutOptimize: this.graph.order > 1000 },
    });
    this.layout.start();
    this.layoutRunning = true;
    this.layoutTimer = window.setTimeout(() => {
      this.stopLayout();
      this.setPinned(pinned);
    }, LAYOUT_MS);
  }

  private stopLayout(): void {
    if (this.layoutTimer !== undefined) window.clearTimeout(this.layoutTimer);
    this.layoutTimer = undefined;
    if (this.layout !== null) this.layout.kill();
    this.layout = null;
    this.layoutRunning = false;
  }

  /** Downloads the view as a PNG (@sigma/export-image redraws it on a canvas of the same size). */
  downloadPng(fileName: string): Promise<void> {
    // The exporter is typed for plain Attributes; it only reads what sigma draws.
    const renderer = this.renderer as unknown as Sigma<Attributes, Attributes>;
    return downloadAsPNG(renderer, { fileName, backgroundColor: '#ffffff' });
  }

  /** The viewport position (CSS pixels in the container) of a node. */
  nodeOnScreen(id: string): { x: number; y: number } {
    const { x, y } = this.graph.getNodeAttributes(id);
    return this.renderer.graphToViewport({ x, y });
  }
}
