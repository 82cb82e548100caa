import type { SourceDocument, SourceFailure } from '../core/types.js';
import { createFetcher, type FetchOptions } from './fetch/index.js';

export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * GETs one http(s) URL with a fetcher of its own, closed afterwards so no keep-alive socket
 * holds the process open. Runs over many URLs should share one `createFetcher` instead, for
 * connection reuse and the concurrency and politeness limits.
 */
export async function fetchUrl(
  url: string,
  opts: Partial<FetchOptions>,
  signal?: AbortSignal,
): Promise<SourceDocument | SourceFailure> {
  const fetcher = createFetcher(opts);
  try {
    return await fetcher.fetch(url, signal ? { signal } : {});
  } finally {
    await fetcher.close();
  }
}
