import { describe, expect, it } from 'vitest';
import { MASK_PLACEHOLDER, NOT_PLACEHOLDER } from '../../src/core/mask-placeholder.js';
import { createLexicon, defaultLexicon, normalize } from '../../src/normalize/index.js';
import { fillMasks } from '../../src/normalize/masks.js';
import { sourceOf, spans } from './helpers.js';

const lexicon = defaultLexicon();
/** The placeholder made visible, for readable expectations. */
const shown = (s: string) => s.replaceAll(MASK_PLACEHOLDER, '◊');

describe('fillMasks: a mask no word fills becomes the placeholder', () => {
  it.each([
    ['采用独家*法治疗', '采用独家◊法治疗', 'inside a Han run (疗法 or 技法?)'],
    ['一次治*终身受益', '一次治◊终身受益', 'inside a Han run'],
    ['数*名患者受益', '数◊名患者受益', 'a masked numeral before a measure word'],
    ['首创无■疗法', '首创无◊疗法', 'a block'],
    ['首创无\uFFFD疗法', '首创无◊疗法', 'a replacement character'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(shown(fillMasks(input, lexicon).text)).toBe(expected);
  });

  it('leaves the placeholder right after three characters when no word fills it', () => {
    const ambiguous = createLexicon(['保证治愈', '保证治好']);
    expect(shown(fillMasks('保证治*！', ambiguous).text)).toBe('保证治◊！');
    // A footnote marker before a number is not a masked character.
    expect(fillMasks('保证治*1', ambiguous).text).toBe('保证治*1');
  });

  it('still fills when one word fits', () => {
    expect(fillMasks('保证治*', lexicon).text).toBe('保证治愈');
    expect(fillMasks('处*药', lexicon).text).toBe('处方药');
  });

  it.each([
    ['* 保证治愈', 'a bullet'],
    ['*注：本品不能代替药物', 'a footnote marker before the note'],
    ['疗效显著*1', 'a footnote marker before its number'],
    ['有效率98%*', 'a footnote marker after a number'],
    ['本品**疗效**显著', 'Markdown bold'],
    ['8*8=64', 'arithmetic'],
    ['密码abc*123', 'a password'],
    ['0.4g×60粒', 'a pack size'],
    ['病*', 'one character says too little'],
    ['第*号', 'two lone characters: a term would need them whole'],
    ['二级医院*户', 'a redacted number before a measure word'],
    ['医疗机构**户', 'a double mask'],
    ['保*证*治*愈', 'padding'],
    ['保保*证证*治治*愈愈', 'padding between doubled characters'],
    ['长×宽×高', 'padding'],
  ])('leaves %s alone (%s)', (input) => {
    expect(fillMasks(input, lexicon).text).toBe(input);
  });

  it('never makes a placeholder of a decoration (※ ☆ ★)', () => {
    const none = createLexicon(['其他']);
    for (const input of ['限时特惠★名额有限', '专家坐诊※预约挂号', '五星☆推荐医院']) expect(fillMasks(input, none).text).toBe(input);
  });

  it('maps the placeholder to exactly the mask symbol', () => {
    const input = '采用独家■法治疗';
    const n = fillMasks(input, lexicon);
    expect(shown(n.text)).toBe('采用独家◊法治疗');
    expect(spans(n)[4]).toEqual([4, 5]);
    const all = normalize('采用獨家＊法，保證治癒');
    expect(shown(all.text)).toBe('采用独家◊法,保证治愈');
    expect(sourceOf('采用獨家＊法，保證治癒', all, `独家${MASK_PLACEHOLDER}法`)).toBe('獨家＊法');
  });

  it('keeps astral characters and offsets around the placeholder', () => {
    const input = '𠀀采用独家*法𠀀';
    const n = normalize(input);
    expect(shown(n.text)).toBe('𠀀采用独家◊法𠀀');
    expect(sourceOf(input, n, `家${MASK_PLACEHOLDER}法`)).toBe('家*法');
  });

  it('turns a placeholder already in the input (an icon glyph) into another private-use character', () => {
    const input = `图标${MASK_PLACEHOLDER}电话`;
    const n = fillMasks(input, lexicon);
    expect(n.text).toBe(`图标${NOT_PLACEHOLDER}电话`);
    expect(normalize(input).text).not.toContain(MASK_PLACEHOLDER);
    expect(spans(n)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });
});

describe('fillMasks: a mask standing for a padded character', () => {
  it.each([
    ['保*●*治*愈', '保证治愈'],
    ['保*证***愈', '保证治愈'],
    ['不 ● 发', '不复发'],
    ['本院：不 ■ 发。', '本院:不复发。'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('leaves the placeholder in the chain when no word fills it, and the chain is joined', () => {
    const ambiguous = createLexicon(['包治百病', '包好百病']);
    const input = '包*●*百*病';
    const n = normalize(input, { lexicon: ambiguous });
    expect(shown(n.text)).toBe('包◊百病');
    expect(sourceOf(input, n, n.text)).toBe(input);
    expect(n.map.toSource(1, 2)).toEqual([2, 3]);
  });

  it('does not read a padding symbol as a masked character', () => {
    expect(normalize('国 * 家 * 卫 * 健 * 委').text).toBe('国家卫健委');
    expect(fillMasks('中 ● 美', lexicon).text).toBe('中 ● 美');
  });
});
