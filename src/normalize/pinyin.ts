import { READINGS } from './data/readings.js';

/*
 * Pinyin for the steps that undo ruby annotations (當(dang)事人) and pinyin written in place of a
 * character (zhi愈). The readings are every toneless reading of the GB2312 characters and of
 * the characters of rule words (data/readings.ts, generated from pinyin-pro): a syllable
 * counts as "the reading of" a character when it is any of its readings, so polyphones
 * (处 chu, 当 dang) need no context.
 */

let byChar: Map<string, readonly string[]> | undefined;
let syllables: Set<string> | undefined;

function load(): void {
  if (byChar) return;
  const map = new Map<string, string[]>();
  const all = new Set<string>();
  for (const entry of READINGS.split('|')) {
    const colon = entry.indexOf(':');
    const syllable = entry.slice(0, colon);
    all.add(syllable);
    for (const c of entry.slice(colon + 1)) {
      const list = map.get(c);
      if (list) list.push(syllable);
      else map.set(c, [syllable]);
    }
  }
  byChar = map;
  syllables = all;
}

/** Toneless readings of a Han character (empty when unknown). */
export function readingsOf(ch: string): readonly string[] {
  load();
  return byChar!.get(ch) ?? [];
}

export function isSyllable(s: string): boolean {
  load();
  return syllables!.has(s);
}

export function readsAs(ch: string, syllable: string): boolean {
  return readingsOf(ch).includes(syllable);
}

const TONE_MARKS = /[\u0300-\u036f]/gu;

/** One Latin letter (or tone-marked vowel) → its toneless lower-case base; ü → v. '' if not a letter. */
export function baseLetter(unit: string): string {
  const c = unit.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return unit;
  if (c >= 0x41 && c <= 0x5a) return unit.toLowerCase();
  if (c < 0xc0 || c > 0x24f) return '';
  const base = unit.normalize('NFD').replace(TONE_MARKS, '').toLowerCase();
  if (base === 'u' && /[üǖǘǚǜÜǕǗǙǛ]/u.test(unit)) return 'v';
  return /^[a-z]$/.test(base) ? base : '';
}

/** Latin letters, tone-marked vowels and combining tone marks: what pinyin is written with. */
export const PINYIN_LETTER = 'A-Za-z\\u00C0-\\u024F\\u0300-\\u036F';

export interface Syllable {
  /** Toneless, lower case, ü as v. */
  text: string;
  /** Its span in the written run, tone digit included. */
  start: number;
  end: number;
}

/**
 * Every way to read `run` (pinyin letters, optional tone digits 0–5 after syllables, and
 * `'`, `-` or spaces between syllables) as a sequence of valid syllables, at most `limit`
 * of them. Offsets are relative to `run`. An empty array when it is not pinyin.
 */
export function syllabify(run: string, limit = 8): Syllable[][] {
  // Split into pieces at digits and separators; a digit must follow letters (a tone).
  const pieces: { letters: string; at: number[]; end: number }[] = [];
  let cur: { letters: string; at: number[]; end: number } | null = null;
  for (let i = 0; i < run.length; i++) {
    const ch = run[i]!;
    const c = ch.charCodeAt(0);
    if (c >= 0x300 && c <= 0x36f) {
      if (!cur) return [];
      cur.end = i + 1;
      continue;
    }
    if (c >= 0x30 && c <= 0x35) {
      if (!cur) return [];
      cur.end = i + 1;
      pieces.push(cur);
      cur = null;
      continue;
    }
    if (ch === "'" || ch === '’' || ch === '-' || ch === ' ') {
      if (cur) pieces.push(cur);
      cur = null;
      continue;
    }
    const b = baseLetter(ch);
    if (!b) return [];
    cur ??= { letters: '', at: [], end: i };
    cur.letters += b;
    cur.at.push(i);
    cur.end = i + 1;
  }
  if (cur) pieces.push(cur);
  if (pieces.length === 0) return [];

  let results: Syllable[][] = [[]];
  for (const piece of pieces) {
    const splits = segmentLetters(piece.letters, limit);
    if (splits.length === 0) return [];
    const next: Syllable[][] = [];
    for (const prefix of results) {
      for (const split of splits) {
        const seq = [...prefix];
        let from = 0;
        split.forEach((len, k) => {
          const start = piece.at[from]!;
          const last = k === split.length - 1;
          const end = last ? piece.end : piece.at[from + len]!;
          seq.push({ text: piece.letters.slice(from, from + len), start, end });
          from += len;
        });
        next.push(seq);
        if (next.length >= limit) break;
      }
      if (next.length >= limit) break;
    }
    results = next;
  }
  return results;
}

// Syllables without a vowel (嗯 n, ng; 呣 m; 哼 hm, hng): real readings, but as pieces of a
// longer run they only add false splits (xian → xi + a + n).
const NO_VOWEL = new Set(['n', 'ng', 'm', 'hm', 'hng']);

/** Ways to cut `letters` into valid syllables, as lists of lengths (at most `limit`). */
function segmentLetters(letters: string, limit: number): number[][] {
  load();
  if (NO_VOWEL.has(letters)) return [[letters.length]];
  const out: number[][] = [];
  const walk = (from: number, acc: number[]): void => {
    if (out.length >= limit) return;
    if (from === letters.length) {
      out.push([...acc]);
      return;
    }
    // Longest first: "xian" before "xi" + "an".
    for (let len = Math.min(6, letters.length - from); len >= 1; len--) {
      const piece = letters.slice(from, from + len);
      if (syllables!.has(piece) && !NO_VOWEL.has(piece)) {
        acc.push(len);
        walk(from + len, acc);
        acc.pop();
      }
    }
  };
  walk(0, []);
  return out;
}
