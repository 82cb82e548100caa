const EMPTY = new Uint8Array(0);

/** Reading stopped because the caller's signal aborted. */
export class ReadAborted extends Error {
  constructor() {
    super('aborted');
  }
}
const NEWLINE = 0x0a;

/** A line as read: its bytes (with the "\n", when there is one) and whether it ended in one. */
export interface RawLine {
  bytes: Uint8Array;
  complete: boolean;
}

/**
 * Pull-style reading of a byte stream: pieces, lines and exact lengths, with the count of
 * bytes handed out (`offset`). Returned arrays may be views of the stream's own chunks.
 */
export class ByteReader {
  private chunk: Uint8Array = EMPTY;
  private pos = 0;
  private ended = false;
  /** Bytes handed out so far. */
  offset = 0;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    /** Once aborted, the next read that needs more input throws ReadAborted. */
    private readonly signal?: AbortSignal,
  ) {}

  private async fill(): Promise<boolean> {
    while (this.pos >= this.chunk.length) {
      if (this.ended) return false;
      if (this.signal?.aborted) throw new ReadAborted();
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      this.chunk = next.value;
      this.pos = 0;
    }
    return true;
  }

  /** The next byte without taking it, or null at the end of the stream. */
  async peek(): Promise<number | null> {
    return (await this.fill()) ? this.chunk[this.pos]! : null;
  }

  /** Between 1 and `max` bytes, or null at the end of the stream. */
  async read(max: number): Promise<Uint8Array | null> {
    if (max <= 0 || !(await this.fill())) return null;
    const n = Math.min(max, this.chunk.length - this.pos);
    const out = this.chunk.subarray(this.pos, this.pos + n);
    this.pos += n;
    this.offset += n;
    return out;
  }

  /**
   * Bytes up to and including the next "\n", reading at most `max` bytes: `complete` is false
   * when the limit or the end of the stream came first. Null at the end of the stream.
   */
  async readLine(max: number): Promise<RawLine | null> {
    const parts: Uint8Array[] = [];
    let length = 0;
    while (length < max && (await this.fill())) {
      const end = Math.min(this.chunk.length, this.pos + (max - length));
      const nl = this.chunk.indexOf(NEWLINE, this.pos);
      const stop = nl >= 0 && nl < end ? nl + 1 : end;
      const piece = this.chunk.subarray(this.pos, stop);
      this.offset += piece.length;
      this.pos = stop;
      parts.push(piece);
      length += piece.length;
      if (piece[piece.length - 1] === NEWLINE) {
        return { bytes: parts.length === 1 ? parts[0]! : concat(parts, length), complete: true };
      }
    }
    if (length === 0) return null;
    return { bytes: parts.length === 1 ? parts[0]! : concat(parts, length), complete: false };
  }
}

/**
 * Exactly `length` bytes of a ByteReader (a WARC record's block). Reads stop at its end;
 * `remaining` above zero once the reader is exhausted means the stream was cut short.
 */
export class Block {
  remaining: number;

  constructor(
    private readonly reader: ByteReader,
    readonly length: number,
  ) {
    this.remaining = length;
  }

  async read(max = 64 * 1024): Promise<Uint8Array | null> {
    const piece = await this.reader.read(Math.min(max, this.remaining));
    if (piece) this.remaining -= piece.length;
    return piece;
  }

  async readLine(max: number): Promise<RawLine | null> {
    const line = await this.reader.readLine(Math.min(max, this.remaining));
    if (line) this.remaining -= line.bytes.length;
    return line;
  }

  /** Reads and drops the rest; afterwards `remaining` is 0 unless the stream ended first. */
  async drain(): Promise<void> {
    while (this.remaining > 0) {
      if ((await this.read(this.remaining)) === null) return;
    }
  }
}

export function concat(parts: Uint8Array[], length?: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  return Buffer.concat(parts, length ?? parts.reduce((n, p) => n + p.length, 0));
}

/** Header bytes as text: Latin-1 never fails, and HTTP/WARC field syntax is ASCII. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
