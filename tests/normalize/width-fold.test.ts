import { describe, expect, it } from 'vitest';
import { foldWidth } from '../../src/normalize/width-fold.js';
import { sourceOf, spans } from './helpers.js';

describe('foldWidth', () => {
  it('folds fullwidth ASCII, digits and punctuation one to one', () => {
    const input = 'ＡＢＣ１２３（）：％';
    const n = foldWidth(input);
    expect(n.text).toBe('ABC123():%');
    expect(spans(n)).toEqual(Array.from({ length: 10 }, (_v, i) => [i, i + 1]));
  });

  it('turns the ideographic space into a space and circled digits into digits', () => {
    const n = foldWidth('电话\u3000①②');
    expect(n.text).toBe('电话 12');
  });

  it('maps every unit of a multi-unit expansion to its source character', () => {
    const input = '公司㈱好';
    const n = foldWidth(input);
    expect(n.text).toBe('公司(株)好');
    expect(spans(n)).toEqual([[0, 1], [1, 2], [2, 3], [2, 3], [2, 3], [3, 4]]);
    expect(sourceOf(input, n, '株')).toBe('㈱');
  });

  it('composes a base with its combining marks but never with the next character', () => {
    const input = 'e\u0301x';
    const n = foldWidth(input);
    expect(n.text).toBe('éx');
    expect(spans(n)).toEqual([[0, 2], [2, 3]]);
    // Hangul jamo would compose across characters under whole-text NFKC; per cluster they stay.
    const jamo = '\u1100\u1161';
    expect(jamo.normalize('NFKC')).toBe('가');
    expect(foldWidth(jamo).text).toBe(jamo);
  });

  it('treats an astral character as one code point and keeps UTF-16 offsets', () => {
    const input = '𠀀😀𝐀９';
    const n = foldWidth(input);
    // 𝐀 (mathematical bold A, astral) folds to 'A'; the fullwidth 9 to '9'.
    expect(n.text).toBe('𠀀😀A9');
    expect(spans(n)).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [4, 6], [6, 7]]);
  });

  it('leaves CRLF, LF, tabs and plain CJK text untouched', () => {
    const input = '第一行\r\n第二行\n\tabc';
    const n = foldWidth(input);
    expect(n.text).toBe(input);
    expect(n.map.toSource(3, 5)).toEqual([3, 5]);
  });

  it('folds CJK compatibility ideographs to the unified ones', () => {
    // U+F900 豈 → U+8C48 豈
    expect(foldWidth('\uf900').text).toBe('\u8c48');
  });

  it('leaves a lone surrogate alone instead of throwing', () => {
    const input = 'a\ud800ｂ';
    const n = foldWidth(input);
    expect(n.text).toBe('a\ud800b');
    expect(spans(n)).toEqual([[0, 1], [1, 2], [2, 3]]);
  });

  it('handles the empty string', () => {
    const n = foldWidth('');
    expect(n.text).toBe('');
    expect(n.map.length).toBe(0);
  });
});
