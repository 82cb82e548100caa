import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './fetch-server.js';
import type { SourceDocument } from '../../src/core/types.js';
import { readInputs, type Fetcher, type SkipKey } from '../../src/sources/index.js';
import { collect, summary } from './collect.js';

let server: TestServer;
let base: string;
let dir: string;
const requested: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'adscan-skip-'));
  server = await startServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/hang') return; // never answers
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`page ${req.url}`);
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('readInputs: skip', () => {
  it('is asked before a URL is fetched; skipped URLs are neither fetched nor yielded', async () => {
    requested.length = 0;
    const list = join(dir, 'urls.txt');
    await writeFile(list, `${base}/a\n${base}/b\n${base}/c\n`);
    const asked: SkipKey[] = [];
    const items = await collect(readInputs([], {
      urlLists: [list],
      skip: (key) => {
        asked.push(key);
        return key.uri.endsWith('/b');
      },
    }));
    expect(summary(items)).toEqual([
      [`${base}/a`, 'page /a'],
      [`${base}/c`, 'page /c'],
    ]);
    expect(requested.sort()).toEqual(['/a', '/c']);
    expect(asked).toEqual([{ uri: `${base}/a` }, { uri: `${base}/b` }, { uri: `${base}/c` }]);
  });

  it('is asked before a file is opened (a FIFO with no writer would block forever)', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const file = join(dir, 'plain.txt');
    await writeFile(file, '正文');
    const items = await collect(readInputs([fifo, file], { skip: (key) => key.uri === fifo }));
    expect(summary(items)).toEqual([[file, '正文']]);
  });

  it('gets the record id of JSONL records', async () => {
    const file = join(dir, 'records.jsonl');
    await writeFile(file, '{"id":"r1","url":"https://x.test/1","text":"一"}\n{"id":"r2","url":"https://x.test/2","text":"二"}\n');
    const asked: SkipKey[] = [];
    const items = await collect(readInputs([file], { skip: (key) => (asked.push(key), key.id === 'r1') }));
    expect(items.map((x) => (x as SourceDocument).id)).toEqual(['r2']);
    expect(asked).toEqual([{ uri: 'https://x.test/1', id: 'r1' }, { uri: 'https://x.test/2', id: 'r2' }]);
  });
});

describe('readInputs: signal', () => {
  it('stops yielding promptly when aborted, though a fetch is still hanging', async () => {
    const controller = new AbortController();
    const gen = readInputs([`${base}/first`, `${base}/hang`, `${base}/third`], { signal: controller.signal, timeoutMs: 60_000 });
    const first = await gen.next();
    expect(first.value?.uri).toBe(`${base}/first`);
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const next = await gen.next();
    expect(next.done).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('yields nothing when already aborted', async () => {
    const items = await collect(readInputs([join(dir, 'plain.txt')], { signal: AbortSignal.abort() }));
    expect(items).toEqual([]);
  });

  it('passes the signal on to the fetcher and closes only a fetcher it made', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    let closed = false;
    const fetcher: Fetcher = {
      fetch: async (url, opts) => {
        signals.push(opts?.signal);
        return { uri: url, bytes: Buffer.from('ok') };
      },
      close: async () => {
        closed = true;
      },
    };
    const items = await collect(readInputs(['https://one.test/', 'https://two.test/'], { fetcher }));
    expect(items.map((x) => x.uri)).toEqual(['https://one.test/', 'https://two.test/']);
    expect(signals.every((s) => s instanceof AbortSignal)).toBe(true);
    expect(closed).toBe(false);
  });
});

describe('readInputs: stdin is read once', () => {
  it('fails a second use of stdin instead of reading it twice', async () => {
    const stdin = Readable.from([Buffer.from('https://a.test/\n')]);
    const fetcher: Fetcher = { fetch: async (url) => ({ uri: url, bytes: Buffer.from('x') }), close: async () => {} };
    const items = await collect(readInputs(['-'], { urlLists: ['-'], fetcher }, { stdin }));
    expect(summary(items)).toEqual([
      ['<stdin>', 'https://a.test/\n'],
      ['<stdin>', 'ERROR stdin was already read by an earlier input'],
    ]);
  });
});
