import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Finished documents, kept on disk (in a private temporary directory) rather than in memory:
 * a crawl's results outgrow the heap long before its pages outgrow the disk. Each document is
 * stored as the text its report will hold (see report/json-chunks.ts and report/jsonl.ts), so
 * writing the report at the end is copying, not parsing and formatting everything again.
 *
 * Records are framed by their byte length (a decimal line, then the bytes): a record may hold
 * any text, line breaks included.
 */
export class ResultSpool {
  private readonly dir: string;
  private readonly path: string;
  private fd: number | null;
  private count = 0;
  /** A run stopped by a second Ctrl-C exits at once: the file goes with the process. */
  private readonly onExit = () => this.dispose();

  constructor(parent = tmpdir()) {
    this.dir = mkdtempSync(join(parent, 'adscan-results-'));
    this.path = join(this.dir, 'records');
    this.fd = openSync(this.path, 'w');
    process.once('exit', this.onExit);
  }

  get size(): number {
    return this.count;
  }

  /** Appends a record: text, or its UTF-8 bytes. */
  add(record: string | Uint8Array): void {
    if (this.fd === null) throw new Error('result spool already closed');
    const body = typeof record === 'string' ? Buffer.from(record, 'utf8') : record;
    // Header and body written one after the other: no copy of a page's report text to join them.
    for (const piece of [Buffer.from(`${body.length}\n`, 'latin1'), body]) {
      for (let off = 0; off < piece.length; ) off += writeSync(this.fd, piece, off);
    }
    this.count++;
  }

  /**
   * The records in the order they were added, as their UTF-8 bytes (a report writer copies
   * them out as they are; decode with toString('utf8')). Each call reads the file afresh.
   */
  *records(): Generator<Buffer> {
    if (this.count === 0) return;
    const fd = openSync(this.path, 'r');
    try {
      const reader = new FramedReader(fd);
      for (let record = reader.next(); record !== null; record = reader.next()) yield record;
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes the file and its directory; safe to call twice. */
  dispose(): void {
    process.removeListener('exit', this.onExit);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const READ_SIZE = 1 << 20;

/** Reads length-framed records from a file in 1 MiB pieces; a record may span pieces. */
class FramedReader {
  private buf = Buffer.alloc(0);
  private eof = false;

  constructor(private readonly fd: number) {}

  next(): Buffer | null {
    let nl = this.buf.indexOf(10);
    while (nl < 0 && this.fill()) nl = this.buf.indexOf(10);
    if (nl < 0) {
      if (this.buf.length > 0) throw new Error('result spool: truncated record header');
      return null;
    }
    const length = Number(this.buf.toString('latin1', 0, nl));
    if (!Number.isSafeInteger(length) || length < 0) throw new Error('result spool: bad record header');
    const end = nl + 1 + length;
    while (this.buf.length < end) if (!this.fill()) throw new Error('result spool: truncated record');
    const record = this.buf.subarray(nl + 1, end);
    this.buf = this.buf.subarray(end);
    return record;
  }

  /** Appends the next piece of the file; false at its end. */
  private fill(): boolean {
    if (this.eof) return false;
    const piece = Buffer.allocUnsafe(READ_SIZE);
    const n = readSync(this.fd, piece, 0, READ_SIZE, null);
    if (n === 0) {
      this.eof = true;
      return false;
    }
    this.buf = this.buf.length === 0 ? piece.subarray(0, n) : Buffer.concat([this.buf, piece.subarray(0, n)]);
    return true;
  }
}
