import { stripInvisibles } from './invisibles.js';
import { chain, unchanged, type Normalized } from './normalized.js';
import { toSimplified } from './script.js';
import { joinSeparatedHan } from './separators.js';
import { foldWidth } from './width-fold.js';

export type { Normalized } from './normalized.js';
export { stripInvisibles } from './invisibles.js';
export { foldWidth } from './width-fold.js';
export { toSimplified, convertScript } from './script.js';
export { joinSeparatedHan } from './separators.js';

export interface NormalizeOptions {
  /** Traditional → Simplified. Default true. */
  script?: boolean;
  /** Join single Han characters padded with separators (保*证). Default true. */
  separators?: boolean;
}

export type StepName = 'invisibles' | 'width' | 'script' | 'separators';

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
 * 2. width folding next, so fullwidth separators (＊, U+3000) and compatibility forms of Han
 *    characters (CJK compatibility ideographs) are in their ordinary form for the later steps;
 * 3. script conversion on the folded text (opencc's dictionaries hold ordinary forms only);
 * 4. separators last, once every separator is in its folded form and the Han characters on
 *    either side are final, so the "single Han character" test sees the real characters.
 */
const STEPS: readonly { name: StepName; run: (text: string) => Normalized; option?: keyof NormalizeOptions }[] = [
  { name: 'invisibles', run: stripInvisibles },
  { name: 'width', run: foldWidth },
  { name: 'script', run: toSimplified, option: 'script' },
  { name: 'separators', run: joinSeparatedHan, option: 'separators' },
];

/**
 * Every step's output, each with a map back to the original `text`. Steps switched off by
 * `options` are left out.
 */
export function normalizeSteps(text: string, options: NormalizeOptions = {}): NormalizeStep[] {
  const steps: NormalizeStep[] = [];
  let acc = unchanged(text);
  for (const step of STEPS) {
    if (step.option && options[step.option] === false) continue;
    acc = chain(acc, step.run(acc.text));
    steps.push({ name: step.name, text: acc.text, map: acc.map });
  }
  return steps;
}

/** Normalises `text` for matching; `map` takes offsets in the result back to `text`. */
export function normalize(text: string, options: NormalizeOptions = {}): Normalized {
  let acc = unchanged(text);
  for (const step of STEPS) {
    if (step.option && options[step.option] === false) continue;
    acc = chain(acc, step.run(acc.text));
  }
  return acc;
}
