import { decodeReferences, type ReferenceContext } from './decode-references.js';
import type { SourceSpan } from './dom.js';
import { unitEnd, unitStart, type MappedChars } from './mapped-chars.js';

/**
 * The characters of a DOM text (or attribute) value with their source spans. Normally
 * decoding the located source slice reproduces `data` exactly. When it does not — the
 * parser merged text around foster-parented table content, dropped a NUL or the newline
 * after `<pre>` — `data` is aligned onto the decoded slice in order, markup skipped; any
 * character that still finds no partner maps to the whole slice rather than to nothing.
 */
export function mapNodeText(
  original: string,
  data: string,
  span: SourceSpan,
  context: ReferenceContext = 'text',
): MappedChars {
  const raw = original.slice(span.startOffset, span.endOffset);
  const decoded = decodeReferences(raw, span.startOffset, context);
  if (decoded.text === data) return decoded;
  return alignOnto(data, withoutMarkup(raw, span.startOffset, context), span);
}

/** The decoded text of `raw` outside tags and comments. */
function withoutMarkup(raw: string, rawStart: number, context: ReferenceContext): MappedChars {
  const result: MappedChars = { text: '', starts: [], ends: [] };
  const markup = /<!--[\s\S]*?(?:-->|$)|<[A-Za-z/!?][^>]*>?/g;
  let last = 0;
  const take = (from: number, to: number): void => {
    if (to <= from) return;
    const part = decodeReferences(raw.slice(from, to), rawStart + from, context);
    result.text += part.text;
    for (let i = 0; i < part.text.length; i++) {
      result.starts.push(unitStart(part, i));
      result.ends.push(unitEnd(part, i));
    }
  };
  for (let m = markup.exec(raw); m !== null; m = markup.exec(raw)) {
    take(last, m.index);
    last = m.index + m[0].length;
  }
  take(last, raw.length);
  return result;
}

function alignOnto(data: string, source: MappedChars, span: SourceSpan): MappedChars {
  const starts: number[] = [];
  const ends: number[] = [];
  let j = 0;
  for (let i = 0; i < data.length; i++) {
    let k = j;
    while (k < source.text.length && source.text[k] !== data[i]) k++;
    if (k < source.text.length) {
      starts.push(unitStart(source, k));
      ends.push(unitEnd(source, k));
      j = k + 1;
    } else {
      starts.push(span.startOffset);
      ends.push(span.endOffset);
    }
  }
  return { text: data, starts, ends };
}
