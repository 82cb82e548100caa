import type { SourceDocument, SourceFailure } from '../../core/types.js';
import { tooLargeMessage } from '../messages.js';
import { splitLines } from './lines.js';

export const JSONL_TEXT_TYPE = 'text/plain; charset=utf-8';
export const JSONL_HTML_TYPE = 'text/html; charset=utf-8';

/** Names read as JSON Lines in `auto` mode. */
export function isJsonlName(path: string): boolean {
  return /\.(?:jsonl|ndjson)$/i.test(path);
}

/**
 * A line's JSON may spell every character as a \uXXXX escape (six bytes for one), so a line
 * may be that much longer than the record it carries; longer lines are refused unread.
 */
export function maxJsonlLineBytes(maxBytes: number): number {
  return maxBytes * 6 + 64 * 1024;
}

/** One record of a JSONL input: the document, or why the line could not be one. */
export function parseJsonlRecord(
  text: string,
  label: string,
  lineNumber: number,
  maxBytes: number,
): SourceDocument | SourceFailure {
  const at = `${label}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { uri: at, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { uri: at, error: `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` };
  }
  const record = value as Record<string, unknown>;

  let id: string | undefined;
  if (typeof record.id === 'string') id = record.id;
  else if (typeof record.id === 'number' && Number.isFinite(record.id)) id = String(record.id);
  else if (record.id !== undefined && record.id !== null) return { uri: at, error: `${at}: "id" must be a string or a number` };

  let url: string | undefined;
  if (typeof record.url === 'string' && record.url !== '') url = record.url;
  else if (record.url !== undefined && record.url !== null && record.url !== '') {
    return { uri: id ?? at, error: `${at}: "url" must be a string` };
  }
  const uri = url ?? id ?? at;

  // A record may carry both (a crawler's page and its text): the HTML says more (title, meta, alt).
  const html = record.html;
  const plain = record.text;
  let body: string;
  let contentType: string;
  if (typeof html === 'string') {
    body = html;
    contentType = JSONL_HTML_TYPE;
  } else if (typeof plain === 'string') {
    body = plain;
    contentType = JSONL_TEXT_TYPE;
  } else if (html !== undefined || plain !== undefined) {
    return { uri, error: `${at}: "${html !== undefined ? 'html' : 'text'}" must be a string` };
  } else {
    return { uri, error: `${at}: record has neither "text" nor "html"` };
  }

  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length > maxBytes) return { uri, error: `${at}: ${tooLargeMessage(bytes.length, maxBytes)}` };
  const doc: SourceDocument = { uri, bytes, contentType };
  if (id !== undefined) doc.id = id;
  return doc;
}

/**
 * The records of one JSON Lines input, streamed a line at a time. Blank lines are ignored; a
 * bad line becomes a failure naming `LABEL:LINE` and the reading goes on.
 */
export async function* readJsonl(
  label: string,
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<SourceDocument | SourceFailure> {
  for await (const line of splitLines(stream, maxJsonlLineBytes(maxBytes))) {
    const at = `${label}:${line.number}`;
    if ('tooLong' in line) {
      yield { uri: at, error: `line ${tooLargeMessage(line.tooLong, maxJsonlLineBytes(maxBytes))}` };
    } else if ('invalid' in line) {
      yield { uri: at, error: 'line is not valid UTF-8' };
    } else if (line.text.trim() !== '') {
      yield parseJsonlRecord(line.text, label, line.number, maxBytes);
    }
  }
}
