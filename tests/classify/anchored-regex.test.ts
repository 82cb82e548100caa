import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileClassifier } from '../../src/classify/compile.js';
import { matchesNearAnchors } from '../../src/classify/regex-matches.js';
import { loadRuleFiles } from '../../src/rules/load.js';

const repo = join(import.meta.dirname, '..', '..');
const ruleFiles = (dir: string): { path: string; text: string }[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ruleFiles(path);
    return e.name.endsWith('.yaml') ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
const classifier = compileClassifier(loadRuleFiles(ruleFiles(join(repo, 'rules'))).classify);

const fixtureTexts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return fixtureTexts(path);
    return /\.(txt|html?)$/.test(e.name) ? [readFileSync(path, 'utf8')] : [];
  });

/** Every text and page of the bundled fixtures (ads, non-ads, QA sets), plus edge cases. */
const texts = [
  ...fixtureTexts(join(repo, 'fixtures')),
  '原北京协和医院主任坐诊，本院特色门诊欢迎来电。华佗牌参茸胶囊，丸',
  '中医馆中医馆医院医院门诊部',
  '某某市卫健委〔2025〕12号文件。某某牌维生素片',
  '各有关单位：\n各区卫生健康局、各医疗机构：现将《医疗广告管理办法》印发给你们，特此通知。第二十条第一款',
  '经查，当事人被处以5万元罚款。记者从市场监管局获悉，医疗广告中不得不含有保证治愈。P < 0.05，p＜0.01',
  '本院专家坐诊，我们医院根治术后；根治牛皮癣，药广审第2024-001号，国药准字H12345678，处\uEFFE药，\uEFFE愈',
  'OTC甲类 Rx处方药 ROTC xRx OTCs Rx。',
];

function positions(text: string, literals: string[]): number[] {
  const out: number[] = [];
  for (const l of literals) for (let i = text.indexOf(l); i >= 0; i = text.indexOf(l, i + 1)) out.push(i);
  return out;
}

describe('anchored classification regexes', () => {
  const anchored = classifier.indicators.filter((i) => i.sticky);

  it('exist in the bundled rules (medical institutions, drug forms, document numbers)', () => {
    expect(anchored.length).toBeGreaterThanOrEqual(15);
  });

  it('find exactly what a full matchAll scan finds', () => {
    let compared = 0;
    for (const ind of anchored) {
      for (const text of texts) {
        const full = [...text.matchAll(ind.regex!)].filter((m) => m[0].length > 0).map((m) => [m.index, m[0]]);
        const near = [...matchesNearAnchors(text, ind.sticky!, positions(text, ind.anchors!))].map((m) => [m.index, m.text]);
        expect(near).toEqual(full);
        compared += full.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('finds nothing without anchor positions', () => {
    const ind = anchored[0]!;
    expect([...matchesNearAnchors('某某医院专家', ind.sticky!, [])]).toEqual([]);
  });
});
