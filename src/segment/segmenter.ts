import { alignTokens, nativeSafe } from './align-tokens.js';
import { dictionaryFiles } from './dict-files.js';
import { activeKind, addUserWords, loadDictionary, tagWords } from './native.js';
import type { DictKind, Segmenter, Token } from './types.js';

// jieba splits at line breaks anyway; feeding it pieces of about this size keeps the native
// copies of the input and of the result arrays small on very large texts.
const CHUNK = 1 << 16;

const BREAKS = new Set(['\n', '。', '！', '？', '；', '，', '!', '?', ';', ',', ' ', '\t']);

/**
 * Where to cut `text` near `from + CHUNK`: after the last line break or punctuation mark
 * before that (so no word is cut in two), else at the limit, never inside a surrogate pair.
 */
function chunkEnd(text: string, from: number): number {
  const limit = from + CHUNK;
  if (limit >= text.length) return text.length;
  for (let i = limit - 1; i > from + CHUNK / 2; i--) if (BREAKS.has(text[i]!)) return i + 1;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit + 1 : limit;
}

export class JiebaSegmenter implements Segmenter {
  private ms = 0;

  constructor(readonly kind: DictKind) {}

  get loaded(): boolean {
    return activeKind() === this.kind;
  }

  get loadMs(): number {
    return this.ms;
  }

  tokens(text: string): Token[] {
    if (text.length === 0) return [];
    this.load();
    const out: Token[] = [];
    for (let from = 0; from < text.length; ) {
      const to = chunkEnd(text, from);
      const piece = text.slice(from, to);
      const safe = nativeSafe(piece);
      alignTokens(piece, safe, tagWords(safe), from, out);
      from = to;
    }
    return out;
  }

  addWords(words: Iterable<string>): void {
    addUserWords(words);
  }

  /** Loads this segmenter's dictionary unless it is the one the native side holds. */
  private load(): void {
    if (this.loaded) return;
    const started = performance.now();
    loadDictionary(this.kind, dictionaryFiles(this.kind));
    this.ms = performance.now() - started;
  }
}
