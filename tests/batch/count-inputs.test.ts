import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInputs } from '../../src/batch/count-inputs.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'adscan-count-'));
  mkdirSync(join(dir, 'site', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'site', 'a.html'), '12345');
  writeFileSync(join(dir, 'site', 'b.txt'), '123');
  writeFileSync(join(dir, 'site', 'c.png'), 'not counted');
  writeFileSync(join(dir, 'site', 'sub', 'd.md'), '1');
  writeFileSync(join(dir, 'site', 'sub', 'skip.txt'), 'ignored');
  writeFileSync(join(dir, 'site', '.adscanignore'), 'skip.txt\n');
  writeFileSync(join(dir, 'one.txt'), 'x');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('countInputs', () => {
  it('counts files (by extension, through .adscanignore), URLs, stdin and unreadable paths', async () => {
    const site = join(dir, 'site');
    expect(await countInputs([site], {})).toEqual({ documents: 3, bytes: 0, complete: true });
    expect(await countInputs([site, join(dir, 'one.txt'), 'https://example.test/', '-', join(dir, 'missing')], {}, { sizes: true })).toEqual({
      documents: 7,
      bytes: 5 + 3 + 1 + 1,
      complete: true,
    });
    expect(await countInputs([site], { exclude: ['sub/**'] })).toMatchObject({ documents: 2 });
    expect(await countInputs([site], { extensions: ['.png'] })).toMatchObject({ documents: 1 });
  });

  it('stops at a limit of documents or bytes', async () => {
    const site = join(dir, 'site');
    expect(await countInputs([site, site], {}, { documents: 2 })).toEqual({ documents: 2, bytes: 0, complete: false });
    expect(await countInputs([site], {}, { bytes: 6, sizes: true })).toEqual({ documents: 2, bytes: 8, complete: false });
  });

  it('counts the URLs of a URL list; archives and record files hold an unknown number (their size still counts)', async () => {
    writeFileSync(join(dir, 'urls.txt'), '# crawl\nhttps://a.test/1\n\n  https://a.test/2  \n');
    expect(await countInputs([join(dir, 'one.txt')], { urlLists: [join(dir, 'urls.txt')] })).toMatchObject({ documents: 3 });
    expect(await countInputs([join(dir, 'one.txt')], { urlLists: ['-'] })).toMatchObject({ documents: undefined });
    writeFileSync(join(dir, 'crawl.warc.gz'), Buffer.alloc(100));
    expect(await countInputs([join(dir, 'one.txt'), join(dir, 'crawl.warc.gz')], {}, { sizes: true })).toEqual({ documents: undefined, bytes: 1 + 400, complete: true });
    expect(await countInputs([join(dir, 'one.txt')], { inputFormat: 'jsonl' })).toMatchObject({ documents: undefined });
  });
});
