/**
 * What the explorer page exposes as `window.newsgraphExplorer` (src/explorer/main.ts), as far as the browser tests
 * read it. Declared structurally here: the tests' project has no DOM and does not compile the browser code.
 */
import type { MultiDirectedGraph } from 'graphology';

interface DisplayData {
  readonly hidden: boolean;
  readonly color: string;
}

interface CameraState {
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
  readonly angle: number;
}

interface ExplorerHandle {
  readonly phase: 'loading' | 'ready';
  readonly state: {
    readonly center: string | null;
    readonly selection: { readonly kind: 'node' | 'edge'; readonly id: string } | null;
    readonly filters: { readonly hiddenKinds: readonly string[]; readonly to: string | null; readonly attribution: string | null; readonly projectionsOnly: boolean };
    readonly expansions: readonly { readonly id: string; readonly predicate: string | null }[];
    readonly collapsed: readonly string[];
    readonly pinned: readonly string[];
  };
  readonly view: {
    readonly graph: MultiDirectedGraph<
      { x: number; y: number; label: string; kind: string; pinned: boolean; color: string },
      { negated: boolean; label: string; type: string; predicate: string; origin: string; modality: string; attributedTo: string | null; color: string }
    >;
    readonly layoutRunning: boolean;
    nodeOnScreen(id: string): { x: number; y: number };
    readonly renderer: {
      getNodeDisplayData(id: string): DisplayData | undefined;
      getEdgeDisplayData(id: string): DisplayData | undefined;
      getCamera(): { getState(): CameraState; setState(state: Partial<CameraState>): void };
    };
  };
}

declare global {
  // eslint-disable-next-line no-var
  var newsgraphExplorer: ExplorerHandle | undefined;
}
