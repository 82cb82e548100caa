import { JiebaSegmenter } from './segmenter.js';
import type { DictKind, Segmenter } from './types.js';

export type { DictKind, Segmenter, Token } from './types.js';
export { alignTokens, nativeSafe, type TaggedWord } from './align-tokens.js';
export { compactDictionary, COMPACT_VERSION } from './compact-dict.js';
export { dictionaryFiles, writeCompactDictionary, BUILT_DICT_DIR, CACHE_DICT_DIR, type DictionaryFiles } from './dict-files.js';

const segmenters = new Map<DictKind, Segmenter>();

/**
 * The process-wide segmenter for a dictionary kind (default `compact`). Nothing heavy happens
 * here: the dictionary loads on the first `tokens()` call.
 *
 * nodejieba holds one dictionary per process, so using both kinds in one process makes each
 * reload its dictionary (and the user words) whenever the other was used last: correct, but
 * slow if interleaved. A CLI run uses one kind.
 */
export function getSegmenter(options: { dict?: DictKind } = {}): Segmenter {
  const kind = options.dict ?? 'compact';
  let segmenter = segmenters.get(kind);
  if (!segmenter) {
    segmenter = new JiebaSegmenter(kind);
    segmenters.set(kind, segmenter);
  }
  return segmenter;
}
