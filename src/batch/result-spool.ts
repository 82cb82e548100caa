import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentResult } from '../core/types.js';

/**
 * Finished documents, kept on disk (one JSON line each, in a private temporary directory)
 * rather than in memory: a crawl's results outgrow the heap long before its pages outgrow the
 * disk. Reports that can be written piece by piece read them back one at a time.
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
    this.path = join(this.dir, 'documents.jsonl');
    this.fd = openSync(this.path, 'w');
    process.once('exit', this.onExit);
  }

  get size(): number {
    return this.count;
  }

  add(doc: DocumentResult): void {
    if (this.fd === null) throw new Error('result spool already closed');
    const line = Buffer.from(`${JSON.stringify(doc)}\n`, 'utf8');
    for (let off = 0; off < line.length; ) off += writeSync(this.fd, line, off);
    this.count++;
  }

  /** The documents in the order they were added; each call reads the file afresh. */
  *documents(): Generator<DocumentResult> {
    if (this.count === 0) return;
    const fd = openSync(this.path, 'r');
    try {
      const chunk = Buffer.alloc(1 << 20);
      let pending: Buffer[] = [];
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        let from = 0;
        for (let nl = chunk.indexOf(10, from); nl >= 0 && nl < n; nl = chunk.indexOf(10, from)) {
          pending.push(chunk.subarray(from, nl));
          yield JSON.parse(Buffer.concat(pending).toString('utf8')) as DocumentResult;
          pending = [];
          from = nl + 1;
        }
        if (from < n) pending.push(Buffer.from(chunk.subarray(from, n)));
      }
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
