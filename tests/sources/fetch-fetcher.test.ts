// createFetcher against a local server that misbehaves on purpose: timeouts, resets, retries,
// redirects, oversized and compressed bodies, wrong content types, cancellation, close.
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument, SourceFailure } from '../../src/core/types.js';
import { createFetcher, type FetchOptions, type Fetcher } from '../../src/sources/fetch/index.js';
import { closed, pumpForever, startServer, type TestServer } from './fetch-server.js';

let server: TestServer;
/** Server-side responses a test waits on, by path (the latest one). */
const responses = new Map<string, ServerResponse>();
const written = new Map<string, () => number>();

const BIG = Buffer.alloc(2 * 1024 * 1024, 0);

beforeAll(async () => {
  server = await startServer((req, res, hit) => {
    const n = server.count(hit.path); // including this request
    responses.set(hit.path, res);
    switch (hit.path) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<p>保证治愈</p>');
        return;
      case '/moved':
        res.writeHead(301, { location: '/page' });
        res.end();
        return;
      case '/slow-headers':
        return; // Never answers.
      case '/stall':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial body, then silence');
        return;
      case '/reset-once':
        if (n === 1) return void req.socket.destroy();
        break;
      case '/rst-once':
        if (n === 1) return void req.socket.resetAndDestroy();
        break;
      case '/500-once':
        if (n === 1) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          return void res.end('oops');
        }
        break;
      case '/429-once':
        if (n === 1) {
          res.writeHead(429, { 'retry-after': '1' });
          return void res.end();
        }
        break;
      case '/429-always':
        res.writeHead(429, { 'retry-after': '1' });
        return void res.end();
      case '/503':
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('down');
        return;
      case '/404':
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>404</h1>');
        return;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' });
        return void res.end();
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' });
        return void res.end();
      case '/endless':
        res.writeHead(200, { 'content-type': 'text/plain' }); // chunked, no length
        written.set(hit.path, pumpForever(res, Buffer.alloc(16 * 1024, 0x61)).written);
        return;
      case '/gzip-bomb':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        return void res.end(gzipSync(BIG));
      case '/deflate-bomb':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'deflate' });
        return void res.end(deflateSync(BIG));
      case '/br-bomb':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'br' });
        return void res.end(brotliCompressSync(BIG, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }));
      case '/image.png':
      case '/doc.pdf':
        // Headers, one chunk, then an endless trickle: reading the body would never finish.
        res.writeHead(200, { 'content-type': hit.path.endsWith('.png') ? 'image/png' : 'application/pdf' });
        written.set(hit.path, pumpForever(res, Buffer.alloc(1024, 0x89)).written);
        return;
      case '/xhtml':
        res.writeHead(200, { 'content-type': 'application/xhtml+xml' });
        return void res.end('<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>');
      case '/untyped':
        res.writeHead(200);
        return void res.end('no content type');
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`ok ${hit.path} #${n}`);
  });
});

afterAll(async () => {
  await server.close();
});

/** Fetchers made by `fetcher()` are closed after each test. */
const open: Fetcher[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

function fetcher(opts: Partial<FetchOptions> = {}): Fetcher {
  const f = createFetcher({ timeoutMs: 5000, retryBaseMs: 10, ...opts });
  open.push(f);
  return f;
}

function asDoc(x: SourceDocument | SourceFailure): SourceDocument {
  if ('error' in x) throw new Error(`expected a document, got: ${x.error}`);
  return x;
}

function asFailure(x: SourceDocument | SourceFailure): SourceFailure {
  if (!('error' in x)) throw new Error(`expected a failure, got ${x.bytes.length} bytes`);
  return x;
}

const text = (doc: SourceDocument) => Buffer.from(doc.bytes).toString('utf8');

describe('createFetcher: evidence and reuse', () => {
  it('returns bytes, content type and fetch evidence; redirects add finalUri', async () => {
    const f = fetcher();
    const before = Date.now();
    const doc = asDoc(await f.fetch(server.url('/moved')));
    expect(text(doc)).toBe('<p>保证治愈</p>');
    expect(doc.uri).toBe(server.url('/moved'));
    expect(doc.finalUri).toBe(server.url('/page'));
    expect(doc.contentType).toBe('text/html; charset=utf-8');
    expect(doc.fetch).toEqual({ fetchedAt: expect.any(String), status: 200, attempts: 1 });
    expect(Date.parse(doc.fetch!.fetchedAt!)).toBeGreaterThanOrEqual(before - 1000);
    const direct = asDoc(await f.fetch(server.url('/page')));
    expect(direct.finalUri).toBeUndefined();
  });

  it('sends the user agent and reuses kept-alive connections (at most perHost)', async () => {
    const f = fetcher({ userAgent: 'adscan-test/1.2', perHost: 2 });
    const first = server.hits.length;
    const paths = ['/a', '/b', '/c', '/d', '/e', '/f'];
    for (const p of paths) asDoc(await f.fetch(server.url(p)));
    const mine = server.hits.slice(first);
    expect(mine.map((h) => h.userAgent)).toEqual(paths.map(() => 'adscan-test/1.2'));
    expect(new Set(mine.map((h) => h.connection)).size).toBeLessThanOrEqual(2);
  });

  it('reports an invalid URL and a non-http scheme without a request', async () => {
    const f = fetcher();
    expect(await f.fetch('http://[nope/')).toEqual({ uri: 'http://[nope/', error: 'invalid URL' });
    expect(await f.fetch('ftp://example.invalid/x')).toEqual({ uri: 'ftp://example.invalid/x', error: 'unsupported URL scheme ftp:' });
  });
});

describe('createFetcher: timeouts', () => {
  // undici checks its headers and body timers about once a second, so these take ~1 s per attempt.
  it('names the headers timeout, and retries it', async () => {
    const before = server.count('/slow-headers');
    const failure = asFailure(await fetcher({ headersTimeoutMs: 200, retries: 1 }).fetch(server.url('/slow-headers')));
    expect(failure.error).toBe('headers timeout (no response headers within 200 ms) after 2 attempts');
    expect(failure.fetch).toEqual({ attempts: 2 });
    expect(server.count('/slow-headers') - before).toBe(2);
  });

  it('names the body timeout when the body stalls', async () => {
    const failure = asFailure(await fetcher({ bodyTimeoutMs: 200, retries: 0 }).fetch(server.url('/stall')));
    expect(failure.error).toBe('body timeout (no body data for 200 ms)');
    expect(failure.fetch).toEqual({ status: 200, attempts: 1 });
  });

  it('does not count time this process spent blocked against the deadline', async () => {
    const f = fetcher({ timeoutMs: 200 });
    await f.fetch(server.url('/warm-up'));
    const pending = f.fetch(server.url('/page'));
    await new Promise((resolve) => setImmediate(resolve)); // the request is on its way
    const until = Date.now() + 400;
    while (Date.now() < until); // a long synchronous scan elsewhere in the process
    expect(text(asDoc(await pending))).toBe('<p>保证治愈</p>');
  });

  it('keeps the overall deadline, which ends retries too', async () => {
    const failure = asFailure(await fetcher({ timeoutMs: 300 }).fetch(server.url('/slow-headers')));
    expect(failure.error).toBe('timeout after 300 ms');
  });
});

describe('createFetcher: retries', () => {
  it('retries a connection closed or reset before the response', async () => {
    for (const path of ['/reset-once', '/rst-once']) {
      const doc = asDoc(await fetcher().fetch(server.url(path)));
      expect(text(doc)).toBe(`ok ${path} #2`);
      expect(doc.fetch?.attempts).toBe(2);
    }
  });

  it('retries a 500 once it succeeds: attempts 2', async () => {
    const doc = asDoc(await fetcher().fetch(server.url('/500-once')));
    expect(text(doc)).toBe('ok /500-once #2');
    expect(doc.fetch).toMatchObject({ status: 200, attempts: 2 });
  });

  it('waits as long as Retry-After asks after a 429', async () => {
    const doc = asDoc(await fetcher({ retryBaseMs: 1 }).fetch(server.url('/429-once')));
    expect(doc.fetch?.attempts).toBe(2);
    const [first, second] = server.hits.filter((h) => h.path === '/429-once');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a 503 after retries + 1 attempts, naming status and attempts', async () => {
    const before = server.count('/503');
    const failure = asFailure(await fetcher({ retries: 2 }).fetch(server.url('/503')));
    expect(failure.error).toBe('HTTP 503 Service Unavailable after 3 attempts');
    expect(failure.fetch).toEqual({ status: 503, attempts: 3 });
    expect(server.count('/503') - before).toBe(3);
  });

  it('does not retry a 404', async () => {
    const before = server.count('/404');
    const failure = asFailure(await fetcher({ retries: 3 }).fetch(server.url('/404')));
    expect(failure).toEqual({ uri: server.url('/404'), error: 'HTTP 404 Not Found', fetch: { status: 404, attempts: 1 } });
    expect(server.count('/404') - before).toBe(1);
  });

  it('gives up early when Retry-After would pass the deadline', async () => {
    const failure = asFailure(await fetcher({ timeoutMs: 500 }).fetch(server.url('/429-always')));
    expect(failure.error).toBe('HTTP 429 Too Many Requests; no time left to retry within 500 ms');
  });
});

describe('createFetcher: redirects', () => {
  it('names a redirect loop and bounds the hops', async () => {
    const f = fetcher();
    const loop = asFailure(await f.fetch(server.url('/loop-a')));
    expect(loop.error).toBe(`redirect loop: ${server.url('/loop-a')} -> ${server.url('/loop-b')} -> ${server.url('/loop-a')}`);
    expect(loop.fetch).toEqual({ status: 302, attempts: 1 });
    const short = asFailure(await fetcher({ maxRedirects: 0 }).fetch(server.url('/moved')));
    expect(short.error).toBe(`too many redirects (more than 0), last ${server.url('/page')}`);
  });
});

describe('createFetcher: body size and content type', () => {
  it('stops an endless chunked body at maxBytes and hangs up', async () => {
    const failure = asFailure(await fetcher({ maxBytes: 64 * 1024 }).fetch(server.url('/endless')));
    expect(failure.error).toMatch(/^too large \(at least \d+ bytes > 65536 byte limit\)$/);
    await closed(responses.get('/endless')!);
    expect(written.get('/endless')!()).toBeLessThan(16 * 1024 * 1024);
  });

  it.each(['/gzip-bomb', '/deflate-bomb', '/br-bomb'])('caps the decoded size of %s', async (path) => {
    const failure = asFailure(await fetcher({ maxBytes: 100_000 }).fetch(server.url(path)));
    expect(failure.error).toMatch(/^too large \(at least \d+ bytes > 100000 byte limit\)$/);
  });

  it('refuses image/png and application/pdf without reading the body', async () => {
    const f = fetcher();
    for (const [path, type] of [['/image.png', 'image/png'], ['/doc.pdf', 'application/pdf']] as const) {
      const failure = asFailure(await f.fetch(server.url(path)));
      expect(failure.error).toBe(`unsupported content type ${type} (only HTML and plain text are scanned)`);
      expect(failure.fetch).toEqual({ status: 200, attempts: 1 });
      await closed(responses.get(path)!);
    }
  });

  it('accepts XHTML and a response without a content type', async () => {
    const f = fetcher();
    expect(asDoc(await f.fetch(server.url('/xhtml'))).contentType).toBe('application/xhtml+xml');
    const untyped = asDoc(await f.fetch(server.url('/untyped')));
    expect(text(untyped)).toBe('no content type');
    expect(untyped.contentType).toBeUndefined();
  });
});

describe('createFetcher: cancellation and close', () => {
  it('ends a pending request promptly when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const failure = asFailure(await fetcher().fetch(server.url('/slow-headers'), { signal: controller.signal }));
    expect(failure.error).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('cancels during a retry wait, and before starting when already aborted', async () => {
    const controller = new AbortController();
    const pending = fetcher({ timeoutMs: 0, retryBaseMs: 60_000, retryMaxMs: 60_000 }).fetch(server.url('/503'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(asFailure(await pending)).toMatchObject({ error: 'cancelled', fetch: { status: 503, attempts: 1 } });

    const before = server.count('/page');
    const aborted = AbortSignal.abort();
    expect(await fetcher().fetch(server.url('/page'), { signal: aborted })).toEqual({ uri: server.url('/page'), error: 'cancelled' });
    expect(server.count('/page')).toBe(before);
  });

  it('close() ends what is in flight and refuses later fetches', async () => {
    const f = createFetcher({ timeoutMs: 5000 });
    const pending = f.fetch(server.url('/slow-headers'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await f.close();
    expect(asFailure(await pending).error).toBe('fetcher closed');
    expect(asFailure(await f.fetch(server.url('/page'))).error).toBe('fetcher closed');
  });
});
