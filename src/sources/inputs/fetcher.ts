import { createFetcher, type Fetcher, type FetchOptions } from '../fetch/index.js';

/** What readInputs needs from a URL fetcher: `fetch(url, {signal})` that never throws, and `close()`. */
export type { Fetcher };

/** The run's fetcher, built from the source options (its pool and limits are shared by every URL). */
export function defaultFetcher(options: FetchOptions): Fetcher {
  return createFetcher(options);
}
