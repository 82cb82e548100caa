import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from './fetch/options.js';

/** FetchOptions (timeouts, limits, retries, robots.txt) plus how local inputs are found. */
export interface SourceOptions extends FetchOptions {
  /** Extensions a directory walk picks up (explicit file arguments are always read). */
  extensions: string[];
  /** Largest file or HTTP body accepted, in bytes. */
  maxBytes: number;
}

export const DEFAULT_SOURCE_OPTIONS: SourceOptions = {
  ...DEFAULT_FETCH_OPTIONS,
  extensions: ['.txt', '.md', '.html', '.htm', '.warc', '.warc.gz'],
  maxBytes: 20 * 1024 * 1024,
};
