/** Thrown by readCapped when a stream goes past its byte limit. */
export class TooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`stream exceeded ${limit} bytes`);
  }
}

/**
 * Collects a byte stream into one buffer, giving up as soon as it passes `maxBytes` so a
 * huge or endless input never gets buffered. Leaving the `for await` early destroys the
 * stream, which also releases an HTTP connection or file handle.
 */
export async function readCapped(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.length;
    if (total > maxBytes) throw new TooLargeError(total, maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
