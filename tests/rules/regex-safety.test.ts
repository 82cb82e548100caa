import { describe, expect, it } from 'vitest';
import { nestedQuantifierProblem, probeRegexSpeed } from '../../src/rules/regex-safety.js';

describe('nestedQuantifierProblem', () => {
  it.each(['(a+)+$', '([\\u4e00-\\u9fff]+)*x', '(?:\\s*x)+', '(?:a|b+){2,}', '((ab)*c)+'])('refuses %s', (re) => {
    expect(nestedQuantifierProblem(re)).toMatch(/nested quantifier/);
  });

  it.each([
    '(?<![不能无法])(?:保证|确保)(?:治愈|治好)(?!期|率)',
    '(?:患者|病友)\\s*(?:[\\u4e00-\\u9fa5]{1,2}(?:女士|先生))?.{0,10}?(?:说|讲述)',
    '(?:\\d+|[一二三])\\s*(?:天|日)',
    '[(+*)]+',
    '\\(a+\\)+',
  ])('accepts %s', (re) => {
    expect(nestedQuantifierProblem(re)).toBeNull();
  });
});

describe('probeRegexSpeed', () => {
  it('passes an ordinary rule regex', () => {
    expect(probeRegexSpeed(/(?:保证|确保)(?:治愈|治好)/gu)).toBeNull();
  });
  it('flags a regex that backtracks catastrophically', () => {
    expect(probeRegexSpeed(/^(\d+)+$/u, 20)).toMatch(/catastrophic/);
  });
});
