import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/sources/index.js';
import { collect } from './collect.js';

let root: string;
const at = (...parts: string[]): string => join(root, ...parts);
const uris = async (inputs: string[], opts = {}): Promise<string[]> =>
  (await collect(readInputs(inputs, opts))).map((x) => ('error' in x ? `${x.uri} ERROR ${x.error}` : x.uri));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'adscan-walk-filter-'));
  const files: Record<string, string> = {
    'site/index.html': '<p>首页</p>',
    'site/a.txt': 'a',
    'site/ads/one.html': '1',
    'site/ads/two.txt': '2',
    'site/ads/drafts/three.txt': '3',
    'site/archive/old.html': 'old',
    'site/archive/keep.txt': 'keep',
    'site/vendor/lib.min.html': 'min',
    'site/build/out.txt': 'built',
    'plain/x.txt': 'x',
    'plain/y.md': 'y',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(at(rel), text);
  }
  // gitignore syntax: a directory, a glob, a negation.
  await writeFile(at('site', '.adscanignore'), '# generated\nbuild/\narchive/*\n!archive/keep.txt\n*.min.html\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('directory walks: --include, --exclude and .adscanignore', () => {
  it('obeys the .adscanignore at the walked root', async () => {
    expect(await uris([at('site')])).toEqual([
      `${at('site')}/a.txt`,
      `${at('site')}/ads/drafts/three.txt`,
      `${at('site')}/ads/one.html`,
      `${at('site')}/ads/two.txt`,
      `${at('site')}/archive/keep.txt`,
      `${at('site')}/index.html`,
    ]);
  });

  it('--include keeps only matching paths (relative to the walked directory)', async () => {
    expect(await uris([at('site')], { include: ['ads/**'] })).toEqual([
      `${at('site')}/ads/drafts/three.txt`,
      `${at('site')}/ads/one.html`,
      `${at('site')}/ads/two.txt`,
    ]);
    // A glob without a slash matches a name at any depth; several globs add up.
    expect(await uris([at('site')], { include: ['*.html', 'a.txt'] })).toEqual([
      `${at('site')}/a.txt`,
      `${at('site')}/ads/one.html`,
      `${at('site')}/index.html`,
    ]);
  });

  it('--exclude leaves out matching files and whole directories', async () => {
    expect(await uris([at('site')], { exclude: ['drafts', '*.html'] })).toEqual([
      `${at('site')}/a.txt`,
      `${at('site')}/ads/two.txt`,
      `${at('site')}/archive/keep.txt`,
    ]);
    expect(await uris([at('site')], { include: ['ads/**'], exclude: ['ads/drafts/**'] })).toEqual([
      `${at('site')}/ads/one.html`,
      `${at('site')}/ads/two.txt`,
    ]);
  });

  it('always reads explicit file arguments', async () => {
    expect(await uris([at('site', 'build', 'out.txt'), at('site', 'vendor', 'lib.min.html')], { exclude: ['**'], include: ['nothing'] })).toEqual([
      at('site', 'build', 'out.txt'),
      at('site', 'vendor', 'lib.min.html'),
    ]);
  });

  it('says so when the filters leave nothing', async () => {
    expect(await uris([at('plain')], { include: ['*.html'] })).toEqual([
      `${at('plain')} ERROR no matching files (looking for .txt, .md, .html, .htm, .warc, .warc.gz that pass --include/--exclude/.adscanignore)`,
    ]);
  });

  it('walks a directory without an ignore file as before', async () => {
    expect(await uris([at('plain')])).toEqual([`${at('plain')}/x.txt`, `${at('plain')}/y.md`]);
  });
});
