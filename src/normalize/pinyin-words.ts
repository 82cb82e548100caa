import { cpAt, cpBefore, hanAfter, isHanCp, letterTouchesHan, rewrittenBefore } from './han.js';
import type { Lexicon } from './lexicon.js';
import { MapWriter } from '../core/map-writer.js';
import { unchanged, type Normalized } from './normalized.js';
import { PINYIN_LETTER, readsAs, syllabify, type Syllable } from './pinyin.js';
import { matchesOf } from '../core/match-reader.js';

/*
 * Pinyin written in place of characters: zhi愈, bao证, 治yu, bao证zhi愈, zhì愈, zhi4愈. A run of
 * pinyin letters touching a Han character is replaced by characters when, together with the
 * Han characters right around it, it spells a lexicon word: each syllable a reading of the
 * character it stands for, and at least one character of the word written as such (pure
 * pinyin, "baozheng", is left alone: it is as likely a name, a brand or a URL). When several
 * words fit, the one confirmed by the most written characters wins; a tie between different
 * characters is ambiguous and changes nothing. All-capital runs (AI, CT) are acronyms.
 *
 * Each restored character maps to the syllable it was written as.
 */

const L = PINYIN_LETTER;
// Letters with tone digits (zhi4yu4); a digit run longer than one is a number, not a tone.
// Each repetition starts with its tone digit, so a run splits one way only.
const RUN = new RegExp(`[${L}]+(?:[0-5](?![0-9])[${L}]+)*(?:[0-5](?![0-9]))?`, 'gu');
const LETTER = new RegExp(`[${L}]`, 'u');
/** Han characters of context looked at on each side. */
const CONTEXT = 12;

interface Fill {
  chars: readonly string[];
  syllables: readonly Syllable[];
  known: number;
}

/** Every lexicon word that `syllables` complete between `left` and `right`, as fills. */
function resolve(syllables: readonly Syllable[], left: readonly string[], right: readonly string[], lexicon: Lexicon): Fill[] {
  const m = syllables.length;
  const found: Fill[] = [];
  const consider = (word: readonly string[], j: number): void => {
    if (j < 0 || j + m > word.length) return;
    const known = word.length - m;
    if (known < 1) return;
    for (let k = 0; k < j; k++) if (left[left.length - j + k] !== word[k]) return;
    for (let k = j + m; k < word.length; k++) if (right[k - j - m] !== word[k]) return;
    for (let k = 0; k < m; k++) if (!readsAs(word[j + k]!, syllables[k]!.text)) return;
    found.push({ chars: word.slice(j, j + m), syllables, known });
  };
  if (right.length > 0) for (const [word, idx] of lexicon.containing(right[0]!)) consider(word, idx - m);
  if (left.length > 0) for (const [word, idx] of lexicon.containing(left[left.length - 1]!)) consider(word, idx + 1);
  return found;
}

/** Replaces pinyin standing for characters of lexicon words (see above). */
export function restorePinyinWords(text: string, lexicon: Lexicon): Normalized {
  if (!letterTouchesHan(text)) return unchanged(text);
  let out: MapWriter | undefined;
  let copied = 0;
  for (const m of matchesOf(text, RUN)) {
    const at = m.index;
    const run = m[0];
    const end = at + run.length;
    const before = cpBefore(text, at);
    const after = cpAt(text, end);
    if (!isHanCp(before) && !isHanCp(after)) continue;
    if (after !== undefined && LETTER.test(String.fromCodePoint(after))) continue;
    if (before !== undefined && before >= 0x30 && before <= 0x39) continue; // 2zhi: part of a code
    if (run.length > 1 && run === run.toUpperCase()) continue;
    // Left context as already rewritten (bao证zhi愈: 证 follows the restored 保).
    let left: string[];
    ({ left, copied } = rewrittenBefore(text, at, CONTEXT, out, copied));
    const right = hanAfter(text, end, CONTEXT);
    let best: Fill[] = [];
    for (const seq of syllabify(run)) {
      for (const fill of resolve(seq, left, right, lexicon)) {
        if (best.length === 0 || fill.known > best[0]!.known) best = [fill];
        else if (fill.known === best[0]!.known) best.push(fill);
      }
    }
    if (best.length === 0) continue;
    const chosen = best[0]!;
    if (best.some((f) => f.chars.join('') !== chosen.chars.join(''))) continue; // ambiguous
    out ??= new MapWriter(text.length);
    out.copy(text.slice(copied, at), copied);
    chosen.chars.forEach((ch, k) => {
      const s = chosen.syllables[k]!;
      out!.emit(ch, at + s.start, at + s.end);
    });
    copied = end;
  }
  if (!out) return unchanged(text);
  out.copy(text.slice(copied), copied);
  return out.finish();
}
