import { packageVersion } from '../package-version.js';

/** How URLs are fetched. A timeout or interval of 0 switches that limit off. */
export interface FetchOptions {
  /** Overall time for one URL (redirects, retries, body), counted from its first request. */
  timeoutMs: number;
  /** Time allowed to open a TCP (and TLS) connection. */
  connectTimeoutMs: number;
  /** Time from sending a request to receiving the complete response headers. */
  headersTimeoutMs: number;
  /** Longest silence between two chunks of a response body. */
  bodyTimeoutMs: number;
  maxRedirects: number;
  /** Largest body accepted, in bytes, after undoing gzip/deflate/br. */
  maxBytes: number;
  userAgent: string;
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  /** Requests in flight at once to one host (host:port). */
  perHost: number;
  /** Minimum time between the starts of two requests to one host. */
  hostIntervalMs: number;
  /** Further attempts after a network error, a timeout, HTTP 429 or 5xx. */
  retries: number;
  /** Backoff before retry n (from 0) is a random time up to retryBaseMs * 2^n … */
  retryBaseMs: number;
  /** … and never more than this, which also caps a server's Retry-After. */
  retryMaxMs: number;
  /** Fetch each origin's robots.txt once and skip the URLs it disallows. */
  robots: boolean;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  maxRedirects: 5,
  maxBytes: 20 * 1024 * 1024,
  userAgent: `adscan/${packageVersion()}`,
  concurrency: 16,
  perHost: 2,
  hostIntervalMs: 0,
  retries: 2,
  retryBaseMs: 500,
  retryMaxMs: 10_000,
  robots: false,
};

/** Defaults for unset (or explicitly undefined) fields; limits that must allow one request are at least 1. */
export function resolveFetchOptions(opts: Partial<FetchOptions>): FetchOptions {
  const o: FetchOptions = { ...DEFAULT_FETCH_OPTIONS };
  for (const key of Object.keys(DEFAULT_FETCH_OPTIONS) as (keyof FetchOptions)[]) {
    if (opts[key] !== undefined) Object.assign(o, { [key]: opts[key] });
  }
  o.concurrency = Math.max(1, Math.floor(o.concurrency));
  o.perHost = Math.max(1, Math.floor(o.perHost));
  o.retries = Math.max(0, Math.floor(o.retries));
  return o;
}
