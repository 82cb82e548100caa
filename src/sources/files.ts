import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { SourceDocument, SourceFailure } from '../core/types.js';
import { readCapped, TooLargeError } from './capped-read.js';
import { describeFsError, tooLargeMessage } from './messages.js';

/**
 * Reads one file (or FIFO/device given explicitly) into a SourceDocument. The size check
 * before reading gives the exact size in the message; the capped read still guards
 * against files that grow, and inputs such as FIFOs that have no size.
 */
export async function readFileDocument(
  path: string,
  uri: string,
  maxBytes: number,
): Promise<SourceDocument | SourceFailure> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { uri, error: 'is a directory' };
    if (info.isFile() && info.size > maxBytes) {
      return { uri, error: tooLargeMessage(info.size, maxBytes) };
    }
    const bytes = await readCapped(createReadStream(path), maxBytes);
    return { uri, bytes };
  } catch (err) {
    if (err instanceof TooLargeError) return { uri, error: tooLargeMessage(err.bytes, err.limit, true) };
    return { uri, error: describeFsError(err) };
  }
}
