import { MapWriter } from './map-writer.js';
import { lazyBmpTable } from './bmp-table.js';
import { unchanged, type Normalized } from './normalized.js';

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
  return cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000 || cp === 0x202f || (cp >= 0x2000 && cp <= 0x200a);
}

const SYMBOLS = new Set(
  [
    '*', '·', '•', '-', '_', '/', '~', '.', '|', '+', '#',
    // Look-alikes that survive NFKC: katakana, hyphenation and bullet-operator dots, wave dash.
    '・', '‧', '∙', '⋅', '〜', '‐',
    // Fullwidth forms, for when width folding was skipped.
    '＊', '－', '＿', '／', '～', '．', '｜', '＋', '＃', '･',
  ].map((s) => s.codePointAt(0)!),
);

const EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200D\uFE0F\u20E3]$/u;
const HAN = /^\p{Script=Han}$/u;

const HAN_CHAR = 1;
const SPACE = 2;
const SYMBOL = 3;
const OTHER = 0;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (HAN.test(ch)) return HAN_CHAR;
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
}
interface Gap extends Span {
  /** Whether the separator run contains a symbol rather than only whitespace. */
  symbol: boolean;
  /** Whether it contains a doubled symbol (a blank or redaction, not padding). */
  placeholder: boolean;
  /** Its last code point, to spot doubled symbols. */
  lastCp: number;
}

/** Whether a Han run is one character (an astral one is two UTF-16 units). */
function isSingle(text: string, run: Span): boolean {
  const n = run.end - run.start;
  return n === 1 || (n === 2 && text.codePointAt(run.start)! > 0xffff);
}

/**
 * `runs` and `gaps` form a chain: runs[k], gaps[k], runs[k + 1], … with nothing else in
 * between. Returns the gaps to delete.
 */
function gapsToDelete(runs: Span[], gaps: Gap[], text: string): Gap[] {
  const single = runs.map((r) => isSingle(text, r));
  const out: Gap[] = [];
  let k = 0;
  while (k < gaps.length) {
    // The group is gaps[k..m]; the runs strictly inside it are single characters.
    let m = k;
    while (m + 1 < gaps.length && single[m + 1]) m++;
    let singles = 0;
    for (let r = k; r <= m + 1; r++) if (single[r]) singles++;
    let allSymbols = true;
    for (let g = k; g <= m; g++) allSymbols &&= gaps[g]!.symbol;
    const count = m - k + 1;
    if ((count >= 2 && singles >= 2) || (allSymbols && singles >= 1)) {
      for (let g = k; g <= m; g++) out.push(gaps[g]!);
    }
    k = m + 1;
  }
  return out;
}

/** Deletes separators padded between single Han characters (see the comment above). */
export function joinSeparatedHan(text: string): Normalized {
  const deleted: Gap[] = [];
  let runs: Span[] = [];
  let gaps: Gap[] = [];
  let pending: Gap | undefined; // separator run after the last Han run

  const flush = (): void => {
    if (gaps.length > 0) deleted.push(...gapsToDelete(runs, gaps, text));
    runs = [];
    gaps = [];
    pending = undefined;
  };

  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const next = i + (cp > 0xffff ? 2 : 1);
    const kind = kindOf(cp);
    if (kind === HAN_CHAR) {
      const last = runs[runs.length - 1];
      if (pending && last && !pending.placeholder) {
        gaps.push(pending);
        runs.push({ start: i, end: next });
      } else if (last && last.end === i) {
        last.end = next;
      } else {
        flush();
        runs.push({ start: i, end: next });
      }
      pending = undefined;
    } else if (kind === SPACE || kind === SYMBOL) {
      const last = runs[runs.length - 1];
      const symbol = kind === SYMBOL;
      if (pending) {
        pending.end = next;
        pending.symbol ||= symbol;
        pending.placeholder ||= symbol && cp === pending.lastCp && SYMBOLS.has(cp);
        pending.lastCp = cp;
      } else if (last && last.end === i) {
        pending = { start: i, end: next, symbol, placeholder: false, lastCp: cp };
      }
      // A separator with no Han run right before it cannot be padding inside a word.
    } else {
      flush();
    }
    i = next;
  }
  flush();

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
