// The fetcher's pure parts: Retry-After, backoff, content types, error naming, options, CLI flags.
import { describe, expect, it } from 'vitest';
import { sourceOptions } from '../../src/cli/source-flags.js';
import { mediaType, refusedContentType } from '../../src/sources/fetch/content-type.js';
import { describeFetchError, isRetryableError } from '../../src/sources/fetch/network-failure.js';
import { DEFAULT_FETCH_OPTIONS, resolveFetchOptions } from '../../src/sources/fetch/index.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../../src/sources/fetch/retry.js';
import { DEFAULT_SOURCE_OPTIONS } from '../../src/sources/index.js';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('Retry-After and backoff', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Saturday, 01-Mar-25 12:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    for (const v of [undefined, '', '-1', '1.5', 'soon', '2025-03-01']) expect(parseRetryAfter(v, now)).toBeUndefined();
  });

  it('jitters uniformly below base * 2^n, capped', () => {
    expect(backoffDelay(0, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffDelay(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(backoffDelay(20, 100, 10_000, () => 0.5)).toBe(5_000);
    expect(backoffDelay(2, 100, 10_000, () => 0)).toBe(0);
  });

  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 301].some(isRetryableStatus)).toBe(false);
  });
});

describe('content types', () => {
  it('accepts HTML, XHTML, plain text and no type at all', () => {
    for (const ct of [undefined, '', 'text/html', 'TEXT/HTML; charset=GBK', 'application/xhtml+xml', 'text/plain;charset=utf-8']) {
      expect(refusedContentType(ct)).toBeNull();
    }
  });

  it('refuses everything else by its media type', () => {
    expect(mediaType('Image/PNG; foo=bar')).toBe('image/png');
    expect(refusedContentType('application/pdf')).toBe('unsupported content type application/pdf (only HTML and plain text are scanned)');
    expect(refusedContentType('application/json')).not.toBeNull();
  });
});

describe('network errors', () => {
  const opts = { connectTimeoutMs: 1000, headersTimeoutMs: 2000, bodyTimeoutMs: 3000 };

  it('names each undici timeout', () => {
    expect(describeFetchError(coded('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'), opts)).toBe('connect timeout (no connection within 1000 ms)');
    expect(describeFetchError(coded('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'), opts)).toBe('headers timeout (no response headers within 2000 ms)');
    expect(describeFetchError(coded('UND_ERR_BODY_TIMEOUT', 'Body Timeout Error'), opts)).toBe('body timeout (no body data for 3000 ms)');
  });

  it('retries transient socket errors, also inside causes and AggregateErrors, but not DNS failures', () => {
    expect(isRetryableError(coded('ECONNRESET'))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('fetch failed'), { cause: coded('ECONNREFUSED') }))).toBe(true);
    expect(isRetryableError(new AggregateError([coded('ECONNREFUSED')]))).toBe(true);
    expect(isRetryableError(coded('ENOTFOUND'))).toBe(false);
    expect(isRetryableError(new Error('plain'))).toBe(false);
  });
});

describe('fetch options', () => {
  it('fills defaults and keeps limits usable', () => {
    expect(resolveFetchOptions({ timeoutMs: undefined, retries: 5 })).toEqual({ ...DEFAULT_FETCH_OPTIONS, retries: 5 });
    expect(resolveFetchOptions({ concurrency: 0, perHost: 0 })).toMatchObject({ concurrency: 1, perHost: 1 });
    expect(DEFAULT_FETCH_OPTIONS).toMatchObject({ concurrency: 16, perHost: 2, hostIntervalMs: 0, retries: 2, robots: false });
    expect(DEFAULT_FETCH_OPTIONS.userAgent).toMatch(/^adscan\/\d/);
  });

  it('are part of the source options', () => {
    expect(DEFAULT_SOURCE_OPTIONS).toMatchObject(DEFAULT_FETCH_OPTIONS as unknown as Record<string, unknown>);
    expect(DEFAULT_SOURCE_OPTIONS.extensions).toContain('.html');
  });

  it('come from the fetching CLI flags', () => {
    const o = sourceOptions({
      concurrency: '4',
      perHost: '1',
      hostInterval: '250',
      retries: '0',
      userAgent: 'Example/1.0',
      robots: true,
    });
    expect(o).toMatchObject({ concurrency: 4, perHost: 1, hostIntervalMs: 250, retries: 0, userAgent: 'Example/1.0', robots: true });
    expect(sourceOptions({})).toMatchObject({ concurrency: 16, perHost: 2, retries: 2, robots: false });
    expect(() => sourceOptions({ perHost: '0' })).toThrow('--per-host: expected at least 1');
    expect(() => sourceOptions({ retries: 'two' })).toThrow('--retries: expected a whole number');
    expect(() => sourceOptions({ userAgent: ' ' })).toThrow('--user-agent');
  });
});
