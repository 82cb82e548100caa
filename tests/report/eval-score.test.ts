import { describe, expect, it } from 'vitest';
import {
  FAMILY_CATEGORIES,
  familyVerdict,
  fmt,
  parseDevCorpus,
  ratios,
  regulatorySummary,
  ruleHits,
  scoreDev,
  type CaseResult,
  type DevCase,
  type ScoredHit,
} from '../../scripts/eval-score.mjs';

const hit = (category: string, severity = 'error', match = category, ruleId = `r/${category}`): ScoredHit => ({
  ruleId,
  category,
  severity,
  match,
});
const devCase = (id: string, labels: string[], optional: string[] = []): DevCase => ({ id, labels, optional, text: '' });
const results = (entries: Record<string, ScoredHit[]>) =>
  new Map<string, CaseResult>(Object.entries(entries).map(([id, findings]) => [id, { findings }]));

describe('ratios', () => {
  it('computes precision, recall and F1, null where undefined', () => {
    expect(ratios(3, 1, 1)).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(ratios(0, 0, 2)).toEqual({ precision: null, recall: 0, f1: null });
    expect(ratios(0, 2, 0)).toEqual({ precision: 0, recall: null, f1: null });
    expect(ratios(0, 1, 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(fmt(null)).toBe('–');
    expect(fmt(2 / 3)).toBe('0.667');
  });
});

describe('scoreDev', () => {
  const cases = [
    devCase('d1', ['cure-guarantee', 'missing-review-certificate'], ['absolute-terms']),
    devCase('d2', ['cure-guarantee']),
    devCase('d3', []),
    devCase('d4', ['testimonial']),
  ];
  const score = scoreDev(
    cases,
    results({
      d1: [hit('cure-guarantee'), hit('absolute-terms', 'warning', '最好'), hit('fake-expert', 'warning', '名医')],
      d2: [hit('cure-guarantee', 'info', '根治')],
      d3: [hit('absolute-terms', 'warning', '最近'), hit('absolute-terms', 'error', '第一'), hit('cure-guarantee')],
      // d4 is missing: the scan lost it, so it predicts nothing
    }),
  );
  const byCategory = Object.fromEntries(score.categories.map((c) => [c.category, c]));

  it('takes the universe from the labels only', () => {
    expect(score.universe).toEqual(['cure-guarantee', 'missing-review-certificate', 'testimonial']);
    expect(score.documents).toBe(4);
  });

  it('counts TP, FN and FP per category; info findings and optional categories do not count', () => {
    expect(byCategory['cure-guarantee']).toMatchObject({ scored: true, tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(byCategory['missing-review-certificate']).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0 });
    expect(byCategory['testimonial']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  it('keeps categories outside the universe unscored, never FP', () => {
    expect(byCategory['absolute-terms']).toMatchObject({ scored: false, predicted: 2, fp: 1 });
    expect(byCategory['fake-expert']).toMatchObject({ scored: false, predicted: 1, fp: 1 });
    expect(score.falsePositives).toEqual([
      { id: 'd3', category: 'cure-guarantee', matches: ['cure-guarantee'], ruleIds: ['r/cure-guarantee'] },
    ]);
    expect(score.unscored).toEqual([
      { id: 'd1', category: 'fake-expert', matches: ['名医'], ruleIds: ['r/fake-expert'] },
      { id: 'd3', category: 'absolute-terms', matches: ['最近', '第一'], ruleIds: ['r/absolute-terms'] },
    ]);
  });

  it('sums micro figures over the universe only', () => {
    expect(score.micro).toEqual({ tp: 1, fp: 1, fn: 3, precision: 0.5, recall: 0.25, f1: 1 / 3 });
  });

  it('lists each miss with what the scanner saw of it below warning or in suppression', () => {
    const withSuppressed = scoreDev([devCase('d1', ['cure-guarantee'])], new Map([
      ['d1', { findings: [hit('cure-guarantee', 'info', '根治')], suppressed: [{ ...hit('cure-guarantee', 'error', '保证治愈'), suppressedBy: 'negation' }] }],
    ]));
    expect(withSuppressed.misses).toEqual([
      {
        id: 'd1',
        category: 'cure-guarantee',
        seen: [
          { as: 'info', match: '根治', ruleId: 'r/cure-guarantee' },
          { as: 'suppressed: negation', match: '保证治愈', ruleId: 'r/cure-guarantee' },
        ],
      },
    ]);
    expect(score.misses.map((m) => `${m.id} ${m.category}`)).toEqual([
      'd1 missing-review-certificate',
      'd2 cure-guarantee',
      'd4 testimonial',
    ]);
  });

  it('scores an empty corpus without dividing by zero', () => {
    const empty = scoreDev([], new Map());
    expect(empty.universe).toEqual([]);
    expect(empty.micro).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
  });
});

describe('familyVerdict', () => {
  const perfect = (category: string, n = 10) =>
    Array.from({ length: n }, (_, i) => devCase(`${category}-${i}`, [category]));

  it('passes at exactly the threshold and fails just below it', () => {
    // 9 of 10 found, no false alarm: recall 0.9 passes.
    const cases = perfect('cure-rate');
    const found = results(Object.fromEntries(cases.slice(0, 9).map((c) => [c.id, [hit('cure-rate')]])));
    const ok = familyVerdict(scoreDev(cases, found), ['cure-rate']);
    expect(ok).toEqual({
      threshold: 0.9,
      pass: true,
      families: [{ category: 'cure-rate', labelled: true, tp: 9, fp: 0, fn: 1, precision: 1, recall: 0.9, pass: true, why: null }],
    });
    const fewer = results(Object.fromEntries(cases.slice(0, 8).map((c) => [c.id, [hit('cure-rate')]])));
    const low = familyVerdict(scoreDev(cases, fewer), ['cure-rate']);
    expect(low.pass).toBe(false);
    expect(low.families[0]!.why).toBe('recall 0.800 < 0.9');
  });

  it('fails on precision and on a labelled category that is never found', () => {
    const cases = [...perfect('testimonial', 2), devCase('clean', [])];
    const found = results({
      'testimonial-0': [hit('testimonial')],
      'testimonial-1': [hit('testimonial')],
      clean: [hit('testimonial')],
    });
    const verdict = familyVerdict(scoreDev(cases, found), ['testimonial', 'disguised-news', 'cure-rate']);
    expect(verdict.families.map((f) => [f.category, f.pass, f.why])).toEqual([
      ['testimonial', false, 'precision 0.667 < 0.9'],
      ['disguised-news', true, null],
      ['cure-rate', true, null],
    ]);
    const never = familyVerdict(scoreDev(perfect('cure-rate', 1), new Map()), ['cure-rate']);
    expect(never.families[0]).toMatchObject({ pass: false, why: 'never found' });
  });

  it('passes an unlabelled family only while it raises no unexpected finding', () => {
    const cases = [devCase('a', []), devCase('b', [], ['malformed-ad-approval-number'])];
    const optionalOnly = results({ b: [hit('malformed-ad-approval-number')] });
    expect(familyVerdict(scoreDev(cases, optionalOnly), ['malformed-ad-approval-number']).pass).toBe(true);
    const unexpected = results({ a: [hit('malformed-ad-approval-number', 'warning')] });
    const verdict = familyVerdict(scoreDev(cases, unexpected), ['malformed-ad-approval-number']);
    expect(verdict.pass).toBe(false);
    expect(verdict.families[0]).toMatchObject({ labelled: false, fp: 1, why: 'no labels, but 1 unexpected hit' });
  });

  it('checks the ten categories of the current issue by default', () => {
    expect(FAMILY_CATEGORIES).toHaveLength(10);
    expect(familyVerdict(scoreDev([], new Map())).families.map((f) => f.category)).toEqual([...FAMILY_CATEGORIES]);
  });
});

describe('parseDevCorpus', () => {
  it('reads JSON lines, skipping blank ones and defaulting the lists', () => {
    const text = [
      '{"id": "dev-001", "adType": "medical", "labels": ["cure-guarantee", "cure-guarantee"], "text": "保证治愈", "note": "n"}',
      '',
      '{"id": "dev-002", "labels": [], "optional": ["absolute-terms"], "text": "最好"}\r',
    ].join('\n');
    expect(parseDevCorpus(text)).toEqual([
      { id: 'dev-001', adType: 'medical', labels: ['cure-guarantee'], optional: [], text: '保证治愈', note: 'n' },
      { id: 'dev-002', adType: undefined, labels: [], optional: ['absolute-terms'], text: '最好', note: undefined },
    ]);
  });

  it('rejects bad lines, naming the line', () => {
    expect(() => parseDevCorpus('{"id": "a", "text": "x"}\n{oops')).toThrow(/line 2: not valid JSON/);
    expect(() => parseDevCorpus('[1]')).toThrow(/line 1: not a JSON object/);
    expect(() => parseDevCorpus('{"id": "../escape", "text": "x"}')).toThrow(/line 1: id must match/);
    expect(() => parseDevCorpus('{"id": "a", "text": 5}')).toThrow(/line 1: text must be a string/);
    expect(() => parseDevCorpus('{"id": "a", "text": "x", "labels": "cure-rate"}')).toThrow(/labels must be an array/);
    expect(() => parseDevCorpus('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}')).toThrow(/line 2: duplicate id a/);
  });
});

describe('regulatorySummary and ruleHits', () => {
  const at = (line: number) => ({ line });
  const documents = [
    {
      uri: 'reg/a.txt',
      error: null,
      findings: [
        { ...hit('cure-guarantee', 'error', '根治'), start: at(3) },
        { ...hit('cure-guarantee', 'error', '根治'), start: at(9) },
        { ...hit('cure-rate', 'error', '治愈率'), start: at(4) },
        hit('absolute-terms', 'warning', '最'),
        hit('cure-rate', 'info', '有效率'),
      ],
      suppressed: [{ ...hit('cure-guarantee', 'error', '保证治愈'), suppressedBy: 'quoted-mention' }],
    },
    { uri: 'reg/b.txt', error: 'cannot decode', findings: [], suppressed: [] },
  ];

  it('counts severities per file and groups error matches, most frequent first', () => {
    const summary = regulatorySummary(documents);
    expect(summary.errorFindings).toBe(3);
    expect(summary.files[0]).toEqual({
      uri: 'reg/a.txt',
      failure: null,
      counts: { error: 3, warning: 1, info: 1 },
      suppressed: 1,
      topErrors: [
        { category: 'cure-guarantee', match: '根治', count: 2, lines: [3, 9] },
        { category: 'cure-rate', match: '治愈率', count: 1, lines: [4] },
      ],
      distinctErrors: 2,
    });
    expect(summary.files[1]).toMatchObject({ failure: 'cannot decode', counts: { error: 0, warning: 0, info: 0 } });
    expect(regulatorySummary(documents, 1).files[0]!.topErrors).toHaveLength(1);
  });

  it('counts hits per rule and corpus, busiest first', () => {
    const dev = [
      { uri: 'd.txt', findings: [hit('cure-guarantee'), hit('absolute-terms', 'warning', '最')], suppressed: [] },
    ];
    // Busiest first; equal totals in rule-id order.
    expect(ruleHits({ dev, regulatory: documents })).toEqual([
      { ruleId: 'r/cure-guarantee', hits: { dev: 1, regulatory: 2 }, suppressed: { dev: 0, regulatory: 1 } },
      { ruleId: 'r/absolute-terms', hits: { dev: 1, regulatory: 1 }, suppressed: { dev: 0, regulatory: 0 } },
      { ruleId: 'r/cure-rate', hits: { dev: 0, regulatory: 2 }, suppressed: { dev: 0, regulatory: 0 } },
    ]);
    expect(ruleHits({ dev: [], regulatory: [] })).toEqual([]);
  });
});
