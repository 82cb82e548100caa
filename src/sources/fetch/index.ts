// URL fetching for a run: create one fetcher, fetch many URLs through it, close it.
export { createFetcher, type Fetcher } from './fetcher.js';
export { DEFAULT_FETCH_OPTIONS, resolveFetchOptions, type FetchOptions } from './options.js';
