/**
 * A snapshot body (snapshotEncode.ts) as a table of lines, read without decoding it: where each line starts,
 * which lines are the graph, articles, nodes and edges, each node's and edge's key, and each line parsed on
 * demand. What the patcher (snapshotPatch.ts) needs to touch a few records of 300,000 and copy the rest.
 */

const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;

export class SnapshotLines {
  /** starts[i]: the byte offset of line i; starts[count] is the body's length. */
  readonly starts: number[];
  readonly count: number;
  /** Line numbers: articles are 1..articles, nodes [firstNode, firstEdge), edges [firstEdge, count). */
  readonly firstNode: number;
  readonly firstEdge: number;
  /** Node keys by node number; the node number of each key. */
  readonly nodeKeys: string[];
  readonly nodeNumber: Map<string, number>;
  /** Edge keys by edge number (line - firstEdge), and the edge number of each key. */
  readonly edgeKeys: string[];
  readonly edgeNumber: Map<string, number>;

  constructor(
    readonly body: Buffer,
    articles: number,
  ) {
    const starts: number[] = [0];
    for (let at = body.indexOf(NEWLINE); at >= 0 && at + 1 <= body.length; at = body.indexOf(NEWLINE, at + 1)) {
      starts.push(at + 1);
      if (at + 1 === body.length) break;
    }
    if (starts[starts.length - 1] !== body.length) throw new Error('invariant: a snapshot body ends with a newline');
    this.starts = starts;
    this.count = starts.length - 1;
    this.firstNode = 1 + articles;
    let firstEdge = this.firstNode;
    while (firstEdge < this.count && this.kindOf(firstEdge) === 'N') firstEdge++;
    this.firstEdge = firstEdge;
    this.nodeKeys = [];
    this.nodeNumber = new Map();
    for (let line = this.firstNode; line < firstEdge; line++) {
      const key = this.keyOf(line);
      this.nodeNumber.set(key, this.nodeKeys.length);
      this.nodeKeys.push(key);
    }
    this.edgeKeys = [];
    this.edgeNumber = new Map();
    for (let line = firstEdge; line < this.count; line++) {
      if (this.kindOf(line) !== 'E') throw new Error(`invariant: line ${line} of the snapshot body is not an edge`);
      const key = this.keyOf(line);
      this.edgeNumber.set(key, this.edgeKeys.length);
      this.edgeKeys.push(key);
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

  /** The key of a node or edge line (the string after `["N",` or `["E",`), read without parsing the line. */
  private keyOf(line: number): string {
    const start = (this.starts[line] ?? 0) + 5;
    if (this.body[start] !== QUOTE) throw new Error(`invariant: line ${line} of the snapshot body has no key`);
    let end = start + 1;
    let escaped = false;
    for (; end < this.body.length && this.body[end] !== QUOTE; end++) {
      if (this.body[end] === BACKSLASH) {
        escaped = true;
        end++;
      }
    }
    const raw = this.body.toString('utf8', start, end + 1);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }
}
