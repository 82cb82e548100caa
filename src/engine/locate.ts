import type { LineIndex } from '../core/line-index.js';
import type { OffsetMap } from '../core/offset-map.js';
import type { Position } from '../core/types.js';

/** Characters of context shown on each side of a match in a snippet. */
const CONTEXT = 20;

export interface LocatedSpan {
  /** The matched text as the reader saw it (the extracted field text; for text inputs, the original). */
  match: string;
  start: Position;
  end: Position;
  snippet: string;
  snippetMatch: [number, number];
}

export interface FieldMaps {
  /** Extracted field text (before normalisation). */
  extracted: string;
  /** Normalised → extracted. */
  normMap: OffsetMap;
  /** Extracted → original input. */
  extractMap: OffsetMap;
}

/** A span of the normalised field text taken back to the extracted text and the original input. */
export interface PlacedSpan {
  /** The matched text as the reader saw it (the extracted field text). */
  match: string;
  /** [start, end) in the extracted field text. */
  extracted: [number, number];
  /** [start, end) in the original input. */
  original: [number, number];
}

/**
 * Takes a span of the normalised field text back to the exact characters of the original
 * input: cheap (two map lookups), so findings can be ordered and repeats collapsed before
 * each is given its line, column and snippet (see locate).
 */
export function placeSpan(field: FieldMaps, start: number, end: number): PlacedSpan {
  const [xs, xe] = field.normMap.toSource(start, end);
  return { match: field.extracted.slice(xs, xe), extracted: [xs, xe], original: field.extractMap.toSource(xs, xe) };
}

/** A placed span with its line/column positions and snippet. */
export function locate(lines: LineIndex, field: FieldMaps, placed: PlacedSpan): LocatedSpan {
  const [xs, xe] = placed.extracted;
  const { snippet, snippetMatch } = makeSnippet(field.extracted, xs, xe);
  return { match: placed.match, start: lines.position(placed.original[0]), end: lines.position(placed.original[1]), snippet, snippetMatch };
}

/** The match with up to CONTEXT characters either side, never crossing a line break. */
export function makeSnippet(text: string, start: number, end: number): { snippet: string; snippetMatch: [number, number] } {
  let a = start;
  while (a > 0 && start - a < CONTEXT && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  let b = end;
  while (b < text.length && b - end < CONTEXT && text[b] !== '\n' && text[b] !== '\r') b++;
  // Never cut a surrogate pair in half.
  if (a > 0 && isLowSurrogate(text.charCodeAt(a))) a--;
  if (b < text.length && isLowSurrogate(text.charCodeAt(b))) b++;
  const head = text.slice(a, start).replace(/^\s+/u, '');
  const tail = text.slice(end, b).replace(/\s+$/u, '');
  const pre = a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r' ? '…' : '';
  const post = b < text.length && text[b] !== '\n' && text[b] !== '\r' ? '…' : '';
  const body = text.slice(start, end);
  const snippet = (pre + head + body + tail + post).replace(/\s+/gu, ' ');
  const s = (pre + head).replace(/\s+/gu, ' ').length;
  return { snippet, snippetMatch: [s, s + body.replace(/\s+/gu, ' ').length] };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
