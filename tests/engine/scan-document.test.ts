import { describe, expect, it } from 'vitest';
import { dictTokenize, makeScanner, pack, scan } from './helpers.js';

const ids = (r: ReturnType<typeof scan>) => r.findings.map((f) => `${f.match}@${f.start.offset}`);

describe('scanDocument matchers', () => {
  it('matches literal terms and reports exact offsets, lines and columns', () => {
    const s = makeScanner(pack('      terms: [保证治愈]'));
    const r = scan(s, '本院专治牛皮癣\n保证治愈，电话:123', { context: 'ad', adTypes: ['medical'] });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.match).toBe('保证治愈');
    expect(f.start).toEqual({ offset: 8, line: 2, column: 1 });
    expect(f.end).toEqual({ offset: 12, line: 2, column: 5 });
    expect(f.ruleId).toBe('t/r');
    expect(f.message).toBe('m 保证治愈');
    expect(f.snippet).toBe('保证治愈，电话:123');
  });

  it('requires token boundaries when asked (最近 is not 最)', () => {
    const s = makeScanner(pack('      terms: [最]\n      boundary: token'));
    const tokenize = dictTokenize({ 最近: 'f', 最: 'd', 好: 'a' });
    expect(ids(scan(s, '最近天气好', { context: 'ad', adTypes: ['medical'], tokenize }))).toEqual([]);
    expect(ids(scan(s, '全国最好', { context: 'ad', adTypes: ['medical'], tokenize }))).toEqual(['最@2']);
  });

  it('never matches a term across a sentence end', () => {
    // A term holding a sentence end (user rules may write one) can only lie in one sentence
    // when the end is its last character: the terminator stays with its sentence.
    const s = makeScanner(pack('      terms: [效!根治, 根治!]'));
    const opts = { context: 'ad' as const, adTypes: ['medical' as const] };
    expect(ids(scan(s, '有效!根治!', opts))).toEqual(['根治!@3']);
    expect(ids(scan(s, '第一句。又一句!有效!根治胃病。再说一句。根治!', opts))).toEqual(['根治!@21']);
  });

  it('matches regexes within one sentence only', () => {
    const s = makeScanner(pack("      regex: '保证.{0,4}治愈'"));
    expect(ids(scan(s, '保证。治愈', { context: 'ad', adTypes: ['medical'] }))).toEqual([]);
    expect(ids(scan(s, '保证能够治愈', { context: 'ad', adTypes: ['medical'] }))).toEqual(['保证能够治愈@0']);
  });

  it('matches near pairs within a clause and distance', () => {
    const s = makeScanner(pack('      near: {a: [专家], b: [推荐], within: 4}'));
    const opts = { context: 'ad' as const, adTypes: ['medical' as const] };
    expect(ids(scan(s, '专家们一致推荐', opts))).toEqual(['专家们一致推荐@0']);
    expect(ids(scan(s, '专家们,推荐', opts))).toEqual([]);
    expect(ids(scan(s, '专家们今天上午一致推荐', opts))).toEqual([]);
  });

  it('matches token sequences with words and tags', () => {
    const s = makeScanner(pack('      sequence:\n        - {tag: [nr]}\n        - {word: [说, 表示]}'));
    const tokenize = dictTokenize({ 张三: 'nr', 表示: 'v', 今天: 't' });
    expect(ids(scan(s, '今天张三表示满意', { context: 'ad', adTypes: ['medical'], tokenize }))).toEqual(['张三表示@2']);
    expect(ids(scan(s, '今天表示满意', { context: 'ad', adTypes: ['medical'], tokenize }))).toEqual([]);
  });

  it('does not segment a sentence that lacks a word the sequence requires', () => {
    const s = makeScanner(pack('      sequence:\n        - {tag: [nr]}\n        - {word: [说, 表示]}'));
    const seen: string[] = [];
    const base = dictTokenize({ 张三: 'nr', 表示: 'v' });
    const tokenize = (t: string) => (seen.push(t), base(t));
    scan(s, '张三很满意。张三表示满意。', { context: 'ad', adTypes: ['medical'], tokenize });
    expect(seen).toEqual(['张三表示满意。']);
  });

  it('supports any / all / not', () => {
    const s = makeScanner(pack('      all:\n        - terms: [根治]\n        - not: {terms: [根治术]}'));
    const opts = { context: 'ad' as const, adTypes: ['medical' as const] };
    expect(ids(scan(s, '三个疗程根治', opts))).toEqual(['根治@4']);
    expect(ids(scan(s, '乳腺癌根治术后护理', opts))).toEqual([]);
  });

  it('honours unless: overlaps, before, after and sentence', () => {
    const s = makeScanner(pack('      terms: [根治]', "    unless:\n      overlaps: [根治术]\n      before: '改良$'\n      after: '^吗'\n      sentence: '指南'\n"));
    const opts = { context: 'ad' as const, adTypes: ['medical' as const] };
    expect(ids(scan(s, '可以根治', opts))).toEqual(['根治@2']);
    for (const t of ['根治术很成熟', '改良根治', '能根治吗', '根治的诊疗指南']) expect(ids(scan(s, t, opts))).toEqual([]);
  });
});

describe('scanDocument context', () => {
  const s = makeScanner(pack('      terms: [保证治愈]'));

  it('keeps prohibitive and quoted mentions out of the findings, with the reason', () => {
    const r = scan(s, '医疗广告不得含有保证治愈或者隐含保证治愈的内容', { context: 'ad', adTypes: ['medical'] });
    expect(r.findings).toEqual([]);
    expect(r.suppressed.map((f) => f.suppressedBy)).toEqual(['prohibitive context: "不得"', 'prohibitive context: "不得"']);
    const q = scan(s, '某医院发布含有“保证治愈”等内容的广告', { context: 'ad', adTypes: ['medical'] });
    expect(q.findings).toEqual([]);
    expect(q.suppressed[0]!.suppressedBy).toMatch(/^mention/);
  });

  it('keeps findings in a breadcrumb or footer out, and says why', () => {
    const s = makeScanner(pack('      terms: [健康资讯]'));
    const r = scan(s, '当前位置：首页 > 健康资讯 > 正文\n健康资讯：本院新技术。', { context: 'ad', adTypes: ['medical'] });
    expect(r.findings.map((f) => f.start.line)).toEqual([2]);
    expect(r.suppressed).toMatchObject([{ match: '健康资讯', suppressedBy: 'site chrome: breadcrumb, menu or footer' }]);
  });

  it('treats negation as no claim', () => {
    const r = scan(s, '任何治疗都无法保证治愈', { context: 'ad', adTypes: ['medical'] });
    expect(r.findings).toEqual([]);
    expect(r.suppressed[0]!.suppressedBy).toBe('negated: "无法"');
  });

  it('does not take 不得不 for a prohibition', () => {
    expect(ids(scan(s, '不得不说，本院保证治愈', { context: 'ad', adTypes: ['medical'] }))).toEqual(['保证治愈@7']);
  });

  it('suppresses everything in a regulatory document, and says why', () => {
    const text = '专项整治工作方案。市场监管局严禁发布保证治愈广告。工作方案印发。专项整治。';
    const r = scan(s, text);
    expect(r.context).toBe('regulatory');
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toHaveLength(1);
  });

  it('caps findings at warning when neither the context nor the type is known', () => {
    const r = scan(s, '保证治愈');
    expect(r.context).toBe('unknown');
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('reports an error in a confirmed ad', () => {
    const r = scan(s, '仁和医院保证治愈，电话:12345678，本院');
    expect(r.context).toBe('ad');
    expect(r.adTypes).toEqual(['medical']);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('skips rules for other ad types', () => {
    const only = makeScanner(pack('      terms: [保证治愈]').replace('adTypes: [all]', 'adTypes: [drug]'));
    expect(scan(only, '仁和医院保证治愈', { context: 'ad', adTypes: ['medical'] }).findings).toEqual([]);
    expect(scan(only, '某某胶囊保证治愈', { context: 'ad', adTypes: ['drug'] }).findings).toHaveLength(1);
  });
});

describe('scanDocument de-duplication and masking', () => {
  it('keeps one finding per category and span', () => {
    const two = makeScanner(
      pack('      terms: [保证治愈]') + pack('      terms: [治愈]').split('rules:\n')[1]!.replace('id: r', 'id: r2').replace('severity: error', 'severity: warning'),
    );
    const r = scan(two, '保证治愈', { context: 'ad', adTypes: ['medical'] });
    expect(r.findings.map((f) => `${f.ruleId}:${f.match}`)).toEqual(['t/r:保证治愈']);
  });

  it('reports a repeated warning once with its count, but every error', () => {
    const warn = makeScanner(pack('      terms: [胃病]').replace('severity: error', 'severity: warning'));
    const w = scan(warn, '胃病专科。专治胃病，胃病不再愁。', { context: 'ad', adTypes: ['medical'] });
    expect(w.findings.map((f) => [f.match, f.start.offset, f.occurrences])).toEqual([['胃病', 0, 3]]);
    const err = makeScanner(pack('      terms: [胃病]'));
    expect(scan(err, '胃病专科。专治胃病。', { context: 'ad', adTypes: ['medical'] }).findings).toHaveLength(2);
  });

  it('masks disclaimers and numbers before content rules', () => {
    const s = makeScanner(pack('      terms: [治疗疾病, 药广审]'), [
      { path: 'masks.yaml', text: "masks:\n  - id: hf\n    regex: '保健食品不是药物[,，]?不能代替药物治疗疾病'\n" },
    ]);
    expect(scan(s, '保健食品不是药物，不能代替药物治疗疾病。浙药广审(文)第240312-00123号', { context: 'ad', adTypes: ['drug'] }).findings).toEqual([]);
    expect(scan(s, '本品可以治疗疾病', { context: 'ad', adTypes: ['drug'] }).findings).toHaveLength(1);
  });
});
