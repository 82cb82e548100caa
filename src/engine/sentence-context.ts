import type { Token } from '../segment/index.js';
import type { Span } from '../core/sentences.js';

/**
 * No match, shared: nearly every evaluation of a sentence finds nothing, and a fresh empty
 * array for each was a good share of the scan's allocation (span lists are read-only for
 * that reason: one may be this, or a term's own hit list).
 */
export const NO_SPANS: readonly Span[] = [];

/** `a` then `b`: one of them as it is when the other is empty (the usual case), else a copy. */
export function concatSpans(a: readonly Span[], b: readonly Span[]): readonly Span[] {
  if (b.length === 0) return a;
  return a.length === 0 ? b : [...a, ...b];
}

/** Tokenises a piece of text; the segment stage's nodejieba wrapper in production. */
export type Tokenize = (text: string) => Token[];

/**
 * One sentence under evaluation: its literal-term hits (from the document's single automaton
 * pass) and, only if some rule asks for them, its jieba tokens — segmented at most once.
 */
export class SentenceContext {
  private tokenCache: Token[] | null = null;
  private sentenceText: string | null = null;
  private boundaries: { starts: Set<number>; ends: Set<number> } | null = null;

  constructor(
    /** The whole (masked, normalised) field text; offsets below are into it. */
    readonly text: string,
    readonly span: Span,
    /** Term id → occurrences inside this sentence. */
    readonly hits: Map<number, Span[]>,
    private readonly tokenize: Tokenize,
  ) {}

  get sentence(): string {
    return (this.sentenceText ??= this.text.slice(this.span.start, this.span.end));
  }

  /** jieba tokens of the sentence, offsets into the field text, whitespace tokens dropped. */
  tokens(): Token[] {
    if (!this.tokenCache) {
      const base = this.span.start;
      const tokens: Token[] = [];
      for (const t of this.tokenize(this.sentence)) {
        if (t.word.trim() !== '') tokens.push({ ...t, start: t.start + base, end: t.end + base });
      }
      this.tokenCache = tokens;
    }
    return this.tokenCache;
  }

  get segmented(): boolean {
    return this.tokenCache !== null;
  }

  /** Whether [start, end) starts and ends on token boundaries. */
  onTokenBoundaries(start: number, end: number): boolean {
    if (!this.boundaries) {
      const starts = new Set<number>();
      const ends = new Set<number>();
      for (const t of this.tokens()) {
        starts.add(t.start);
        ends.add(t.end);
      }
      this.boundaries = { starts, ends };
    }
    return this.boundaries.starts.has(start) && this.boundaries.ends.has(end);
  }

  /** The hits of these terms in the sentence, term by term (read-only: may be the hits' own list). */
  termSpans(ids: readonly number[]): readonly Span[] {
    // Mostly one term has hits: its own list then, without a copy.
    let out = NO_SPANS;
    for (const id of ids) out = concatSpans(out, this.hits.get(id) ?? NO_SPANS);
    return out;
  }
}
