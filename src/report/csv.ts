import { createRequire } from 'node:module';
import type { stringify as Stringify } from 'csv-stringify/sync';

/** csv-stringify, loaded only when a CSV report is written. */
const stringify: typeof Stringify = (...args: Parameters<typeof Stringify>) =>
  (createRequire(import.meta.url)('csv-stringify/sync') as { stringify: typeof Stringify }).stringify(...args);
import type { ScanResult } from '../core/types.js';

export interface CsvOptions {
  /**
   * Prefix cells starting with = + - @ tab or CR with ' so spreadsheets do not run them as
   * formulas (csv-stringify's escape_formulas). Off by default: it changes the data.
   */
  escapeFormulas?: boolean;
}

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'document',
  'line',
  'column',
  'severity',
  'category',
  'rule',
  'match',
  'snippet',
  'law',
  'suggestion',
] as const;

/**
 * One row per finding (suppressed findings and unreadable documents have none), for
 * spreadsheets: UTF-8 with a BOM so Excel reads the Chinese, CRLF record ends and RFC 4180
 * quoting (fields holding a comma, quote, CR or LF are quoted, quotes doubled). `law`
 * items are joined with "；". A scan without findings gives the header row alone.
 */
export function formatCsv(result: ScanResult, options: CsvOptions = {}): string {
  const rows: string[][] = [];
  for (const doc of result.documents) {
    for (const f of doc.findings) {
      rows.push([
        doc.uri,
        String(f.start.line),
        String(f.start.column),
        f.severity,
        f.category,
        f.ruleId,
        f.match,
        f.snippet,
        f.law.join('；'),
        f.suggestion,
      ]);
    }
  }
  return stringify([[...CSV_COLUMNS], ...rows], {
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify stops quoting lone CR/LF when a record delimiter is given; RFC 4180 round trips need it.
    quote_record_delimiter: true,
    escape_formulas: options.escapeFormulas ?? false,
  });
}
