// http(s) inputs, end to end: a local server in this process, the CLI in a child process
// (spawned asynchronously, so this event loop keeps serving). One CLI run fetches every URL.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, documentFor, expectPositionsAgree, isDocumentLevel, PAGES, ROOT, scanJson, type JsonReport } from './helpers.js';

// Each CLI run is a Node start-up plus rule compilation; leave room for a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const AD_FIXTURE = `${PAGES}/hospital-stomach-cure.html`;
const AD_PAGE = readFileSync(join(ROOT, AD_FIXTURE));
// GBK bytes under a stale <meta charset="big5">: only the Content-Type header (which
// outranks the meta) gets them right; decoded as Big5 they are mojibake.
const GBK_HTML =
  '<!DOCTYPE html>\n<html><head><meta charset="big5"><title>康华皮肤病医院</title></head>\n' +
  '<body>\n<p>本院专治牛皮癣，保证治愈，无效全额退款！</p>\n</body></html>\n';
const GBK_BYTES = iconv.encode(GBK_HTML, 'gbk');
const TIMEOUT_MS = 500;
const MAX_REDIRECTS = 3;

let server: Server;
let base: string;
let refusedUrl: string;
const sockets = new Set<Socket>();
const requests: string[] = [];

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', base).pathname;
  requests.push(path);
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) {
    res.writeHead(302, { location: `/chain/${Number(chain[1]) + 1}` });
    res.end();
    return;
  }
  switch (path) {
    case '/ad.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(AD_PAGE);
      return;
    case '/gbk.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      res.end(GBK_BYTES);
      return;
    case '/gzip.txt':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from('本院专治牛皮癣，保证治愈。\n', 'utf8')));
      return;
    case '/moved':
      res.writeHead(302, { location: '/ad.html' });
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
    case '/slow':
      return; // Never answers.
    default:
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<h1>保证治愈</h1>'); // An error page is not scanned, whatever it says.
  }
}

async function listen(s: Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
}

let report: JsonReport;
let code: number | null;
let stderr: string;
const url = (path: string) => `${base}${path}`;

beforeAll(async () => {
  assertBuilt();
  server = createServer(route);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  base = `http://127.0.0.1:${await listen(server)}`;
  // A port that was just free and is closed again: connections are refused.
  const closed = createServer();
  refusedUrl = `http://127.0.0.1:${await listen(closed)}/ad.html`;
  await new Promise((resolve) => closed.close(resolve));

  const run = await scanJson([
    '--timeout', String(TIMEOUT_MS),
    '--max-redirects', String(MAX_REDIRECTS),
    url('/ad.html'),
    url('/gbk.html'),
    url('/moved'),
    url('/missing'),
    url('/slow'),
    url('/chain/0'),
    url('/loop-a'),
    url('/gzip.txt'),
    refusedUrl,
    AD_FIXTURE,
  ]);
  report = run.report;
  code = run.code;
  stderr = run.stderr;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  if (server) await new Promise((resolve) => server.close(resolve));
});

/** Findings without the position-independent noise, for comparing two scans of one page. */
const essence = (r: JsonReport, uri: string) =>
  documentFor(r, uri).findings.map((f) => [f.ruleId, f.field, f.match, f.start.offset, f.end.offset, f.start.line, f.start.column]);

describe('URL inputs', () => {
  it('reports one document per URL in input order; the good pages make the run exit 1', () => {
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.documents).toHaveLength(10);
    expect(report.summary.failed).toBe(5);
  });

  it('scans a UTF-8 page exactly like the same file on disk', () => {
    const doc = documentFor(report, url('/ad.html'));
    expect(doc.error).toBeNull();
    expect(doc.format).toBe('html');
    expect(doc.charset).toBe('utf-8');
    expect(doc.findings.length).toBeGreaterThan(3);
    expect(essence(report, url('/ad.html'))).toEqual(essence(report, AD_FIXTURE));
    const original = AD_PAGE.toString('utf8');
    for (const f of doc.findings) expectPositionsAgree(original, f);
  });

  it('decodes a page by its Content-Type charset (GBK, overriding the meta) and points at the decoded text', () => {
    const doc = documentFor(report, url('/gbk.html'));
    expect(doc.error).toBeNull();
    expect(doc.charset).toMatch(/^(gbk|gb18030)$/);
    expect(doc.adTypes).toContain('medical');
    const matches = doc.findings.filter((f) => !isDocumentLevel(f));
    expect(matches.map((f) => f.match)).toEqual(expect.arrayContaining(['保证治愈', '无效全额退款']));
    for (const f of doc.findings) {
      expectPositionsAgree(GBK_HTML, f);
      if (!isDocumentLevel(f)) {
        expect(f.field).toBe('body');
        expect(GBK_HTML.slice(f.start.offset, f.end.offset)).toBe(f.match);
      }
    }
    const cure = doc.findings.find((f) => f.match === '保证治愈')!;
    expect(cure.start).toMatchObject({ line: 4, column: GBK_HTML.split('\n')[3]!.indexOf('保证治愈') + 1 });
  });

  it('follows a 302 and reports the page under the URL it ended at', () => {
    const moved = report.documents[2]!;
    expect(moved.uri).toBe(url('/moved'));
    expect(moved.finalUri).toBe(url('/ad.html'));
    expect(moved.error).toBeNull();
    expect(moved.findings.map((f) => [f.ruleId, f.match, f.start.offset])).toEqual(
      documentFor(report, AD_FIXTURE).findings.map((f) => [f.ruleId, f.match, f.start.offset]),
    );
    expect(requests).toContain('/moved');
  });

  it('turns an HTTP error status into a document error, without scanning the error page', () => {
    expect(documentFor(report, url('/missing'))).toMatchObject({ error: 'HTTP 404 Not Found', findings: [] });
  });

  it('gives up on a server that never answers after --timeout milliseconds', () => {
    expect(documentFor(report, url('/slow'))).toMatchObject({ error: `timeout after ${TIMEOUT_MS} ms`, findings: [] });
  });

  it('stops a redirect chain longer than --max-redirects', () => {
    const doc = documentFor(report, url('/chain/0'));
    expect(doc.error).toBe(`too many redirects (more than ${MAX_REDIRECTS}), last ${url(`/chain/${MAX_REDIRECTS + 1}`)}`);
    // The hops actually followed: the start plus MAX_REDIRECTS redirects, no more.
    expect(requests.filter((p) => p.startsWith('/chain/'))).toEqual(
      Array.from({ length: MAX_REDIRECTS + 1 }, (_, i) => `/chain/${i}`),
    );
  });

  it('names a redirect loop', () => {
    expect(documentFor(report, url('/loop-a')).error).toBe(
      `redirect loop: ${url('/loop-a')} -> ${url('/loop-b')} -> ${url('/loop-a')}`,
    );
  });

  it('undoes gzip content-encoding', () => {
    const doc = documentFor(report, url('/gzip.txt'));
    expect(doc.error).toBeNull();
    expect(doc.format).toBe('text');
    expect(doc.findings.some((f) => f.match === '保证治愈' && f.start.offset === 8)).toBe(true);
  });

  it('reports a refused connection by its cause', () => {
    expect(documentFor(report, refusedUrl).error).toMatch(/ECONNREFUSED/);
  });
});
