/**
 * Reading a request body with a size limit: a body over the limit is refused as soon as it is known to
 * be (from Content-Length, or while it streams), without holding more than the limit in memory.
 */
import { IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LimitError } from '../limitError.js';
import { sendError, writeError } from './respond.js';

function tooLarge(limit: number, actual: number): LimitError {
  return new LimitError('maxBodyBytes', limit, actual, `The request body is over the limit of ${limit} bytes: send a shorter document, with values in variables.`);
}

/** Milliseconds a body may go without a byte before the request is refused (a short body under a longer Content-Length). */
export const BODY_IDLE_TIMEOUT_MS = 5_000;

/** The client stopped sending: it closed the connection mid-body, or went quiet. A normal event, not a fault. */
export class ClientGoneError extends Error {
  readonly reason: 'aborted' | 'idle' | 'stalled';
  /** @param stalledMs for 'stalled': how long the client took none of the answer. */
  constructor(reason: 'aborted' | 'idle' | 'stalled', stalledMs = 0) {
    super(
      reason === 'aborted'
        ? 'the client closed the connection before the body was complete'
        : reason === 'idle'
          ? `no byte of the body for ${BODY_IDLE_TIMEOUT_MS} ms`
          : `the client took none of the answer for ${stalledMs} ms`,
    );
    this.name = 'ClientGoneError';
    this.reason = reason;
  }
}

/** A body being read: when its last byte came, and what to do when it waits too long. */
interface PendingBody {
  readonly lastByteAt: number;
  readonly idleMs: number;
  expire(): void;
  /** Its neighbours in the list of bodies being read (`watchIdle`), while it is in it. */
  previousPending: PendingBody | undefined;
  nextPending: PendingBody | undefined;
}

/**
 * Bodies being read, checked by one shared timer every IDLE_SWEEP_MS rather than a timer armed and cleared
 * per request and per chunk: the timer calls were a measurable part of what a cached answer costs. A body is
 * refused between idleMs and idleMs + IDLE_SWEEP_MS after its last byte. The timer stops when nothing is read.
 * A list linked through the bodies themselves, not a Set: a Set lives in the old generation and is added to
 * and deleted from for every request, and V8 now and then rehashes it into a new table allocated in the old
 * generation; measured, that was about 120 bytes of old-generation garbage per cache hit, the growth that brought a
 * full collection of a 500 MB heap every two million answers (docs/design-choices.md, section `front`).
 */
let firstPending: PendingBody | undefined;
let lastPending: PendingBody | undefined;
const IDLE_SWEEP_MS = 250;
let sweeper: NodeJS.Timeout | undefined;

function sweepIdleBodies(): void {
  if (firstPending === undefined) {
    clearInterval(sweeper);
    sweeper = undefined;
    return;
  }
  const now = Date.now();
  for (let pending: PendingBody | undefined = firstPending; pending !== undefined; ) {
    const next: PendingBody | undefined = pending.nextPending; // expire() takes `pending` out of the list
    // One taken out meanwhile (by what an expiry's answer did) is not told again; the next sweep sees the rest.
    if (!isWatched(pending)) break;
    if (now - pending.lastByteAt >= pending.idleMs) pending.expire();
    pending = next;
  }
}

function watchIdle(pending: PendingBody): void {
  pending.previousPending = lastPending;
  pending.nextPending = undefined;
  if (lastPending === undefined) firstPending = pending;
  else lastPending.nextPending = pending;
  lastPending = pending;
  if (sweeper === undefined) {
    sweeper = setInterval(sweepIdleBodies, IDLE_SWEEP_MS);
    sweeper.unref(); // a body being read keeps its socket, and so the process, alive; the sweeper need not
  }
}

/** Whether a body is in the list of those being read (taking it out clears its links). */
function isWatched(pending: PendingBody): boolean {
  return pending.previousPending !== undefined || firstPending === pending;
}

/** Takes a body out of the list of those being read; nothing when it is not in it. */
function unwatchIdle(pending: PendingBody): void {
  if (!isWatched(pending)) return; // already taken out
  const { previousPending, nextPending } = pending;
  if (previousPending === undefined) firstPending = nextPending;
  else previousPending.nextPending = nextPending;
  if (nextPending === undefined) lastPending = previousPending;
  else nextPending.previousPending = previousPending;
  pending.previousPending = undefined;
  pending.nextPending = undefined;
}

/** Bodies being read right now (for tests: none may be left behind). */
export function bodiesBeingRead(): number {
  let count = 0;
  for (let pending = firstPending; pending !== undefined; pending = pending.nextPending) count++;
  return count;
}

/** What `readBodyThen` calls once: the body's bytes, or why there are none (a LimitError or a ClientGoneError). */
export type BodyCallback = (error: Error | null, body: Buffer | undefined) => void;

/** The reader of a request's body, kept on the request while it reads (the shared listeners below find it there). */
const READER = Symbol('newsgraph.bodyReader');
type Reading = IncomingMessage & { [READER]?: BodyReader };

/**
 * node:http's request with the reader's slot there from its construction (`createServer({ IncomingMessage })`):
 * a property added to a request after node made it moves the object to another hidden class (a map transition,
 * and a migration when V8 has generalized the field) for every request; a field the constructor makes is a plain
 * store. `readBodyThen` works on any request; on these it adds nothing to the object.
 */
export class BodyReadingRequest extends IncomingMessage {
  [READER]: BodyReader | undefined = undefined;
}

/**
 * One body being read. Its listeners are three functions shared by every request, which find the reader on the
 * request (`this` of a listener is the emitter): a cached answer reads a body per request, and six closures and
 * their context per request were a measurable share of what a hit allocates (every byte of it brings the next
 * minor collection closer, and with a large graph in the heap each one is dear).
 */
class BodyReader implements PendingBody {
  lastByteAt = Date.now();
  previousPending: PendingBody | undefined = undefined;
  nextPending: PendingBody | undefined = undefined;
  private first: Buffer | undefined = undefined;
  private chunks: Buffer[] | undefined = undefined;
  private length = 0;

  constructor(
    private readonly req: Reading,
    private readonly maxBytes: number,
    readonly idleMs: number,
    private readonly done: BodyCallback,
  ) {}

  expire(): void {
    this.finish(new ClientGoneError('idle'), undefined);
  }

  add(buffer: Buffer): void {
    this.length += buffer.byteLength;
    if (this.length > this.maxBytes) {
      this.req.resume();
      this.finish(tooLarge(this.maxBytes, this.length), undefined);
      return;
    }
    // Most bodies come in one chunk: kept as it is, no array and no concat.
    if (this.first === undefined) this.first = buffer;
    else (this.chunks ??= [this.first]).push(buffer);
    this.lastByteAt = Date.now();
  }

  end(): void {
    this.finish(null, this.chunks !== undefined ? Buffer.concat(this.chunks) : (this.first ?? Buffer.alloc(0)));
  }

  finish(error: Error | null, body: Buffer | undefined): void {
    const { req } = this;
    unwatchIdle(this);
    req.off('data', onReaderData);
    req.off('end', onReaderEnd);
    req.off('error', onReaderError);
    req[READER] = undefined;
    this.done(error, body);
  }
}

function onReaderData(this: Reading, chunk: Buffer | string): void {
  this[READER]?.add(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
}

function onReaderEnd(this: Reading): void {
  this[READER]?.end();
}

function onReaderError(this: Reading, error: Error): void {
  const code = (error as NodeJS.ErrnoException).code;
  this[READER]?.finish(code === 'ECONNRESET' || error.message === 'aborted' ? new ClientGoneError('aborted') : error, undefined);
}

/**
 * The whole body of `req`, given to `done` once, without a promise: the server's cache-hit path answers a
 * request from the callback itself, with no turn of the microtask queue per step. `readBody` is its promise form.
 * Refusals: a LimitError (REQUEST_TOO_LARGE) when the body is longer than `maxBytes` (the rest is discarded),
 * a ClientGoneError when the client aborts or sends nothing for `idleMs`, or the stream's own error.
 */
export function readBodyThen(req: IncomingMessage, maxBytes: number, done: BodyCallback, idleMs: number = BODY_IDLE_TIMEOUT_MS): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume(); // discard, so that the connection can carry the refusal
    done(tooLarge(maxBytes, declared), undefined);
    return;
  }
  const reading = req as Reading;
  const reader = new BodyReader(reading, maxBytes, idleMs, done);
  reading[READER] = reader;
  // `on`, not `once`: `finish` removes all three at the first of them, and `once` would wrap each listener in a
  // closure of its own for every request. No 'aborted' listener: a request whose client leaves mid-body is
  // destroyed with an ECONNRESET "aborted" error, emitted as 'error' whenever the request has an 'error' listener
  // (node's IncomingMessage._destroy), so 'error' tells it, and one listener fewer is added and removed per request.
  req.on('data', onReaderData);
  req.on('end', onReaderEnd);
  req.on('error', onReaderError);
  watchIdle(reader);
}

/**
 * The whole body of `req`.
 * @throws LimitError REQUEST_TOO_LARGE when it is longer than `maxBytes`; the rest of the body is discarded.
 * @throws ClientGoneError when the client aborts, or sends nothing for BODY_IDLE_TIMEOUT_MS.
 */
export function readBody(req: IncomingMessage, maxBytes: number, idleMs: number = BODY_IDLE_TIMEOUT_MS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    readBodyThen(req, maxBytes, (error, body) => (error === null ? resolve(body as Buffer) : reject(error)), idleMs);
  });
}

/** The media type and charset of a Content-Type header, lower-cased. */
export function parseContentType(header: string | undefined): { mediaType: string; charset: string | undefined } | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const [type = '', ...parameters] = header.split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** Bytes of an oversize body read and thrown away so that the client, still sending, reads its 413. */
export const DISCARD_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Answers 413 to a body over the limit so that the client sees it: closing while the client still sends
 * makes its kernel report a broken pipe (or a reset) instead of the status. So the whole answer is written at
 * once, but the response is ended only when the rest of the body has been read and discarded (up to
 * DISCARD_MAX_BYTES, within the server's request timeout); node then closes or keeps the connection as usual.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, error: LimitError): void {
  const declared = Number(req.headers['content-length']);
  const discardable = !Number.isFinite(declared) || declared <= DISCARD_MAX_BYTES;
  writeError(res, 413, error.code, error.message, { limit: error.limit, actual: error.actual }, discardable ? {} : { connection: 'close' });
  if (!discardable || req.readableEnded) {
    res.end();
    return;
  }
  let discarded = 0;
  const finish = (): void => {
    if (!res.writableEnded) res.end();
  };
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > DISCARD_MAX_BYTES) {
      finish();
      req.socket.destroy();
    }
  });
  req.once('end', finish);
  req.once('close', finish);
  req.resume();
}

/** A client that left or went quiet: 408 if it can still read, and the connection closed; nothing logged. */
export function refuseGoneClient(res: ServerResponse, error: ClientGoneError): void {
  if (error.reason === 'idle' && !res.headersSent && res.writable) {
    sendError(res, 408, 'REQUEST_TIMEOUT', `The request body stopped arriving (${error.message}): send the whole body at once.`, {}, { connection: 'close' });
  }
  res.once('finish', () => res.socket?.destroy());
  if (error.reason === 'aborted') res.socket?.destroy();
}

/**
 * `Expect: 100-continue`: a body declared over the limit is refused with 413 before the client sends it (no
 * "100 Continue"), and the connection closed; any other request gets its "100 Continue" and goes on as usual.
 * Without this, node answers "100 Continue" to everything, and the client sends a body that is then refused.
 */
export function refuseOversizeExpectations(server: Server, maxBytes: number): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      const error = tooLarge(maxBytes, declared);
      sendError(res, 413, error.code, error.message, { limit: error.limit, actual: error.actual }, { connection: 'close' });
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
}
