import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPACT_VERSION, IDF_TEXT, STOP_WORDS_TEXT, compactDictionary, userDictionary } from '../../src/segment/compact-dict.js';
import { COMPACT_FILES, writeCompactDictionary } from '../../src/segment/dict-files.js';

const SAMPLE = [
  '说 219817 v', // frequent
  '女士 1448 n',
  '根治术 33 n', // medical suffix …术
  '第一阶段 3 t', // absolute-term prefix 第…
  '牛皮癣 23 n', // …癣
  '白癜风 20 n', // on the keep list
  '王女士 3 nr', // rare, no domain shape
  '第二阶段 2 t', // domain shape but below 3
  '奥萨贝尔 5 nr',
  'broken line',
  '坏 x n',
  '',
].join('\n');

describe('compactDictionary', () => {
  it('keeps frequent words, domain-shaped rare words and the keep list', () => {
    const { text, words } = compactDictionary(SAMPLE);
    expect(text.split('\n').filter(Boolean)).toEqual(['说 219817 v', '女士 1448 n', '根治术 33 n', '第一阶段 3 t', '牛皮癣 23 n', '白癜风 20 n']);
    expect(words).toBe(6);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('drops lines cppjieba would abort on', () => {
    const { text } = compactDictionary('好 100 a\n一 二 三 四\n\n无频率 n\n');
    expect(text).toBe('好 100 a\n');
  });

  it('accepts CRLF line ends', () => {
    expect(compactDictionary('好 100 a\r\n坏 60 a\r\n').text).toBe('好 100 a\n坏 60 a\n');
  });

  it('writes a user dictionary of "word tag" lines', () => {
    const lines = userDictionary().trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\S+ [a-z]+$/);
  });

  it('has one-line, non-empty idf and stop-word files (empty ones abort nodejieba)', () => {
    expect(IDF_TEXT.trim().split(' ')).toHaveLength(2);
    expect(STOP_WORDS_TEXT.trim().length).toBeGreaterThan(0);
  });
});

describe('writeCompactDictionary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adscan-dict-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file from a source dictionary, the version stamp last', () => {
    const source = join(dir, 'source.utf8');
    writeFileSync(source, SAMPLE, 'utf8');
    const { words } = writeCompactDictionary(join(dir, 'out'), source);
    expect(words).toBe(6);
    const read = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');
    expect(read(COMPACT_FILES.dict)).toContain('根治术 33 n');
    expect(read(COMPACT_FILES.userDict)).toBe(userDictionary());
    expect(read(COMPACT_FILES.idfDict)).toBe(IDF_TEXT);
    expect(read(COMPACT_FILES.stopWordDict)).toBe(STOP_WORDS_TEXT);
    expect(read(COMPACT_FILES.version).trim()).toBe(`${COMPACT_VERSION} ${Buffer.byteLength(SAMPLE)}`);
  });

  it('fails loudly on a missing source dictionary', () => {
    expect(() => writeCompactDictionary(join(dir, 'out2'), join(dir, 'missing.utf8'))).toThrow(/ENOENT/);
  });
});
