import { cpAt, hanBefore, letterTouchesHan } from './han.js';
import { MapWriter } from '../core/map-writer.js';
import { unchanged, type Normalized } from './normalized.js';
import { PINYIN_LETTER, readsAs, syllabify, type Syllable } from './pinyin.js';
import { matchesOf } from '../core/match-reader.js';

/*
 * Removes pinyin that ruby-annotated pages leave behind after the characters it annotates,
 * once the markup is gone: 當(dang)事人(ren), 加強(qiáng), 高(gao)(gao), 当dang事人ren,
 * 当事人(dang shi ren), 治(zhi4)愈. An annotation is deleted only when its syllables are
 * readings of the characters right before it, one syllable per character (any reading of a
 * polyphone counts), so real parentheticals — (化名), (协作单位), (单颗), (OTC), (X) — and
 * English words after Chinese ones stay. The deleted text is attached to the character before
 * it in the offset map, so a match ending at that character covers its annotation too.
 *
 * Runs after script conversion: the readings table holds Simplified characters.
 */

const L = PINYIN_LETTER;
// A parenthesised annotation (tone digits allowed, 0 for the neutral tone), or a bare run of
// pinyin letters: bare tone digits would be indistinguishable from a number that follows.
const CANDIDATE = new RegExp(`\\(\\s*[${L}][${L}0-5'’\\- ]*\\)|[${L}]+`, 'gu');
const LETTER = new RegExp(`[${L}]`, 'u');
/** The most characters one annotation may cover (当事人(dang shi ren)). */
const MAX_CHARS = 6;

/** Whether some reading of `run` has one syllable per character of `chars`, in order. */
export function annotates(run: string, chars: readonly string[]): boolean {
  if (chars.length === 0) return false;
  for (const seq of syllabify(run)) {
    if (seq.length > chars.length || seq.length === 0) continue;
    const base = chars.slice(chars.length - seq.length);
    if (seq.every((s: Syllable, k) => readsAs(base[k]!, s.text))) return true;
  }
  return false;
}

export function stripRubyAnnotations(text: string): Normalized {
  if (!letterTouchesHan(text)) return unchanged(text);
  let out: MapWriter | undefined;
  let copied = 0;
  // End of the last deleted annotation, and the characters it annotated, for chains: 高(gao)(gao).
  let chainEnd = -1;
  let chainChars: string[] = [];
  for (const m of matchesOf(text, CANDIDATE)) {
    const at = m.index;
    const raw = m[0];
    const paren = raw.startsWith('(');
    let chars: string[];
    if (at === chainEnd && paren) chars = chainChars;
    else chars = hanBefore(text, at, MAX_CHARS);
    if (chars.length === 0) continue;
    if (!paren) {
      // A bare run must be a whole word (the regex took every letter; a digit may follow).
      const after = cpAt(text, at + raw.length);
      if (after !== undefined && LETTER.test(String.fromCodePoint(after))) continue;
      // All-capital runs are acronyms (AI, CT), not ruby.
      if (raw.length > 1 && raw === raw.toUpperCase()) continue;
    }
    const run = paren ? raw.slice(1, -1).trim() : raw;
    if (!annotates(run, chars)) continue;
    out ??= new MapWriter(text.length);
    out.copy(text.slice(copied, at), copied);
    out.extendLast(at + raw.length);
    copied = at + raw.length;
    chainEnd = copied;
    chainChars = chars;
  }
  if (!out) return unchanged(text);
  out.copy(text.slice(copied), copied);
  return out.finish();
}
