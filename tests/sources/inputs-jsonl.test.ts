import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/core/types.js';
import { extract } from '../../src/extract/index.js';
import { readInputs } from '../../src/sources/index.js';
import { maxJsonlLineBytes, readJsonl } from '../../src/sources/inputs/jsonl.js';
import { splitLines } from '../../src/sources/inputs/lines.js';
import { collect, summary, type Item } from './collect.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'adscan-jsonl-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = (...records: unknown[]): string => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe('JSONL inputs', () => {
  it('turns each record into a document: uri = url ?? id ?? file:line, id echoed, content type by field', async () => {
    const file = join(dir, 'ads.jsonl');
    await writeFile(
      file,
      lines(
        { id: 'a-1', url: 'https://ads.test/1', text: '本品保证治愈' },
        { id: 'a-2', html: '<html><body><p>根治</p></body></html>' },
        '',
        { text: '无名记录' },
        { id: 42, url: 'https://ads.test/3', text: '数字 id' },
      ) + '\n',
    );
    const items = await collect(readInputs([file]));
    expect(summary(items)).toEqual([
      ['https://ads.test/1', '本品保证治愈'],
      ['a-2', '<html><body><p>根治</p></body></html>'],
      [`${file}:4`, '无名记录'],
      ['https://ads.test/3', '数字 id'],
    ]);
    const docs = items as SourceDocument[];
    expect(docs.map((d) => d.id)).toEqual(['a-1', 'a-2', undefined, '42']);
    expect(docs.map((d) => d.contentType)).toEqual([
      'text/plain; charset=utf-8',
      'text/html; charset=utf-8',
      'text/plain; charset=utf-8',
      'text/plain; charset=utf-8',
    ]);
    // The content type steers extraction: the html record is read as HTML, text as text.
    expect((await extract(docs[1]!)).format).toBe('html');
    expect((await extract(docs[0]!)).format).toBe('text');
  });

  it('reports a bad line by file:line and the JSON problem, and goes on', async () => {
    const file = join(dir, 'bad.ndjson');
    await writeFile(
      file,
      lines(
        { id: 'ok-1', text: '一' },
        '{"id": "broken", "text": "没有结尾',
        '[1, 2]',
        { id: 'no-body', url: 'https://ads.test/none' },
        { id: 'wrong-type', text: 7 },
        { id: { nested: true }, text: 'x' },
        { id: 'ok-2', text: '二' },
      ),
    );
    const items = await collect(readInputs([file]));
    const rows = summary(items);
    expect(rows[0]).toEqual(['ok-1', '一']);
    expect(rows[1]![0]).toBe(`${file}:2`);
    expect(rows[1]![1]).toMatch(/^ERROR invalid JSON: .+/);
    expect(rows.slice(2)).toEqual([
      [`${file}:3`, 'ERROR expected a JSON object, got an array'],
      ['https://ads.test/none', `ERROR ${file}:4: record has neither "text" nor "html"`],
      ['wrong-type', `ERROR ${file}:5: "text" must be a string`],
      [`${file}:6`, `ERROR ${file}:6: "id" must be a string or a number`],
      ['ok-2', '二'],
    ]);
  });

  it('reads every file and stdin as JSONL with inputFormat "jsonl", by name only in "auto"', async () => {
    const file = join(dir, 'records.txt');
    await writeFile(file, lines({ id: 'r1', text: '甲' }));
    expect(summary(await collect(readInputs([file])))).toEqual([[file, JSON.stringify({ id: 'r1', text: '甲' })]]);
    expect(summary(await collect(readInputs([file], { inputFormat: 'jsonl' })))).toEqual([['r1', '甲']]);

    const stdin = Readable.from([Buffer.from('{"id":"s1","text":"乙"}\n{"id":"s2",'), Buffer.from('"html":"<p>丙</p>"}\n')]);
    expect(summary(await collect(readInputs(['-'], { inputFormat: 'jsonl' }, { stdin })))).toEqual([
      ['s1', '乙'],
      ['s2', '<p>丙</p>'],
    ]);
  });

  it('applies maxBytes per record', async () => {
    const file = join(dir, 'big.jsonl');
    await writeFile(file, lines({ id: 'small', text: 'ok' }, { id: 'big', text: 'x'.repeat(100) }, { id: 'after', text: 'fine' }));
    expect(summary(await collect(readInputs([file], { maxBytes: 50 })))).toEqual([
      ['small', 'ok'],
      ['big', `ERROR ${file}:2: too large (100 bytes > 50 byte limit)`],
      ['after', 'fine'],
    ]);
  });

  it('streams records: the first comes before the input has ended', async () => {
    let sent = 0;
    const endless = Readable.from((function* () {
      for (;;) {
        sent++;
        yield Buffer.from(`{"id":"r${sent}","text":"记录${sent}"}\n`);
      }
    })());
    const got: Item[] = [];
    for await (const item of readJsonl('<stdin>', endless, 1024)) {
      got.push(item);
      if (got.length === 3) break;
    }
    expect(summary(got)).toEqual([
      ['r1', '记录1'],
      ['r2', '记录2'],
      ['r3', '记录3'],
    ]);
    expect(sent).toBeLessThan(100);
  });

  it('checks the size of a long record after parsing it', async () => {
    const huge = `{"id":"huge","text":"${'y'.repeat(2000)}"}`;
    const items: Item[] = [];
    for await (const item of readJsonl('in', Readable.from([Buffer.from(`${huge}\n{"id":"next","text":"z"}\n`)]), 10)) items.push(item);
    expect(summary(items)).toEqual([
      ['huge', 'ERROR in:1: too large (2000 bytes > 10 byte limit)'],
      ['next', 'z'],
    ]);
  });

  it('drops a line longer than the line cap unkept, names it, and reads on', async () => {
    const chunks = [Buffer.from('{"a":1}\n'), Buffer.from('x'.repeat(40)), Buffer.from('y'.repeat(40)), Buffer.from('\nshort\r\n'), Buffer.from([0xff, 0x0a])];
    const got = [];
    for await (const line of splitLines(Readable.from(chunks), 50)) got.push(line);
    expect(got).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, tooLong: 80 },
      { number: 3, text: 'short' },
      { number: 4, invalid: true },
    ]);
    // JSONL's cap leaves room for \u escapes: six bytes per byte of text, plus 64 KiB.
    expect(maxJsonlLineBytes(10)).toBe(60 + 65536);
  });
});
