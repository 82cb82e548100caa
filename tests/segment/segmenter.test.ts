import { beforeAll, describe, expect, it } from 'vitest';
import { getSegmenter, type Token } from '../../src/segment/index.js';

// The compact dictionary comes from dist/dict when built, else it is built on first use into
// .adscan-cache/dict (see src/segment/dict-files.ts); either way the first tokens() loads it.
const seg = getSegmenter();
beforeAll(() => {
  seg.tokens('预热');
}, 60_000);

const words = (tokens: Token[]) => tokens.map((t) => t.word);

/** The token that starts at `start` in the text, if any. */
function tokenAt(tokens: Token[], start: number): Token | undefined {
  return tokens.find((t) => t.start === start);
}

/** Offsets slice back to the words, tokens are ordered and disjoint, gaps are whitespace only. */
function expectExact(text: string, tokens: Token[]): void {
  const problems: string[] = [];
  let pos = 0;
  for (const t of tokens) {
    if (text.slice(t.start, t.end) !== t.word) problems.push(`${JSON.stringify(t)} does not slice back`);
    if (t.start < pos) problems.push(`${JSON.stringify(t)} overlaps the previous token`);
    else if (!/^\s*$/u.test(text.slice(pos, t.start))) problems.push(`text before ${JSON.stringify(t)} is not a token`);
    if (/^\s+$/u.test(t.word)) problems.push(`${JSON.stringify(t)} is whitespace`);
    pos = Math.max(pos, t.end);
  }
  if (!/^\s*$/u.test(text.slice(pos))) problems.push('text after the last token is not a token');
  expect(problems).toEqual([]);
  expect(tokens.length).toBeGreaterThan(0);
}

describe('compact segmenter', () => {
  it('keeps 最近 whole', () => {
    const tokens = seg.tokens('最近天气不错');
    expect(tokens[0]).toMatchObject({ word: '最近', start: 0, end: 2 });
  });

  it('keeps 第一篇 whole, so 第一 is not a token there', () => {
    const text = '这是第一篇文章';
    const tokens = seg.tokens(text);
    expect(tokenAt(tokens, 2)).toMatchObject({ word: '第一篇', end: 5 });
    expect(tokens.some((t) => t.word === '第一')).toBe(false);
  });

  it('keeps 第一次 and 第一阶段 whole', () => {
    expect(words(seg.tokens('这是我第一次来杭州'))).toContain('第一次');
    expect(words(seg.tokens('第一阶段为动员部署阶段'))[0]).toBe('第一阶段');
  });

  it('does not split 根治术 into 根治 + 术', () => {
    const text = '乳腺癌改良根治术';
    const tokens = seg.tokens(text);
    expect(tokens[tokens.length - 1]).toMatchObject({ word: '根治术', start: 5, end: 8 });
  });

  it('ends a name-ish token right before 说, which is a verb', () => {
    const text = '患者王女士说';
    const tokens = seg.tokens(text);
    const say = tokens[tokens.length - 1]!;
    expect(say).toMatchObject({ word: '说', tag: 'v', start: 5, end: 6 });
    expect(tokens[0]).toMatchObject({ word: '患者', end: 2 });
    // Either 王女士/nr or 王/nr 女士/n, depending on the dictionary.
    expect(tokenAt(tokens, 2)?.tag).toBe('nr');
    expect(tokens.some((t) => t.end === 5)).toBe(true);
  });

  it('splits 张三表示 into 张三 and the verb 表示', () => {
    const tokens = seg.tokens('张三表示');
    expect(tokens.map((t) => [t.word, t.start, t.end])).toEqual([
      ['张三', 0, 2],
      ['表示', 2, 4],
    ]);
    expect(tokens[1]!.tag).toBe('v');
  });

  it('cuts 专家建议 between 专家 and 建议 or keeps it whole, never elsewhere', () => {
    const tokens = seg.tokens('专家建议');
    expect(tokens.every((t) => t.start === 0 || t.start === 2)).toBe(true);
    expect(tokens[0]!.start).toBe(0);
  });

  it('puts a boundary after 第一 in 第一人民医院 and keeps 医院 whole', () => {
    const tokens = seg.tokens('第一人民医院');
    expect(tokens[0]).toMatchObject({ word: '第一', start: 0, end: 2 });
    expect(tokens[tokens.length - 1]).toMatchObject({ end: 6 });
    expect(tokens.some((t) => t.start === 4 && t.end === 6) || tokens.some((t) => t.start === 2 && t.end === 6)).toBe(true);
  });

  it('keeps health-advertising vocabulary whole', () => {
    const tokens = words(seg.tokens('银屑病专科医院：专治牛皮癣、白癜风，保证治愈，无效退款！超声刀、玻尿酸'));
    for (const w of ['银屑病', '专治', '牛皮癣', '白癜风', '保证', '治愈', '退款', '超声刀', '玻尿酸']) expect(tokens).toContain(w);
  });

  it('gives exact UTF-16 offsets around spaces, newlines, ASCII, digits, emoji and astral characters', () => {
    const text = '  𠀀保证😀治愈 \r\n\tABC def 98.6%  \u3000第一次\n\n最好的👍🏽医院 x';
    const tokens = seg.tokens(text);
    expectExact(text, tokens);
    expect(tokens.find((t) => t.word === 'ABC')).toMatchObject({ tag: 'eng' });
    expect(tokens.find((t) => t.word === '98.6')).toMatchObject({ tag: 'm' });
    const first = tokens.find((t) => t.word === '第一次')!;
    expect(first.start).toBe(text.indexOf('第一次'));
  });

  it('keeps lone surrogates and control characters at their offsets', () => {
    const text = '保证\ud800治愈\u0000好\udc00';
    const tokens = seg.tokens(text);
    expectExact(text, tokens);
    expect(tokens.find((t) => t.word === '\ud800')).toMatchObject({ start: 2, end: 3 });
  });

  it('returns [] for the empty string and for whitespace', () => {
    expect(seg.tokens('')).toEqual([]);
    expect(seg.tokens(' \n\t\r\n')).toEqual([]);
  });

  it('stays exact on a text much longer than one native chunk', () => {
    // ~76k UTF-16 units: more than one 64k chunk, with and without line breaks to cut at.
    const line = '本院专治牛皮癣，保证治愈😀 ABC 123\r\n'.repeat(1200) + '最后一句'.repeat(10000);
    const tokens = seg.tokens(line);
    expectExact(line, tokens);
    expect(tokens.filter((t) => t.word === '牛皮癣')).toHaveLength(1200);
    expect(tokens[tokens.length - 1]).toMatchObject({ end: line.length });
  });
});

describe('addWords', () => {
  it('makes added terms single tokens, before and after loading alike', () => {
    const text = '本品采用纳米靶向修复技术';
    expect(words(seg.tokens(text))).not.toContain('纳米靶向修复');
    seg.addWords(['纳米靶向修复', '  ', 'x', '含 空格']);
    const tokens = seg.tokens(text);
    expect(tokenAt(tokens, 4)).toMatchObject({ word: '纳米靶向修复', end: 10 });
  });

  it('does not retag words the dictionary already has', () => {
    seg.addWords(['说', '表示']);
    expect(seg.tokens('张三表示')[1]).toMatchObject({ word: '表示', tag: 'v' });
  });
});

describe('getSegmenter', () => {
  it('returns one segmenter per dictionary kind that loads once', () => {
    expect(getSegmenter()).toBe(seg);
    expect(getSegmenter({ dict: 'compact' })).toBe(seg);
    expect(seg.loaded).toBe(true);
    const ms = seg.loadMs;
    expect(ms).toBeGreaterThan(0);
    seg.tokens('再来一次');
    seg.tokens('又一次');
    expect(seg.loadMs).toBe(ms);
  });

  it('does not load the full dictionary until it is used', () => {
    const full = getSegmenter({ dict: 'full' });
    expect(full).not.toBe(seg);
    expect(full.loaded).toBe(false);
    expect(full.loadMs).toBe(0);
  });
});
