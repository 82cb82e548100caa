import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { foldLookalikes, LOOKALIKES } from '../../src/normalize/variants.js';
import { sourceOf, spans } from './helpers.js';

describe('foldLookalikes', () => {
  it.each([
    ['⻅效快', '见效快'],
    ['⻔诊', '门诊'],
    ['⻢上⻅效', '马上见效'],
    ['薬到病除', '药到病除'],
    ['処方薬', '处方药'],
    ['囗服液', '口服液'],
    ['一ロ价', '一口价'],
    ['加エ', '加工'],
    ['ㄧ次根治', '一次根治'],
    ['ㄧ·次·根·治', '一·次·根·治'],
    ['ー次见效', '一次见效'],
  ])('%s → %s', (input, expected) => {
    expect(foldLookalikes(input).text).toBe(expected);
  });

  it.each([
    ['コーヒー', 'katakana among kana'],
    ['ロボット', 'katakana among kana'],
    ['ㄅㄆㄇ', 'bopomofo among bopomofo'],
    ['ㄧㄢ', 'bopomofo among bopomofo'],
    ['9ー10', 'no Han neighbour'],
  ])('leaves %s alone (%s)', (input) => {
    expect(foldLookalikes(input).text).toBe(input);
  });

  it('maps every replacement to the character it replaces', () => {
    const input = '𠀀⻅效';
    const n = foldLookalikes(input);
    expect(n.text).toBe('𠀀见效');
    expect(spans(n)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it("maps each Japanese form as opencc's jp → cn tables do", () => {
    const opencc = createRequire(import.meta.url)('opencc-js') as { Converter(o: { from: string; to: string }): (t: string) => string };
    const jp = opencc.Converter({ from: 'jp', to: 'cn' });
    const japanese = Object.entries(LOOKALIKES.always).filter(([from]) => from.codePointAt(0)! >= 0x3400 && from !== '囗');
    expect(japanese.length).toBeGreaterThan(50);
    for (const [from, to] of japanese) expect(jp(from), from).toBe(to);
  });

  it('folds Kangxi radicals and compatibility ideographs through NFKC, with the rest of the pipeline', () => {
    const input = '⽅剂⼝服，⾒效快';
    const n = normalize(input);
    expect(n.text).toBe('方剂口服,見效快'.replace('見', '见'));
    expect(sourceOf(input, n, '口服')).toBe('⼝服');
  });
});
