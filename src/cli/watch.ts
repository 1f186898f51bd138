/**
 * Watching what a server serves: the data directory (recursively) or the snapshot file. Changes come in
 * bursts (an editor's save, a build's atomic rename), so they are gathered for `debounceMs` and reported once.
 * Hidden files and editor leftovers (`.x.tmp`, `x~`, `.swp`) are ignored: the atomic writer's temporary file
 * must not trigger a reload before the rename does.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

function ignored(name: string): boolean {
  const base = basename(name);
  return base.startsWith('.') || base.endsWith('~') || base.endsWith('.swp') || base.endsWith('.tmp');
}

/** Calls `onChange` after changes under `path` settle; returns a function that stops watching. */
export function watchSource(path: string, kind: 'data' | 'snapshot', onChange: (what: string) => void, debounceMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const fire = (): void => {
    const what = [...changed].sort().join(', ');
    changed = new Set();
    onChange(what);
  };
  const target = kind === 'snapshot' ? basename(path) : undefined;
  // A snapshot is replaced by a rename: watch its folder, since a watch on the file would follow the old inode.
  const watcher: FSWatcher = watch(kind === 'snapshot' ? dirname(path) : path, { recursive: kind === 'data' }, (_event, name) => {
    const file = name === null ? '' : name.toString();
    if (file === '' || ignored(file) || (target !== undefined && file !== target)) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
