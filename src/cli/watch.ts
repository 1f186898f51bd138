/**
 * Watching what a server serves: the data directory (recursively) with the directories it builds on, or the
 * snapshot file. Changes come in bursts (an editor's save, a build's atomic rename), so they are gathered for
 * `debounceMs` and reported once. Hidden files and editor leftovers are ignored (isLeftover): the atomic
 * writer's temporary file must not trigger a reload before the rename does, and the log names real files.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath } from '../build/index.js';
import { LAYER_FILE, resolveBases, type LayerOptions } from '../build/layers.js';
import { ENTITIES_FILE } from '../build/loadSources.js';

/**
 * True for a name no build reads and an editor or tool leaves while saving: hidden files (`.x.tmp`, vim's
 * `.x.swp`, emacs's `.#x`), backups (`x~`), emacs's `#x#`, temporaries (`x.tmp`), and names without an
 * extension (`sed -i`'s `sedIMvpVQ`, vim's `4913`): every file of a data directory has one (.yaml, .txt).
 */
export function isLeftover(name: string): boolean {
  const base = basename(name);
  return base.startsWith('.') || base.startsWith('#') || base.endsWith('~') || base.endsWith('.swp') || base.endsWith('.tmp') || !base.includes('.');
}

/** Gathers the names noted within `debounceMs` of each other and reports them once, sorted. */
function debouncer(onChange: (what: string) => void, debounceMs: number): { note(file: string): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const fire = (): void => {
    const what = [...changed].sort().join(', ');
    changed = new Set();
    onChange(what);
  };
  return {
    note(file) {
      changed.add(file);
      clearTimeout(timer);
      timer = setTimeout(fire, debounceMs);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

/** Calls `onChange` after the snapshot file `path` changes and settles; returns a function that stops watching. */
export function watchSnapshot(path: string, onChange: (what: string) => void, debounceMs = 300): () => void {
  const pending = debouncer(onChange, debounceMs);
  const target = basename(path);
  // A snapshot is replaced by a rename: watch its folder, since a watch on the file would follow the old inode.
  const watcher: FSWatcher = watch(dirname(path), (_event, name) => {
    if (name !== null && name.toString() === target) pending.note(target);
  });
  return () => {
    pending.stop();
    watcher.close();
  };
}

/**
 * Watches a data directory and the directories it builds on (`--extends`, `--with-package-entities`, the
 * `extends:` of each newsgraph.yaml): the data directory recursively, each base for the only files of it a
 * build reads (its entities.yaml and newsgraph.yaml). A change of a newsgraph.yaml may change the bases, so
 * they are looked for again then. Changes in a base are named by their path; the data directory's own, by
 * their name in it. Returns a function that stops watching.
 */
export function watchData(dir: string, layers: LayerOptions, onChange: (what: string) => void, debounceMs = 300): () => void {
  const root = resolve(dir);
  const pending = debouncer(onChange, debounceMs);
  const bases = new Map<string, FSWatcher>();
  let stopped = false;

  const watchBase = (base: string): FSWatcher | undefined => {
    try {
      return watch(base, (_event, name) => {
        const file = name === null ? '' : name.toString();
        if (file !== ENTITIES_FILE && file !== LAYER_FILE) return;
        pending.note(displayPath(join(base, file)));
        if (file === LAYER_FILE) void refresh();
      });
    } catch {
      return undefined; // gone since it was resolved: the build reports it
    }
  };
  const refresh = async (): Promise<void> => {
    // The build reports problems of the layers; here they only mean fewer directories to watch.
    const wanted = new Set(await resolveBases(root, layers, []).catch(() => []));
    if (stopped) return;
    for (const [base, watcher] of bases) {
      if (!wanted.has(base)) {
        watcher.close();
        bases.delete(base);
      }
    }
    for (const base of wanted) {
      if (bases.has(base)) continue;
      const watcher = watchBase(base);
      if (watcher !== undefined) bases.set(base, watcher);
    }
  };

  const own = watch(root, { recursive: true }, (_event, name) => {
    const file = name === null ? '' : name.toString();
    if (file === '' || isLeftover(file)) return;
    pending.note(file);
    if (file === LAYER_FILE) void refresh();
  });
  void refresh();
  return () => {
    stopped = true;
    pending.stop();
    own.close();
    for (const watcher of bases.values()) watcher.close();
    bases.clear();
  };
}
