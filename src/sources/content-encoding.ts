import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * Servers may compress even when not asked to. Returns a stream of the decoded body (the
 * byte cap is applied to it afterwards, so a small compressed bomb cannot blow up), or null
 * when the coding is one we cannot undo.
 */
export function decodeContentEncoding(body: Readable, encoding: string | undefined): Readable | null {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return body;
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : null;
  if (decoder === null) return null;
  // pipeline destroys both streams on error, so the reader sees the failure.
  return pipeline(body, decoder, () => {});
}
