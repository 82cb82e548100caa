import { describe, expect, it } from 'vitest';
import { joinSeparatedHan } from '../../src/normalize/separators.js';
import { sourceOf, spans } from './helpers.js';

describe('joinSeparatedHan', () => {
  it.each([
    ['保*证*治*愈', '保证治愈'],
    ['不 复 发', '不复发'],
    ['来 电 咨 询', '来电咨询'],
    ['包·治·百·病', '包治百病'],
    ['根-治', '根治'],
    ['保_证', '保证'],
    ['保~证', '保证'],
    ['保/证', '保证'],
    ['保|证', '保证'],
    ['保.证', '保证'],
    ['保+证', '保证'],
    ['保#证', '保证'],
    ['保•证', '保证'],
    ['保 * 证', '保证'],
    ['保😀证😀治😀愈', '保证治愈'],
    ['保\u3000证\u3000治', '保证治'],
    ['治  愈  率', '治愈率'],
  ])('%s → %s', (input, expected) => {
    expect(joinSeparatedHan(input).text).toBe(expected);
  });

  it.each([
    ['张三 李四', 'between two multi-character words'],
    ['北京 上海', 'between two multi-character words'],
    ['记者 李明', 'a name after a title'],
    ['复方板蓝根颗粒 用于缓解风热感冒', 'one separator between two phrases'],
    ['保 证', 'two characters with only a space between them'],
    ['保、证、治', 'the enumeration comma 、'],
    ['保。证。治', 'sentence punctuation'],
    ['保，证，治', 'commas'],
    ['保:证:治', 'colons'],
    ['保!证!治', 'exclamation marks'],
    ['保;证;治', 'semicolons'],
    ['保\n证\n治', 'line breaks'],
    ['保 \r\n证 治', 'a CRLF inside the run'],
    ['A * B * C', 'non-Han letters'],
    ['1 - 2 - 3', 'digits'],
    ['卡尔·马克思', 'a middle dot inside a foreign name'],
    ['* 保证 *', 'separators that are not between Han characters'],
    ['20__年__月__日前', 'fill-in blanks'],
    ['(20__年__月-__月)', 'fill-in blanks around a dash'],
    ['医疗机构**户,民营医院**户', 'redactions'],
    ['治疗--好', 'a doubled dash'],
  ])('leaves %s alone (%s)', (input) => {
    const n = joinSeparatedHan(input);
    expect(n.text).toBe(input);
  });

  it('joins padding glued to a longer Han run', () => {
    expect(joinSeparatedHan('本院保*证*治*愈').text).toBe('本院保证治愈');
    expect(joinSeparatedHan('本院不 复 发').text).toBe('本院不复发');
    expect(joinSeparatedHan('本院根-治').text).toBe('本院根治');
    expect(joinSeparatedHan('专家 保 证 治 愈').text).toBe('专家保证治愈');
  });

  it('leaves one single-character word between spaced words alone', () => {
    expect(joinSeparatedHan('今天 我 很高兴').text).toBe('今天 我 很高兴');
    expect(joinSeparatedHan('北京-上海 上海-广州').text).toBe('北京-上海 上海-广州');
  });

  it('decides each group of a chain on its own', () => {
    // 保 证 治疗 | 治疗 方 案: both groups have two separators and two single characters.
    expect(joinSeparatedHan('保 证 治疗 方 案').text).toBe('保证治疗方案');
    // 记者 李明 has no single character; 不 复 发 joins.
    expect(joinSeparatedHan('记者 李明 不 复 发').text).toBe('记者 李明不复发');
  });

  it('joins inside a sentence and stops at punctuation and digits', () => {
    const input = '博济医院：保*证*治*愈，不 复 发，来 电 咨 询 0755-2345678';
    const n = joinSeparatedHan(input);
    expect(n.text).toBe('博济医院：保证治愈，不复发，来电咨询 0755-2345678');
    expect(sourceOf(input, n, '保证治愈')).toBe('保*证*治*愈');
    expect(sourceOf(input, n, '不复发')).toBe('不 复 发');
    expect(sourceOf(input, n, '来电咨询')).toBe('来 电 咨 询');
    expect(sourceOf(input, n, '0755')).toBe('0755');
  });

  it('deleted separators have no target unit', () => {
    const n = joinSeparatedHan('根-治');
    expect(spans(n)).toEqual([[0, 1], [2, 3]]);
    expect(n.map.toSource(0, 2)).toEqual([0, 3]);
  });

  it('treats an astral Han character as a single character', () => {
    const input = '𠀀*证*治';
    const n = joinSeparatedHan(input);
    expect(n.text).toBe('𠀀证治');
    expect(spans(n)).toEqual([[0, 1], [1, 2], [3, 4], [5, 6]]);
    expect(sourceOf(input, n, '证治')).toBe('证*治');
  });

  it('handles empty and separator-only text', () => {
    expect(joinSeparatedHan('').text).toBe('');
    expect(joinSeparatedHan(' * - ').text).toBe(' * - ');
  });
});

describe('joinSeparatedHan: more fillers, pinyin and doubled characters in a chain', () => {
  it.each([
    ['保✿证✿治✿愈', '保证治愈'],
    ['保^证^治', '保证治'],
    ['保=证', '保证'],
    ['保★证★治', '保证治'],
    ['保→证→治', '保证治'],
    ['保—证', '保证'],
    ['保\u2800证\u2800治', '保证治'],
    // One pinyin syllable stands for a character in a padded chain (the pinyin step restores it).
    ['保*证*zhi4*愈', '保证zhi4愈'],
    ['bao*证*治*愈', 'bao证治愈'],
    ['不 复 fa', '不复fa'],
    // A doubled character counts as one (the repeats step collapses it).
    ['保保*证证*治治*愈愈', '保保证证治治愈愈'],
    ['不 复复 发', '不复复发'],
  ])('%s → %s', (input, expected) => {
    expect(joinSeparatedHan(input).text).toBe(expected);
  });

  it.each([
    ['二○一○年', 'white circles are zeros'],
    ['治…疗…好', 'an ellipsis is punctuation (and NFKC makes it a doubled dot)'],
    ['保“证”治', 'quotation marks carry meaning (mentions)'],
    ['A * B * C', 'letters alone'],
    ['a * b * 你', 'pinyin needs two Han characters in the group'],
    ['Hao * 你 Ma', 'capitalised words are not pinyin'],
  ])('leaves %s alone (%s)', (input) => {
    expect(joinSeparatedHan(input).text).toBe(input);
  });
});
