import { describe, expect, it } from 'vitest';
import { mentionReason } from '../../src/core/mention.js';
import { sentenceAround } from '../../src/core/sentences.js';

/** The mention verdict for the first occurrence of `phrase` in `text`. */
const verdict = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not in ${text}`);
  const match = { start, end: start + phrase.length };
  return mentionReason(text, sentenceAround(text, match.start, match.end), match);
};

describe('mentionReason', () => {
  it.each([
    ['医疗广告不得含有保证治愈的内容', '保证治愈', /prohibitive/],
    ['广告中出现“保证治愈”“治愈率”等用语', '治愈率', /listed/],
    // The phrase is part of a longer quotation: the quotation as a whole is what is listed.
    ['一些民营医院通过网络发布“包治百病”“治愈率100%”等虚假宣传', '包治', /listed|quoted/],
    ['某医院在官网宣称“三天根治鼻炎”，被依法查处', '根治', /quoted/],
    ['任何医生都无法保证治愈', '保证治愈', /negated/],
    ['凡是宣称“根治”“无效退款”“祖传秘方”的广告一律下架', '祖传秘方', /quoted|listed/],
  ])('%s: “%s” is a mention', (text, phrase, why) => {
    expect(verdict(text, phrase)).toMatch(why);
  });

  it.each([
    ['本院专治牛皮癣，保证治愈', '保证治愈'],
    ['我们的承诺：“无效退款”', '无效退款'],
    ['不得不说，这里的医生保证治愈', '保证治愈'],
    // A closing quote between the opening quote and the phrase: not inside that quotation.
    ['他说“好”，本院保证治愈', '保证治愈'],
  ])('%s: “%s” is a claim', (text, phrase) => {
    expect(verdict(text, phrase)).toBeNull();
  });
});
