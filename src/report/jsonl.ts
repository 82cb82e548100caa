import type { DocumentResult, ScanResult, ScanSummary } from '../core/types.js';
import { jsonDocument, jsonSummary, jsonTool } from './json.js';

/**
 * The last line of a JSON Lines report. Document lines always have a `uri` key and never a
 * `summary` key; this line has `summary` (the JSON report's summary) and `tool`, and no `uri`.
 */
export interface JsonlSummaryLine {
  summary: ScanSummary;
  tool: ScanResult['tool'];
}

/**
 * One document as one JSON Lines line, newline included: the same object, with the same key
 * order, as in the JSON report's `documents`. Callers can write each document as it finishes.
 */
export function formatJsonlDocument(doc: DocumentResult): string {
  return line(jsonDocument(doc));
}

/**
 * The closing line: `{"summary": {...}, "tool": {...}}`. A streaming caller writes it after
 * the last document, with `summarize(documents)`.
 */
export function formatJsonlSummary(tool: ScanResult['tool'], summary: ScanSummary): string {
  return line({ summary: jsonSummary(summary), tool: jsonTool(tool) });
}

/** Tells the summary line from a document line of a parsed JSON Lines report. */
export function isJsonlSummaryLine(line: unknown): line is JsonlSummaryLine {
  return typeof line === 'object' && line !== null && Object.hasOwn(line, 'summary') && !Object.hasOwn(line, 'uri');
}

/**
 * JSON Lines (one JSON value per LF-terminated line): one line per document in scan order,
 * then one summary line. JSON escapes line breaks inside strings, so every value is one line.
 */
export function formatJsonl(result: ScanResult): string {
  return result.documents.map(formatJsonlDocument).join('') + formatJsonlSummary(result.tool, result.summary);
}

/**
 * JSON.stringify leaves NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR raw inside strings, and
 * some line splitters (Python's str.splitlines) break lines at them: escape them too.
 */
function line(value: unknown): string {
  return `${JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
