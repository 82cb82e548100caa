import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileDocument, readSized } from '../../src/sources/files.js';
import { TooLargeError } from '../../src/sources/capped-read.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'adscan-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = (d: Awaited<ReturnType<typeof readFileDocument>>) => ('bytes' in d ? Buffer.from(d.bytes).toString('utf8') : `ERROR ${d.error}`);

describe('readFileDocument', () => {
  it('reads a file into a buffer of its own, so a worker can take it without a copy', async () => {
    const path = join(dir, 'ad.txt');
    await writeFile(path, '本院保证治愈'.repeat(2000));
    const doc = await readFileDocument(path, 'ad.txt', 1 << 20);
    expect(text(doc)).toBe('本院保证治愈'.repeat(2000));
    const bytes = (doc as { bytes: Uint8Array }).bytes;
    expect([bytes.byteOffset, bytes.byteLength]).toEqual([0, bytes.buffer.byteLength]);
  });

  it('reads an empty file as no bytes and names a directory', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    expect(text(await readFileDocument(join(dir, 'empty.txt'), 'e', 100))).toBe('');
    expect(text(await readFileDocument(dir, 'd', 100))).toBe('ERROR is a directory');
    expect(text(await readFileDocument(join(dir, 'missing.txt'), 'm', 100))).toMatch(/^ERROR /);
  });

  it('reads a FIFO, which has no size, under the cap', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '%s' '保证治愈' > '${fifo}'`]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    expect(text(await readFileDocument(fifo, 'p', 100))).toBe('保证治愈');
    await written;
    const big = spawn('sh', ['-c', `head -c 5000 /dev/zero > '${fifo}'`]);
    const doc = await readFileDocument(fifo, 'p', 1000);
    big.kill();
    expect(text(doc)).toMatch(/^ERROR too large/);
  });
});

/** `fn` with an open handle on a new file holding `content`, closed afterwards. */
async function withFile(name: string, content: string, fn: (handle: FileHandle) => Promise<void>): Promise<void> {
  const path = join(dir, name);
  await writeFile(path, content);
  const handle = await open(path, 'r');
  try {
    await fn(handle);
  } finally {
    await handle.close();
  }
}

describe('readSized: a file whose size changed after stat', () => {
  it('reads what a grown file holds now, and holds it to the cap', async () => {
    await withFile('grown.txt', '0123456789', async (handle) => {
      expect(Buffer.from(await readSized(handle, 4, 100)).toString()).toBe('0123456789');
      const err = await readSized(handle, 4, 8).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TooLargeError);
      expect((err as TooLargeError).bytes).toBeGreaterThan(8);
      expect((err as TooLargeError).limit).toBe(8);
    });
  });

  it('returns what a shrunk file still holds', async () => {
    await withFile('shrunk.txt', 'abc', async (handle) => {
      expect(Buffer.from(await readSized(handle, 10, 100)).toString()).toBe('abc');
    });
  });
});
