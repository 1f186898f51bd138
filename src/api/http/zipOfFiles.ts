/**
 * A zip of several files written as their text comes: fflate's streaming Zip, each entry deflated a part at a time,
 * so that neither a file nor the archive is ever held whole. Every zip of this server is made here (csv's files,
 * from a graph in memory or from a store), with a fixed timestamp, so that the same graph gives the same files.
 */
import { Zip, ZipDeflate } from 'fflate';

/** A fixed timestamp for zip entries, so that the same graph gives the same bytes. */
const ZIP_TIME = new Date('2025-01-01T00:00:00Z');

/** One file of the archive, open for its text. */
export interface ZipEntryWriter {
  push(text: string): void;
  /** Closes the file (the next one may then be opened). */
  end(): void;
}

export class ZipOfFiles {
  private readonly zip: Zip;
  private failure: Error | null = null;

  /** `write` is given the archive's bytes as fflate makes them. */
  constructor(write: (bytes: Uint8Array) => void) {
    this.zip = new Zip((error, data) => {
      if (error !== null) this.failure = error;
      else write(data);
    });
  }

  /** Opens the next file; files are written one after another. */
  file(name: string): ZipEntryWriter {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = ZIP_TIME;
    this.zip.add(entry);
    return {
      push: (text) => entry.push(Buffer.from(text, 'utf8')),
      end: () => entry.push(new Uint8Array(0), true),
    };
  }

  /** Writes the archive's directory. @throws the error fflate reported, if any. */
  end(): void {
    this.zip.end();
    if (this.failure !== null) throw this.failure;
  }
}
