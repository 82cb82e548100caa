import { cpAt, cpBefore, hanAfter, isHanCp, rewrittenBefore } from './han.js';
import type { Lexicon } from './lexicon.js';
import { MapWriter } from '../core/map-writer.js';
import { unchanged, type Normalized } from './normalized.js';

/*
 * Doubled characters: 保保证证治治愈愈, 包治治百病, 治愈愈, 彻彻底底. A run of one repeated Han
 * character is collapsed to one character when
 *   - it belongs to a chain of doubled characters (a doubled neighbour right before or after):
 *     保保证证 → 保证. Chinese reduplicates two-character words as AABB, and collapsing that
 *     keeps the meaning (彻彻底底 → 彻底, 明明白白 → 明白); longer chains are never ordinary
 *     writing; or
 *   - the single character completes a lexicon word with the text on one side (包治治百病,
 *     独家家, 患者者) — but not when it completes one on each side, which is two words meeting
 *     (行动|动员), nor when the doubled pair itself occurs in a lexicon word (肉毒毒素).
 * Collapsing cannot invent a match of two characters: both pairs it leaves (X|A and A|Y) were
 * in the text already; only longer words spanning the run are new, and those are the point.
 * The kept character maps to the whole run, so a match covers every copy.
 */

/** Runs of one Han character repeated, found with a plain loop (a backreference regex is slower). */
function* doubledRuns(text: string): Generator<{ ch: string; at: number; end: number }> {
  const n = text.length;
  let i = 0;
  while (i + 1 < n) {
    const c = text.charCodeAt(i);
    // Cheap test first: a doubled BMP character repeats its unit; an astral one starts with a
    // high surrogate.
    if (c < 0x3400 || (c !== text.charCodeAt(i + 1) && (c < 0xd800 || c > 0xdbff))) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (text.codePointAt(i + w) !== cp || !isHanCp(cp)) {
      i += w;
      continue;
    }
    let end = i + 2 * w;
    while (text.codePointAt(end) === cp) end += w;
    yield { ch: text.slice(i, i + w), at: i, end };
    i = end;
  }
}
const CONTEXT = 12;

/** Whether some lexicon word has `c` at its end (after `left`) / its start (before `right`) / inside. */
function wordsAround(c: string, left: readonly string[], right: readonly string[], lexicon: Lexicon): { ending: boolean; starting: boolean; inside: boolean } {
  const found = { ending: false, starting: false, inside: false };
  for (const [word, idx] of lexicon.containing(c)) {
    let ok = true;
    for (let x = 0; x < idx && ok; x++) ok = left[left.length - idx + x] === word[x];
    for (let x = idx + 1; x < word.length && ok; x++) ok = right[x - idx - 1] === word[x];
    if (!ok) continue;
    if (idx === 0) found.starting = true;
    else if (idx === word.length - 1) found.ending = true;
    else found.inside = true;
  }
  return found;
}

/** Whether a doubled Han character starts at `i` / ends at `i`. */
function doubledAt(text: string, i: number): boolean {
  const a = cpAt(text, i);
  if (!isHanCp(a)) return false;
  return cpAt(text, i + String.fromCodePoint(a!).length) === a;
}
function doubledBefore(text: string, i: number): boolean {
  const a = cpBefore(text, i);
  if (!isHanCp(a)) return false;
  return cpBefore(text, i - String.fromCodePoint(a!).length) === a;
}

/** Collapses doubled characters that hide a lexicon word (see above). */
export function collapseRepeats(text: string, lexicon: Lexicon): Normalized {
  let out: MapWriter | undefined;
  let copied = 0;
  for (const m of doubledRuns(text)) {
    const c = m.ch;
    const at = m.at;
    const end = m.end;
    const reduplicated = doubledAt(text, end) || doubledBefore(text, at);
    if (!reduplicated && lexicon.hasBigram(c, c)) continue;
    let left: string[];
    ({ left, copied } = rewrittenBefore(text, at, CONTEXT, out, copied));
    // The right side may itself be doubled (保保|证证): read it collapsed.
    const right = collapsedRun(hanAfter(text, end, CONTEXT * 2)).slice(0, CONTEXT);
    if (!reduplicated) {
      const w = wordsAround(c, left, right, lexicon);
      if (!w.inside && w.ending === w.starting) continue; // no word, or two words meeting
    }
    out ??= new MapWriter(text.length);
    out.copy(text.slice(copied, at), copied);
    out.emit(c, at, end);
    copied = end;
  }
  if (!out) return unchanged(text);
  out.copy(text.slice(copied), copied);
  return out.finish();
}

function collapsedRun(chars: string[]): string[] {
  return chars.filter((c, i) => i === 0 || chars[i - 1] !== c);
}
