/**
 * Splits a byte stream into lines as it arrives, never holding more than one line. A line
 * longer than `maxLineBytes` is not kept: it is reported as `tooLong` (with its length) and
 * the reader moves on to the next line. "\n" and "\r\n" both end a line; a UTF-8 BOM at the
 * start is dropped. Lines are decoded as UTF-8; one that is not valid UTF-8 comes back with
 * `invalid` set. Line numbers start at 1.
 */
export type Line =
  | { number: number; text: string }
  | { number: number; tooLong: number }
  | { number: number; invalid: true };

const NEWLINE = 0x0a;

export async function* splitLines(
  stream: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Uint8Array[] = [];
  let length = 0; // bytes of the current line so far (also counted once it is too long)
  let number = 1;
  let first = true;

  const finish = (): Line => {
    const n = number++;
    if (length > maxLineBytes) return { number: n, tooLong: length };
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    first = false;
    try {
      return { number: n, text: decoder.decode(bytes) };
    } catch {
      return { number: n, invalid: true };
    }
  };
  const append = (piece: Uint8Array): void => {
    length += piece.length;
    if (length > maxLineBytes) parts = [];
    else if (piece.length > 0) parts.push(piece);
  };

  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end < 0) break;
      append(bytes.subarray(start, end));
      yield finish();
      parts = [];
      length = 0;
      first = false;
      start = end + 1;
    }
    // Copy the remainder: the stream may reuse its chunk buffers.
    if (start < bytes.length) append(Uint8Array.prototype.slice.call(bytes, start));
  }
  if (length > 0 || parts.length > 0) yield finish();
}

export function isBlankOrComment(text: string): boolean {
  const t = text.trim();
  return t === '' || t.startsWith('#');
}
