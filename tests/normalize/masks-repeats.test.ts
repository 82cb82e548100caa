import { describe, expect, it } from 'vitest';
import { createLexicon, defaultLexicon, normalize } from '../../src/normalize/index.js';
import { fillMasks } from '../../src/normalize/masks.js';
import { collapseRepeats } from '../../src/normalize/repeats.js';
import { sourceOf, spans } from './helpers.js';

const lexicon = defaultLexicon();

describe('fillMasks', () => {
  it.each([
    ['处*药', '处方药'],
    ['治×率高', '治愈率高'],
    ['保证●愈', '保证治愈'],
    ['药到□除', '药到病除'],
    ['包*百病', '包治百病'],
    ['无效退*', '无效退款'],
    ['保证治*', '保证治愈'],
    ['祖传秘\uFFFD', '祖传秘方'],
    ['临□验证', '临床验证'],
  ])('%s → %s', (input, expected) => {
    expect(fillMasks(input, lexicon).text).toBe(expected);
  });

  it.each([
    ['病*', 'one known character says too little'],
    ['保*证', 'padding: joining spells a word'],
    ['保*证*治*愈', 'a padded chain'],
    ['医疗机构**户', 'a double mask at the edge of a word is a redaction'],
    ['二级医院*户', 'no word'],
    ['二○一○年', 'white circles are zeros'],
    ['* 保证治愈', 'a bullet'],
  ])('leaves %s alone (%s)', (input) => {
    expect(fillMasks(input, lexicon).text).toBe(input);
  });

  it('changes nothing when different fills fit equally well', () => {
    expect(fillMasks('治*率', createLexicon(['治愈率', '治疗率'])).text).toBe('治*率');
  });

  it('maps the filled character to the mask', () => {
    const n = fillMasks('处*药', lexicon);
    expect(spans(n)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    const input = '本院專治，保證＊癒！';
    const all = normalize(input);
    expect(all.text).toBe('本院专治,保证治愈!');
    expect(sourceOf(input, all, '保证治愈')).toBe('保證＊癒');
  });
});

describe('collapseRepeats', () => {
  it.each([
    ['保保证证治治愈愈', '保证治愈'],
    ['保保保证证证', '保证'],
    ['包治治百病', '包治百病'],
    ['彻彻底底治愈', '彻底治愈'],
    ['无效效全额退款', '无效全额退款'],
    ['患者者受益', '患者受益'],
  ])('%s → %s', (input, expected) => {
    expect(collapseRepeats(input, lexicon).text).toBe(expected);
  });

  it.each([
    ['天天开心', 'an ordinary reduplication'],
    ['常常失眠', 'an ordinary reduplication'],
    ['看看效果', 'an ordinary reduplication'],
    ['一一对应', 'an ordinary reduplication'],
    ['谢谢谢谢', 'one character four times'],
  ])('leaves %s alone (%s)', (input) => {
    expect(collapseRepeats(input, lexicon).text).toBe(input);
  });

  it('leaves two words meeting at a doubled character alone', () => {
    expect(collapseRepeats('专项行动动员部署', createLexicon(['行动', '动员'])).text).toBe('专项行动动员部署');
  });

  it('maps the kept character to every copy', () => {
    const input = '保保证证治愈';
    const n = collapseRepeats(input, lexicon);
    expect(n.text).toBe('保证治愈');
    expect(spans(n)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
      [5, 6],
    ]);
    expect(sourceOf(input, n, '保证治愈')).toBe(input);
  });

  it('collapses doubled astral characters by code point', () => {
    const n = collapseRepeats('𠀀𠀀保保', createLexicon(['𠀀保']));
    expect(n.text).toBe('𠀀保');
    expect(spans(n)).toEqual([
      [0, 4],
      [0, 4],
      [4, 6],
    ]);
  });

  it('works after padding between the copies is gone', () => {
    const input = '保保*证证*治治*愈愈，不 复复 发';
    const n = normalize(input);
    expect(n.text).toBe('保证治愈,不复发');
    expect(sourceOf(input, n, '保证治愈')).toBe('保保*证证*治治*愈愈');
    expect(sourceOf(input, n, '不复发')).toBe('不 复复 发');
  });
});
