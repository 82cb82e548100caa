import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_OPTIONS, isFailure, readInputs } from '../../src/sources/index.js';
import { collect, summary } from './collect.js';

let root: string;
const at = (...parts: string[]): string => join(root, ...parts);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'adscan-sources-'));
  const files: Record<string, string> = {
    'site/index.html': '<p>首页</p>',
    'site/b.txt': 'b',
    'site/a.md': 'a',
    'site/Z.HTM': 'Z',
    'site/image.png': 'not scanned',
    'site/notes.json': '{}',
    'site/sub/c.txt': 'c',
    'site/sub/deeper/d.htm': 'd',
    'site/a/e.txt': 'e',
    'site/.git/config.txt': 'hidden',
    'site/node_modules/pkg/readme.md': 'dependency',
    'site/.hidden.txt': 'dotfile',
    'lonely/readme.rst': 'no match',
    'ad.data': '祖传秘方',
    'big.txt': 'x'.repeat(2048),
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(at(rel), text);
  }
  await mkdir(at('empty'));
  // A link back to an ancestor would loop forever if links were followed blindly.
  await symlink(at('site'), at('site', 'sub', 'loop'));
  await symlink(at('site', 'b.txt'), at('site', 'sub', 'b-link.txt'));
  await symlink(at('does-not-exist.txt'), at('site', 'sub', 'broken.txt'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readInputs: files and directories', () => {
  it('walks a directory recursively in sorted order with the extension filter', async () => {
    const items = await collect(readInputs([at('site')]));
    expect(summary(items).map(([uri, v]) => [uri.slice(root.length), v])).toEqual([
      ['/site/.hidden.txt', 'dotfile'],
      ['/site/Z.HTM', 'Z'],
      ['/site/a/e.txt', 'e'],
      ['/site/a.md', 'a'],
      ['/site/b.txt', 'b'],
      ['/site/index.html', '<p>首页</p>'],
      ['/site/sub/broken.txt', 'ERROR no such file or directory'],
      ['/site/sub/c.txt', 'c'],
      ['/site/sub/deeper/d.htm', 'd'],
    ]);
  });

  it('joins the directory as given with the relative path, using forward slashes', async () => {
    const items = await collect(readInputs([`${at('site', 'a')}///`, at('site', 'sub', 'deeper')]));
    expect(items.map((x) => x.uri.slice(root.length))).toEqual(['/site/a/e.txt', '/site/sub/deeper/d.htm']);
  });

  it('follows a symlink loop only until it comes back to a directory already walked', async () => {
    const items = await collect(readInputs([at('site', 'sub')]));
    // sub/loop → site is walked once; inside it, site/sub is the directory we started in,
    // and site/b.txt was already read through sub/b-link.txt.
    expect(items.map((x) => x.uri.slice(root.length))).toEqual([
      '/site/sub/b-link.txt',
      '/site/sub/broken.txt',
      '/site/sub/c.txt',
      '/site/sub/deeper/d.htm',
      '/site/sub/loop/.hidden.txt',
      '/site/sub/loop/Z.HTM',
      '/site/sub/loop/a/e.txt',
      '/site/sub/loop/a.md',
      '/site/sub/loop/index.html',
    ]);
  });

  it('uses the configured extensions', async () => {
    const items = await collect(readInputs([at('site')], { extensions: ['.png', '.JSON'] }));
    expect(items.map((x) => x.uri.slice(root.length))).toEqual(['/site/image.png', '/site/notes.json']);
  });

  it('accepts extensions without the dot and ignores options left undefined', async () => {
    const items = await collect(readInputs([at('site', 'sub')], { extensions: ['htm'], maxBytes: undefined }));
    expect(items.map((x) => x.uri.slice(root.length))).toEqual(['/site/sub/deeper/d.htm', '/site/sub/loop/Z.HTM']);
  });

  it('reads an explicit file whatever its extension, with the path as uri', async () => {
    const items = await collect(readInputs([at('ad.data')]));
    expect(summary(items)).toEqual([[at('ad.data'), '祖传秘方']]);
  });

  it('reports a missing path and goes on with the next input', async () => {
    const items = await collect(readInputs([at('missing.html'), at('site', 'b.txt')]));
    expect(summary(items)).toEqual([
      [at('missing.html'), 'ERROR no such file or directory'],
      [at('site', 'b.txt'), 'b'],
    ]);
    expect(isFailure(items[0]!)).toBe(true);
    expect(isFailure(items[1]!)).toBe(false);
  });

  it('reports a directory with no matching file', async () => {
    const items = await collect(readInputs([at('lonely'), at('empty')]));
    expect(summary(items)).toEqual([
      [at('lonely'), 'ERROR no matching files (looking for .txt, .md, .html, .htm, .warc, .warc.gz)'],
      [at('empty'), 'ERROR no matching files (looking for .txt, .md, .html, .htm, .warc, .warc.gz)'],
    ]);
  });

  it('reads a file once even when reached by several inputs or a symlink', async () => {
    const items = await collect(
      readInputs([at('site', 'b.txt'), at('site', 'sub'), at('site', 'b.txt')], { extensions: ['.txt'] }),
    );
    // b.txt is read first; sub/b-link.txt and the later b.txt point at the same file.
    expect(items.map((x) => x.uri.slice(root.length))).toEqual([
      '/site/b.txt',
      '/site/sub/broken.txt',
      '/site/sub/c.txt',
      '/site/sub/loop/.hidden.txt',
      '/site/sub/loop/a/e.txt',
    ]);
    // A plain file named first and met again in a walk (the walk knows its real path).
    const again = await collect(readInputs([at('site', 'sub', 'c.txt'), at('site', 'sub')], { extensions: ['.txt'] }));
    expect(again.map((x) => x.uri.slice(root.length)).filter((u) => u.endsWith('c.txt'))).toEqual(['/site/sub/c.txt']);
  });

  it('refuses a file larger than maxBytes, naming its size', async () => {
    const items = await collect(readInputs([at('big.txt'), at('site', 'b.txt')], { maxBytes: 1000 }));
    expect(summary(items)).toEqual([
      [at('big.txt'), 'ERROR too large (2048 bytes > 1000 byte limit)'],
      [at('site', 'b.txt'), 'b'],
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file as permission denied', async () => {
    const { chmod } = await import('node:fs/promises');
    await writeFile(at('secret.txt'), 'x');
    await chmod(at('secret.txt'), 0o000);
    const items = await collect(readInputs([at('secret.txt')]));
    expect(summary(items)).toEqual([[at('secret.txt'), 'ERROR permission denied']]);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_SOURCE_OPTIONS.extensions).toEqual(['.txt', '.md', '.html', '.htm', '.warc', '.warc.gz']);
    expect(DEFAULT_SOURCE_OPTIONS.maxBytes).toBe(20 * 1024 * 1024);
    expect(DEFAULT_SOURCE_OPTIONS.timeoutMs).toBe(15000);
    expect(DEFAULT_SOURCE_OPTIONS.maxRedirects).toBe(5);
    expect(DEFAULT_SOURCE_OPTIONS.userAgent).toMatch(/^adscan\/\d+\.\d+\.\d+/);
  });
});
