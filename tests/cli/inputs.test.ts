// Batch inputs end to end (issue #6): JSONL and WARC files, --url-list, --include/--exclude,
// --input-format, through the built CLI and its JSON report.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../sources/fetch-server.js';
import { gz, handRecord, httpMessage, warcioRecord, warcioResponse } from '../sources/warc-fixtures.js';
import { assertBuilt, runCli, scanJson, type JsonDocument } from './helpers.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

type Doc = JsonDocument & { id?: string; fetch?: Record<string, unknown> };

const AD = '本院专治牛皮癣，保证治愈，无效全额退款！';
const AD_HTML = `<html><head><title>康华皮肤病医院</title></head><body><p>${AD}</p></body></html>`;

let dir: string;
let server: TestServer;
let base: string;

beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), 'adscan-cli-inputs-'));
  server = await startServer((req, res) => {
    const n = Number(/^\/ad\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN);
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><body><p>第${n}号：${AD}</p></body></html>`);
    }, (4 - n) * 40); // the first URL answers last
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('adscan scan: batch inputs', () => {
  it('scans a JSONL file: a document per record, id echoed, bad lines reported', async () => {
    const file = join(dir, 'ads.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ id: 'ad-1', url: 'https://clinic.test/1', text: AD }),
        '{"id": "ad-broken", ',
        JSON.stringify({ id: 'ad-2', html: AD_HTML }),
        JSON.stringify({ id: 'ad-3', url: 'https://clinic.test/3', text: '今日天气晴朗。' }),
      ].join('\n'),
    );
    const { code, report } = await scanJson([file]);
    expect(code).toBe(1);
    const docs = report.documents as Doc[];
    expect(docs.map((d) => [d.uri, d.id ?? null])).toEqual([
      ['https://clinic.test/1', 'ad-1'],
      [`${file}:2`, null],
      ['ad-2', 'ad-2'],
      ['https://clinic.test/3', 'ad-3'],
    ]);
    expect(docs[0]!.format).toBe('text');
    expect(docs[0]!.findings.some((f) => f.category === 'cure-guarantee')).toBe(true);
    expect(docs[1]!.error).toMatch(/^invalid JSON: /);
    expect(docs[2]!.format).toBe('html');
    expect(docs[2]!.findings.some((f) => f.category === 'cure-guarantee')).toBe(true);
    expect(docs[3]!.findings).toEqual([]);
    expect(report.summary.failed).toBe(1);
  });

  it('scans a WARC.gz: responses by target URI with fetch evidence, other records passed over', async () => {
    const file = join(dir, 'crawl.warc.gz');
    await writeFile(file, Buffer.concat([
      await warcioRecord('warcinfo', 'warcinfo:/crawl', true),
      await warcioRecord('request', 'https://clinic.test/page', true),
      await warcioResponse({ url: 'https://clinic.test/page', body: AD_HTML, contentType: 'text/html; charset=utf-8', id: '<urn:uuid:page>', date: '2025-06-01T08:00:00Z' }, true),
      await warcioResponse({ url: 'https://clinic.test/logo.png', body: Buffer.from([0x89, 0x50]), contentType: 'image/png' }, true),
      gz(handRecord(
        { 'WARC-Type': 'response', 'WARC-Target-URI': 'https://clinic.test/plain', 'WARC-Date': '2025-06-01T09:00:00Z', 'WARC-Record-ID': '<urn:uuid:plain>', 'Content-Type': 'application/http; msgtype=response' },
        httpMessage(200, { 'Content-Type': 'text/plain; charset=utf-8' }, '祖传秘方，根治糖尿病'),
      )),
    ]));
    const { code, report } = await scanJson([file]);
    expect(code).toBe(1);
    const docs = report.documents as Doc[];
    expect(docs.map((d) => d.uri)).toEqual(['https://clinic.test/page', 'https://clinic.test/plain']);
    expect(docs[0]!.fetch).toEqual({ archive: file, fetchedAt: '2025-06-01T08:00:00Z', status: 200, recordId: '<urn:uuid:page>' });
    expect(docs[0]!.format).toBe('html');
    expect(docs[0]!.findings.some((f) => f.category === 'cure-guarantee')).toBe(true);
    expect(docs[1]!.fetch).toMatchObject({ recordId: '<urn:uuid:plain>', status: 200 });
    expect(docs[1]!.findings.length).toBeGreaterThan(0);
  });

  it('scans --url-list alone, fetching concurrently and reporting in list order', async () => {
    const list = join(dir, 'urls.txt');
    await writeFile(list, `# monitoring list\n${base}/ad/1\n\n${base}/ad/2\nnot-a-url\n${base}/ad/3\n`);
    const { code, report } = await scanJson(['--url-list', list, '--per-host', '4']);
    expect(code).toBe(1);
    expect(report.documents.map((d) => [d.uri, d.error])).toEqual([
      [`${base}/ad/1`, null],
      [`${base}/ad/2`, null],
      [`${list}:5`, 'not an http(s) URL: "not-a-url"'],
      [`${base}/ad/3`, null],
    ]);
    expect(report.documents[0]!.findings.some((f) => f.category === 'cure-guarantee')).toBe(true);
  });

  it('fetches a long URL list many at a time without warnings on stderr', async () => {
    const list = join(dir, 'many-urls.txt');
    const urls = Array.from({ length: 40 }, (_, i) => `${base}/ad/${(i % 3) + 1}?n=${i}`);
    await writeFile(list, `${urls.join('\n')}\n`);
    const { report, stderr } = await scanJson(['--url-list', list, '--per-host', '16', '--concurrency', '16', '--jobs', '1']);
    expect(report.documents.map((d) => d.uri)).toEqual(urls);
    expect(report.documents.every((d) => d.error === null)).toBe(true);
    // Listeners of the run's shared abort signals are not capped: no MaxListenersExceededWarning.
    expect(stderr).toBe('');
  });

  it('reads the URL list from stdin with --url-list -', async () => {
    const { report } = await scanJson(['--url-list', '-'], { input: `${base}/ad/2\n` });
    expect(report.documents.map((d) => d.uri)).toEqual([`${base}/ad/2`]);
  });

  it('filters directory walks with --include, --exclude and .adscanignore', async () => {
    const site = join(dir, 'site');
    for (const rel of ['a.txt', 'ads/b.txt', 'ads/drafts/c.txt', 'old/d.txt', 'e.html']) {
      await mkdir(join(site, rel, '..'), { recursive: true });
      await writeFile(join(site, rel), AD);
    }
    await writeFile(join(site, '.adscanignore'), 'old/\n');
    const uris = async (args: string[]) => (await scanJson([site, ...args])).report.documents.map((d) => d.uri.slice(site.length + 1));
    expect(await uris([])).toEqual(['a.txt', 'ads/b.txt', 'ads/drafts/c.txt', 'e.html']);
    expect(await uris(['--include', 'ads/**', '--exclude', 'drafts'])).toEqual(['ads/b.txt']);
    expect(await uris(['--exclude', '*.txt', '--exclude', 'nothing'])).toEqual(['e.html']);
  });

  it('--input-format jsonl reads any file as JSON Lines; a bad value is a usage error', async () => {
    const file = join(dir, 'records.txt');
    await writeFile(file, `${JSON.stringify({ id: 'r1', text: AD })}\n`);
    const { report } = await scanJson([file, '--input-format', 'jsonl']);
    expect(report.documents.map((d) => [d.uri, (d as Doc).id])).toEqual([['r1', 'r1']]);

    const bad = await runCli(['scan', file, '--input-format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--input-format/);
  });

  it('still needs something to scan', async () => {
    const run = await runCli(['scan']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nothing to scan/);
  });
});
