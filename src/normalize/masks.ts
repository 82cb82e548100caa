import { MASK_PLACEHOLDER, NOT_PLACEHOLDER } from '../core/mask-placeholder.js';
import { cpAt, cpBefore, hanAfter, hanBefore, isHanCp, rewrittenBefore } from './han.js';
import type { Lexicon } from './lexicon.js';
import { MapWriter } from '../core/map-writer.js';
import { unchanged, type Normalized } from './normalized.js';
import { matchesOf } from '../core/match-reader.js';

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
 *
 * In a padded chain the mask is one of the padded characters: 保*●*治*愈 and 保*证***愈 (the
 * middle of pad-symbol-pad), 不 ● 发 (between equal runs of spaces), when the characters on
 * both sides are single padded ones and the symbol pads none of them (国 * 家 * 卫 is padding).
 * It is filled from the chain's characters the same way; the separators step joins the chain.
 *
 * A single mask that no lexicon word fills unambiguously (独家*法: 疗法 or 技法?) becomes
 * MASK_PLACEHOLDER (core/mask-placeholder.ts), which matching lets stand for any one Han
 * character (rules/wildcard.ts), but only where it reads as a disguise: inside a run of Han
 * characters, three of them at least (独家*法; not 第*号, which a term would need whole), right
 * after three of them (保证治*) and not before a letter or digit (疗效显著*1, a footnote), or
 * as a chain slot with characters around it that a known word confirms (不 ● 发). Never for
 * padding (as above), a double or longer run (**加粗**, 医疗机构**户), a redacted number
 * (二级医院*户: before a measure word, after no numeral), a symbol after a lone character or
 * before any Han character (病*, *注：, * 列表), or the decorations ※ ☆ ★. Digits and letters
 * around the symbol (8*8, abc*123, 0.4g×60粒) are not Han: left alone. A placeholder already
 * in the input (an icon font's private-use glyph) becomes another private-use character, so
 * that it cannot match anything.
 */

// Not ○/◯: they stand for zero in dates (二○一○年).
const SYMBOLS = '*∗⁎✱✲٭×●□■※☆★\uFFFD';
// A run of mask symbols, or a placeholder that was already in the input.
const RUN = new RegExp(`[${SYMBOLS}]{1,3}|${MASK_PLACEHOLDER}`, 'gu');
const QUICK = new RegExp(`[${SYMBOLS}${MASK_PLACEHOLDER}]`, 'u');
const CONTEXT = 12;
/** Symbols that may become MASK_PLACEHOLDER: not the reference mark and stars (decorations). */
const WILDCARD_SYMBOLS = new Set(Array.from('*∗⁎✱✲٭×●□■\uFFFD', (c) => c.codePointAt(0)!));
/** Counted things: a mask right before one, after a noun (医院*户), redacts a number. */
const MEASURE = new Set(Array.from('户元例个次件起项'));
const NUMERAL = new Set(Array.from('数几一二三四五六七八九十百千万两多余第'));

interface Fill {
  chars: readonly string[];
  known: number;
}

/** A run of one character, maybe doubled or tripled (证, 证证: the repeats step collapses those). */
function oneCharacter(run: readonly string[]): boolean {
  return run.length >= 1 && run.length <= 3 && run.every((c) => c === run[0]);
}

/**
 * Whether the symbol at [at, end) pads: the same symbol stands on the far side of the single
 * (or doubled) character next to it (证*治*愈, 保保*证证*治治).
 */
function padsCharacter(text: string, at: number, end: number, sym: number): boolean {
  const right = hanAfter(text, end, 4);
  if (oneCharacter(right) && cpAt(text, end + right.join('').length) === sym) return true;
  const left = hanBefore(text, at, 4);
  return oneCharacter(left) && cpBefore(text, at - left.join('').length) === sym;
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

/**
 * Whether a single symbol that nothing fills reads as a masked character (see above); the
 * padding readings have been ruled out by then.
 */
function disguisesCharacter(text: string, end: number, sym: number, left: readonly string[], right: readonly string[]): boolean {
  if (!WILDCARD_SYMBOLS.has(sym) || left.length === 0 || left.length + right.length < 3) return false;
  if (right.length > 0) return !(MEASURE.has(right[0]!) && !NUMERAL.has(left[left.length - 1]!));
  if (left.length < 3) return false;
  const next = cpAt(text, end);
  return next === undefined || !((next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a));
}

interface ChainSlot {
  /** The mask symbol standing for a character, and where it ends. */
  at: number;
  end: number;
  left: string[];
  right: string[];
}

/** The single Han characters of a padded chain, read outwards from `from` (`dir` -1: leftwards). */
function chainChars(text: string, from: number, pad: string, dir: 1 | -1): string[] | null {
  const out: string[] = [];
  let q = from;
  while (out.length < CONTEXT) {
    const cp = dir === 1 ? cpAt(text, q) : cpBefore(text, q);
    if (!isHanCp(cp)) return out.length > 0 ? out : null;
    const ch = String.fromCodePoint(cp!);
    if (dir === 1) out.push(ch);
    else out.unshift(ch);
    q += dir * ch.length;
    if (isHanCp(dir === 1 ? cpAt(text, q) : cpBefore(text, q))) return null; // a word, not a padded single character
    // Another padded character further out?
    const padded = dir === 1 ? text.startsWith(pad, q) : text.slice(q - pad.length, q) === pad;
    if (!padded || !isHanCp(dir === 1 ? cpAt(text, q + pad.length) : cpBefore(text, q - pad.length))) break;
    q += dir * pad.length;
  }
  return out;
}

/**
 * A mask symbol standing for a character inside a padded chain: 保*●*治*愈 (the middle of a
 * run pad-symbol-pad, also 保*证***愈) or 不 ● 发 (between equal runs of spaces), with single
 * padded characters on both sides. The separators step deletes the padding afterwards.
 */
function chainSlot(text: string, at: number, symbols: readonly string[]): ChainSlot | null {
  let x: number;
  let pad: string;
  if (symbols.length === 3 && symbols[0] === symbols[2]) {
    pad = symbols[0]!;
    x = at + pad.length;
  } else if (symbols.length === 1) {
    let n = 0;
    while (n < 2 && text[at - 1 - n] === ' ') n++;
    if (n === 0 || text[at - 1 - n] === ' ') return null;
    pad = ' '.repeat(n);
    x = at;
    const after = x + symbols[0]!.length;
    if (text.slice(after, after + n) !== pad || text[after + n] === ' ') return null;
  } else return null;
  const xEnd = x + symbols[symbols.length === 3 ? 1 : 0]!.length;
  const left = chainChars(text, x - pad.length, pad, -1);
  const right = chainChars(text, xEnd + pad.length, pad, 1);
  if (!left || !right) return null;
  // The same symbol padding a neighbour on its far side pads them all (国 * 家 * 卫).
  const sym = text.slice(x, xEnd);
  const h1Start = x - pad.length - left[left.length - 1]!.length;
  const h2End = xEnd + pad.length + right[0]!.length;
  if (text.slice(h1Start - sym.length - pad.length, h1Start) === sym + pad || text.startsWith(pad + sym, h2End)) return null;
  return { at: x, end: xEnd, left, right };
}

/** What a chain slot becomes: the one lexicon fill, else the placeholder, or null (padding). */
function chainFill(slot: ChainSlot, text: string, lexicon: Lexicon): string | null {
  const { left, right } = slot;
  let best: Fill[] = [];
  for (const fill of candidates(1, left, right, lexicon)) {
    if (best.length === 0 || fill.known > best[0]!.known) best = [fill];
    else if (fill.known === best[0]!.known) best.push(fill);
  }
  const joined = joinedWord(left, right, lexicon);
  const chosen = best[0];
  if (chosen && best.every((f) => f.chars[0] === chosen.chars[0])) return joined >= chosen.known ? null : chosen.chars[0]!;
  // Between two lone characters (中 ● 美) only a known three-character word makes it a slot.
  if (left.length + right.length < 3 && !chosen) return null;
  return joined === 0 && WILDCARD_SYMBOLS.has(text.codePointAt(slot.at)!) ? MASK_PLACEHOLDER : null;
}

/**
 * Fills masked characters of lexicon words, and leaves MASK_PLACEHOLDER for a disguising mask
 * that no word fills (see above).
 */
export function fillMasks(text: string, lexicon: Lexicon): Normalized {
  if (!QUICK.test(text)) return unchanged(text);
  let out: MapWriter | undefined;
  let copied = 0;
  for (const m of matchesOf(text, RUN)) {
    const at = m.index;
    if (m[0] === MASK_PLACEHOLDER) {
      // The input's own private-use character (an icon glyph) must not act as a wildcard.
      out ??= new MapWriter(text.length);
      out.copy(text.slice(copied, at), copied);
      out.emit(NOT_PLACEHOLDER, at, at + 1);
      copied = at + 1;
      continue;
    }
    const symbols = Array.from(m[0]);
    const slot = chainSlot(text, at, symbols);
    if (slot) {
      const fill = chainFill(slot, text, lexicon);
      if (fill !== null) {
        out ??= new MapWriter(text.length);
        out.copy(text.slice(copied, slot.at), copied);
        out.emit(fill, slot.at, slot.end);
        copied = slot.end;
      }
      continue;
    }
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
    if (padsCharacter(text, at, end, sym!)) continue;

    let best: Fill[] = [];
    for (const fill of candidates(k, left, right, lexicon)) {
      if (best.length === 0 || fill.known > best[0]!.known) best = [fill];
      else if (fill.known === best[0]!.known) best.push(fill);
    }
    const chosen = best[0];
    const joined = joinedWord(left, right, lexicon);
    if (!chosen || best.some((f) => f.chars.join('') !== chosen.chars.join(''))) {
      // No single fill: a wildcard, unless the symbol reads as padding (保*证: 保证).
      if (k === 1 && joined === 0 && disguisesCharacter(text, end, sym!, left, right)) {
        out ??= new MapWriter(text.length);
        out.copy(text.slice(copied, at), copied);
        out.emit(MASK_PLACEHOLDER, at, end);
        copied = end;
      }
      continue;
    }
    if (joined >= chosen.known) continue;
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
