import type { Token } from './types.js';

/** What nodejieba's `tag()` returns for each word. */
export interface TaggedWord {
  word: string;
  tag: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What we hand to the native segmenter: the text with each lone surrogate (which cannot be
 * encoded as UTF-8, so the binding would turn it into U+FFFD) already replaced by U+FFFD. It
 * has the same UTF-16 length, so offsets found in it are offsets in the text.
 */
export function nativeSafe(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

const WHITESPACE = /^\s+$/u;

/** Cheap pre-check: could `word` be whitespace only? (Most words start with a letter or Han.) */
function mayBeBlank(word: string): boolean {
  const c = word.charCodeAt(0);
  return c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || (c >= 0x2028 && c <= 0x202f) || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Finds each word in `text` and gives it exact UTF-16 offsets. jieba returns words, not
 * offsets, and it may drop or merge whitespace, so we walk the text: a word is expected at the
 * current position; if it is not there, we look for it further on (skipping what jieba
 * dropped). A word that cannot be found at all is left out rather than given made-up offsets.
 * `safe` is `nativeSafe(text)`, the string the words were computed from.
 */
export function alignTokens(text: string, safe: string, words: readonly TaggedWord[], base = 0, out: Token[] = []): Token[] {
  let pos = 0;
  for (const { word, tag } of words) {
    if (word.length === 0) continue;
    const at = safe.startsWith(word, pos) ? pos : safe.indexOf(word, pos);
    if (at < 0) continue;
    pos = at + word.length;
    if (mayBeBlank(word) && WHITESPACE.test(word)) continue;
    out.push({ word: text.slice(at, pos), tag, start: base + at, end: base + pos });
  }
  return out;
}
