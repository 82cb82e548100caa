import { packageVersion } from './package-version.js';

export interface SourceOptions {
  /** Extensions a directory walk picks up (explicit file arguments are always read). */
  extensions: string[];
  /** Largest file or HTTP body accepted, in bytes. */
  maxBytes: number;
  /** Total time allowed for one URL, redirects and body included. */
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_SOURCE_OPTIONS: SourceOptions = {
  extensions: ['.txt', '.md', '.html', '.htm'],
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
  userAgent: `adscan/${packageVersion()}`,
};
