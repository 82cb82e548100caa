import { describe, expect, it } from 'vitest';
import { convertScript, toSimplified } from '../../src/normalize/script.js';
import { sourceOf, spans } from './helpers.js';

describe('toSimplified', () => {
  it.each([
    ['醫院', '医院'],
    ['診所', '诊所'],
    ['專治', '专治'],
    ['牛皮癬', '牛皮癣'],
    ['保證治癒', '保证治愈'],
    ['無效退款', '无效退款'],
    ['療效', '疗效'],
    ['電話', '电话'],
    ['藥', '药'],
    ['體驗', '体验'],
    ['癥狀', '症状'],
    ['發', '发'],
    ['後', '后'],
    ['裡', '里'],
    ['乾', '干'],
    // Taiwan and Hong Kong variants both come out in mainland form.
    ['他拿著藥', '他拿着药'],
    ['這裡', '这里'],
    ['衞生', '卫生'],
    ['羣眾', '群众'],
  ])('%s → %s', (input, expected) => {
    const n = toSimplified(input);
    expect(n.text).toBe(expected);
    expect(spans(n)).toEqual(Array.from({ length: input.length }, (_v, i) => [i, i + 1]));
  });

  it('keeps phrase context: 乾隆 stays, 乾淨 becomes 干净, 著名 stays', () => {
    expect(toSimplified('乾隆年間').text).toBe('乾隆年间');
    expect(toSimplified('乾淨').text).toBe('干净');
    expect(toSimplified('著名醫生').text).toBe('著名医生');
  });

  it('converts a Traditional ad and maps matches back to the Traditional text', () => {
    const input = '本院專治牛皮癬，保證治癒，無效退款，電話：020-88881234';
    const n = toSimplified(input);
    expect(n.text).toBe('本院专治牛皮癣，保证治愈，无效退款，电话：020-88881234');
    expect(sourceOf(input, n, '保证治愈')).toBe('保證治癒');
    expect(sourceOf(input, n, '无效退款')).toBe('無效退款');
  });

  it('reads 著 as the particle 着 only in a line that is otherwise Traditional', () => {
    expect(toSimplified('看著醫生').text).toBe('看着医生');
    expect(toSimplified('成績顯著').text).toBe('成绩显著');
    // 著 alone and 显著/著称/卓著 are valid Simplified: the TW table would change them.
    expect(toSimplified('著').text).toBe('著');
    expect(toSimplified('疗效显著，著称全国，卓著').text).toBe('疗效显著，著称全国，卓著');
    expect(toSimplified('为什么 要么 么').text).toBe('为什么 要么 么');
    // Line by line: the Traditional line converts, the Simplified one keeps 显著.
    const input = '療效顯著\n疗效显著，土著';
    const n = toSimplified(input);
    expect(n.text).toBe('疗效显著\n疗效显著，土著');
    expect(n.map.toSource(5, 9)).toEqual([5, 9]);
  });

  it('converts each Traditional line on its own, whatever the line breaks, and maps every unit back', () => {
    // 乾隆 holds a Traditional character yet stays as it is: the first line is kept, not converted.
    const lines = ['乾隆年间', '看著醫生', '疗效显著', '保證治癒', '', '著称全国', '電話𠀀諮詢', '土著'];
    for (const br of ['\n', '\r\n', '\r']) {
      const input = lines.join(br);
      const n = toSimplified(input);
      expect(n.text).toBe(lines.map((l) => (l ? toSimplified(l).text : l)).join(br));
      expect(n.text).toContain('疗效显著');
      expect(n.text).toContain('著称全国');
      expect(n.text).toContain('看着医生');
      // Every unit maps to the unit it came from (no entry in these lines changes length).
      expect(spans(n)).toEqual(Array.from({ length: input.length }, (_v, i) => [i, i + 1]));
    }
  });

  it('does not change Simplified text or ASCII', () => {
    const texts = [
      '本院专治牛皮癣，保证治愈，无效退款。',
      '这里 干净 后来 里面 发现 头发 症状 著名 了解 于是 为了 卫生 钟表 台湾 咨询 着急',
      '杭州仁和医院 医疗机构类别：综合医院 诊疗科目：内科、外科、妇产科、儿科、口腔科',
      'OTC ABC abc 123 !? <p class="x">',
    ];
    for (const t of texts) expect(toSimplified(t).text).toBe(t);
  });

  it('maps a BMP character that becomes an astral one (噁 → 𫫇) by code point', () => {
    const input = '二噁英超標';
    const n = toSimplified(input);
    expect(n.text).toBe('二𫫇英超标');
    expect(n.text.length).toBe(input.length + 1);
    expect(spans(n)).toEqual([[0, 1], [1, 2], [1, 2], [2, 3], [3, 4], [4, 5]]);
    expect(sourceOf(input, n, '超标')).toBe('超標');
  });

  it('keeps offsets right after astral characters', () => {
    const input = '𠀀😀醫院';
    const n = toSimplified(input);
    expect(n.text).toBe('𠀀😀医院');
    expect(sourceOf(input, n, '医院')).toBe('醫院');
  });

  it('returns empty text for empty input', () => {
    expect(toSimplified('').text).toBe('');
  });
});

describe('convertScript fallback when the number of characters changes', () => {
  it('maps a character that grows to the input character it came from', () => {
    const grow = (s: string): string => s.replaceAll('甲', '乙丙');
    const input = 'ab甲c甲戊';
    const n = convertScript(input, grow);
    expect(n.text).toBe('ab乙丙c乙丙戊');
    expect(spans(n)).toEqual([[0, 1], [1, 2], [2, 3], [2, 3], [3, 4], [4, 5], [4, 5], [5, 6]]);
    expect(sourceOf(input, n, '乙丙c')).toBe('甲c');
    expect(sourceOf(input, n, '戊')).toBe('戊');
  });

  it('drops the map entry of a character that vanishes', () => {
    const shrink = (s: string): string => s.replaceAll('丁', '');
    const input = '甲丁戊 丁';
    const n = convertScript(input, shrink);
    expect(n.text).toBe('甲戊 ');
    expect(spans(n)).toEqual([[0, 1], [2, 3], [3, 4]]);
    expect(sourceOf(input, n, '甲戊')).toBe('甲丁戊');
  });

  it('keeps runs that did not change length paired by code point', () => {
    const swap = (s: string): string => s.replaceAll('甲', '乙').replaceAll('x', 'yy');
    const input = '甲甲 x 甲';
    const n = convertScript(input, swap);
    expect(n.text).toBe('乙乙 yy 乙');
    expect(spans(n)).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [3, 4], [4, 5], [5, 6]]);
  });
});

describe('opencc-js dictionaries', () => {
  it('have no TW/HK→CN entry that changes the number of characters (pairing relies on it)', async () => {
    const { Locale } = await import('opencc-js/t2cn');
    const groups = [...Locale.from.tw!, ...Locale.from.hk!, ...Locale.to.cn!].flat();
    let entries = 0;
    const changing: string[] = [];
    for (const dict of groups) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from, to] of pairs) {
        entries++;
        if (Array.from(from!).length !== Array.from(to!).length) changing.push(`${from}→${to}`);
      }
    }
    expect(entries).toBeGreaterThan(1000);
    expect(changing).toEqual([]);
  });
});
