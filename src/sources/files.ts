import { open, type FileHandle } from 'node:fs/promises';
import type { SourceDocument, SourceFailure } from '../core/types.js';
import { readCapped, TooLargeError } from './capped-read.js';
import { describeFsError, tooLargeMessage } from './messages.js';

/**
 * Reads one file (or FIFO/device given explicitly) into a SourceDocument. The size check
 * before reading gives the exact size in the message; a file that grows while it is read is
 * still held to the cap, and inputs such as FIFOs that have no size are read capped.
 */
export async function readFileDocument(
  path: string,
  uri: string,
  maxBytes: number,
): Promise<SourceDocument | SourceFailure> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) return { uri, error: 'is a directory' };
    if (!info.isFile()) return { uri, bytes: await readCapped(handle.createReadStream({ autoClose: false }), maxBytes) };
    if (info.size > maxBytes) return { uri, error: tooLargeMessage(info.size, maxBytes) };
    return { uri, bytes: await readSized(handle, info.size, maxBytes) };
  } catch (err) {
    if (err instanceof TooLargeError) return { uri, error: tooLargeMessage(err.bytes, err.limit, true) };
    return { uri, error: describeFsError(err) };
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * A regular file of `size` bytes, read into a buffer of its own (handed to a worker without a
 * copy) in as few reads as the system allows, without a stream's per-chunk work. Exported for
 * tests, which tell it a wrong size to stand for a file that grew or shrank after stat.
 */
export async function readSized(handle: FileHandle, size: number, maxBytes: number): Promise<Uint8Array> {
  const buffer = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) return buffer.subarray(0, filled); // it shrank meanwhile
    filled += bytesRead;
  }
  // It may have grown since stat: the end of file is where the system says it is.
  const probe = Buffer.allocUnsafe(1);
  if ((await handle.read(probe, 0, 1, size)).bytesRead === 0) return buffer;
  // The rest is read as any stream, still under the cap.
  const more = await readCapped(handle.createReadStream({ start: size, autoClose: false }), maxBytes - size).catch((err: unknown) => {
    throw err instanceof TooLargeError ? new TooLargeError(size + err.bytes, maxBytes) : err;
  });
  return Buffer.concat([buffer, more]);
}
