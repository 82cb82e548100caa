import { closeSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { DocumentResult } from '../core/types.js';
import { CliError } from '../cli/exit-codes.js';
import { describeFsError } from '../sources/messages.js';

/**
 * `--checkpoint FILE`: a JSON Lines file. The first line describes the run —
 * `{"adscanCheckpoint":1,"rulesHash":…,"options":{…}}`, the settings that change results —
 * and every further line is one finished document (its triaged DocumentResult), appended as
 * it finishes. A later run with the same file skips those inputs and reuses their results.
 */
export const CHECKPOINT_VERSION = 1;

export interface CheckpointHeader {
  adscanCheckpoint: number;
  rulesHash: string;
  /** Settings besides the rules that change results (null when unset). */
  options: Record<string, string | number | boolean | null>;
}

/** How an input is identified across runs: its URI, plus the archive record or caller's id. */
export interface InputKey {
  uri: string;
  recordId?: string;
  id?: string;
}

/**
 * 16 hex digits of SHA-256 over `value` in a canonical JSON form (sorted object keys; Maps
 * and Sets as sorted entries): a short fingerprint of a setting for the checkpoint header.
 */
export function settingsHash(value: unknown): string {
  const canonical = (_key: string, v: unknown): unknown => {
    if (v instanceof Map) return [...v.entries()].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    if (v instanceof Set) return [...v].sort();
    if (v instanceof RegExp) return v.toString();
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  };
  return createHash('sha256').update(JSON.stringify(value, canonical) ?? 'undefined').digest('hex').slice(0, 16);
}

export function inputKey(k: InputKey): string {
  return JSON.stringify([k.uri, k.recordId ?? '', k.id ?? '']);
}

export function documentKey(d: DocumentResult): string {
  return inputKey({ uri: d.uri, recordId: d.fetch?.recordId, id: d.id });
}

/** The settings that differ between the file's header and this run, as "what (was → now)". */
export function headerMismatches(stored: CheckpointHeader, current: CheckpointHeader, labels: Record<string, string> = {}): string[] {
  const show = (v: unknown) => (v === null || v === undefined ? '(none)' : String(v));
  const out: string[] = [];
  if (stored.rulesHash !== current.rulesHash) out.push(`rules (hash ${show(stored.rulesHash)} → ${show(current.rulesHash)})`);
  const keys = [...new Set([...Object.keys(stored.options ?? {}), ...Object.keys(current.options)])];
  for (const key of keys) {
    const was = stored.options?.[key] ?? null;
    const now = current.options[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) out.push(`${labels[key] ?? key} (${show(was)} → ${show(now)})`);
  }
  return out;
}

/** A document result read back from the file, with its line's place among the documents. */
export interface StoredDocument {
  doc: DocumentResult;
  index: number;
}

export interface CheckpointOpenOptions {
  /** The path as shown in messages. */
  display: string;
  /** Readable names of the option keys, for mismatch messages (e.g. adTypes → --ad-type). */
  labels?: Record<string, string>;
}

/**
 * An open checkpoint: the results an earlier run stored (taken one by one as their inputs
 * come round again) and an append-only file for this run's. Writes are synchronous, so a
 * document is on disk before the next one is reported and nothing needs flushing on a signal.
 */
export class Checkpoint {
  /** Stored results by input key; an input given twice had two lines, used in order. */
  private readonly stored = new Map<string, StoredDocument[]>();
  private fd: number | null;
  private recordedCount = 0;
  readonly resumable: number;

  private constructor(
    readonly path: string,
    readonly display: string,
    fd: number,
    stored: DocumentResult[],
    /** A torn last line (a run killed mid-write) was dropped. */
    readonly tornLine: boolean,
  ) {
    this.fd = fd;
    stored.forEach((doc, index) => {
      const key = documentKey(doc);
      const list = this.stored.get(key);
      if (list) list.push({ doc, index });
      else this.stored.set(key, [{ doc, index }]);
    });
    this.resumable = stored.length;
  }

  /**
   * Opens (or creates) the file. A file written with other rules or options is a usage
   * error naming the difference; an unfinished last line is cut off before appending.
   */
  static open(path: string, header: CheckpointHeader, options: CheckpointOpenOptions): Checkpoint {
    const fail = (why: string) => new CliError(`--checkpoint ${options.display}: ${why}`);
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, 'a+');
    } catch (err) {
      throw fail(`cannot open: ${describeFsError(err)}`);
    }
    try {
      const documents: DocumentResult[] = [];
      let lineNo = 0;
      // Lines are written whole, newline last: a last piece without one was cut off
      // mid-write (the run was killed) and is dropped. `keep` counts the bytes of whole lines.
      const { keep, torn } = readLines(fd, (line) => {
        lineNo++;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          throw fail(`line ${lineNo} is not JSON: the file is damaged (delete it to start over)`);
        }
        if (lineNo === 1) {
          if (!isHeader(value)) throw fail('not an adscan checkpoint (its first line is no checkpoint header)');
          if (value.adscanCheckpoint !== CHECKPOINT_VERSION) {
            throw fail(`written by another adscan (checkpoint version ${value.adscanCheckpoint}; this one reads ${CHECKPOINT_VERSION})`);
          }
          const differences = headerMismatches(value, header, options.labels);
          if (differences.length) {
            throw fail(`written with different settings: ${differences.join('; ')}. Use another checkpoint file, or delete it to start over`);
          }
        } else if (isDocument(value)) documents.push(value);
        else throw fail(`line ${lineNo} is not a document result: the file is damaged (delete it to start over)`);
      });
      try {
        ftruncateSync(fd, keep);
        // Not even the header was whole: start over.
        if (keep === 0) writeAll(fd, `${JSON.stringify(header)}\n`);
      } catch (err) {
        throw fail(`cannot write: ${describeFsError(err)}`);
      }
      return new Checkpoint(path, options.display, fd, documents, torn);
    } catch (err) {
      closeSync(fd);
      if (err instanceof CliError) throw err;
      throw fail(`cannot read: ${describeFsError(err)}`);
    }
  }

  /**
   * The stored result for this input, if the earlier run finished it (each used once), with
   * its place in the file. Documents are recorded in input order, so the file holds a prefix
   * of the run: sorting taken documents by `index` restores their order.
   */
  take(key: string): StoredDocument | undefined {
    const list = this.stored.get(key);
    if (!list) return undefined;
    const d = list.shift();
    if (list.length === 0) this.stored.delete(key);
    return d;
  }

  /** Whether `take(key)` would give a result. */
  has(key: string): boolean {
    return this.stored.has(key);
  }

  /** Appends a finished document. */
  record(d: DocumentResult): void {
    this.append(`${JSON.stringify(d)}\n`);
  }

  /**
   * Appends a finished document given as its JSON Lines report line (UTF-8, newline included):
   * the same document, its keys in report order, read back like any other line.
   */
  recordLine(line: Uint8Array): void {
    this.append(line);
  }

  private append(line: string | Uint8Array): void {
    if (this.fd === null) throw new Error('checkpoint is closed');
    try {
      writeAll(this.fd, line);
    } catch (err) {
      throw new CliError(`--checkpoint ${this.display}: cannot write: ${describeFsError(err)}`);
    }
    this.recordedCount++;
  }

  /** Documents appended by this run. */
  get recorded(): number {
    return this.recordedCount;
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/** A whole line, even if the system writes it in pieces. */
function writeAll(fd: number, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/**
 * Reads the file in chunks (a long run's checkpoint may exceed what one string can hold),
 * calling `onLine` for each newline-terminated line.
 */
function readLines(fd: number, onLine: (line: string) => void): { keep: number; torn: boolean } {
  const chunk = Buffer.alloc(1 << 22);
  let position = 0;
  let keep = 0;
  let pending: Buffer[] = [];
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    position += n;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1 && nl < n; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      keep += line.length + 1;
      onLine(line.toString('utf8'));
      start = nl + 1;
    }
    if (start < n) pending.push(Buffer.from(chunk.subarray(start, n)));
  }
  return { keep, torn: pending.length > 0 };
}

function isHeader(v: unknown): v is CheckpointHeader {
  const h = v as CheckpointHeader;
  return typeof v === 'object' && v !== null && typeof h.adscanCheckpoint === 'number' && typeof h.rulesHash === 'string' && typeof h.options === 'object';
}

function isDocument(v: unknown): v is DocumentResult {
  const d = v as DocumentResult;
  return typeof v === 'object' && v !== null && typeof d.uri === 'string' && Array.isArray(d.findings);
}
