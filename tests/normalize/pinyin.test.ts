import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createLexicon, defaultLexicon, normalize } from '../../src/normalize/index.js';
import { baseLetter, isSyllable, readingsOf, readsAs, syllabify } from '../../src/normalize/pinyin.js';
import { restorePinyinWords } from '../../src/normalize/pinyin-words.js';
import { sourceOf, spans } from './helpers.js';

const lexicon = defaultLexicon();

describe('pinyin readings', () => {
  it('knows every reading of polyphones, toneless, ü as v', () => {
    expect(readingsOf('当')).toEqual(expect.arrayContaining(['dang']));
    expect(readsAs('处', 'chu')).toBe(true);
    expect(readsAs('率', 'lv')).toBe(true);
    expect(readsAs('率', 'shuai')).toBe(true);
    expect(readsAs('治', 'yu')).toBe(false);
    expect(isSyllable('zhuang')).toBe(true);
    expect(isSyllable('zhx')).toBe(false);
  });

  it('matches pinyin-pro for every character of the default lexicon', () => {
    const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as {
      pinyin: (t: string, o: object) => string[];
    };
    const chars = new Set<string>();
    for (const w of ['保证治愈', '包治百病', '药到病除', '无效退款', '处方药', '祖传秘方', '治愈率']) for (const c of w) chars.add(c);
    for (const c of chars) {
      const expected = pinyin(c, { multiple: true, type: 'array', toneType: 'none', v: true });
      expect([...readingsOf(c)].sort(), c).toEqual([...new Set(expected)].sort());
    }
    expect(lexicon.has('保证治愈')).toBe(true);
  });

  it('folds tone marks and ü', () => {
    expect(['ā', 'Á', 'ǐ', 'ò', 'ü', 'ǘ', 'z', 'Z', '1', '中'].map(baseLetter)).toEqual(['a', 'a', 'i', 'o', 'v', 'v', 'z', 'z', '', '']);
  });

  it('splits runs into syllables every possible way, tone digits and separators included', () => {
    expect(syllabify('zhiyu').map((seq) => seq.map((s) => s.text))).toEqual([['zhi', 'yu']]);
    expect(syllabify('xian').map((seq) => seq.map((s) => s.text))).toEqual([['xian'], ['xi', 'an']]);
    const tones = syllabify('zhi4yu4')[0]!;
    expect(tones.map((s) => [s.text, s.start, s.end])).toEqual([
      ['zhi', 0, 4],
      ['yu', 4, 7],
    ]);
    expect(syllabify("xi'an").map((seq) => seq.map((s) => s.text))).toEqual([['xi', 'an']]);
    expect(syllabify('hello')).toEqual([]);
    expect(syllabify('4zhi')).toEqual([]);
  });
});

describe('restorePinyinWords', () => {
  it.each([
    ['zhi愈', '治愈'],
    ['本院zhi愈牛皮癣', '本院治愈牛皮癣'],
    ['bao证治愈', '保证治愈'],
    ['治yu', '治愈'],
    ['zhì愈', '治愈'],
    ['zhi4愈', '治愈'],
    ['Zhi愈', '治愈'],
    ['药dao病除', '药到病除'],
    ['处fang药', '处方药'],
    ['baozheng治愈', '保证治愈'],
    ['无效tuikuan', '无效退款'],
  ])('%s → %s', (input, expected) => {
    expect(restorePinyinWords(input, lexicon).text).toBe(expected);
  });

  it.each([
    ['baozheng', 'pure pinyin: a name, a brand or a URL as likely'],
    ['AI医生', 'an acronym'],
    ['CT检查', 'no syllable'],
    ['iPhone手机', 'not pinyin'],
    ['zhi牛', 'no lexicon word'],
    ['zhix愈', 'not pinyin'],
    ['2zhi愈', 'a digit before the run'],
  ])('leaves %s alone (%s)', (input) => {
    expect(restorePinyinWords(input, lexicon).text).toBe(input);
  });

  it('changes nothing when two different words fit equally well', () => {
    const ambiguous = createLexicon(['治愈', '质愈']);
    expect(restorePinyinWords('zhi愈', ambiguous).text).toBe('zhi愈');
  });

  it('maps each restored character to the syllable it was written as', () => {
    const input = '本院zhi4yu4';
    const n = restorePinyinWords(input, createLexicon(['本院治愈']));
    expect(n.text).toBe('本院治愈');
    expect(spans(n)).toEqual([
      [0, 1],
      [1, 2],
      [2, 6],
      [6, 9],
    ]);
  });

  it('maps through the whole pipeline with fullwidth letters and Traditional script', () => {
    const input = '本院專治，ｂａｏ證治癒！';
    const n = normalize(input);
    expect(n.text).toBe('本院专治,保证治愈!');
    expect(sourceOf(input, n, '保证治愈')).toBe('ｂａｏ證治癒');
  });
});
