import { Z_BUF_ERROR, Z_OK, Z_NO_FLUSH, Z_STREAM_END, ZStream, zlibInflate, zlibInflateEnd, zlibInflateInit2, zlibInflateReset } from 'pako';

/** Corrupt or cut-short gzip data; offsets count compressed bytes from the start of the file. */
export class GzipError extends Error {
  constructor(
    message: string,
    /** Where the gzip member holding the damage starts. */
    readonly memberOffset: number,
    /** How far the decoder got. */
    readonly offset: number,
  ) {
    super(message);
  }
}

const EMPTY = new Uint8Array(0);
const OUTPUT_CHUNK = 64 * 1024;
/** A WARC record ends with CRLF CRLF. */
export const HOLD_BACK = 4;
/** windowBits for "gzip wrapper only": a stray zlib or raw stream is an error, not a guess. */
const GZIP_ONLY = 16 + 15;

/**
 * Decompresses a stream of concatenated gzip members (a .warc.gz holds one per record),
 * yielding output as it is produced. Unlike zlib's stream classes, every byte decoded before
 * a damaged or cut-short member is handed out before the GzipError is thrown, so the records
 * ahead of the damage are not lost. (Node's Gunzip decodes several members in one native
 * call and drops that call's output when a later member in it fails.)
 *
 * The last HOLD_BACK bytes of each member are only handed out once the member's CRC and
 * length have been checked: a reader that consumes a record's closing CRLFs before trusting
 * it therefore never trusts a record from a member that fails its check.
 */
export async function* gunzipMembers(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const strm = new ZStream();
  if (zlibInflateInit2(strm, GZIP_ONLY) !== Z_OK) throw new Error('cannot initialise the gzip decoder');
  const output = new Uint8Array(OUTPUT_CHUNK);
  let consumed = 0; // compressed bytes of the input chunks already used up
  let memberStart = 0;
  let inMember = false;
  let held: Uint8Array = EMPTY;
  try {
    for await (const chunk of source) {
      if (chunk.length === 0) continue;
      strm.input = chunk;
      strm.next_in = 0;
      strm.avail_in = chunk.length;
      for (;;) {
        if (!inMember) {
          if (strm.avail_in === 0) break;
          memberStart = consumed + strm.next_in;
          inMember = true;
        }
        strm.output = output;
        strm.next_out = 0;
        strm.avail_out = OUTPUT_CHUNK;
        const before = strm.next_in;
        const status = zlibInflate(strm, Z_NO_FLUSH);
        if (status !== Z_OK && status !== Z_BUF_ERROR && status !== Z_STREAM_END) {
          // This call's output (and what was held back) belongs to the damaged member: dropped.
          throw new GzipError(strm.msg || `gzip error ${status}`, memberStart, consumed + strm.next_in);
        }
        if (strm.next_out > 0) {
          // Copy: the output buffer is reused for the next call.
          const joined = held.length > 0 ? Buffer.concat([held, output.subarray(0, strm.next_out)]) : output.slice(0, strm.next_out);
          const keep = status === Z_STREAM_END ? 0 : Math.min(HOLD_BACK, joined.length);
          held = joined.slice(joined.length - keep);
          if (joined.length > keep) yield joined.subarray(0, joined.length - keep);
        } else if (status === Z_STREAM_END && held.length > 0) {
          const last = held;
          held = EMPTY;
          yield last;
        }
        if (status === Z_STREAM_END) {
          held = EMPTY;
          zlibInflateReset(strm);
          inMember = false;
          continue;
        }
        // All input used and no output held back (or no progress possible): wait for more input.
        if (strm.avail_in === 0 && strm.avail_out > 0) break;
        if (status === Z_BUF_ERROR && strm.next_out === 0 && strm.next_in === before) break;
      }
      consumed += chunk.length;
    }
    if (inMember) throw new GzipError('unexpected end of file inside a gzip member', memberStart, consumed);
  } finally {
    zlibInflateEnd(strm);
  }
}
