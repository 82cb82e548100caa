// Sentence and clause boundaries of normalised text (after NFKC: ！？；，： are ASCII).

const SENTENCE = 1;
const CLAUSE = 2;
/**
 * Per UTF-16 unit, whether it ends a sentence and/or a clause. Read by char code: `text[i]`
 * makes a new one-character string for every Han character of a page.
 */
const ENDS = new Uint8Array(0x10000);
for (const c of ['。', '!', '?', ';', '\n', '\r', '…']) ENDS[c.charCodeAt(0)] = SENTENCE | CLAUSE;
// A dash (——) sets off a new clause: 有没有副作用——完全没有副作用 answers, it does not negate.
for (const c of [',', ':', '，', '：', '—', '―']) ENDS[c.charCodeAt(0)] = CLAUSE;
/** Crawled pages can hold thousands of characters without punctuation; bound the unit of work. */
const MAX_SENTENCE = 400;

/** Whether text[i] ends a sentence (false past either end). */
const sentenceEndAt = (text: string, i: number): boolean => (ENDS[text.charCodeAt(i)]! & SENTENCE) !== 0;
/** Whether text[i] ends a clause (every sentence end does); false past either end. */
export const clauseEndAt = (text: string, i: number): boolean => (ENDS[text.charCodeAt(i)]! & CLAUSE) !== 0;

export interface Span {
  start: number;
  end: number;
}

/** Sentences of `text`, in order, covering it without gaps (terminators stay with their sentence). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ends = sentenceEndAt(text, i);
    if (ends || i - start >= MAX_SENTENCE) {
      let end = i + 1;
      if (!ends) end = softBreak(text, start, i);
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
    if (clauseEndAt(text, j) || text.charCodeAt(j) === 0x20) return j + 1;
  }
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit + 1 : limit;
}

/** The clause around [start, end): from the last clause break before it to the next one after. */
export function clauseAround(text: string, sentence: Span, start: number, end: number): Span {
  let a = start;
  while (a > sentence.start && !clauseEndAt(text, a - 1)) a--;
  let b = end;
  while (b < sentence.end && !clauseEndAt(text, b)) b++;
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
  while (a > 0 && start - a < MAX_SENTENCE && !sentenceEndAt(text, a - 1)) a--;
  let b = end;
  while (b < text.length && b - end < MAX_SENTENCE && !sentenceEndAt(text, b)) b++;
  return { start: a, end: b };
}
