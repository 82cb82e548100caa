import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatReport, formatters, isFormatName } from '../../src/report/index.js';
import { result, sampleDocuments } from './sample-result.js';

describe('formatReport', () => {
  const scan = result(sampleDocuments());

  it('dispatches to the named formatter', () => {
    expect(formatReport('json', scan, { color: true })).toBe(formatJson(scan));
    expect(formatReport('pretty', scan, { color: false })).toBe(formatPretty(scan, { color: false }));
    expect(formatReport('pretty', scan, { color: true })).toBe(formatPretty(scan, { color: true }));
  });

  it('registers exactly the built-in formats', () => {
    expect(Object.keys(formatters).sort()).toEqual(['csv', 'html', 'json', 'jsonl', 'junit', 'markdown', 'pretty', 'sarif']);
    expect(isFormatName('json')).toBe(true);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
  });

  it('rejects an unknown name, listing the known ones', () => {
    expect(() => formatReport('xml', scan, { color: false })).toThrow(
      'unknown report format "xml"; known formats: csv, html, json, jsonl, junit, markdown, pretty, sarif',
    );
    expect(() => formatReport('', scan, { color: false })).toThrow(/known formats: csv, html, json/);
  });

  it('does not take inherited object keys for formatter names', () => {
    expect(isFormatName('toString')).toBe(false);
    expect(() => formatReport('constructor', scan, { color: false })).toThrow(/unknown report format/);
  });
});
