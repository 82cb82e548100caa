import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { fingerprintFinding, normaliseForFingerprint, occurrenceKeys, sentenceOf, withOccurrences } from '../../src/triage/fingerprint.js';

/** A finding of `ruleId` on the first occurrence of `match` in `text` (after `from`). */
function findingIn(text: string, match: string, ruleId = 'efficacy/cure-guarantee-promise', from = 0): Finding {
  const offset = text.indexOf(match, from);
  if (offset < 0) throw new Error(`no ${match} in text`);
  const pos = (o: number) => ({ offset: o, line: 1, column: o + 1 });
  return {
    ruleId,
    category: 'cure-guarantee',
    severity: 'error',
    message: '',
    match,
    field: 'body',
    start: pos(offset),
    end: pos(offset + match.length),
    snippet: '',
    law: [],
    suggestion: '',
  };
}

const fp = (text: string, match: string, ruleId?: string, html = false) => fingerprintFinding(findingIn(text, match, ruleId), text, { html });

const AD = '仁爱医院皮肤科\n本院专治牛皮癣，保证治愈，无效退款。\n预约电话：0571-88886666\n';

describe('sentenceOf', () => {
  it('is the sentence holding the match, bounded by sentence ends and line breaks', () => {
    expect(sentenceOf(findingIn(AD, '保证治愈'), AD)).toBe('本院专治牛皮癣，保证治愈，无效退款');
  });

  it('skips markup in HTML, and stops at tag edges that are not inline', () => {
    const html = '<div class="x">页头</div>\n<p>本院<b>专治</b>牛皮癣，保证治愈。</p>';
    expect(sentenceOf(findingIn(html, '保证治愈'), html, { html: true })).toBe('本院专治牛皮癣，保证治愈');
  });

  it('is empty for document-level findings', () => {
    expect(sentenceOf({ match: '', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } }, AD)).toBe('');
  });
});

describe('fingerprintFinding', () => {
  it('is 16 hex digits and deterministic', () => {
    expect(fp(AD, '保证治愈')).toMatch(/^[0-9a-f]{16}$/);
    expect(fp(AD, '保证治愈')).toBe(fp(AD, '保证治愈'));
  });

  it('survives lines inserted above (a line shift) and changed boilerplate around the sentence', () => {
    const shifted = `最新公告\n\n2026年春节门诊安排见官网\n${AD}`;
    const recrawled = AD.replace('仁爱医院皮肤科', '仁爱医院皮肤科 | 首页 | 关于我们').replace('0571-88886666', '0571-12345678');
    expect(fp(shifted, '保证治愈')).toBe(fp(AD, '保证治愈'));
    expect(fp(recrawled, '保证治愈')).toBe(fp(AD, '保证治愈'));
  });

  it('ignores whitespace, punctuation, full-width forms and digits in the sentence', () => {
    const variant = '本院 专治牛皮癣, 保证治愈,无效退款 ';
    expect(fp(`${variant}\n`, '保证治愈')).toBe(fp(AD, '保证治愈'));
    expect(fp('第3代疗法，保证治愈。', '保证治愈')).toBe(fp('第４代疗法，保证治愈。', '保证治愈'));
  });

  it('is the same for a sentence in HTML and in plain text', () => {
    const html = '<html><body><h1>仁爱医院皮肤科</h1>\n<p>本院专治<em>牛皮癣</em>，保证治愈，无效退款。</p></body></html>';
    expect(fingerprintFinding(findingIn(html, '保证治愈'), html, { html: true })).toBe(fp(AD, '保证治愈'));
  });

  it('changes with the rule, the match and the words of the sentence', () => {
    const base = fp(AD, '保证治愈');
    expect(fp(AD, '保证治愈', 'efficacy/other-rule')).not.toBe(base);
    expect(fp(AD.replace('牛皮癣', '白癜风'), '保证治愈')).not.toBe(base);
    expect(fp(AD.replace('保证治愈', '承诺治愈'), '承诺治愈')).not.toBe(base);
  });
});

describe('occurrences', () => {
  it('numbers equal fingerprints in order', () => {
    expect(withOccurrences(['a', 'b', 'a', 'a'])).toEqual([
      { fingerprint: 'a', occurrence: 0 },
      { fingerprint: 'b', occurrence: 0 },
      { fingerprint: 'a', occurrence: 1 },
      { fingerprint: 'a', occurrence: 2 },
    ]);
  });

  it('gives fingerprinted findings fingerprint:n keys', () => {
    const f = findingIn(AD, '保证治愈');
    const keys = occurrenceKeys([{ ...f, fingerprint: 'x' } as Finding, f, { ...f, fingerprint: 'x' } as Finding]);
    expect(keys).toEqual(['x:0', undefined, 'x:1']);
  });

  it('normalises for comparison', () => {
    expect(normaliseForFingerprint('Ａ Ｂ，c！１２', true)).toBe('abc');
    expect(normaliseForFingerprint('Ａ Ｂ，c！１２')).toBe('abc12');
  });
});
