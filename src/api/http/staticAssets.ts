/**
 * The bundled files the server hands to browsers: the playground's (`dist/playground/`) and the explorer's
 * (`dist/explorer/`). Each bundle is a flat folder that `npm run build` writes whole; while a server runs it
 * does not change, so its listing is read once and each file on its first request, then served from memory
 * with a strong ETag (a hash of the bytes): a browser that revalidates gets 304 and no body.
 *
 * Read once per process: a bundle rebuilt while the server runs is served after a restart. Until the folder
 * exists (a server started before `npm run build`) the listing is tried again on each request, so the pages'
 * "not built" notice goes away on reload, as it says.
 *
 * Names come from URLs: only a plain file name of the listing, with a known extension, is ever read. Nothing
 * else (`..`, encoded or not, hidden files, sub-folders, names the listing lacks) touches the disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { etagOf, notModified } from './responseCache.js';

export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
  /** A strong validator: a hash of the body. */
  readonly etag: string;
}

/** A flat bundle: a plain file name, no folders, no hidden files, no NUL or separators. */
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export class StaticAssetFolder {
  private listing: ReadonlySet<string> | undefined;
  private readonly assets = new Map<string, StaticAsset>();

  /**
   * @param dir The bundle's folder.
   * @param contentTypes The content type of each extension served (".js" → "text/javascript; charset=utf-8"); files
   *   with any other extension are not served.
   */
  constructor(
    readonly dir: string,
    private readonly contentTypes: { readonly [extension: string]: string },
  ) {}

  /** True when the bundle holds a file of this name (e.g. its entry script: the bundle is built). */
  has(name: string): boolean {
    return this.names().has(name);
  }

  /** The file `name` of the bundle, or null when it has none (or may not serve it). */
  get(name: string): StaticAsset | null {
    const known = this.assets.get(name);
    if (known !== undefined) return known;
    const contentType = this.contentTypes[extname(name)];
    if (contentType === undefined || !FILE_NAME.test(name) || name.includes('..') || !this.names().has(name)) return null;
    let body: Buffer;
    try {
      body = readFileSync(join(this.dir, name));
    } catch {
      return null; // listed but gone (a rebuild under way): a 404 now, read again next time
    }
    const asset = { body, contentType, etag: etagOf(body) };
    this.assets.set(name, asset);
    return asset;
  }

  /** The file a URL path segment names (percent-encoded, as it comes in the request), or null. */
  fromUrlSegment(encoded: string): StaticAsset | null {
    let name: string;
    try {
      name = decodeURIComponent(encoded);
    } catch {
      return null; // malformed percent-encoding
    }
    return this.get(name);
  }

  private names(): ReadonlySet<string> {
    if (this.listing !== undefined) return this.listing;
    try {
      const entries = readdirSync(this.dir, { withFileTypes: true });
      this.listing = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
      return this.listing;
    } catch {
      return new Set(); // not built yet: looked for again on the next request
    }
  }
}

/**
 * Writes an asset with its ETag (`no-cache`: the browser revalidates each time, and a 304 costs a hash
 * comparison), or 304 when the request's If-None-Match names it. `headers` are added to both.
 */
export function sendStaticAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: StaticAsset,
  headers: Readonly<Record<string, string>> = {},
): void {
  const common = { etag: asset.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...headers };
  if (notModified(req, asset.etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, { ...common, 'content-type': asset.contentType, 'content-length': asset.body.byteLength });
  res.end((req.method ?? 'GET').toUpperCase() === 'HEAD' ? undefined : asset.body);
}
