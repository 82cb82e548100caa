import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument, SourceFailure } from '../../src/core/types.js';
import { createInputStats, readInputs } from '../../src/sources/index.js';
import { gunzipMembers } from '../../src/sources/inputs/gunzip.js';
import { readWarc } from '../../src/sources/inputs/warc.js';
import { collect, summary } from './collect.js';
import { chunked, gz, handRecord, httpMessage, warcioRecord, warcioResponse } from './warc-fixtures.js';

let dir: string;
const at = (name: string): string => join(dir, name);

const AD = '<html><head><title>神医诊所</title></head><body><p>本院保证治愈，无效退款</p></body></html>';
const GBK_PAGE = '<html><head><meta charset="gbk"></head><body><p>根治颈椎病</p></body></html>';
const BIG = `<p>${'大'.repeat(400)}</p>`; // 1207 bytes

/** The standard mixed archive, as a list of records (each gzipped on its own when `gzip`). */
async function mixedRecords(gzip: boolean): Promise<Uint8Array[]> {
  const hand = (b: Buffer) => (gzip ? gz(b) : b);
  return [
    await warcioRecord('warcinfo', 'warcinfo:/crawl', gzip),
    await warcioRecord('request', 'https://clinic.test/ad', gzip),
    await warcioResponse({ url: 'https://clinic.test/ad', body: AD, contentType: 'text/html; charset=utf-8', id: '<urn:uuid:00000000-0000-0000-0000-000000000001>', date: '2025-06-01T08:00:00Z' }, gzip),
    await warcioResponse({ url: 'https://clinic.test/logo.png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' }, gzip),
    await warcioResponse({ url: 'https://clinic.test/missing', body: '<p>404</p>', contentType: 'text/html', status: 404 }, gzip),
    await warcioRecord('metadata', 'https://clinic.test/ad', gzip),
    await warcioResponse({ url: 'https://clinic.test/big', body: BIG, contentType: 'text/html', id: '<urn:uuid:big>' }, gzip),
    // Hand-built: GBK bytes whose charset only the HTTP header and <meta> know.
    hand(handRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': 'https://clinic.test/gbk', 'WARC-Date': '2025-06-01T08:01:00Z', 'WARC-Record-ID': '<urn:uuid:gbk>', 'Content-Type': 'application/http; msgtype=response' },
      httpMessage(200, { 'Content-Type': 'text/html; charset=gbk' }, iconv.encode(GBK_PAGE, 'gbk')),
    )),
    // Chunked and gzip-encoded, as a server sent it.
    hand(handRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': '<https://clinic.test/encoded>', 'WARC-Date': '2025-06-01T08:02:00Z', 'WARC-Record-ID': '<urn:uuid:enc>', 'Content-Type': 'application/http;msgtype=response' },
      httpMessage(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' }, chunked(gzipSync(Buffer.from('纯中药，无副作用')), 7)),
    )),
    // A DNS lookup stored as a response: not HTTP, passed over.
    hand(handRecord(
      { 'WARC-Type': 'response', 'WARC-Target-URI': 'dns:clinic.test', 'WARC-Date': '2025-06-01T08:00:00Z', 'Content-Type': 'text/dns' },
      '20250601080000\nclinic.test.\t300\tIN\tA\t192.0.2.1\n',
    )),
    await warcioResponse({ url: 'https://clinic.test/plain', body: '祖传秘方', contentType: 'text/plain', id: '<urn:uuid:plain>' }, gzip),
  ];
}

const EXPECTED_URIS = [
  'https://clinic.test/ad',
  'https://clinic.test/big',
  'https://clinic.test/gbk',
  'https://clinic.test/encoded',
  'https://clinic.test/plain',
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'adscan-warc-'));
  await writeFile(at('crawl.warc'), Buffer.concat(await mixedRecords(false)));
  await writeFile(at('crawl.warc.gz'), Buffer.concat(await mixedRecords(true)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('WARC inputs', () => {
  for (const name of ['crawl.warc', 'crawl.warc.gz']) {
    it(`${name}: yields each 2xx HTML or text response, keyed by target URI, with fetch evidence`, async () => {
      const stats = createInputStats();
      const items = await collect(readInputs([at(name)], { maxBytes: 1000, stats }));
      expect(items.map((x) => x.uri)).toEqual(EXPECTED_URIS);

      const [ad, big, gbk, encoded, plain] = items as [SourceDocument, SourceFailure, SourceDocument, SourceDocument, SourceDocument];
      expect(Buffer.from(ad.bytes).toString('utf8')).toBe(AD);
      expect(ad.contentType).toBe('text/html; charset=utf-8');
      expect(ad.fetch).toEqual({
        archive: at(name),
        fetchedAt: '2025-06-01T08:00:00Z',
        status: 200,
        recordId: '<urn:uuid:00000000-0000-0000-0000-000000000001>',
      });
      // Over maxBytes: a failure for that record only, the archive goes on.
      expect(big.error).toBe('too large (1207 bytes > 1000 byte limit)');
      expect(big.fetch?.recordId).toBe('<urn:uuid:big>');
      // Bytes are passed on undecoded, with the HTTP header that names their charset.
      expect(Buffer.from(gbk.bytes)).toEqual(iconv.encode(GBK_PAGE, 'gbk'));
      expect(gbk.contentType).toBe('text/html; charset=gbk');
      // Transfer and content encodings are undone.
      expect(Buffer.from(encoded.bytes).toString('utf8')).toBe('纯中药，无副作用');
      expect(encoded.fetch).toMatchObject({ status: 200, recordId: '<urn:uuid:enc>', fetchedAt: '2025-06-01T08:02:00Z' });
      expect(Buffer.from(plain.bytes).toString('utf8')).toBe('祖传秘方');

      expect(stats.skippedByReason).toEqual({
        warcinfo: 1,
        request: 1,
        metadata: 1,
        'non-text response': 1,
        'non-2xx response': 1,
        'non-HTTP response': 1,
      });
      expect(stats.skippedRecords).toBe(6);
    });
  }

  it('reads archives met in a directory walk (default extensions include .warc and .warc.gz)', async () => {
    const sub = at('walked');
    await mkdir(sub, { recursive: true });
    await writeFile(join(sub, 'one.warc.gz'), Buffer.concat([await warcioResponse({ url: 'https://a.test/', body: '<p>甲</p>', contentType: 'text/html' }, true)]));
    await writeFile(join(sub, 'two.warc'), Buffer.concat([await warcioResponse({ url: 'https://b.test/', body: '乙', contentType: 'text/plain' })]));
    const items = await collect(readInputs([sub]));
    expect(summary(items)).toEqual([
      ['https://a.test/', '<p>甲</p>'],
      ['https://b.test/', '乙'],
    ]);
    expect((items[0] as SourceDocument).fetch?.archive).toBe(`${sub}/one.warc.gz`);
  });

  it('a corrupt tail: the good records, then a failure naming the archive, record and offset', async () => {
    const good = Buffer.concat((await mixedRecords(false)).slice(0, 3));
    const file = at('tail.warc');
    await writeFile(file, Buffer.concat([good, Buffer.from('<html>this is not a WARC record</html>\r\n\r\n')]));
    const items = await collect(readInputs([file]));
    expect(items.map((x) => x.uri)).toEqual(['https://clinic.test/ad', file]);
    expect((items[1] as SourceFailure).error).toBe(
      `truncated or corrupt WARC at record 4 at offset ${good.length}: expected a WARC record ("WARC/1.x"), found "<html>this is not a WARC record</html>"; 3 records read before it`,
    );
  });

  it('a truncated archive: the records before the cut, then a failure for the archive', async () => {
    const records = await mixedRecords(false);
    const before = Buffer.concat(records.slice(0, 3));
    const file = at('cut.warc');
    // Cut the fourth record (the PNG response) inside its block.
    const cut = Buffer.concat([before, records[3]!]).subarray(0, before.length + records[3]!.length - 30);
    await writeFile(file, cut);
    const items = await collect(readInputs([file]));
    expect(items.map((x) => x.uri)).toEqual(['https://clinic.test/ad', file]);
    expect((items[1] as SourceFailure).error).toMatch(
      new RegExp(`^truncated or corrupt WARC at record 4 at offset ${before.length}: archive ends inside the record \\(\\d+ of \\d+ bytes missing\\); 3 records read before it$`),
    );
  });

  it('a truncated .warc.gz: the records before the cut, then the gzip error with its offset', async () => {
    const records = await mixedRecords(true);
    const before = Buffer.concat(records.slice(0, 7));
    const file = at('cut.warc.gz');
    await writeFile(file, Buffer.concat([before, records[7]!.subarray(0, 40)]));
    const items = await collect(readInputs([file], { maxBytes: 1000 }));
    expect(items.map((x) => x.uri)).toEqual(['https://clinic.test/ad', 'https://clinic.test/big', file]);
    expect((items[2] as SourceFailure).error).toBe(
      `corrupt or truncated gzip data in record 8 (gzip member at offset ${before.length}): unexpected end of file inside a gzip member; 7 records read before it`,
    );
  });

  // A gzip member ends with CRC-32 and length (8 bytes); before them lies the deflate data.
  for (const [what, fromEnd, problem] of [
    ['its CRC', 6, 'incorrect data check'],
    ['its deflate data', 30, '.+'],
  ] as const) {
    it(`a gzip member with damage in ${what}: everything before it, nothing from it or after it`, async () => {
      const records = await mixedRecords(true);
      const damaged = Buffer.from(records[6]!);
      const i = damaged.length - fromEnd;
      damaged.writeUInt8(damaged[i]! ^ 0xff, i);
      const file = at('corrupt.warc.gz');
      const offset = Buffer.concat(records.slice(0, 6)).length;
      await writeFile(file, Buffer.concat([...records.slice(0, 6), damaged, ...records.slice(7)]));
      const items = await collect(readInputs([file]));
      // The damaged record (big) is not handed out, even when only its CRC is wrong.
      expect(items.map((x) => x.uri)).toEqual(['https://clinic.test/ad', file]);
      expect((items[1] as SourceFailure).error).toMatch(
        new RegExp(`^corrupt or truncated gzip data in record 7 \\(gzip member at offset ${offset}\\): ${problem}; 6 records read before it$`),
      );
    });
  }

  it('skip is asked before a record body is read; skipped records are not yielded', async () => {
    const asked: unknown[] = [];
    const items = await collect(readInputs([at('crawl.warc')], {
      skip: (key) => {
        asked.push(key);
        return key.recordId === '<urn:uuid:00000000-0000-0000-0000-000000000001>' || key.uri === 'https://clinic.test/gbk';
      },
    }));
    expect(items.map((x) => x.uri)).toEqual(['https://clinic.test/big', 'https://clinic.test/encoded', 'https://clinic.test/plain']);
    expect(asked).toContainEqual({ uri: 'https://clinic.test/ad', recordId: '<urn:uuid:00000000-0000-0000-0000-000000000001>' });
  });

  it('handles brotli and raw-deflate bodies and reports an unusable one for that record only', async () => {
    const rec = (uri: string, headers: Record<string, string>, body: Uint8Array | string) =>
      handRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': uri, 'Content-Type': 'application/http; msgtype=response' }, httpMessage(200, headers, body));
    const { deflateRawSync } = await import('node:zlib');
    const file = at('codings.warc');
    await writeFile(file, Buffer.concat([
      rec('https://c.test/br', { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' }, brotliCompressSync(Buffer.from('疗效最佳'))),
      rec('https://c.test/deflate', { 'Content-Type': 'text/plain', 'Content-Encoding': 'deflate' }, deflateRawSync(Buffer.from('药到病除'))),
      rec('https://c.test/bad-gzip', { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' }, 'not gzip at all'),
      rec('https://c.test/zstd', { 'Content-Type': 'text/plain', 'Content-Encoding': 'zstd' }, 'whatever'),
      handRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://c.test/garbled', 'Content-Type': 'application/http' }, 'garbage without a status line\r\n\r\n'),
      rec('https://c.test/after', { 'Content-Type': 'text/plain' }, '最后'),
    ]));
    const rows = summary(await collect(readInputs([file])));
    expect(rows[0]).toEqual(['https://c.test/br', '疗效最佳']);
    expect(rows[1]).toEqual(['https://c.test/deflate', '药到病除']);
    expect(rows[2]![0]).toBe('https://c.test/bad-gzip');
    expect(rows[2]![1]).toMatch(/^ERROR cannot undo content-encoding gzip: /);
    expect(rows.slice(3)).toEqual([
      ['https://c.test/zstd', 'ERROR unsupported content-encoding "zstd"'],
      ['https://c.test/garbled', 'ERROR archived response has no HTTP status line'],
      ['https://c.test/after', '最后'],
    ]);
  });

  it('stops reading an archive as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const got: string[] = [];
    for await (const item of readWarc(at('crawl.warc'), 'crawl.warc', { maxBytes: 1e6, signal: controller.signal })) {
      got.push(item.uri);
      controller.abort();
    }
    expect(got).toEqual(['https://clinic.test/ad']);
  });

  it('names a missing archive like any missing file', async () => {
    const items = await collect(readInputs([at('nope.warc.gz')]));
    expect(summary(items)).toEqual([[at('nope.warc.gz'), 'ERROR no such file or directory']]);
  });
});

describe('gunzipMembers', () => {
  it('hands out every member before a damaged one, whatever the chunking', async () => {
    const members = [gzipSync('one '), gzipSync('two '), Buffer.from('garbage')];
    const all = Buffer.concat(members);
    for (const size of [1, 3, 16, all.length]) {
      const chunks = [];
      for (let i = 0; i < all.length; i += size) chunks.push(all.subarray(i, i + size));
      const out: string[] = [];
      let error: unknown;
      try {
        for await (const piece of gunzipMembers((async function* () { yield* chunks; })())) out.push(Buffer.from(piece).toString());
      } catch (err) {
        error = err;
      }
      expect(out.join('')).toBe('one two ');
      expect(error).toMatchObject({ memberOffset: members[0]!.length + members[1]!.length });
    }
  });

  it('holds back the last 4 bytes of a member until its CRC has been checked', async () => {
    const bad = Buffer.from(gzipSync('two\r\n\r\n'));
    bad.writeUInt8(bad[bad.length - 6]! ^ 0xff, bad.length - 6); // CRC-32
    const all = Buffer.concat([gzipSync('one\r\n\r\n'), bad]);
    for (const size of [1, 2, 5, 13, all.length]) {
      const chunks = [];
      for (let i = 0; i < all.length; i += size) chunks.push(all.subarray(i, i + size));
      let out = '';
      let error: unknown;
      try {
        for await (const piece of gunzipMembers((async function* () { yield* chunks; })())) out += Buffer.from(piece).toString();
      } catch (err) {
        error = err;
      }
      // The closing CRLFs of the bad member never come out, however the input was split.
      expect(out.startsWith('one\r\n\r\n')).toBe(true);
      expect('two'.startsWith(out.slice('one\r\n\r\n'.length))).toBe(true);
      expect(error).toMatchObject({ message: 'incorrect data check' });
    }
  });
});
