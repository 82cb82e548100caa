import { describe, expect, it } from 'vitest';
import { alignTokens, nativeSafe } from '../../src/segment/align-tokens.js';

const w = (word: string, tag = 'x') => ({ word, tag });

describe('alignTokens', () => {
  it('gives each word its UTF-16 offsets and leaves whitespace out', () => {
    const text = '𠀀 保证\n治愈';
    const tokens = alignTokens(text, text, [w('𠀀'), w(' '), w('保证', 'v'), w('\n'), w('治愈', 'v')]);
    expect(tokens).toEqual([
      { word: '𠀀', tag: 'x', start: 0, end: 2 },
      { word: '保证', tag: 'v', start: 3, end: 5 },
      { word: '治愈', tag: 'v', start: 6, end: 8 },
    ]);
  });

  it('skips over whitespace that jieba dropped', () => {
    const text = 'a  \r\n\tb';
    expect(alignTokens(text, text, [w('a'), w('b')])).toEqual([
      { word: 'a', tag: 'x', start: 0, end: 1 },
      { word: 'b', tag: 'x', start: 6, end: 7 },
    ]);
  });

  it('accepts whitespace that jieba merged into one word', () => {
    const text = '说  好';
    expect(alignTokens(text, text, [w('说', 'v'), w('  '), w('好', 'a')]).map((t) => [t.word, t.start])).toEqual([
      ['说', 0],
      ['好', 3],
    ]);
  });

  it('leaves out a word that is not in the text instead of inventing offsets', () => {
    const text = '张三表示';
    expect(alignTokens(text, text, [w('张三'), w('李四'), w('表示', 'v')])).toEqual([
      { word: '张三', tag: 'x', start: 0, end: 2 },
      { word: '表示', tag: 'v', start: 2, end: 4 },
    ]);
  });

  it('maps U+FFFD from the native side back to the lone surrogate of the input', () => {
    const text = 'a\ud800b\udc00';
    const safe = nativeSafe(text);
    expect(safe).toBe('a\ufffdb\ufffd');
    expect(safe.length).toBe(text.length);
    const tokens = alignTokens(text, safe, [w('a'), w('\ufffd'), w('b'), w('\ufffd')]);
    expect(tokens.map((t) => [t.word, t.start, t.end])).toEqual([
      ['a', 0, 1],
      ['\ud800', 1, 2],
      ['b', 2, 3],
      ['\udc00', 3, 4],
    ]);
  });

  it('keeps valid surrogate pairs intact in nativeSafe', () => {
    expect(nativeSafe('😀𠀀')).toBe('😀𠀀');
  });

  it('adds a base offset and appends to an existing list', () => {
    const out = alignTokens('ab', 'ab', [w('ab')]);
    alignTokens('cd', 'cd', [w('cd')], 10, out);
    expect(out.map((t) => [t.word, t.start, t.end])).toEqual([
      ['ab', 0, 2],
      ['cd', 10, 12],
    ]);
  });

  it('returns nothing for no words', () => {
    expect(alignTokens('', '', [])).toEqual([]);
    expect(alignTokens('abc', 'abc', [w('')])).toEqual([]);
  });
});
