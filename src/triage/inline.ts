// `<!-- adscan-disable-next-line [RULE[, RULE…]] -->` in HTML and Markdown sources: the
// findings that start on the next non-empty line of the original text are suppressed (for
// the listed rule ids, categories or packs; all rules without a list). Plain-text ad copy
// has no comment syntax: use a suppression file there.
import type { DocumentResult } from '../core/types.js';
import { selectorMatches, suppressFindings } from './suppress.js';

export const INLINE_DIRECTIVE = 'adscan-disable-next-line';

export interface InlineDisable {
  /** 1-based line of the comment (where it starts). */
  commentLine: number;
  /** The line whose findings it suppresses. */
  targetLine: number;
  /** Rule ids, categories or packs; null = every rule. */
  selectors: string[] | null;
}

const COMMENT = /<!--\s*adscan-disable-next-line(?=[\s,]|-->)([\s\S]*?)-->/g;
/** A line holding nothing but comments is skipped when looking for "the next line". */
const COMMENT_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Every disable comment in the text, with the line it applies to (line ends as in reports: CRLF, CR, LF). */
export function parseInlineDisables(text: string): InlineDisable[] {
  if (!text.includes(INLINE_DIRECTIVE)) return [];
  const starts = lineStarts(text);
  const lineText = (n: number) => text.slice(starts[n - 1]!, starts[n] ?? text.length).replace(/[\r\n]+$/, '');
  const out: InlineDisable[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const commentLine = lineOf(starts, m.index);
    const endLine = lineOf(starts, m.index + m[0].length);
    let target = endLine + 1;
    while (target <= starts.length && (lineText(target).trim() === '' || COMMENT_ONLY.test(lineText(target)))) target++;
    if (target > starts.length) continue;
    const list = m[1]!.split(/[\s,]+/).filter(Boolean);
    out.push({ commentLine, targetLine: target, selectors: list.length ? list : null });
  }
  return out;
}

/** Whether inline directives apply to a document: HTML, or Markdown by its extension. */
export function acceptsInlineDirectives(doc: Pick<DocumentResult, 'uri' | 'format'>): boolean {
  if (doc.format === 'html') return true;
  return /\.(?:md|markdown|mdx|html?|xhtml)(?:$|[?#])/i.test(doc.uri);
}

/** Applies the document's disable comments; returns the directives found (for checking their selectors). */
export function applyInlineDisables(doc: DocumentResult, text: string): InlineDisable[] {
  if (!acceptsInlineDirectives(doc)) return [];
  const directives = parseInlineDisables(text);
  if (directives.length === 0) return directives;
  suppressFindings(doc, (f) => {
    if (f.match === '') return null; // document-level findings have no line of their own
    const d = directives.find((x) => x.targetLine === f.start.line && (x.selectors === null || x.selectors.some((s) => selectorMatches(s, f))));
    return d ? `inline: ${INLINE_DIRECTIVE} (line ${d.commentLine})` : null;
  });
  return directives;
}
