import { describe, expect, it } from 'vitest';
import { formatReport, isFormatName } from '../../src/report/index.js';
import { formatJson } from '../../src/report/json.js';
import {
  formatJsonl,
  formatJsonlDocument,
  formatJsonlSummary,
  isJsonlSummaryLine,
  type JsonlSummaryLine,
} from '../../src/report/jsonl.js';
import { summarize } from '../../src/report/summary.js';
import { doc, finding, result, sampleDocuments } from './sample-result.js';

type Json = Record<string, any>;
const lines = (text: string): string[] => {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
};

describe('formatJsonl', () => {
  const scan = result(sampleDocuments());
  const json = JSON.parse(formatJson(scan)) as Json;

  it('writes one line per document, as in the JSON report, then a summary line', () => {
    const out = lines(formatJsonl(scan));
    expect(out).toHaveLength(6);
    const parsed = out.map((l) => JSON.parse(l) as Json);
    expect(parsed.slice(0, 5)).toEqual(json['documents']);
    expect(parsed[5]).toEqual({ summary: json['summary'], tool: json['tool'] });
    expect(parsed.map((p) => isJsonlSummaryLine(p))).toEqual([false, false, false, false, false, true]);
  });

  it('keeps the JSON report key order in every line', () => {
    const [first] = lines(formatJsonl(scan)).map((l) => JSON.parse(l) as Json);
    expect(Object.keys(first!)).toEqual(Object.keys(json['documents'][0]));
    expect(Object.keys(first!)).toEqual(['uri', 'adTypes', 'context', 'evidence', 'error', 'findings', 'suppressed']);
    expect(Object.keys(first!['findings'][1])).toEqual(Object.keys(json['documents'][0]['findings'][1]));
    const last = JSON.parse(lines(formatJsonl(scan)).at(-1)!) as Json;
    expect(Object.keys(last)).toEqual(['summary', 'tool']);
    expect(Object.keys(last['summary'])).toEqual(['documents', 'findings', 'failed', 'suppressed', 'bySeverity', 'byCategory']);
  });

  it('formats one document at a time, so a caller can stream; the whole report is those lines joined', () => {
    const streamed =
      scan.documents.map((d) => formatJsonlDocument(d)).join('') + formatJsonlSummary(scan.tool, summarize(scan.documents));
    expect(streamed).toBe(formatJsonl(scan));
    const one = formatJsonlDocument(scan.documents[0]!);
    expect(one.endsWith('}\n')).toBe(true);
    expect(one.indexOf('\n')).toBe(one.length - 1);
  });

  it('keeps every value on one line, whatever line breaks the text holds', () => {
    const f = finding({ ruleId: 'r', category: 'c', match: 'x', snippet: 'a\nb\rc\u0085d\u2028e\u2029f\u000bg' });
    const text = formatJsonl(result([doc({ uri: 'multi\nline.txt', findings: [f] })]));
    expect(text.match(/[\n\r\u0085\u2028\u2029\u000b\u000c\u001c-\u001e]/g)).toEqual(['\n', '\n']);
    expect(text).toContain('a\\nb\\rc\\u0085d\\u2028e\\u2029f\\u000bg');
    const parsed = JSON.parse(lines(text)[0]!) as Json;
    expect(parsed['uri']).toBe('multi\nline.txt');
    expect(parsed['findings'][0]['snippet']).toBe('a\nb\rc\u0085d\u2028e\u2029f\u000bg');
  });

  it('writes just the summary line for an empty scan', () => {
    const out = lines(formatJsonl(result([])));
    expect(out).toHaveLength(1);
    const summary = JSON.parse(out[0]!) as JsonlSummaryLine;
    expect(isJsonlSummaryLine(summary)).toBe(true);
    expect(summary.summary).toEqual({
      documents: 0,
      findings: 0,
      failed: 0,
      suppressed: 0,
      bySeverity: { error: 0, warning: 0, info: 0 },
      byCategory: {},
    });
    expect(summary.tool).toEqual({ name: 'adscan', version: '0.1.0' });
  });

  it('does not take a document whose uri is odd for the summary', () => {
    expect(isJsonlSummaryLine({ uri: 'summary', summary: 'x' })).toBe(false);
    expect(isJsonlSummaryLine(null)).toBe(false);
    expect(isJsonlSummaryLine('summary')).toBe(false);
  });
});

describe('the "jsonl" format in the registry', () => {
  it('is what formatReport gives, with options as the CLI passes them', () => {
    expect(isFormatName('jsonl')).toBe(true);
    expect(formatReport('jsonl', result(sampleDocuments()), { color: false })).toBe(formatJsonl(result(sampleDocuments())));
  });
});
