// Hand-built scan results shared by the report tests.
import type { DocumentResult, Finding, ScanResult, SuppressedFinding } from '../../src/core/types.js';
import { summarize } from '../../src/report/summary.js';

export function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'category' | 'match'>): Finding {
  return {
    severity: 'error',
    message: 'message',
    field: 'body',
    start: { offset: 0, line: 1, column: 1 },
    end: { offset: overrides.match.length, line: 1, column: overrides.match.length + 1 },
    snippet: overrides.match,
    law: [],
    suggestion: '',
    ...overrides,
  };
}

export function doc(overrides: Partial<DocumentResult> & Pick<DocumentResult, 'uri'>): DocumentResult {
  return {
    adTypes: [],
    context: 'unknown',
    evidence: [],
    findings: [],
    suppressed: [],
    error: null,
    ...overrides,
  };
}

export function result(documents: DocumentResult[]): ScanResult {
  return { tool: { name: 'adscan', version: '0.1.0' }, summary: summarize(documents), documents };
}

export const cureGuarantee = finding({
  ruleId: 'medical/cure-guarantee',
  category: 'cure-guarantee',
  severity: 'error',
  message: '医疗广告不得保证治愈',
  match: '保证治愈',
  start: { offset: 21, line: 2, column: 9 },
  end: { offset: 25, line: 2, column: 13 },
  snippet: '…专治牛皮癣，保证治愈，无效退款…',
  snippetMatch: [7, 11],
  law: ['广告法第十六条第一款第一项', '医疗广告管理办法第七条'],
  suggestion: '删除保证治愈的表述',
});

/** A match at the very start of its line and of the snippet. */
export const absoluteAtLineStart = finding({
  ruleId: 'general/absolute-terms',
  category: 'absolute-terms',
  severity: 'warning',
  message: '使用绝对化用语',
  match: '最好',
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 2, line: 1, column: 3 },
  snippet: '最好的皮肤病医院',
  law: ['广告法第九条第三项'],
  suggestion: '删除“最好”',
});

/** A match at the very end of its line; the same text occurs earlier, so only snippetMatch finds it. */
export const cureAtLineEnd = finding({
  ruleId: 'medical/cure-guarantee',
  category: 'cure-guarantee',
  severity: 'error',
  message: '医疗广告不得保证治愈',
  match: '根治',
  start: { offset: 40, line: 3, column: 12 },
  end: { offset: 42, line: 3, column: 14 },
  snippet: '根治不是口号，三个疗程即可根治',
  snippetMatch: [13, 15],
  law: ['广告法第十六条第一款第一项'],
  suggestion: '删除保证治愈的表述',
});

/** Traditional script, no snippetMatch: the formatter falls back to searching the snippet. */
export const traditional = finding({
  ruleId: 'medical/cure-rate',
  category: 'cure-rate',
  severity: 'info',
  message: '宣传治愈率',
  match: '治癒率',
  start: { offset: 5, line: 1, column: 6 },
  end: { offset: 8, line: 1, column: 9 },
  snippet: '本院痔瘡治癒率高達98%',
  law: [],
  suggestion: '',
  reason: 'needs-data',
});

export const quotedMention: SuppressedFinding = {
  ...finding({ ruleId: 'medical/cure-guarantee', category: 'cure-guarantee', match: '保证治愈' }),
  suppressedBy: 'quoted-mention',
};

export function sampleDocuments(): DocumentResult[] {
  return [
    doc({
      uri: 'ads/a.txt',
      adTypes: ['medical'],
      context: 'ad',
      findings: [absoluteAtLineStart, cureGuarantee, cureAtLineEnd],
    }),
    doc({ uri: 'ads/clean.txt', adTypes: ['drug'], context: 'ad' }),
    doc({
      uri: 'ads/繁體.html',
      adTypes: ['medical', 'medical-beauty'],
      context: 'ad',
      findings: [traditional],
      suppressed: [quotedMention],
      format: 'html',
      charset: 'big5',
    }),
    doc({ uri: 'news/report.txt', context: 'news', suppressed: [quotedMention, quotedMention] }),
    doc({ uri: 'https://example.com/missing', error: 'HTTP 404 Not Found' }),
  ];
}
