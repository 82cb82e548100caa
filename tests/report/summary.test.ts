import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/report/summary.js';
import { doc, finding, sampleDocuments } from './sample-result.js';

describe('summarize', () => {
  it('counts documents, findings, failures, suppressed findings, severities and categories', () => {
    expect(summarize(sampleDocuments())).toEqual({
      documents: 5,
      findings: 4,
      failed: 1,
      suppressed: 3,
      bySeverity: { error: 2, warning: 1, info: 1 },
      byCategory: { 'absolute-terms': 1, 'cure-guarantee': 2, 'cure-rate': 1 },
    });
  });

  it('gives all three severity keys and no categories for an empty scan', () => {
    expect(summarize([])).toEqual({
      documents: 0,
      findings: 0,
      failed: 0,
      suppressed: 0,
      bySeverity: { error: 0, warning: 0, info: 0 },
      byCategory: {},
    });
  });

  it('lists categories in code-point order whatever order they fired in', () => {
    const findings = ['z-last', 'a-first', 'm-middle', 'a-first'].map((category) =>
      finding({ ruleId: `x/${category}`, category, match: 'x' }),
    );
    const summary = summarize([doc({ uri: 'a', findings })]);
    expect(Object.keys(summary.byCategory)).toEqual(['a-first', 'm-middle', 'z-last']);
    expect(summary.byCategory['a-first']).toBe(2);
  });

  it('does not count suppressed findings by category or severity', () => {
    const suppressed = [{ ...finding({ ruleId: 'x/y', category: 'y', match: 'y' }), suppressedBy: 'negation' }];
    const summary = summarize([doc({ uri: 'a', suppressed })]);
    expect(summary).toMatchObject({ findings: 0, suppressed: 1, byCategory: {} });
    expect(summary.bySeverity).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('keeps a category id that looks like a prototype key as plain data', () => {
    const summary = summarize([doc({ uri: 'a', findings: [finding({ ruleId: 'x', category: '__proto__', match: 'x' })] })]);
    expect(Object.getPrototypeOf(summary.byCategory)).toBe(Object.prototype);
    expect(Object.keys(summary.byCategory)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(summary.byCategory))).toEqual(JSON.parse('{"__proto__":1}'));
  });
});
