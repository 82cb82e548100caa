import type { DocumentResult, ScanResult } from '../core/types.js';
import { jsonDocument, jsonSummary, jsonTool } from './json.js';

/**
 * The JSON report (formatJson) piece by piece, one document at a time, so a report on a
 * large crawl can be written while its documents are read back from disk instead of being
 * built as one string (V8 strings stop at ~512 MiB) from documents all held in memory. The
 * pieces joined are byte for byte what formatJson returns for the same documents.
 */
export function jsonChunks(
  tool: ScanResult['tool'],
  summary: ScanResult['summary'],
  documents: Iterable<DocumentResult>,
): Generator<string> {
  return jsonChunksOfTexts(tool, summary, mapIterable(documents, jsonDocumentText));
}

/**
 * One document as the JSON report holds it inside its `documents` array (indented, without
 * the separating comma): made as each document finishes, so the report is joined later
 * without formatting the documents again.
 */
export function jsonDocumentText(doc: DocumentResult): string {
  // Nested two arrays deep, JSON.stringify indents the document exactly as the report's
  // `documents` array needs it; cutting the brackets off costs less than re-indenting.
  const nested = JSON.stringify([[jsonDocument(doc)]], null, 2);
  return nested.slice(NESTED_HEAD.length, nested.length - NESTED_TAIL.length);
}

const NESTED_HEAD = '[\n  [\n    ';
const NESTED_TAIL = '\n  ]\n]';

/**
 * The JSON report around documents already made into text by jsonDocumentText (as strings,
 * or as their UTF-8 bytes, which are passed on as they are).
 */
export function* jsonChunksOfTexts<T extends string | Uint8Array>(
  tool: ScanResult['tool'],
  summary: ScanResult['summary'],
  documents: Iterable<T>,
): Generator<string | T> {
  const head = JSON.stringify({ tool: jsonTool(tool), summary: jsonSummary(summary) }, null, 2);
  // `head` ends with "\n}": the documents array goes in before the closing brace.
  yield `${head.slice(0, -2)},\n  "documents": [`;
  let first = true;
  for (const body of documents) {
    yield first ? '\n    ' : ',\n    ';
    yield body;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
