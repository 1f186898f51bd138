/**
 * A snapshot body (snapshotEncode.ts) as a table of lines, read without decoding it: where each line starts,
 * which lines are the graph, articles, nodes and edges, a node's or edge's line found by its key, and each
 * line parsed on demand. What the patcher (snapshotPatch.ts) needs to touch a few records of 300,000 and
 * copy the rest. Keys are found through a 32-bit hash of each line's key bytes (a typed array, scanned),
 * then compared in full: a Map of 300,000 key strings cost more than the whole patch should.
 */

const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;
/** Where a node's or edge's key starts in its line: after `["N","`. */
const KEY_AT = 6;

/** FNV-1a over `bytes` from `from` to the first quote: the same bytes for a key in the file and one looked for. */
function hashUpToQuote(bytes: Uint8Array, from: number): number {
  let hash = 0x811c9dc5;
  for (let at = from; at < bytes.length; at++) {
    const c = bytes[at] ?? QUOTE;
    if (c === QUOTE) break;
    hash = Math.imul(hash ^ c, 16777619);
  }
  return hash >>> 0;
}

/** A key as the snapshot writes it between its quotes (JSON, UTF-8). */
function encodedKey(key: string): Buffer {
  const json = JSON.stringify(key);
  return Buffer.from(json.slice(1, -1), 'utf8');
}

export class SnapshotLines {
  /** starts[i]: the byte offset of line i; starts[count] is the body's length. */
  readonly starts: number[];
  readonly count: number;
  /** Line numbers: articles are 1..articles, nodes [firstNode, firstEdge), edges [firstEdge, count). */
  readonly firstNode: number;
  readonly firstEdge: number;
  /** The hash of each node's and edge's key, by line. */
  private readonly hashes: Uint32Array;
  /** Every node's number by key, made on first use (a patch that looks up hundreds of ids). */
  private nodeNumbers: Map<string, number> | undefined;

  constructor(
    readonly body: Buffer,
    articles: number,
  ) {
    const starts: number[] = [0];
    for (let at = body.indexOf(NEWLINE); at >= 0; at = body.indexOf(NEWLINE, at + 1)) starts.push(at + 1);
    if (starts[starts.length - 1] !== body.length) throw new Error('invariant: a snapshot body ends with a newline');
    this.starts = starts;
    this.count = starts.length - 1;
    this.firstNode = 1 + articles;
    let firstEdge = this.firstNode;
    while (firstEdge < this.count && this.kindOf(firstEdge) === 'N') firstEdge++;
    this.firstEdge = firstEdge;
    this.hashes = new Uint32Array(this.count);
    for (let line = this.firstNode; line < this.count; line++) {
      if (line >= firstEdge && this.kindOf(line) !== 'E') throw new Error(`invariant: line ${line} of the snapshot body is not an edge`);
      this.hashes[line] = hashUpToQuote(body, (starts[line] ?? 0) + KEY_AT);
    }
  }

  /** The record tag of a line: the letter in `["X",`. */
  kindOf(line: number): string {
    return String.fromCharCode(this.body[(this.starts[line] ?? 0) + 2] ?? 0);
  }

  /** The line's bytes without its newline. */
  bytes(line: number): Buffer {
    return this.body.subarray(this.starts[line] ?? 0, (this.starts[line + 1] ?? 0) - 1);
  }

  /** The line parsed. */
  parse(line: number): unknown[] {
    return JSON.parse(this.bytes(line).toString('utf8')) as unknown[];
  }

  /** The line that holds byte `offset` (binary search). */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The key of a node or edge line. */
  keyOf(line: number): string {
    const start = (this.starts[line] ?? 0) + KEY_AT;
    let end = start;
    let escaped = false;
    for (; end < this.body.length && this.body[end] !== QUOTE; end++) {
      if (this.body[end] === BACKSLASH) {
        escaped = true;
        end++;
      }
    }
    return escaped ? (JSON.parse(this.body.toString('utf8', start - 1, end + 1)) as string) : this.body.toString('utf8', start, end);
  }

  /** The key of node number `n`. */
  nodeKey(n: number): string | undefined {
    return n >= 0 && this.firstNode + n < this.firstEdge ? this.keyOf(this.firstNode + n) : undefined;
  }

  /** The node number of `key`, or undefined when no node has it. */
  nodeNumber(key: string): number | undefined {
    const line = this.find(key, this.firstNode, this.firstEdge);
    return line === undefined ? undefined : line - this.firstNode;
  }

  /** The node number of every key: one map made once, for callers that look up many ids (nodeNumber scans). */
  nodeIndex(): ReadonlyMap<string, number> {
    if (this.nodeNumbers === undefined) {
      const numbers = new Map<string, number>();
      for (let line = this.firstNode; line < this.firstEdge; line++) numbers.set(this.keyOf(line), line - this.firstNode);
      this.nodeNumbers = numbers;
    }
    return this.nodeNumbers;
  }

  /** The line of the edge whose key is `key`, or undefined. */
  edgeLine(key: string): number | undefined {
    return this.find(key, this.firstEdge, this.count);
  }

  private find(key: string, from: number, to: number): number | undefined {
    const wanted = encodedKey(key);
    const hash = hashUpToQuote(wanted, 0);
    for (let line = from; line < to; line++) if (this.hashes[line] === hash && this.keyOf(line) === key) return line;
    return undefined;
  }
}
