import { describe, expect, it } from 'vitest';
import type { DocumentResult, ScanResult } from '../../src/core/types.js';
import { formatJson, summarize } from '../../src/report/index.js';
import { jsonChunks } from '../../src/report/json-chunks.js';

const tool: ScanResult['tool'] = { name: 'adscan', version: '9.9.9' };

function doc(uri: string, findings: number, extra: Partial<DocumentResult> = {}): DocumentResult {
  return {
    uri,
    adTypes: ['medical'],
    context: 'ad',
    evidence: [{ supports: 'medical', indicator: '医院', weight: 3, field: 'body', offset: 2 }],
    findings: Array.from({ length: findings }, (_, i) => ({
      ruleId: 'efficacy/cure-guarantee-promise',
      category: 'cure-guarantee',
      severity: 'error' as const,
      message: `保证治愈 "${i}"\n第二行`,
      match: '保证治愈',
      field: 'body' as const,
      start: { offset: 10 + i, line: 1, column: 11 + i },
      end: { offset: 14 + i, line: 1, column: 15 + i },
      snippet: '…本院保证治愈…',
      snippetMatch: [3, 7] as [number, number],
      law: ['《广告法》第十六条'],
      suggestion: '删除',
    })),
    suppressed: [],
    error: null,
    ...extra,
  };
}

describe('jsonChunks', () => {
  const cases: [string, DocumentResult[]][] = [
    ['no documents', []],
    ['one document', [doc('a.txt', 2)]],
    [
      'several, with failures, evidence fields and odd keys',
      [
        doc('a.txt', 0),
        { ...doc('b.html', 3, { sha256: 'ab'.repeat(32), rulesHash: '0123456789abcdef', fetch: { status: 200, fetchedAt: '2026-11-28T00:00:00.000Z' } }) },
        { uri: 'c.bin', adTypes: [], context: 'unknown', evidence: [], findings: [], suppressed: [], error: 'binary content (PNG image)' },
      ],
    ],
  ];
  for (const [name, documents] of cases) {
    it(`joins to exactly formatJson's output: ${name}`, () => {
      const result: ScanResult = { tool, summary: summarize(documents), documents };
      const text = [...jsonChunks(tool, result.summary, documents)].join('');
      expect(text).toBe(formatJson(result));
      expect(JSON.parse(text).documents).toHaveLength(documents.length);
    });
  }

  it('yields one piece per document, reading documents lazily', () => {
    let read = 0;
    function* lazy(): Generator<DocumentResult> {
      for (let i = 0; i < 3; i++) {
        read++;
        yield doc(`d${i}.txt`, 1);
      }
    }
    const it = jsonChunks(tool, summarize([]), lazy());
    it.next(); // head
    expect(read).toBe(0);
    it.next();
    expect(read).toBe(1);
  });
});
