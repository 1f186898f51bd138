/**
 * Reading a request body with a size limit: a body over the limit is refused as soon as it is known to
 * be (from Content-Length, or while it streams), without holding more than the limit in memory.
 */
import type { IncomingMessage } from 'node:http';
import { LimitError } from '../limits.js';

function tooLarge(limit: number, actual: number): LimitError {
  return new LimitError('maxBodyBytes', limit, actual, `The request body is over the limit of ${limit} bytes: send a shorter document, with values in variables.`);
}

/**
 * The whole body of `req`.
 * @throws LimitError REQUEST_TOO_LARGE when it is longer than `maxBytes`; the rest of the body is discarded.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume(); // discard, so that the connection can carry the refusal
      reject(tooLarge(maxBytes, declared));
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      length += buffer.byteLength;
      if (length > maxBytes) {
        req.off('data', onData);
        req.resume();
        reject(tooLarge(maxBytes, length));
        return;
      }
      chunks.push(buffer);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
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
