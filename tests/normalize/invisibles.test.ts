import { describe, expect, it } from 'vitest';
import { stripInvisibles } from '../../src/normalize/invisibles.js';
import { sourceOf, spans } from './helpers.js';

describe('stripInvisibles', () => {
  it('deletes a zero-width space inside a word and maps around it', () => {
    const input = '保\u200b证治愈';
    const n = stripInvisibles(input);
    expect(n.text).toBe('保证治愈');
    expect(spans(n)).toEqual([[0, 1], [2, 3], [3, 4], [4, 5]]);
    expect(sourceOf(input, n, '保证')).toBe('保\u200b证');
    expect(n.map.sourceLength).toBe(input.length);
  });

  it.each([
    ['U+200B–U+200F', '\u200b\u200c\u200d\u200e\u200f'],
    ['bidi embeddings U+202A–U+202E', '\u202a\u202b\u202c\u202d\u202e'],
    ['word joiner and invisible operators U+2060–U+2064', '\u2060\u2061\u2062\u2063\u2064'],
    ['bidi isolates U+2066–U+2069', '\u2066\u2067\u2068\u2069'],
    ['BOM, soft hyphen, Mongolian vowel separator, CGJ', '\ufeff\u00ad\u180e\u034f'],
    ['variation selectors U+FE00–U+FE0F', '\ufe00\ufe0f'],
    ['astral variation selectors U+E0100–U+E01EF', '\u{e0100}\u{e01ef}'],
    ['tag characters U+E0000–U+E007F', '\u{e0001}\u{e0041}\u{e007f}'],
  ])('deletes %s', (_name, chars) => {
    const input = `治${chars}愈`;
    const n = stripInvisibles(input);
    expect(n.text).toBe('治愈');
    expect(spans(n)).toEqual([[0, 1], [input.length - 1, input.length]]);
  });

  it('turns U+2028 and U+2029 into line breaks mapped to themselves', () => {
    const input = '第一行\u2028第二行\u2029第三行';
    const n = stripInvisibles(input);
    expect(n.text).toBe('第一行\n第二行\n第三行');
    expect(spans(n)[3]).toEqual([3, 4]);
    expect(spans(n)[7]).toEqual([7, 8]);
  });

  it('keeps visible text, CRLF and astral characters as they are', () => {
    const input = '𠀀😀 a\r\nb\u3000c';
    const n = stripInvisibles(input);
    expect(n.text).toBe(input);
    expect(spans(n)).toEqual(Array.from({ length: input.length }, (_v, i) => [i, i + 1]));
  });

  it('keeps offsets in UTF-16 units after astral characters and invisibles', () => {
    const input = '𠀀\u{e0100}😀\u200b保证治愈';
    const n = stripInvisibles(input);
    expect(n.text).toBe('𠀀😀保证治愈');
    expect(sourceOf(input, n, '保证治愈')).toBe('保证治愈');
    expect(n.map.toSource(2, 4)).toEqual([4, 6]);
  });

  it('handles empty text and text made only of invisibles', () => {
    expect(stripInvisibles('').text).toBe('');
    const n = stripInvisibles('\u200b\ufeff');
    expect(n.text).toBe('');
    expect(n.map.length).toBe(0);
    expect(n.map.toSource(0, 0)).toEqual([0, 0]);
  });
});

describe('stripInvisibles: the rarer blanks', () => {
  it.each([
    ['\u115F', 'Hangul choseong filler'],
    ['\u1160', 'Hangul jungseong filler'],
    ['\u17B4', 'Khmer inherent vowel'],
    ['\u206A', 'deprecated format character'],
    ['\uFFF9', 'interlinear annotation anchor'],
    ['\u{1BCA0}', 'shorthand format letter overlap'],
    ['\u{1D173}', 'musical symbol begin beam'],
  ])('deletes %j (%s) inside a word and maps around it', (ch) => {
    const input = `保${ch}证治愈`;
    const n = stripInvisibles(input);
    expect(n.text).toBe('保证治愈');
    const [s, e] = n.map.toSource(0, 4);
    expect(input.slice(s, e)).toBe(input);
  });
});
