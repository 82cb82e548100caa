import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/sources/index.js';
import { collect, summary } from './collect.js';

const GBK_PAGE = '<html><head><meta charset="gbk"><title>颈椎病专科</title></head><body><p>保证治愈</p></body></html>';

let server: Server;
let base: string;
const sockets = new Set<Socket>();
let lastUserAgent: string | undefined;

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  lastUserAgent = req.headers['user-agent'];
  switch (url.pathname) {
    case '/gbk':
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      res.end(iconv.encode(GBK_PAGE, 'gbk'));
      return;
    case '/moved':
      res.writeHead(301, { location: '/gbk' });
      res.end('moved');
      return;
    case '/found':
      res.writeHead(302, { location: 'moved' }); // relative: resolves to /moved, then /gbk
      res.end();
      return;
    case '/loop-a':
      res.writeHead(302, { location: '/loop-b' });
      res.end();
      return;
    case '/loop-b':
      res.writeHead(302, { location: '/loop-a' });
      res.end();
      return;
    case '/no-location':
      res.writeHead(302);
      res.end();
      return;
    case '/ftp':
      res.writeHead(302, { location: 'ftp://example.invalid/x' });
      res.end();
      return;
    case '/missing':
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>404</h1>');
      return;
    case '/broken':
      res.writeHead(500);
      res.end();
      return;
    case '/hang':
      return; // Never answer.
    case '/stall':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial body, then silence');
      return;
    case '/big': {
      // Chunked, no length: the cap must stop the download part-way. Bounded so the
      // server stops by itself even if the client did not hang up.
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const pump = (): void => {
        while (sent < 4 * 1024 * 1024 && !res.destroyed) {
          sent += 16 * 1024;
          if (!res.write(Buffer.alloc(16 * 1024, 0x61))) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return;
    }
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(100_000) });
      res.end(Buffer.alloc(100_000, 0x61));
      return;
    case '/gzip':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from('无效退款'.repeat(10))));
      return;
    case '/gzip-bomb':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(1024 * 1024, 0x61)));
      return;
    case '/weird-encoding':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'compress' });
      res.end('x');
      return;
    default:
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`path ${url.pathname}`);
  }
}

beforeAll(async () => {
  server = createServer(route);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function fetchOne(path: string, opts: Parameters<typeof readInputs>[1] = {}) {
  const items = await collect(readInputs([`${base}${path}`], { timeoutMs: 5000, ...opts }));
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('readInputs: URLs', () => {
  it('fetches a page, keeping its bytes and content-type', async () => {
    const doc = await fetchOne('/gbk');
    expect(doc).toEqual({
      uri: `${base}/gbk`,
      bytes: expect.any(Uint8Array),
      contentType: 'text/html; charset=gbk',
      fetch: { fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), status: 200, attempts: 1 },
    });
    expect('bytes' in doc && iconv.decode(Buffer.from(doc.bytes), 'gbk')).toBe(GBK_PAGE);
  });

  it('sends the configured user agent', async () => {
    await fetchOne('/ua', { userAgent: 'adscan-test/9.9' });
    expect(lastUserAgent).toBe('adscan-test/9.9');
  });

  it('follows 301 and relative 302 redirects, keeping the requested URL and noting the final one', async () => {
    const moved = await fetchOne('/moved');
    expect(moved.uri).toBe(`${base}/moved`);
    expect('finalUri' in moved && moved.finalUri).toBe(`${base}/gbk`);
    const doc = await fetchOne('/found');
    expect(doc.uri).toBe(`${base}/found`);
    expect('finalUri' in doc && doc.finalUri).toBe(`${base}/gbk`);
    expect('contentType' in doc && doc.contentType).toBe('text/html; charset=gbk');
  });

  it('names a redirect loop', async () => {
    const doc = await fetchOne('/loop-a');
    expect(summary([doc])).toEqual([
      [`${base}/loop-a`, `ERROR redirect loop: ${base}/loop-a -> ${base}/loop-b -> ${base}/loop-a`],
    ]);
  });

  it('stops after maxRedirects hops', async () => {
    const doc = await fetchOne('/found', { maxRedirects: 1 });
    expect('error' in doc && doc.error).toBe(`too many redirects (more than 1), last ${base}/gbk`);
    expect('bytes' in (await fetchOne('/found', { maxRedirects: 2 }))).toBe(true);
  });

  it('reports redirects without a usable Location', async () => {
    expect(summary([await fetchOne('/no-location')])[0]![1]).toBe('ERROR HTTP 302 redirect without a Location header');
    expect(summary([await fetchOne('/ftp')])[0]![1]).toBe('ERROR HTTP 302 redirect to unsupported URL ftp://example.invalid/x');
  });

  it('turns non-2xx statuses into failures with the status', async () => {
    expect(summary([await fetchOne('/missing')])).toEqual([[`${base}/missing`, 'ERROR HTTP 404 Not Found']]);
    expect(summary([await fetchOne('/broken', { retries: 0 })])).toEqual([[`${base}/broken`, 'ERROR HTTP 500 Internal Server Error']]);
  });

  it('gives up on a server that never answers after timeoutMs', async () => {
    expect(summary([await fetchOne('/hang', { timeoutMs: 300 })])).toEqual([[`${base}/hang`, 'ERROR timeout after 300 ms']]);
  });

  it('applies the same timeout while the body is still arriving', async () => {
    expect(summary([await fetchOne('/stall', { timeoutMs: 300 })])).toEqual([[`${base}/stall`, 'ERROR timeout after 300 ms']]);
  });

  it('aborts a streamed body that passes maxBytes', async () => {
    const doc = await fetchOne('/big', { maxBytes: 64 * 1024 });
    expect('error' in doc && doc.error).toMatch(/^too large \(at least \d+ bytes > 65536 byte limit\)$/);
  });

  it('refuses a body whose Content-Length is over maxBytes without reading it', async () => {
    const doc = await fetchOne('/big-declared', { maxBytes: 1000 });
    expect('error' in doc && doc.error).toBe('too large (100000 bytes > 1000 byte limit)');
  });

  it('decompresses gzip bodies and caps the decompressed size', async () => {
    const doc = await fetchOne('/gzip');
    expect('bytes' in doc && Buffer.from(doc.bytes).toString('utf8')).toBe('无效退款'.repeat(10));
    const bomb = await fetchOne('/gzip-bomb', { maxBytes: 10_000 });
    expect('error' in bomb && bomb.error).toMatch(/^too large \(at least \d+ bytes > 10000 byte limit\)$/);
    expect(summary([await fetchOne('/weird-encoding')])[0]![1]).toBe('ERROR unsupported content-encoding "compress"');
  });

  it('names the cause of a refused connection and goes on', async () => {
    // Take a free port, then close it so nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const items = await collect(readInputs([`http://127.0.0.1:${port}/x`, `${base}/gbk`]));
    expect(items).toHaveLength(2);
    expect('error' in items[0]! && items[0].error).toMatch(/ECONNREFUSED/);
    expect('bytes' in items[1]!).toBe(true);
  });

  it('rejects a malformed URL as a failure', async () => {
    const items = await collect(readInputs(['http://[not-a-host/']));
    expect(summary(items)).toEqual([['http://[not-a-host/', 'ERROR invalid URL']]);
  });
});
