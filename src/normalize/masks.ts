import { cpAt, cpBefore, hanAfter, rewrittenBefore } from './han.js';
import type { Lexicon } from './lexicon.js';
import { MapWriter } from './map-writer.js';
import { unchanged, type Normalized } from './normalized.js';

/*
 * Masked characters: 处*药 (处方药), 治×率, 保证●愈, and characters lost to a bad encoding
 * (U+FFFD). One or two mask symbols between or next to Han characters are filled in when the
 * characters around them spell a lexicon word with the masked ones missing. Inside a word
 * (处*药) that is enough; at its edge (干细*, *效) the word needs three written characters, or
 * the mask must stand for one character between this word and another lexicon word
 * (干细*疗法, 临□验证): one known character alone (病*) says too little. The word confirmed by
 * the most written characters wins; a tie between different fills changes nothing. The
 * filled-in character maps to the mask symbol it replaces.
 *
 * A mask symbol is also a padding separator (保*证*治*愈), which the separators step deletes
 * later; the two readings are told apart before filling anything: the symbol is padding when
 * the same symbol pads the single character next to it on the other side too (证*治*愈), or
 * when deleting it completes a lexicon word at least as well as filling it would (保*证: 保证).
 * A double mask must sit inside the word: 医疗机构** is a redaction, not 医疗机构制剂.
 */

// Not ○/◯: they stand for zero in dates (二○一○年).
const SYMBOLS = '*∗⁎✱✲٭×●□■※☆★\uFFFD';
const RUN = new RegExp(`[${SYMBOLS}]{1,3}`, 'gu');
const QUICK = new RegExp(`[${SYMBOLS}]`, 'u');
const CONTEXT = 12;

interface Fill {
  chars: readonly string[];
  known: number;
}

/** Whether some lexicon word is spelled by the start of `chars` (or by its end, `atEnd`). */
function spellsWord(chars: readonly string[], lexicon: Lexicon, atEnd: boolean): boolean {
  if (chars.length < 2) return false;
  const anchor = atEnd ? chars[chars.length - 1]! : chars[0]!;
  for (const [word, idx] of lexicon.containing(anchor)) {
    if (atEnd ? idx !== word.length - 1 : idx !== 0) continue;
    if (word.length > chars.length) continue;
    let ok = true;
    for (let x = 0; x < word.length && ok; x++) ok = (atEnd ? chars[chars.length - word.length + x] : chars[x]) === word[x];
    if (ok) return true;
  }
  return false;
}

function candidates(k: number, left: readonly string[], right: readonly string[], lexicon: Lexicon): Fill[] {
  const found: Fill[] = [];
  const consider = (word: readonly string[], j: number): void => {
    if (j < 0 || j + k > word.length) return;
    const known = word.length - k;
    const endsAtMask = j + k === word.length;
    const startsAtMask = j === 0;
    if (known < 1) return;
    for (let x = 0; x < j; x++) if (left[left.length - j + x] !== word[x]) return;
    for (let x = j + k; x < word.length; x++) if (right[x - j - k] !== word[x]) return;
    if (endsAtMask || startsAtMask) {
      // A mask at the edge of a word: three written characters of it, or a one-character mask
      // whose other side is a lexicon word too (临□验证, 干细*疗法, 终□受益).
      const other = endsAtMask ? spellsWord(right, lexicon, false) : spellsWord(left, lexicon, true);
      if (k > 1 || (known < 3 && !other)) return;
    }
    found.push({ chars: word.slice(j, j + k), known });
  };
  if (right.length > 0) for (const [word, idx] of lexicon.containing(right[0]!)) consider(word, idx - k);
  if (left.length > 0) for (const [word, idx] of lexicon.containing(left[left.length - 1]!)) consider(word, idx + 1);
  return found;
}

/**
 * The length of the longest lexicon word that `left` and `right` spell across the junction
 * when simply joined (0 if none): the reading of the symbol as padding.
 */
function joinedWord(left: readonly string[], right: readonly string[], lexicon: Lexicon): number {
  if (left.length === 0 || right.length === 0) return 0;
  let best = 0;
  for (const [word, idx] of lexicon.containing(right[0]!)) {
    if (idx === 0 || word.length <= best) continue;
    let ok = true;
    for (let x = 0; x < idx && ok; x++) ok = left[left.length - idx + x] === word[x];
    for (let x = idx + 1; x < word.length && ok; x++) ok = right[x - idx] === word[x];
    if (ok) best = word.length;
  }
  return best;
}

/** Fills masked characters of lexicon words (see above). */
export function fillMasks(text: string, lexicon: Lexicon): Normalized {
  if (!QUICK.test(text)) return unchanged(text);
  let out: MapWriter | undefined;
  let copied = 0;
  for (const m of text.matchAll(RUN)) {
    const at = m.index;
    const symbols = Array.from(m[0]);
    if (symbols.some((s) => s !== symbols[0])) continue;
    if (symbols.length > 2) continue; // a longer run is a redaction of unknown length
    const end = at + m[0].length;
    const k = symbols.length;
    let left: string[];
    ({ left, copied } = rewrittenBefore(text, at, CONTEXT, out, copied));
    const right = hanAfter(text, end, CONTEXT);
    if (left.length + right.length < 2) continue;
    // Padding rather than a mask?
    const sym = symbols[0]!.codePointAt(0);
    if (right.length === 1 && cpAt(text, end + right[0]!.length) === sym) continue;
    if (left.length === 1 && cpBefore(text, at - left[0]!.length) === sym) continue;

    let best: Fill[] = [];
    for (const fill of candidates(k, left, right, lexicon)) {
      if (best.length === 0 || fill.known > best[0]!.known) best = [fill];
      else if (fill.known === best[0]!.known) best.push(fill);
    }
    if (best.length === 0) continue;
    const chosen = best[0]!;
    if (best.some((f) => f.chars.join('') !== chosen.chars.join(''))) continue;
    if (joinedWord(left, right, lexicon) >= chosen.known) continue;
    out ??= new MapWriter(text.length);
    out.copy(text.slice(copied, at), copied);
    let p = at;
    chosen.chars.forEach((ch, x) => {
      const len = symbols[x]!.length;
      out!.emit(ch, p, p + len);
      p += len;
    });
    copied = end;
  }
  if (!out) return unchanged(text);
  out.copy(text.slice(copied), copied);
  return out.finish();
}
