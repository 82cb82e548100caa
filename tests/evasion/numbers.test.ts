import { beforeAll, describe, expect, it } from 'vitest';
import { counted, scan, scanner } from './helpers.js';

/*
 * Rates and counts in every form. Normalisation folds fullwidth and circled digits (NFKC);
 * Chinese numerals (百分之九十八, 九成, 十万) are the rules' business: their patterns read them.
 */

beforeAll(async () => {
  await scanner();
}, 120_000);

async function found(text: string) {
  const r = await scan(text);
  return r.findings.filter(counted).map((f) => ({ category: f.category, match: f.match, slice: text.slice(f.start.offset, f.end.offset) }));
}

describe('numbers in every form', () => {
  it.each([
    ['仁和医院：临床验证有效99%！', '有效99%'],
    ['仁和医院：临床验证有效９９％！', '有效９９％'],
    ['仁和医院：有效达98．6％', '有效达98．6％'],
    ['仁和医院：临床验证有效百分之九十九！', '有效百分之九十九'],
    ['仁和医院：痊愈达百分之九十八点六', '痊愈达百分之九十八点六'],
    ['仁和医院：九成患者一个疗程见效', '九成患者一个疗程见效'],
    ['仁和医院：已成功治愈12000余例患者', '成功治愈12000余例'],
    ['仁和医院：已治愈十万余例患者', '已治愈十万余例'],
    ['仁和医院：已有１２万例患者康复', '１２万例患者康复'],
    ['仁和医院：已有十二万例患者康复', '十二万例患者康复'],
  ])('%s: a cure-rate finding on exactly %s', async (text, phrase) => {
    const hits = await found(text);
    expect(hits).toEqual(expect.arrayContaining([{ category: 'cure-rate', match: phrase, slice: phrase }]));
  });

  it('folds circled digits: 治愈率达⑨⑧％ is a cure rate', async () => {
    expect((await found('仁和医院：治愈率达⑨⑧％')).map((h) => h.category)).toContain('cure-rate');
  });

  it.each([
    ['康源牌钙片：吸收率提高300%', '吸收率提高300%'],
    ['康源牌钙片：吸收率提高百分之三百', '吸收率提高百分之三百'],
    ['康源牌钙片：吸收是普通钙的五倍', '吸收是普通钙的五倍'],
  ])('%s: an unverifiable figure on exactly %s', async (text, phrase) => {
    expect(await found(text)).toEqual(expect.arrayContaining([{ category: 'unverifiable-data-citation', match: phrase, slice: phrase }]));
  });

  // Synergy arithmetic (claims/data-synergy-arithmetic), in every width.
  it.each([
    ['康源牌钙片（保健食品）：多种成分协同增效，1+1>2！', '1+1>2'],
    ['康源牌钙片（保健食品）：多种成分协同增效，１＋１＞２！', '１＋１＞２'],
    ['康源牌钙片（保健食品）：多种成分协同增效，1 + 1 ＞ 2！', '1 + 1 ＞ 2'],
    ['康源牌钙片（保健食品）：钙与维D搭配，一加一大于二。', '一加一大于二'],
  ])('%s: an unverifiable efficacy claim on exactly %s', async (text, phrase) => {
    expect(await found(text)).toEqual(expect.arrayContaining([{ category: 'unverifiable-data-citation', match: phrase, slice: phrase }]));
  });

  it('does not read a bundle offer (买1+1组合装) as synergy arithmetic', async () => {
    expect((await found('康源牌钙片（保健食品）：买1+1组合装更优惠')).map((h) => h.category)).not.toContain('unverifiable-data-citation');
  });
});
