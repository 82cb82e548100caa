import { stripInvisibles } from './invisibles.js';
import { defaultLexicon, type Lexicon } from './lexicon.js';
import { fillMasks } from './masks.js';
import { chain, unchanged, type Normalized } from './normalized.js';
import { restorePinyinWords } from './pinyin-words.js';
import { collapseRepeats } from './repeats.js';
import { stripRubyAnnotations } from './ruby.js';
import { toSimplified } from './script.js';
import { joinSeparatedHan } from './separators.js';
import { foldLookalikes } from './variants.js';
import { foldWidth } from './width-fold.js';

export type { Normalized } from './normalized.js';
export type { Lexicon } from './lexicon.js';
export { createLexicon, defaultLexicon } from './lexicon.js';
export { stripInvisibles } from './invisibles.js';
export { foldWidth } from './width-fold.js';
export { foldLookalikes } from './variants.js';
export { toSimplified, convertScript } from './script.js';
export { stripRubyAnnotations } from './ruby.js';
export { restorePinyinWords } from './pinyin-words.js';
export { fillMasks } from './masks.js';
export { joinSeparatedHan } from './separators.js';
export { collapseRepeats } from './repeats.js';

export interface NormalizeOptions {
  /** Traditional → Simplified. Default true. */
  script?: boolean;
  /** Join single Han characters padded with separators (保*证). Default true. */
  separators?: boolean;
  /** Further steps to leave out. */
  skip?: readonly StepName[];
  /**
   * Words that the pinyin, masks and repeats steps may restore (zhi愈, 处*药, 保保证证); default:
   * the Han words of the built-in rules plus a few whole claims (see lexicon.ts).
   */
  lexicon?: Lexicon;
}

export type StepName = 'invisibles' | 'width' | 'lookalikes' | 'script' | 'ruby' | 'pinyin' | 'masks' | 'separators' | 'repeats';

export interface NormalizeStep {
  name: StepName;
  /** Text after this step. */
  text: string;
  /** Maps `text` back to the input of `normalize`, through every step so far. */
  map: Normalized['map'];
}

/*
 * Order matters:
 * 1. invisibles first, so a zero-width character inside a cluster or a word cannot stop
 *    folding, conversion or joining from seeing the characters on either side;
 * 2. width folding next, so fullwidth separators (＊, U+3000), letters and parentheses and the
 *    compatibility forms of Han characters (CJK compatibility ideographs, Kangxi radicals) are
 *    in their ordinary form for the later steps;
 * 3. look-alikes (⻅ → 见, 薬 → 药, ロ between Han → 口) before script conversion, which then
 *    sees ordinary characters (⻑ → 长);
 * 4. script conversion on the folded text (opencc's dictionaries hold ordinary forms only);
 * 5. ruby annotations (當(dang)) once characters are Simplified, which the readings table holds,
 *    and before pinyin substitution, so an annotation is never taken for a substitute;
 * 6. masks (处*药) before separators, which would otherwise delete the mask as padding;
 * 7. separators once every separator is in its folded form and the Han characters on either
 *    side are final, so the "single Han character" test sees the real characters (a pinyin
 *    syllable in a padded chain counts as one: bao*证*治*愈 → bao证治愈);
 * 8. pinyin in place of characters (zhi愈) once padding is gone;
 * 9. repeats last, when padding between the copies (保保 证证) is gone.
 */
const STEPS: readonly { name: StepName; run: (text: string, lexicon: () => Lexicon) => Normalized; option?: 'script' | 'separators' }[] = [
  { name: 'invisibles', run: stripInvisibles },
  { name: 'width', run: foldWidth },
  { name: 'lookalikes', run: foldLookalikes },
  { name: 'script', run: toSimplified, option: 'script' },
  { name: 'ruby', run: stripRubyAnnotations },
  { name: 'masks', run: (t, lex) => fillMasks(t, lex()) },
  { name: 'separators', run: joinSeparatedHan, option: 'separators' },
  { name: 'pinyin', run: (t, lex) => restorePinyinWords(t, lex()) },
  { name: 'repeats', run: (t, lex) => collapseRepeats(t, lex()) },
];

function enabled(step: (typeof STEPS)[number], options: NormalizeOptions): boolean {
  if (step.option && options[step.option] === false) return false;
  return !options.skip?.includes(step.name);
}

/**
 * Every step's output, each with a map back to the original `text`. Steps switched off by
 * `options` are left out.
 */
export function normalizeSteps(text: string, options: NormalizeOptions = {}): NormalizeStep[] {
  const steps: NormalizeStep[] = [];
  let acc = unchanged(text);
  const lexicon = () => options.lexicon ?? defaultLexicon();
  for (const step of STEPS) {
    if (!enabled(step, options)) continue;
    acc = chain(acc, step.run(acc.text, lexicon));
    steps.push({ name: step.name, text: acc.text, map: acc.map });
  }
  return steps;
}

/** Normalises `text` for matching; `map` takes offsets in the result back to `text`. */
export function normalize(text: string, options: NormalizeOptions = {}): Normalized {
  let acc = unchanged(text);
  const lexicon = () => options.lexicon ?? defaultLexicon();
  for (const step of STEPS) {
    if (!enabled(step, options)) continue;
    acc = chain(acc, step.run(acc.text, lexicon));
  }
  return acc;
}
