import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './fetch-server.js';
import { readInputs } from '../../src/sources/index.js';
import { readUrlList } from '../../src/sources/inputs/url-list.js';
import { collect, summary } from './collect.js';

let server: TestServer;
let base: string;
let dir: string;
let inFlight = 0;
let peakInFlight = 0;
const requested: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'adscan-url-list-'));
  server = await startServer((req, res) => {
    const n = Number(/^\/page\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN);
    requested.push(req.url ?? '');
    if (!Number.isFinite(n)) {
      res.writeHead(404);
      res.end();
      return;
    }
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    // Early pages are the slowest: order must come from the inputs, not from arrival.
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`第${n}页`);
    }, (8 - n) * 25);
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('--url-list', () => {
  it('fetches the listed URLs concurrently and yields them in list order', async () => {
    const list = join(dir, 'urls.txt');
    await writeFile(
      list,
      [
        '# pages to check',
        `${base}/page/1`,
        '',
        `   ${base}/page/2   `,
        'ftp://example.test/file',
        `${base}/page/3`,
        '   # indented comment',
        'not a url',
        `${base}/page/4\r`,
        `${base}/page/5`,
        `${base}/page/6`,
        'http://',
        `${base}/page/7`,
      ].join('\n'),
    );
    peakInFlight = 0;
    const items = await collect(readInputs([], { urlLists: [list], concurrency: 8, perHost: 8 }));
    expect(summary(items)).toEqual([
      [`${base}/page/1`, '第1页'],
      [`${base}/page/2`, '第2页'],
      [`${list}:5`, 'ERROR not an http(s) URL: "ftp://example.test/file"'],
      [`${base}/page/3`, '第3页'],
      [`${list}:8`, 'ERROR not an http(s) URL: "not a url"'],
      [`${base}/page/4`, '第4页'],
      [`${base}/page/5`, '第5页'],
      [`${base}/page/6`, '第6页'],
      [`${list}:12`, 'ERROR invalid URL: "http://"'],
      [`${base}/page/7`, '第7页'],
    ]);
    expect(peakInFlight).toBeGreaterThan(1);
  });

  it('reads positional inputs first, then each list in turn; "-" reads the list from stdin', async () => {
    const list = join(dir, 'second.txt');
    await writeFile(list, `${base}/page/6\n`);
    const stdin = Readable.from([Buffer.from(`${base}/page/7\n# done\n`)]);
    const items = await collect(readInputs([`${base}/page/1`], { urlLists: ['-', list], perHost: 4 }, { stdin }));
    expect(summary(items)).toEqual([
      [`${base}/page/1`, '第1页'],
      [`${base}/page/7`, '第7页'],
      [`${base}/page/6`, '第6页'],
    ]);
  });

  it('reports a missing list or a directory, and goes on', async () => {
    const items = await collect(readInputs([], { urlLists: [join(dir, 'nope.txt'), dir] }));
    expect(summary(items)).toEqual([
      [join(dir, 'nope.txt'), 'ERROR no such file or directory'],
      [dir, 'ERROR is a directory (a URL list must be a file)'],
    ]);
  });

  it('streams: a huge list is read a line at a time, not up front', async () => {
    let produced = 0;
    const endless = Readable.from((function* () {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield Buffer.from(`# comment ${i}\nnot-a-url-${i}\n`);
      }
    })());
    let seen = 0;
    for await (const item of readInputs([], { urlLists: ['-'], concurrency: 4 }, { stdin: endless })) {
      expect(item.uri).toBe(`<stdin>:${2 * seen + 2}`);
      if (++seen === 50) break;
    }
    // Readable.from buffers a little ahead; nowhere near the million lines.
    expect(produced).toBeLessThan(1000);
  });

  it('splits lines across chunk boundaries and drops a BOM', async () => {
    const chunks = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('https://a.test/x\r'), Buffer.from('\nhttps://b.te'), Buffer.from('st/y')];
    const entries = [];
    for await (const e of readUrlList('list', Readable.from(chunks))) entries.push(e);
    expect(entries).toEqual([{ url: 'https://a.test/x' }, { url: 'https://b.test/y' }]);
  });
});
