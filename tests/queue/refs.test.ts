// What `queue add` puts in a job (references, small records inline) and how a worker gets the
// document back from it. No Redis needed.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanSetup } from '../../src/cli/scan-command.js';
import type { SourceDocument } from '../../src/core/types.js';
import type { Fetcher } from '../../src/sources/index.js';
import { jobIdFor } from '../../src/queue/keys.js';
import { planRefs, type PlanOptions } from '../../src/queue/plan.js';
import { inlineDocument, inlineRef, refIdentity, type DocRef } from '../../src/queue/refs.js';
import { isRetryableFailure, loadRef } from '../../src/queue/worker.js';

const BIG = '保证治愈'.repeat(400); // 4800 bytes of UTF-8

async function warcResponse(url: string, body: string, id: string): Promise<Uint8Array> {
  const record = WARCRecord.create(
    {
      url,
      date: '2026-11-01T08:00:00Z',
      type: 'response',
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'WARC-Record-ID': id },
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      statusline: 'HTTP/1.1 200 OK',
    },
    [Buffer.from(body, 'utf8')],
  );
  return WARCSerializer.serialize(record, { gzip: true });
}

async function collect(inputs: string[], o: Partial<PlanOptions> = {}): Promise<DocRef[]> {
  const refs: DocRef[] = [];
  for await (const ref of planRefs(inputs, {
    urlLists: [],
    inputFormat: 'auto',
    extensions: ['.txt', '.html', '.jsonl', '.warc.gz'],
    include: [],
    exclude: [],
    maxBytes: 1 << 20,
    inlineMax: 1024,
    cwd: dir,
    stdin: Readable.from([]),
    ...o,
  })) refs.push(ref);
  return refs;
}

const noFetch: Fetcher = {
  fetch: async (url) => ({ uri: url, error: 'no network in this test' }),
  close: async () => {},
};
const setup = { sources: { maxBytes: 1 << 20 } } as unknown as ScanSetup;
const text = (d: SourceDocument) => Buffer.from(d.bytes).toString('utf8');

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'adscan-refs-'));
  await writeFile(join(dir, 'a.txt'), '本院专治牛皮癣，保证治愈。\n');
  await writeFile(
    join(dir, 'records.jsonl'),
    `${JSON.stringify({ id: 'small', url: 'https://example.test/s', text: '三天见效' })}\n${JSON.stringify({ id: 'large', html: `<p>${BIG}</p>` })}\n`,
  );
  const warc = Buffer.concat([
    await warcResponse('https://example.test/w1', '<p>一次根治</p>', '<urn:uuid:00000000-0000-4000-8000-000000000001>'),
    await warcResponse('https://example.test/w2', `<p>${BIG}</p>`, '<urn:uuid:00000000-0000-4000-8000-000000000002>'),
  ]);
  await writeFile(join(dir, 'crawl.warc.gz'), warc);
  await symlink(join(dir, 'a.txt'), join(dir, 'link.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('queue add: what goes into a job', () => {
  it('keeps files as paths, URLs as URLs, and only small records inline', async () => {
    const refs = await collect(['a.txt', 'https://example.test/page', 'records.jsonl', 'crawl.warc.gz', 'missing.txt']);
    expect(refs.map((r) => [r.kind, r.uri])).toEqual([
      ['file', 'a.txt'],
      ['url', 'https://example.test/page'],
      ['inline', 'https://example.test/s'],
      ['record', 'large'],
      ['inline', 'https://example.test/w1'],
      ['record', 'https://example.test/w2'],
      ['failure', 'missing.txt'],
    ]);
    expect(refs[0]).toMatchObject({ path: join(dir, 'a.txt') });
    expect(refs[3]).toMatchObject({ format: 'jsonl', id: 'large', path: join(dir, 'records.jsonl') });
    expect(refs[5]).toMatchObject({ format: 'warc', recordId: '<urn:uuid:00000000-0000-4000-8000-000000000002>' });
    // A large record is not copied into the job.
    expect(JSON.stringify(refs).length).toBeLessThan(3000);
  });

  it('gives a file one identity however it is reached, and inline content one per content', async () => {
    const viaDir = await collect(['.'], { extensions: ['.txt'] });
    const viaLink = await collect(['link.txt']);
    const ids = (refs: DocRef[]) => refs.map((r) => jobIdFor(refIdentity(r)));
    expect(viaDir).toHaveLength(1); // a.txt and link.txt are one file
    expect(ids(viaLink)).toEqual(ids(await collect(['a.txt'])));
    expect(ids(viaDir)).toEqual(ids(viaLink));
    const one = inlineRef({ uri: '<stdin>', bytes: Buffer.from('甲') });
    const two = inlineRef({ uri: '<stdin>', bytes: Buffer.from('乙') });
    expect(jobIdFor(refIdentity(one))).not.toBe(jobIdFor(refIdentity(two)));
    expect(jobIdFor(refIdentity(one))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps non-UTF-8 bytes exact (base64) and UTF-8 readable', () => {
    const gbk = Buffer.from([0xb1, 0xa3, 0xd6, 0xa4, 0xd6, 0xce, 0xd3, 0xfa]); // 保证治愈 in GBK
    const ref = inlineRef({ uri: 'x', bytes: gbk, contentType: 'text/plain; charset=gbk' });
    expect(ref).toMatchObject({ encoding: 'base64' });
    expect(Buffer.from(inlineDocument(ref as Extract<DocRef, { kind: 'inline' }>).bytes)).toEqual(gbk);
    expect(inlineRef({ uri: 'y', bytes: Buffer.from('保证治愈') })).toMatchObject({ encoding: 'utf8', body: '保证治愈' });
  });
});

describe('worker: from a job back to the document', () => {
  it('reads files and finds records by id in JSONL files and WARC archives', async () => {
    const refs = await collect(['a.txt', 'records.jsonl', 'crawl.warc.gz']);
    const docs = await Promise.all(refs.map((r) => loadRef(r, setup, noFetch)));
    expect(docs.map((d) => d.uri)).toEqual(['a.txt', 'https://example.test/s', 'large', 'https://example.test/w1', 'https://example.test/w2']);
    expect(text(docs[0] as SourceDocument)).toContain('牛皮癣');
    expect(text(docs[2] as SourceDocument)).toBe(`<p>${BIG}</p>`);
    expect((docs[2] as SourceDocument).id).toBe('large');
    expect(text(docs[4] as SourceDocument)).toBe(`<p>${BIG}</p>`);
    expect((docs[4] as SourceDocument).fetch?.recordId).toBe('<urn:uuid:00000000-0000-4000-8000-000000000002>');
  });

  it('says so when a referenced record has gone', async () => {
    const gone: DocRef = { kind: 'record', uri: 'x', path: join(dir, 'records.jsonl'), format: 'jsonl', id: 'nope' };
    expect(await loadRef(gone, setup, noFetch)).toMatchObject({ error: expect.stringContaining('record nope not found') });
  });

  it('retries what may pass (5xx, 429, network errors), not what will not', () => {
    const f = (error: string, status?: number) => ({ uri: 'u', error, ...(status ? { fetch: { status } } : {}) });
    expect(isRetryableFailure(f('HTTP 500 Internal Server Error'))).toBe(true);
    expect(isRetryableFailure(f('HTTP 503 Service Unavailable', 503))).toBe(true);
    expect(isRetryableFailure(f('HTTP 429 Too Many Requests'))).toBe(true);
    expect(isRetryableFailure(f('connect ECONNREFUSED 127.0.0.1:9'))).toBe(true);
    expect(isRetryableFailure(f('headers timeout (no response headers within 10000 ms)'))).toBe(true);
    expect(isRetryableFailure(f('HTTP 404 Not Found'))).toBe(false);
    expect(isRetryableFailure(f('too large: 30 MB (limit 20 MB)'))).toBe(false);
    expect(isRetryableFailure(f('disallowed by robots.txt'))).toBe(false);
  });
});
