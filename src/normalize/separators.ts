import { MASK_PLACEHOLDER_CP } from '../core/mask-placeholder.js';
import { MapWriter } from '../core/map-writer.js';
import { lazyBmpTable } from './bmp-table.js';
import { unchanged, type Normalized } from './normalized.js';
import { syllabify } from './pinyin.js';

/*
 * Undoes separator padding used to dodge keyword filters: 保*证*治*愈, 不 复 发, 包·治·百·病,
 * 根-治, 保_证. Writers space out single characters only to defeat matching, whereas spaces
 * between words (张三 李四, 记者 李明, 北京 上海) or one separator between two phrases
 * (复方板蓝根颗粒 用于缓解…) are ordinary layout. So, inside one line, we look at chains of
 * Han runs joined by separator runs and split them into groups at every Han run longer than
 * one character; such a run can still end or start a group (本院保*证*治*愈: 本院保 is glued to
 * the first padded character). A group is joined when
 *   - it has at least two separators and at least two of its Han runs are single characters
 *     (不 复 发, 本院不 复 发, 专家 保 证 治 愈 — but not 今天 我 很高兴), or
 *   - every separator in it contains a symbol and at least one of its Han runs is a single
 *     character (根-治, 保_证, 本院根-治 — but not 北京-上海 or 卡尔·马克思).
 * The two-character case with a plain space (保 证) is ambiguous — it is just as likely a name
 * or a column layout — while a symbol (* · - _ ~ / | # + . or an emoji) between two Han
 * characters has no business in normal prose, hence the asymmetry.
 *
 * Separator runs never contain a line break or sentence punctuation (。！？!?；;，,：:), nor
 * 、, which is a real enumeration comma, so nothing is joined across them. A doubled symbol
 * (__, **, --, ..) is a fill-in blank, a redaction or a dash (20__年__月, 医疗机构**户), not
 * padding, so it breaks the chain too.
 */

/** Layout whitespace: space, tab, no-break and ideographic spaces (in case folding was off). */
function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000 || cp === 0x202f || cp === 0x2800 || (cp >= 0x2000 && cp <= 0x200a);
}

const SYMBOLS = new Set(
  [
    '*', '·', '•', '-', '_', '/', '~', '.', '|', '+', '#',
    // Look-alikes that survive NFKC: katakana, hyphenation and bullet-operator dots, wave dash.
    '・', '‧', '∙', '⋅', '〜', '‐',
    // Fullwidth forms, for when width folding was skipped.
    '＊', '－', '＿', '／', '～', '．', '｜', '＋', '＃', '･',
    // More fillers: carets, equals, backslash, at, ampersand, dashes, and the mask
    // symbols (masks.ts fills those that hide a character before this step runs).
    '^', '=', '`', '\\', '@', '&', '—', '–', '∗', '⁎', '✱', '×', '●', '□', '■', '※', '☆', '★', '〓',
  ].map((s) => s.codePointAt(0)!),
);

// Emoji, and any other symbol (dingbats ✿ ❤ ♪, arrows, math ± ≈, modifier letters ˇ, dashes and
// connectors ‿ ﹏): nothing a writer puts between two characters of one word on purpose.
const EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200D\uFE0F\u20E3\p{So}\p{Sm}\p{Sk}\p{Pd}\p{Pc}]$/u;
const HAN = /^\p{Script=Han}$/u;

const HAN_CHAR = 1;
const SPACE = 2;
const SYMBOL = 3;
const OTHER = 0;

// White circles stand for zero in dates and numbers (二○一○年), like 〇: never padding.
const ZERO_LIKE = new Set([0x25cb, 0x25ef, 0x26aa]);

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  // A masked character left by the masks step (保*<ph>*治*愈) is padded like the others.
  if (HAN.test(ch) || cp === MASK_PLACEHOLDER_CP) return HAN_CHAR;
  if (ZERO_LIKE.has(cp)) return OTHER;
  if (isSpace(cp)) return SPACE;
  if (SYMBOLS.has(cp) || EMOJI.test(ch)) return SYMBOL;
  return OTHER;
}

const bmpKind = lazyBmpTable((cp) => (cp >= 0xd800 && cp <= 0xdfff ? OTHER : classify(cp)));

function kindOf(cp: number): number {
  return cp > 0xffff ? classify(cp) : bmpKind(cp);
}

interface Span {
  start: number;
  end: number;
  /** A run of pinyin letters standing for one character (保*证*zhi4*愈), not Han. */
  pinyin: boolean;
}
interface Gap {
  start: number;
  end: number;
  /** Whether the separator run contains a symbol rather than only whitespace. */
  symbol: boolean;
  /** Whether it contains a doubled symbol (a blank or redaction, not padding). */
  placeholder: boolean;
  /** Its last code point, to spot doubled symbols. */
  lastCp: number;
}

/**
 * Whether a run stands for one character: one Han character (an astral one is two UTF-16
 * units), one character doubled or tripled (保保*证证*治治*愈愈: the repeats step collapses
 * those), or one pinyin syllable.
 */
function isSingle(text: string, run: Span): boolean {
  if (run.pinyin) return true;
  const n = run.end - run.start;
  if (n === 1 || (n === 2 && text.codePointAt(run.start)! > 0xffff)) return true;
  const first = text.codePointAt(run.start)!;
  const width = first > 0xffff ? 2 : 1;
  if (n > 3 * width || n % width !== 0) return false;
  for (let i = run.start + width; i < run.end; i += width) if (text.codePointAt(i) !== first) return false;
  return true;
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f);

/**
 * The end of a one-syllable pinyin run (tone digit included) starting at `i` — a whole
 * letter run, followed by a separator when `needGap` — or -1. Cheap checks first: this runs
 * at every letter run that continues or might start a chain.
 */
function pinyinSyllableEnd(text: string, i: number, needGap: boolean): number {
  if (i > 0 && isLetter(text.charCodeAt(i - 1))) return -1;
  let j = i;
  while (j < text.length && j - i <= 8 && isLetter(text.charCodeAt(j))) j++;
  if (j - i > 7) return -1;
  const d = text.charCodeAt(j);
  if (d >= 0x30 && d <= 0x35 && !(j + 1 < text.length && isDigit(text.charCodeAt(j + 1)))) j++;
  if (j < text.length) {
    const after = text.codePointAt(j)!;
    if (isLetter(after) || isDigit(after)) return -1;
    const k = kindOf(after);
    if (needGap && k !== SPACE && k !== SYMBOL) return -1;
  }
  const run = text.slice(i, j);
  if (run !== run.toLowerCase()) return -1; // A, AI, Ok: letters and acronyms, not pinyin for a character
  return syllabify(run).some((seq) => seq.length === 1) ? j : -1;
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The chain being read: runs[0..runCount) and gaps[0..gapCount), runs[k], gaps[k],
 * runs[k + 1], … with nothing else in between. Most characters end a chain (punctuation,
 * digits, letters) and most chains are one lone run, so the objects are kept and reused from
 * chain to chain and call to call: fresh ones for each were nearly all of this step's
 * allocation.
 */
class Chain {
  readonly runs: Span[] = [];
  readonly gaps: Gap[] = [];
  /** Whether each run stands for one character (see isSingle), filled by `gapsToDelete`. */
  private readonly single: boolean[] = [];
  runCount = 0;
  gapCount = 0;
  /** The separator run after the last run, not yet followed by another run: gaps[gapCount]. */
  pending: Gap | null = null;

  lastRun(): Span | null {
    return this.runCount > 0 ? this.runs[this.runCount - 1]! : null;
  }

  addRun(start: number, end: number, pinyin: boolean): void {
    const run = this.runs[this.runCount];
    if (run) {
      run.start = start;
      run.end = end;
      run.pinyin = pinyin;
    } else this.runs.push({ start, end, pinyin });
    this.runCount++;
  }

  openGap(start: number, end: number, symbol: boolean, cp: number): void {
    let gap = this.gaps[this.gapCount];
    if (!gap) this.gaps.push((gap = { start, end, symbol, placeholder: false, lastCp: cp }));
    else {
      gap.start = start;
      gap.end = end;
      gap.symbol = symbol;
      gap.placeholder = false;
      gap.lastCp = cp;
    }
    this.pending = gap;
  }

  /** The pending gap joins the chain (a run follows it). */
  commitGap(): void {
    this.gapCount++;
    this.pending = null;
  }

  /** Ends the chain: its gaps to delete go to `deleted`. */
  flush(text: string, deleted: { start: number; end: number }[]): void {
    if (this.gapCount > 0) this.gapsToDelete(text, deleted);
    this.clear();
  }

  clear(): void {
    this.runCount = 0;
    this.gapCount = 0;
    this.pending = null;
  }

  /** Appends the chain's gaps to delete to `out` (as copies: the chain's objects are reused). */
  gapsToDelete(text: string, out: { start: number; end: number }[]): void {
    const { runs, gaps, single, gapCount } = this;
    for (let r = 0; r < this.runCount; r++) single[r] = isSingle(text, runs[r]!);
    let k = 0;
    while (k < gapCount) {
      // The group is gaps[k..m]; the runs strictly inside it are single characters.
      let m = k;
      while (m + 1 < gapCount && single[m + 1]) m++;
      let singles = 0;
      for (let r = k; r <= m + 1; r++) if (single[r]) singles++;
      let allSymbols = true;
      for (let g = k; g <= m; g++) allSymbols &&= gaps[g]!.symbol;
      // Pinyin only rides along with real characters: A * B * C stays.
      let han = 0;
      for (let r = k; r <= m + 1; r++) if (!runs[r]!.pinyin) han++;
      const count = m - k + 1;
      if (han >= 2 && ((count >= 2 && singles >= 2) || (allSymbols && singles >= 1))) {
        for (let g = k; g <= m; g++) out.push({ start: gaps[g]!.start, end: gaps[g]!.end });
      }
      k = m + 1;
    }
  }
}

const CHAIN = new Chain();

/**
 * Whether some separator follows a Han character, a letter or a digit (a pinyin syllable's
 * tone): without one there is nothing to join. One table lookup per unit, several times
 * cheaper than the full pass, and most text has no such separator.
 */
function mayHavePadding(text: string): boolean {
  let joinable = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let k: number;
    if (c >= 0xd800 && c <= 0xdbff) {
      // Astral: a Han character (Extension B and beyond) or an emoji separator.
      k = kindOf(text.codePointAt(i)!);
      i++;
    } else k = bmpKind(c);
    if (k === SPACE || k === SYMBOL) {
      if (joinable) return true;
    } else joinable = k === HAN_CHAR || isLetter(c) || isDigit(c);
  }
  return false;
}

/** Deletes separators padded between single Han characters (see the comment above). */
export function joinSeparatedHan(text: string): Normalized {
  if (!mayHavePadding(text)) return unchanged(text);
  const deleted = paddingGaps(text);
  if (deleted.length === 0) return unchanged(text);
  const out = new MapWriter(text.length);
  let last = 0;
  for (const gap of deleted) {
    out.copy(text.slice(last, gap.start), last);
    last = gap.end;
  }
  out.copy(text.slice(last), last);
  return out.finish();
}

/**
 * The separator runs to delete, in text order. A loop of its own: V8 compiles a long field's
 * loop while it runs (on-stack replacement), and code compiled that way without ever having
 * reached the steps after the loop gave up at them — on every later call (seen 139 times
 * on 100 pages), not once.
 */
function paddingGaps(text: string): { start: number; end: number }[] {
  const deleted: { start: number; end: number }[] = [];
  const chain = CHAIN;
  chain.clear();

  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    let next = i + (cp > 0xffff ? 2 : 1);
    const kind = kindOf(cp);
    const pending = chain.pending;
    const continues = pending !== null && chain.runCount > 0 && !pending.placeholder;
    const syllableEnd = kind === OTHER && isLetter(cp) ? pinyinSyllableEnd(text, i, !continues) : -1;
    if (kind === HAN_CHAR) {
      const last = chain.lastRun();
      if (continues) {
        chain.commitGap();
        chain.addRun(i, next, false);
      } else if (last && last.end === i) {
        last.end = next;
        last.pinyin = false; // zhi愈: letters and characters, not one character
      } else {
        chain.flush(text, deleted);
        chain.addRun(i, next, false);
      }
      chain.pending = null;
    } else if (syllableEnd > 0) {
      // One pinyin syllable standing in a chain for a character: bao*证*治*愈, 保*证*zhi4*愈.
      if (continues) chain.commitGap();
      else chain.flush(text, deleted);
      chain.addRun(i, syllableEnd, true);
      chain.pending = null;
      next = syllableEnd;
    } else if (kind === SPACE || kind === SYMBOL) {
      const symbol = kind === SYMBOL;
      if (pending) {
        pending.end = next;
        pending.symbol ||= symbol;
        pending.placeholder ||= symbol && cp === pending.lastCp && SYMBOLS.has(cp);
        pending.lastCp = cp;
      } else if (chain.lastRun()?.end === i) {
        chain.openGap(i, next, symbol, cp);
      }
      // A separator with no Han run right before it cannot be padding inside a word.
    } else {
      chain.flush(text, deleted);
    }
    i = next;
  }
  chain.flush(text, deleted);
  return deleted;
}
