// Sentence and clause boundaries of normalised text (after NFKC: ！？；，： are ASCII).

const SENTENCE_END = new Set(['。', '!', '?', ';', '\n', '\r', '…']);
const CLAUSE_END = new Set([...SENTENCE_END, ',', ':', '，', '：']);
/** Crawled pages can hold thousands of characters without punctuation; bound the unit of work. */
const MAX_SENTENCE = 400;

export interface Span {
  start: number;
  end: number;
}

/** Sentences of `text`, in order, covering it without gaps (terminators stay with their sentence). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (SENTENCE_END.has(text[i]!) || i - start >= MAX_SENTENCE) {
      let end = i + 1;
      if (i - start >= MAX_SENTENCE && !SENTENCE_END.has(text[i]!)) end = softBreak(text, start, i);
      out.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** A break point before `limit`, at a comma or space if there is one, never inside a surrogate pair. */
function softBreak(text: string, start: number, limit: number): number {
  for (let j = limit; j > start + MAX_SENTENCE / 2; j--) {
    if (CLAUSE_END.has(text[j]!) || text[j] === ' ') return j + 1;
  }
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit + 1 : limit;
}

export function isClauseEnd(ch: string | undefined): boolean {
  return ch !== undefined && CLAUSE_END.has(ch);
}

/** The clause around [start, end): from the last clause break before it to the next one after. */
export function clauseAround(text: string, sentence: Span, start: number, end: number): Span {
  let a = start;
  while (a > sentence.start && !isClauseEnd(text[a - 1])) a--;
  let b = end;
  while (b < sentence.end && !isClauseEnd(text[b])) b++;
  return { start: a, end: b };
}

/** Index of the span holding `offset` (spans sorted and contiguous). */
export function spanIndexAt(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The sentence holding [start, end), found by scanning outwards (no full split needed). */
export function sentenceAround(text: string, start: number, end: number): Span {
  let a = start;
  while (a > 0 && start - a < MAX_SENTENCE && !SENTENCE_END.has(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && b - end < MAX_SENTENCE && !SENTENCE_END.has(text[b]!)) b++;
  return { start: a, end: b };
}
