/** A word of the given text, with its part-of-speech tag (jieba's ICTCLAS-style tag set). */
export interface Token {
  word: string;
  tag: string;
  /** UTF-16 offsets in the text given to `tokens()`. */
  start: number;
  end: number;
}

export interface Segmenter {
  /**
   * Tokens in text order, with POS tags; loads the dictionary on first use. Tokens never
   * overlap, `text.slice(start, end) === word` always holds, and whitespace is not a token.
   */
  tokens(text: string): Token[];
  /**
   * Terms (typically rule terms) that should segment as one token. Process-wide: they apply to
   * every segmenter. May be called before or after loading.
   */
  addWords(words: Iterable<string>): void;
  readonly loaded: boolean;
  /** How long loading the dictionary took, in ms (0 before). */
  readonly loadMs: number;
}

/** `compact`: our filtered dictionary (fast start-up); `full`: nodejieba's default ones. */
export type DictKind = 'compact' | 'full';
