import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromTape } from '../../scripts/noise/kinds.mjs';
import { cases, disguiseAndScan, scanner, type Case } from './helpers.js';

/*
 * Property: whatever noise of a kind is inserted into a violating sentence, (a) every category
 * found on the clean text is still found and (b) its finding spans exactly the disguised
 * phrase in the original input — nothing outside it. The noise is drawn from a tape of numbers
 * that fast-check generates and shrinks towards 0, which means "no noise" or "the first
 * option", so a counterexample comes out with the least noise that still breaks the scan.
 * The real pipeline runs: extraction (HTML kinds), normalisation, the built-in rules.
 */

// Violating sentences in the style of the dev corpus, each found by the built-in rules.
const SENTENCES = [
  '银屑病专科医院：专治牛皮癣，保证治愈，无效退款！预约热线：400-800-1234',
  '东方男科医院 治愈率高达98.6%，已有12万例患者康复出院。',
  '张氏中医诊所，祖传秘方，药到病除，三天见效，专治各种颈肩腰腿痛。',
  '一次治疗，永不复发，彻底告别鼻炎困扰！康乐耳鼻喉医院，地址：中山路66号。',
  '全国最好的不孕不育医院，国家级权威专家团队，试管婴儿技术全国第一。',
  '百草牌灵芝胶囊（保健食品）能治疗高血压、糖尿病，坚持服用可以停掉降压药。',
  '专业治疗梅毒、淋病、尖锐湿疣，隐私保护，随到随治。博爱门诊部 电话：0731-8888123',
  '康复热线：糖尿病不用再终身服药！采用干细胞疗法，临床治愈率达95%以上，无效全额退款。',
  '瘦身堂减肥茶，7天瘦10斤，不反弹，医学临床验证有效率99%！',
  '国家卫健委推荐医院，国内领先的癫痫治疗中心，首创无创疗法，一次治疗终身受益。',
];

// Claims whose every character is pinned by a lexicon word: what pinyin, masks and doubling
// can hide and normalisation can still restore (see the noise eval for the general rates).
const RESTORABLE = [
  '本院专治牛皮癣，保证治愈，无效退款！',
  '祖传秘方，药到病除，包治百病。仁和医院',
  '仁爱医院，采用纯中药，治愈率高，永不复发。',
];

// Claims that masks hide beyond what the lexicon restores (独家*法: 疗法 or 技法?): normalisation
// leaves a placeholder and matching reads it as one character (rules/wildcard.ts). A
// two-character word with one character masked (独家 → 独*) keeps one real character, which
// never matches by design, so absolute-terms (首创, 独家) is not a target here.
const UNFILLABLE = [
  '银屑病专科医院：采用独家疗法，保证治愈，无效退款！预约热线：400-800-1234',
  '康复热线：采用干细胞疗法，临床治愈率达95%以上，无效全额退款。',
  '国家卫健委推荐医院，首创无创疗法，一次治疗终身受益。',
  '本院采用第三代微创技术，手术一点都不痛，患者李小姐：“术后当天就出院了。”',
];

// size 'max': long tapes, so noise reaches every character of a sentence (shrinking still shortens them).
const tape = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 200, size: 'max' });

let all: Case[];
let restorable: Case[];
let unfillable: Case[];
beforeAll(async () => {
  await scanner();
  all = await cases(SENTENCES);
  restorable = await cases(RESTORABLE);
  unfillable = await cases(UNFILLABLE, (f) => f.category !== 'absolute-terms');
}, 120_000);

async function holds(kind: string, pool: () => Case[], numRuns: number): Promise<void> {
  let applied = 0;
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: 1000 }), tape, async (pick, numbers) => {
      const list = pool();
      const c = list[pick % list.length]!;
      const outcome = await disguiseAndScan(c, kind, fromTape(numbers));
      if (!outcome.applied) return true;
      applied++;
      expect(outcome.missing, `${kind}: ${JSON.stringify(outcome.noisy)}`).toEqual([]);
      return true;
    }),
    { numRuns },
  );
  expect(applied, `${kind} never applied`).toBeGreaterThan(0);
}

describe('noise does not hide a violation, and its finding spans exactly the disguised phrase', () => {
  const RUNS = Number(process.env.ADSCAN_PROPERTY_RUNS ?? 40);
  it.each([
    'traditional',
    'mixed-script',
    'lookalikes',
    'width',
    'invisibles',
    'separators',
    'ruby',
    'numbers',
    'crlf-astral',
    'html',
    'hidden-html',
  ])('%s', async (kind) => holds(kind, () => all, RUNS), 60_000);

  it.each(['pinyin', 'mask', 'repeat'])('%s (claims whose characters lexicon words pin down)', async (kind) => holds(kind, () => restorable, RUNS), 60_000);

  it('mask (claims no lexicon word restores: the placeholder stands for the character)', async () => holds('mask', () => unfillable, RUNS), 60_000);

  it('several kinds at once', async () => holds('mixed', () => restorable, RUNS), 60_000);
});
