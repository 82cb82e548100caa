import { describe, expect, it } from 'vitest';
import type { DocumentResult, ScanResult } from '../../src/core/types.js';
import { formatJson } from '../../src/report/json.js';
import { cureGuarantee, doc, result, sampleDocuments } from './sample-result.js';

type Json = Record<string, any>;

describe('formatJson', () => {
  const text = formatJson(result(sampleDocuments()));
  const parsed = JSON.parse(text) as Json;

  it('is 2-space indented JSON ending with one newline', () => {
    expect(text.startsWith('{\n  "tool": {\n    "name": "adscan",\n    "version": "0.1.0"\n  },\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('writes the summary with every contract field', () => {
    expect(parsed['summary']).toEqual({
      documents: 5,
      findings: 4,
      failed: 1,
      suppressed: 3,
      bySeverity: { error: 2, warning: 1, info: 1 },
      byCategory: { 'absolute-terms': 1, 'cure-guarantee': 2, 'cure-rate': 1 },
    });
  });

  it('keeps keys in contract order', () => {
    expect(Object.keys(parsed)).toEqual(['tool', 'summary', 'documents']);
    expect(Object.keys(parsed['summary'])).toEqual([
      'documents',
      'findings',
      'failed',
      'suppressed',
      'bySeverity',
      'byCategory',
    ]);
    expect(Object.keys(parsed['summary']['bySeverity'])).toEqual(['error', 'warning', 'info']);
    const first = parsed['documents'][0];
    expect(Object.keys(first)).toEqual(['uri', 'adTypes', 'context', 'evidence', 'error', 'findings', 'suppressed']);
    expect(Object.keys(first['findings'][1])).toEqual([
      'ruleId',
      'category',
      'severity',
      'message',
      'match',
      'field',
      'start',
      'end',
      'snippet',
      'snippetMatch',
      'law',
      'suggestion',
    ]);
    expect(Object.keys(first['findings'][1]['start'])).toEqual(['offset', 'line', 'column']);
  });

  it('writes a finding with all its values', () => {
    expect(parsed['documents'][0]['findings'][1]).toEqual({
      ruleId: 'medical/cure-guarantee',
      category: 'cure-guarantee',
      severity: 'error',
      message: '医疗广告不得保证治愈',
      match: '保证治愈',
      field: 'body',
      start: { offset: 21, line: 2, column: 9 },
      end: { offset: 25, line: 2, column: 13 },
      snippet: '…专治牛皮癣，保证治愈，无效退款…',
      snippetMatch: [7, 11],
      law: ['广告法第十六条第一款第一项', '医疗广告管理办法第七条'],
      suggestion: '删除保证治愈的表述',
    });
  });

  it('writes every document, with error null or the message, and suppressed findings with their reason', () => {
    const docs = parsed['documents'] as Json[];
    expect(docs.map((d) => d['uri'])).toEqual([
      'ads/a.txt',
      'ads/clean.txt',
      'ads/繁體.html',
      'news/report.txt',
      'https://example.com/missing',
    ]);
    expect(docs.map((d) => d['error'])).toEqual([null, null, null, null, 'HTTP 404 Not Found']);
    expect(docs[3]!['findings']).toEqual([]);
    expect(docs[3]!['suppressed']).toHaveLength(2);
    expect(docs[3]!['suppressed'][0]).toMatchObject({ ruleId: 'medical/cure-guarantee', suppressedBy: 'quoted-mention' });
    expect(Object.keys(docs[3]!['suppressed'][0]).at(-1)).toBe('suppressedBy');
  });

  it('keeps extra fields after the contract ones, and CJK and Traditional text unescaped', () => {
    const traditional = (parsed['documents'] as Json[])[2]!;
    expect(Object.keys(traditional).slice(7)).toEqual(['format', 'charset']);
    expect(traditional['findings'][0]).toMatchObject({ match: '治癒率', reason: 'needs-data' });
    expect(text).toContain('"snippet": "本院痔瘡治癒率高達98%"');
    expect(text).toContain('"uri": "ads/繁體.html"');
  });

  it('gives the same text for the same data whatever order its keys were built in', () => {
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const straight = doc({ uri: 'ads/a.txt', adTypes: ['medical'], context: 'ad', findings: [cureGuarantee] });
    const shuffled = reversed({ ...straight, findings: [reversed({ ...cureGuarantee, start: reversed(cureGuarantee.start) })] });
    expect(Object.keys(shuffled)).not.toEqual(Object.keys(straight));
    expect(formatJson(result([shuffled]))).toBe(formatJson(result([straight])));
  });

  it('fills keys the contract promises when a producer left them out', () => {
    const partial = { uri: 'x.txt', adTypes: ['drug'], context: 'ad', findings: [] } as unknown as DocumentResult;
    const bad = {
      tool: { name: 'adscan', version: '9.9.9' },
      summary: { documents: 1, findings: 0, failed: 0, suppressed: 0, bySeverity: { error: 0 }, byCategory: {} },
      documents: [partial],
    } as unknown as ScanResult;
    const out = JSON.parse(formatJson(bad)) as Json;
    expect(out['summary']['bySeverity']).toEqual({ error: 0, warning: 0, info: 0 });
    expect(out['documents'][0]).toEqual({
      uri: 'x.txt',
      adTypes: ['drug'],
      context: 'ad',
      evidence: [],
      error: null,
      findings: [],
      suppressed: [],
    });
  });

  it('writes an empty scan', () => {
    expect(JSON.parse(formatJson(result([])))).toEqual({
      tool: { name: 'adscan', version: '0.1.0' },
      summary: {
        documents: 0,
        findings: 0,
        failed: 0,
        suppressed: 0,
        bySeverity: { error: 0, warning: 0, info: 0 },
        byCategory: {},
      },
      documents: [],
    });
  });

  it('keeps a data key named "__proto__" as a key (documents from other producers may carry one)', () => {
    const odd = JSON.parse('{"uri":"odd.txt","adTypes":[],"findings":[],"suppressed":[],"__proto__":{"polluted":true}}') as DocumentResult;
    const out = JSON.parse(formatJson(result([odd]))) as Json;
    const d = out['documents'][0] as Json;
    expect(Object.keys(d)).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(d, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Json)['polluted']).toBeUndefined();
  });
});
