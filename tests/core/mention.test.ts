import { describe, expect, it } from 'vitest';
import { mentionReason } from '../../src/core/mention.js';
import { sentenceAround } from '../../src/core/sentences.js';

/** The mention verdict for the first (or, with `last`, the last) occurrence of `phrase` in `text`. */
const verdict = (text: string, phrase: string, options: { last?: boolean; questions?: boolean } = {}) => {
  const start = options.last ? text.lastIndexOf(phrase) : text.indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not in ${text}`);
  const match = { start, end: start + phrase.length };
  return mentionReason(text, sentenceAround(text, match.start, match.end), match, { questions: options.questions });
};

/** Rules of a clinic: the forbidden claims are items under a prohibitive lead-in. */
const RULES = '三、宣传材料中不得出现下列内容:\n(一)“根治”“一次见效”等承诺疗效的表述;\n(二)顾客照片、感谢信、锦旗等作为证明;\n(三)宣传永不复发\n四、本制度自印发之日起执行。';

describe('mentionReason', () => {
  it.each([
    ['医疗广告不得含有保证治愈的内容', '保证治愈', /prohibitive/],
    ['广告中出现“保证治愈”“治愈率”等用语', '治愈率', /listed/],
    // The phrase is part of a longer quotation: the quotation as a whole is what is listed.
    ['一些民营医院通过网络发布“包治百病”“治愈率100%”等虚假宣传', '包治', /listed|quoted/],
    ['某医院在官网宣称“三天根治鼻炎”，被依法查处', '根治', /quoted/],
    ['任何医生都无法保证治愈', '保证治愈', /negated/],
    ['凡是宣称“根治”“无效退款”“祖传秘方”的广告一律下架', '祖传秘方', /quoted|listed/],
    // Wording named after 等, with words between: …等承诺疗效的表述, …等话术, …等作为证明.
    ['主播口播“秒杀”“买一送一”等促销话术', '秒杀', /listed/],
    ['不得使用患者照片、感谢信、锦旗等作为证明', '锦旗', /listed|prohibitive/],
    ['“零风险”“完全没有副作用”属于典型的保证性表述', '零风险', /judged/],
    ['任何声称可以根治高血压的说法都不可信', '根治', /reported|judged/],
    ['白癜风目前还做不到根治', '根治', /negated/],
    // 之类的 lists wording as 等 does; a warning to stay alert judges it; a denial that covers
    // every treatment; a salesman's pitch retold.
    ['对“祖传秘方”“研究院”“专家坐诊”之类的宣传保持警惕', '专家坐诊', /listed|judged/],
    ['这与广告里的“根治”不是一回事', '根治', /judged/],
    ['没有任何一种疗法能保证“根治”“不复发”', '根治', /negated/],
    ['一个自称专家的人给他讲，说这个丸是祖传秘方，包治百病', '包治百病', /reported/],
    // A warning not to believe it, or not to try it on one's own.
    ['网上那些说“包治”“永不复发”的千万别信', '永不复发', /believed/],
    ['网上那些说“包治”“永不复发”的千万别信', '包治', /believed/],
    ['先去医院确诊分期，别自己乱用偏方', '偏方', /negated/],
    // Saying a thing is not needed does not offer it.
    ['不需要处方，不用去医院排队挂号，下单直接发货', '挂号', /not needed/],
    ['无需专家坐诊，家里就能测', '坐诊', /not needed/],
    [RULES, '一次见效', /listed|prohibition/],
    [RULES, '锦旗', /listed|prohibition/],
    // No quotation, no 等: only the lead-in two lines up governs the item.
    [RULES, '永不复发', /prohibition/],
  ])('%s: “%s” is a mention', (text, phrase, why) => {
    expect(verdict(text, phrase)).toMatch(why);
  });

  it.each([
    ['本院专治牛皮癣，保证治愈', '保证治愈'],
    ['我们的承诺：“无效退款”', '无效退款'],
    ['不得不说，这里的医生保证治愈', '保证治愈'],
    // A closing quote between the opening quote and the phrase: not inside that quotation.
    ['他说“好”，本院保证治愈', '保证治愈'],
    // 等 then a kind of treatment, not of wording: how ads list what they offer.
    ['本院采用针灸、推拿等方式治疗颈椎病', '推拿'],
    ['专治牛皮癣、白癜风等疾病', '白癜风'],
    // Numbered selling points under a lead-in that prohibits nothing.
    ['本院三大承诺:\n1.三天根治鼻炎\n2.无效退款', '根治'],
    // A dash starts a new clause: the answer is not negated by the question before it.
    ['好多人问有没有副作用——完全没有副作用', '没有副作用'],
    // "Not needed" reaches no further than 即可/就/也…: the promise after them stands.
    ['无需开刀即可根治', '根治'],
    ['不用吃药也能降压', '降压'],
    // Not believing others is no retraction of one's own promise.
    ['本院保证治愈，别信别家的说法', '保证治愈'],
  ])('%s: “%s” is a claim', (text, phrase) => {
    expect(verdict(text, phrase, { last: true })).toBeNull();
  });

  it('takes a claim asked about (是真的吗) for a mention only when questions count', () => {
    const text = '网上好多医院说能根治不复发，是真的吗？';
    expect(verdict(text, '根治', { questions: true })).toMatch(/doubted/);
    expect(verdict(text, '根治')).toBeNull();
  });
});
