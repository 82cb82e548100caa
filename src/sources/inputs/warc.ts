import { createReadStream } from 'node:fs';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { FetchEvidence, SourceDocument, SourceFailure } from '../../core/types.js';
import { describeFsError, tooLargeMessage } from '../messages.js';
import { Block, ByteReader, concat, latin1, ReadAborted, type RawLine } from './byte-reader.js';
import { GzipError, HOLD_BACK, gunzipMembers } from './gunzip.js';
import { countSkipped, type InputStats, type SkipKey } from './options.js';

export function isWarcName(path: string): boolean {
  return /\.warc(?:\.gz)?$/i.test(path);
}

export interface WarcOptions {
  /** Largest HTTP body accepted per record, after undoing transfer and content encodings. */
  maxBytes: number;
  skip?: (key: SkipKey) => boolean;
  stats?: InputStats;
  signal?: AbortSignal;
}

/** HTTP payloads worth scanning. */
const TEXT_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown']);
const MAX_WARC_HEADER_BYTES = 64 * 1024;
const MAX_HTTP_HEADER_BYTES = 64 * 1024;
const MAX_HEADER_LINE = 16 * 1024;

/** The archive cannot be read past this point. */
class ArchiveError extends Error {}
/** One record's HTTP message is unusable; the archive goes on. */
class RecordError extends Error {}

interface WarcHeaders {
  fields: Map<string, string>;
  length: number;
}

const utf8Decoder = new TextDecoder('utf-8');
const utf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes);

function lineText(line: RawLine, decode: (b: Uint8Array) => string): string {
  return decode(line.bytes).replace(/\r?\n$/, '');
}

function isBlank(line: RawLine): boolean {
  const b = line.bytes;
  return line.complete && (b.length === 1 || (b.length === 2 && b[0] === 0x0d));
}

/** "Name: value" lines, folded continuations joined; names lower-cased, the first of a repeated name kept. */
function addField(fields: Map<string, string>, text: string, last: { name: string | null }): void {
  if (/^[ \t]/.test(text) && last.name !== null) {
    fields.set(last.name, `${fields.get(last.name) ?? ''} ${text.trim()}`);
    return;
  }
  const colon = text.indexOf(':');
  if (colon <= 0) {
    last.name = null;
    return;
  }
  const name = text.slice(0, colon).trim().toLowerCase();
  last.name = fields.has(name) ? null : name;
  if (!fields.has(name)) fields.set(name, text.slice(colon + 1).trim());
}

/**
 * The next record's header, or null at a clean end of the archive. `at.start` is set to the
 * offset of its first line (for messages about it).
 */
async function readWarcHeaders(reader: ByteReader, at: { start: number }): Promise<WarcHeaders | null> {
  let first: RawLine | null;
  // Records end with two CRLFs; be lenient about how many blank lines separate them.
  do {
    at.start = reader.offset;
    first = await reader.readLine(MAX_HEADER_LINE);
    if (first === null) return null;
  } while (isBlank(first));
  const version = lineText(first, utf8);
  if (!first.complete || !/^WARC\/\d+\.\d+\s*$/.test(version)) {
    throw new ArchiveError(`expected a WARC record ("WARC/1.x"), found ${JSON.stringify(version.slice(0, 40))}`);
  }
  const fields = new Map<string, string>();
  const last = { name: null as string | null };
  let size = first.bytes.length;
  for (;;) {
    const line = await reader.readLine(MAX_HEADER_LINE);
    if (line === null || !line.complete) {
      if (line !== null && line.bytes.length >= MAX_HEADER_LINE) throw new ArchiveError('WARC header line too long');
      throw new ArchiveError('archive ends inside a record header');
    }
    size += line.bytes.length;
    if (size > MAX_WARC_HEADER_BYTES) throw new ArchiveError('WARC record header too long');
    if (isBlank(line)) break;
    addField(fields, lineText(line, utf8), last);
  }
  const declared = fields.get('content-length');
  if (declared === undefined || !/^\d+$/.test(declared)) {
    throw new ArchiveError(`record header has ${declared === undefined ? 'no' : 'an invalid'} Content-Length`);
  }
  return { fields, length: Number(declared) };
}

interface HttpHead {
  status: number;
  fields: Map<string, string>;
}

async function readHttpHead(block: Block): Promise<HttpHead> {
  const statusLine = await block.readLine(MAX_HEADER_LINE);
  const status = statusLine && /^HTTP\/\d+(?:\.\d+)?[ \t]+(\d{3})\b/.exec(lineText(statusLine, latin1));
  if (!statusLine?.complete || !status) throw new RecordError('archived response has no HTTP status line');
  const fields = new Map<string, string>();
  const last = { name: null as string | null };
  let size = statusLine.bytes.length;
  for (;;) {
    const line = await block.readLine(MAX_HEADER_LINE);
    if (line === null || !line.complete) throw new RecordError('archived response ends inside its HTTP headers');
    size += line.bytes.length;
    if (size > MAX_HTTP_HEADER_BYTES) throw new RecordError('archived response has too long HTTP headers');
    if (isBlank(line)) break;
    addField(fields, lineText(line, latin1), last);
  }
  return { status: Number(status[1]), fields };
}

class BodyTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly atLeast: boolean,
  ) {
    super('too large');
  }
}

/** Reads up to `cap` bytes of the block; more is an error (the caller drains the rest). */
async function readPlain(block: Block, cap: number, parts: Uint8Array[] = [], already = 0): Promise<Uint8Array> {
  let total = already;
  for (;;) {
    const piece = await block.read();
    if (piece === null) break;
    total += piece.length;
    if (total > cap) throw new BodyTooLarge(total, true);
    parts.push(piece);
  }
  return concat(parts, total);
}

/**
 * Undoes `Transfer-Encoding: chunked`. A body that does not start with a chunk size was
 * stored already de-chunked (some crawlers do that) and is read as it is.
 */
async function readChunked(block: Block, cap: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let first = true; ; first = false) {
    const line = await block.readLine(1024);
    if (line === null) break; // The block ended without the last chunk: take what came.
    const size = /^([0-9a-fA-F]{1,8})[ \t]*(?:;[^\r\n]*)?\r?\n$/.exec(latin1(line.bytes));
    if (!size) {
      if (first) return readPlain(block, cap, [line.bytes], line.bytes.length);
      throw new RecordError('malformed chunked body');
    }
    const n = parseInt(size[1]!, 16);
    if (n === 0) break; // Trailers, if any, are drained with the rest of the block.
    if (total + n > cap) throw new BodyTooLarge(total + n, false);
    let got = 0;
    while (got < n) {
      const piece = await block.read(n - got);
      if (piece === null) break;
      parts.push(piece);
      got += piece.length;
    }
    total += got;
    if (got < n) break;
    const end = await block.readLine(2);
    if (end !== null && !isBlank(end)) throw new RecordError('malformed chunked body');
  }
  return concat(parts, total);
}

/** Undoes Content-Encoding (a list is applied in order, so undone last to first). */
function undoContentEncoding(bytes: Uint8Array, header: string | undefined, maxBytes: number): Uint8Array {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let out = bytes;
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') out = gunzipSync(out, opts);
      else if (coding === 'br') out = brotliDecompressSync(out, opts);
      else if (coding === 'deflate') {
        try {
          out = inflateSync(out, opts);
        } catch (err) {
          // Servers often send raw deflate without the zlib wrapper.
          if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw err;
          out = inflateRawSync(out, opts);
        }
      } else throw new RecordError(`unsupported content-encoding "${coding}"`);
    } catch (err) {
      if (err instanceof RecordError) throw err;
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLarge(maxBytes + 1, true);
      throw new RecordError(`cannot undo content-encoding ${coding}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

function mimeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function targetUri(fields: Map<string, string>): string | undefined {
  const raw = fields.get('warc-target-uri');
  if (!raw) return undefined;
  // wget writes the URI in angle brackets.
  return raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
}

/**
 * A `response` record's item: the HTTP body as a document, a failure, or null for a response
 * that is not worth scanning (not text, not 2xx). Leaves the rest of the block unread.
 */
async function readResponse(
  block: Block,
  uri: string,
  evidence: FetchEvidence,
  opts: WarcOptions,
): Promise<SourceDocument | SourceFailure | null> {
  let head: HttpHead;
  try {
    head = await readHttpHead(block);
  } catch (err) {
    if (err instanceof RecordError) return { uri, error: err.message, fetch: evidence };
    throw err;
  }
  evidence.status = head.status;
  const contentType = head.fields.get('content-type');
  if (head.status < 200 || head.status > 299) {
    countSkipped(opts.stats, 'non-2xx response');
    return null;
  }
  if (!TEXT_TYPES.has(mimeOf(contentType))) {
    countSkipped(opts.stats, 'non-text response');
    return null;
  }
  const chunked = /\bchunked\b/i.test(head.fields.get('transfer-encoding') ?? '');
  const coding = head.fields.get('content-encoding');
  const encoded = chunked || (coding !== undefined && !/^\s*(?:identity)?\s*$/i.test(coding));
  try {
    if (!encoded && block.remaining > opts.maxBytes) throw new BodyTooLarge(block.remaining, false);
    // The raw body is capped too: compressed text is smaller than the text itself.
    const raw = chunked ? await readChunked(block, opts.maxBytes) : await readPlain(block, opts.maxBytes);
    const bytes = undoContentEncoding(raw, coding, opts.maxBytes);
    const doc: SourceDocument = { uri, bytes, fetch: evidence };
    if (contentType !== undefined) doc.contentType = contentType;
    return doc;
  } catch (err) {
    if (err instanceof BodyTooLarge) return { uri, error: tooLargeMessage(err.bytes, opts.maxBytes, err.atLeast), fetch: evidence };
    if (err instanceof RecordError) return { uri, error: err.message, fetch: evidence };
    throw err;
  }
}

/** Up to the four bytes of CR and LF that end a record (the next record's header is left alone). */
async function readRecordEnd(reader: ByteReader): Promise<void> {
  for (let i = 0; i < HOLD_BACK; i++) {
    const next = await reader.peek();
    if (next !== 0x0d && next !== 0x0a) return;
    await reader.read(1);
  }
}

/**
 * Reads a WARC or WARC.gz file (`path`; `archive` is how reports name it) one record at a time,
 * yielding a document for each 2xx `response` record whose HTTP payload is HTML or text, named
 * by its WARC-Target-URI and carrying fetch evidence. Other records are passed over (and
 * counted in `stats`). A record whose body is too large or unreadable becomes a failure and the
 * archive goes on; damage that stops the reading (cut short, not WARC, corrupt gzip) becomes a
 * failure naming the archive, the record and the offset, after the records before it.
 */
export async function* readWarc(path: string, archive: string, opts: WarcOptions): AsyncGenerator<SourceDocument | SourceFailure> {
  const gzipped = /\.gz$/i.test(path);
  const file = createReadStream(path);
  const bytes: AsyncIterable<Uint8Array> = gzipped ? gunzipMembers(file) : file;
  const iterator = bytes[Symbol.asyncIterator]();
  // A long record stops being read as soon as the caller aborts, not at its end.
  const reader = new ByteReader(iterator, opts.signal);
  let records = 0;
  const at = { start: 0 };
  try {
    for (;;) {
      if (opts.signal?.aborted) return;
      const header = await readWarcHeaders(reader, at);
      if (header === null) return;
      const { fields } = header;
      const block = new Block(reader, header.length);
      const type = (fields.get('warc-type') ?? '').toLowerCase();
      const recordId = fields.get('warc-record-id');
      let item: SourceDocument | SourceFailure | null = null;

      if (type !== 'response') {
        countSkipped(opts.stats, type || 'untyped record');
      } else if (!mimeOf(fields.get('content-type')).startsWith('application/http')) {
        countSkipped(opts.stats, 'non-HTTP response'); // e.g. dns: records
      } else {
        const uri = targetUri(fields) ?? `${archive}#${at.start}`;
        const key: SkipKey = { uri };
        if (recordId !== undefined) key.recordId = recordId;
        if (!opts.skip?.(key)) {
          const evidence: FetchEvidence = { archive };
          const date = fields.get('warc-date');
          if (date) evidence.fetchedAt = date;
          if (recordId !== undefined) evidence.recordId = recordId;
          item = await readResponse(block, uri, evidence, opts);
        }
      }

      await block.drain();
      if (block.remaining > 0) {
        throw new ArchiveError(`archive ends inside the record (${block.remaining} of ${block.length} bytes missing)`);
      }
      // Take the closing CRLFs before trusting the record: in a .warc.gz they are only handed
      // out once the record's gzip member has passed its CRC check (see gunzipMembers).
      await readRecordEnd(reader);
      records++;
      if (item !== null) yield item;
    }
  } catch (err) {
    if (err instanceof ReadAborted) return;
    yield { uri: archive, error: describeDamage(err, records, at.start, gzipped) };
  } finally {
    void Promise.resolve(iterator.return?.()).catch(() => {});
    file.destroy();
  }
}

function describeDamage(err: unknown, records: number, offset: number, gzipped: boolean): string {
  const after = `${records} ${records === 1 ? 'record' : 'records'} read before it`;
  if (err instanceof GzipError) {
    return `corrupt or truncated gzip data in record ${records + 1} (gzip member at offset ${err.memberOffset}): ${err.message}; ${after}`;
  }
  if (err instanceof ArchiveError) {
    const where = `record ${records + 1} at ${gzipped ? 'uncompressed ' : ''}offset ${offset}`;
    return `truncated or corrupt WARC at ${where}: ${err.message}; ${after}`;
  }
  if (records === 0 && typeof (err as { code?: unknown } | null)?.code === 'string') return describeFsError(err);
  return `cannot read WARC at record ${records + 1}: ${err instanceof Error ? err.message : String(err)}`;
}
