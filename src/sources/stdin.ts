import type { SourceDocument, SourceFailure } from '../core/types.js';
import { readCapped, TooLargeError } from './capped-read.js';
import { tooLargeMessage } from './messages.js';

export const STDIN_URI = '<stdin>';

export async function readStdinDocument(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<SourceDocument | SourceFailure> {
  try {
    const bytes = await readCapped(stream as AsyncIterable<Uint8Array | string>, maxBytes);
    return { uri: STDIN_URI, bytes };
  } catch (err) {
    if (err instanceof TooLargeError) {
      return { uri: STDIN_URI, error: tooLargeMessage(err.bytes, err.limit, true) };
    }
    return { uri: STDIN_URI, error: err instanceof Error ? err.message : String(err) };
  }
}
