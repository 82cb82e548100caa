import { setTimeout as sleepFor } from 'node:timers/promises';

/** Statuses worth asking again: too many requests and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Exponential backoff with full jitter: retry n (counting from 0) waits a uniformly random
 * time in [0, min(maxMs, baseMs * 2^n)), so clients that failed together do not return together.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(random() * Math.max(0, ceiling));
}

/** A day name starts every HTTP-date form (IMF-fixdate, RFC 850, asctime). */
const HTTP_DATE = /^[A-Za-z]{3,9},?\s/;

/**
 * Milliseconds a Retry-After header asks us to wait: delay-seconds or an HTTP-date (a date
 * in the past means now). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!HTTP_DATE.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Waits ms milliseconds; rejects as soon as the signal aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) {
    signal.throwIfAborted();
    return;
  }
  await sleepFor(ms, undefined, { signal });
}
