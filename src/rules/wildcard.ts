import { MASK_PLACEHOLDER, MASK_PLACEHOLDER_CP, hasPlaceholder } from '../core/mask-placeholder.js';
import type { AcHit, AhoCorasick } from './aho-corasick.js';

/*
 * Matching through unfillable masks. Normalisation leaves MASK_PLACEHOLDER where a masked
 * character could not be restored (独家*法, 保证治*); here it stands for any one Han character:
 *
 * - terms: `searchTerms` is the automaton pass plus, only when the text holds a placeholder, a
 *   fallback around each placeholder that tries the terms having a Han character there. Text
 *   without a placeholder costs one native indexOf more than before;
 * - regexes: on a sentence holding a placeholder (and only there), `wildcardRegexSpans` also
 *   runs versions of the rule regex whose Han classes and literal Han characters accept it,
 *   a literal only between neighbours the regex spells (see class Wildcards below). Rule
 *   regexes without Han (mayTakeWildcard) never get there.
 *
 * Either way a match must keep enough of its own characters (`wildcardMatchOk`): at least two
 * real ones, more real ones than placeholders, and a real one at one end at least — so 独家*法
 * can be 独家疗法 and 保证治* 保证治愈, but *愈 is not 治愈 and 家* is not 独家 — and must not
 * begin or end on a placeholder glued to a Han character outside it (`wildcardSpanOk`).
 */

/** Whether a match holding placeholders keeps enough real characters (see above). */
export function wildcardMatchOk(match: string): boolean {
  let wild = 0;
  let real = 0;
  for (let i = 0; i < match.length; i++) {
    const c = match.charCodeAt(i);
    if (c === MASK_PLACEHOLDER_CP) wild++;
    else if (c < 0xdc00 || c > 0xdfff) real++; // a surrogate pair counts once
  }
  if (wild === 0) return true;
  if (real < 2 || real <= wild) return false;
  return !(match.charCodeAt(0) === MASK_PLACEHOLDER_CP && match.charCodeAt(match.length - 1) === MASK_PLACEHOLDER_CP);
}

/**
 * Whether [start, end) of `text`, a match holding placeholders, keeps enough real characters
 * (wildcardMatchOk) and does not begin or end on a placeholder glued to a Han character
 * outside it: in 患<ph>康复 the placeholder belongs to 患 (患者), not to 包康复; in
 * 缓解<ph>冒 it belongs to 冒 (感冒), not to 缓解率.
 */
export function wildcardSpanOk(text: string, start: number, end: number): boolean {
  if (!wildcardMatchOk(text.slice(start, end))) return false;
  if (text.charCodeAt(start) === MASK_PLACEHOLDER_CP && hanLike(cpBeforeAt(text, start))) return false;
  if (text.charCodeAt(end - 1) === MASK_PLACEHOLDER_CP && hanLike(text.codePointAt(end))) return false;
  return true;
}

const hanLike = (cp: number | undefined): boolean => cp !== undefined && (cp === MASK_PLACEHOLDER_CP || isHanCp(cp));

/** The code point ending at offset `i`, or undefined at the start. */
function cpBeforeAt(text: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  return text.codePointAt(isLowSurrogate(text.charCodeAt(i - 1)) && i >= 2 ? i - 2 : i - 1);
}

const HAN = /^\p{Script=Han}$/u;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** Whether a code point is of the Han script; the common ideographs without a regex. */
const isHanCp = (cp: number): boolean => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && HAN.test(String.fromCodePoint(cp)));
const isHan = (ch: string): boolean => isHanCp(ch.codePointAt(0)!);

interface TermIndex {
  /** Code points of each pattern. */
  chars: string[][];
  /** UTF-16 offset of each code point of each pattern. */
  offsets: number[][];
  /** Code point → [pattern, index] for every pattern long enough to take a placeholder. */
  byChar: Map<string, [number, number][]>;
}

const indexes = new WeakMap<AhoCorasick, TermIndex>();

/** Built on the first text with a placeholder, once per automaton. */
function termIndex(automaton: AhoCorasick): TermIndex {
  let idx = indexes.get(automaton);
  if (idx) return idx;
  const chars: string[][] = [];
  const offsets: number[][] = [];
  const byChar = new Map<string, [number, number][]>();
  automaton.patterns.forEach((p, id) => {
    const cs = Array.from(p);
    chars.push(cs);
    const offs: number[] = [];
    let o = 0;
    for (const c of cs) {
      offs.push(o);
      o += c.length;
    }
    offsets.push(offs);
    // Two real characters and one placeholder at least.
    if (cs.length < 3 || !cs.some(isHan)) return;
    cs.forEach((c, i) => {
      const list = byChar.get(c);
      if (list) list.push([id, i]);
      else byChar.set(c, [[id, i]]);
    });
  });
  idx = { chars, offsets, byChar };
  indexes.set(automaton, idx);
  return idx;
}

/** The end of pattern `chars` read at `start` with placeholders for Han characters, or -1. */
function matchAt(text: string, start: number, chars: readonly string[]): number {
  if (start < 0) return -1;
  let p = start;
  for (const c of chars) {
    if (p >= text.length) return -1;
    if (text.startsWith(c, p)) p += c.length;
    else if (text.charCodeAt(p) === MASK_PLACEHOLDER_CP && isHan(c)) p += 1;
    else return -1;
  }
  return p;
}

/**
 * Occurrences of the automaton's patterns that need a placeholder for one or more of their
 * characters (never the exact ones, which `search` reports), ordered by end offset.
 */
export function wildcardHits(automaton: AhoCorasick, text: string): AcHit[] {
  const idx = termIndex(automaton);
  const seen = new Set<string>();
  const hits: AcHit[] = [];
  const tryAt = (pattern: number, placeholderIndex: number, at: number): void => {
    const chars = idx.chars[pattern]!;
    if (!isHan(chars[placeholderIndex]!)) return;
    const start = at - idx.offsets[pattern]![placeholderIndex]!;
    const key = `${pattern}:${start}`;
    if (seen.has(key)) return;
    seen.add(key);
    const end = matchAt(text, start, chars);
    if (end < 0 || !wildcardSpanOk(text, start, end)) return;
    hits.push({ pattern, start, end });
  };
  for (let at = text.indexOf(MASK_PLACEHOLDER); at !== -1; at = text.indexOf(MASK_PLACEHOLDER, at + 1)) {
    // A pattern taking the placeholder at index j has its character j - 1 just before it or
    // its character j + 1 just after it.
    const before = at > 0 ? String.fromCodePoint(text.codePointAt(at - 1 - (at > 1 && isLowSurrogate(text.charCodeAt(at - 1)) ? 1 : 0))!) : '';
    const after = at + 1 < text.length ? String.fromCodePoint(text.codePointAt(at + 1)!) : '';
    for (const [pattern, i] of idx.byChar.get(before) ?? []) if (i + 1 < idx.chars[pattern]!.length) tryAt(pattern, i + 1, at);
    for (const [pattern, i] of idx.byChar.get(after) ?? []) if (i > 0) tryAt(pattern, i - 1, at);
  }
  return hits.sort((a, b) => a.end - b.end || a.start - b.start);
}

/**
 * Every occurrence of the automaton's patterns in `text` (`AhoCorasick.search`), plus, when the
 * text holds a placeholder, those that read it as one of their Han characters. Ordered by end.
 */
export function searchTerms(automaton: AhoCorasick, text: string): AcHit[] {
  const hits = automaton.search(text);
  if (!hasPlaceholder(text)) return hits;
  const extra = wildcardHits(automaton, text);
  if (extra.length === 0) return hits;
  return hits.concat(extra).sort((a, b) => a.end - b.end);
}

// ---- regexes -------------------------------------------------------------------------------

const HAN_PROPERTY = /^\\p\{(?:Script|sc|Script_Extensions|scx)=(?:Han|Hani)\}$|^\\p\{(?:Ideographic|Ideo|Unified_Ideograph|UIdeo)\}$/u;
const PH_ESCAPE = `\\u${MASK_PLACEHOLDER_CP.toString(16).toUpperCase()}`;
/** Not ending on a placeholder right before a Han character (see wildcardSpanOk). */
const EDGE_END = `(?!(?<=${PH_ESCAPE})[\\p{Script=Han}${PH_ESCAPE}])`;

/** Whether a code point range reaches into the CJK ideographs (BMP, compatibility or astral). */
const hanRange = (lo: number, hi: number): boolean =>
  (lo <= 0x9fff && hi >= 0x3400) || (lo <= 0xfaff && hi >= 0xf900) || (lo <= 0x3ffff && hi >= 0x20000);

/** One escape sequence at `i` (which holds the backslash): its text and, for a character, its code point. */
function readEscape(s: string, i: number): { text: string; cp?: number } {
  const e = s[i + 1];
  if (e === undefined) return { text: '\\' };
  if ((e === 'p' || e === 'P') && s[i + 2] === '{') return { text: s.slice(i, s.indexOf('}', i + 2) + 1) };
  if (e === 'k' && s[i + 2] === '<') return { text: s.slice(i, s.indexOf('>', i + 2) + 1) };
  if (e === 'u' && s[i + 2] === '{') {
    const close = s.indexOf('}', i + 2);
    return { text: s.slice(i, close + 1), cp: parseInt(s.slice(i + 3, close), 16) };
  }
  if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
    const hi = parseInt(s.slice(i + 2, i + 6), 16);
    // A surrogate pair written as two escapes.
    if (hi >= 0xd800 && hi <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(s.slice(i + 6, i + 12))) {
      const lo = parseInt(s.slice(i + 8, i + 12), 16);
      return { text: s.slice(i, i + 12), cp: (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000 };
    }
    return { text: s.slice(i, i + 6), cp: hi };
  }
  if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) return { text: s.slice(i, i + 4), cp: parseInt(s.slice(i + 2, i + 4), 16) };
  if (e === 'c') return { text: s.slice(i, i + 3) };
  const cp = s.codePointAt(i + 1)!;
  const ch = String.fromCodePoint(cp);
  // An escaped literal (\* \. \/); class escapes (\d \s \w) and backreferences have no code point.
  return { text: '\\' + ch, cp: /[\p{L}\p{N}]/u.test(ch) ? undefined : cp };
}

/**
 * The character class starting at `i`: its text, where it ends, whether it spans Han ranges
 * (`han`) and whether, not negated, it lists single Han characters (`listsHan`: [三四五]).
 */
function readClass(s: string, i: number): { text: string; end: number; han: boolean; listsHan: boolean } {
  let j = i + 1;
  const negated = s[j] === '^';
  if (negated) j++;
  let han = false;
  const singles: number[] = [];
  let range = false;
  while (j < s.length && s[j] !== ']') {
    let cp: number | undefined;
    if (s[j] === '\\') {
      const esc = readEscape(s, j);
      j += esc.text.length;
      if (HAN_PROPERTY.test(esc.text)) han = true;
      cp = esc.cp;
    } else if (s[j] === '-' && singles.length > 0 && s[j + 1] !== ']') {
      range = true;
      j++;
      continue;
    } else {
      cp = s.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
    }
    if (range && cp !== undefined) {
      if (hanRange(singles.pop()!, cp)) han = true;
    } else if (cp !== undefined) singles.push(cp);
    range = false;
  }
  const listsHan = !negated && singles.some((cp) => isHan(String.fromCodePoint(cp)));
  return { text: s.slice(i, j + 1), end: j + 1, han, listsHan };
}

/** Whether a quantifier starts at `i`. */
const quantifierAt = (s: string, i: number): boolean => s[i] === '?' || s[i] === '*' || s[i] === '+' || (s[i] === '{' && sticky(QUANTIFIER, s, i) !== null);

const QUANTIFIER = /\{(\d+)(?:(,)(\d*))?\}/uy;
const GROUP_HEAD = /\(\?(?:<(?![=!])[^>]*>|[=!:]|<[=!]|[a-z-]*:)/uy;

/** A sticky regex's match at offset `i` of `s`, without slicing `s`. */
function sticky(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

// A regex as a Glushkov structure: every one-character atom is a position; `follow` says which
// positions can come right after which. Enough of JavaScript's `u` syntax for rule regexes.

interface Position {
  start: number;
  end: number;
  /** The character of a literal atom (保, \u4fdd, \.); undefined for classes, `.`, \d … */
  ch?: string;
  /** A class that spans Han ranges ([\u4e00-\u9fff], [^\u4e00-\u9fff], \p{Script=Han}). */
  hanClass?: boolean;
  /** A class listing Han characters ([三四五]): a one-character alternation of literals. */
  hanList?: boolean;
}

type Node =
  | { t: 'pos'; id: number }
  | { t: 'empty' }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

interface Parsed {
  positions: Position[];
  /** The main pattern and each lookaround's body, analysed apart (a lookaround matches no text). */
  trees: Node[];
}

function parseRegex(s: string): Parsed {
  const positions: Position[] = [];
  const trees: Node[] = [];
  let i = 0;
  const pos = (start: number, end: number, extra: Partial<Position> = {}): Node => {
    positions.push({ start, end, ...extra });
    return { t: 'pos', id: positions.length - 1 };
  };
  const alt = (): Node => {
    const options = [seq()];
    while (s[i] === '|') {
      i++;
      options.push(seq());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < s.length && s[i] !== '|' && s[i] !== ')') {
      const a = atom();
      if (quantifierAt(s, i)) {
        let min = 0;
        let max = Infinity;
        if (s[i] === '?') max = 1;
        else if (s[i] === '+') min = 1;
        if (s[i] === '{') {
          const q = sticky(QUANTIFIER, s, i)!;
          min = Number(q[1]);
          max = q[2] === undefined ? min : q[3] === '' ? Infinity : Number(q[3]);
          i += q[0].length;
        } else i++;
        if (s[i] === '?') i++; // lazy
        items.push({ t: 'rep', node: a, min, max });
      } else items.push(a);
    }
    return { t: 'seq', items };
  };
  const group = (lookaround: boolean): Node => {
    const body = alt();
    if (s[i] === ')') i++;
    if (!lookaround) return body;
    trees.push(body);
    return { t: 'empty' };
  };
  const atom = (): Node => {
    const start = i;
    const c = s[i]!;
    if (c === '(') {
      if (s[i + 1] !== '?') {
        i++;
        return group(false);
      }
      const head = sticky(GROUP_HEAD, s, i)?.[0] ?? '(?';
      i += head.length;
      return group(/^\(\?<?[=!]$/u.test(head));
    }
    if (c === '[') {
      const cls = readClass(s, i);
      i = cls.end;
      return pos(start, i, cls.han ? { hanClass: true } : { hanList: cls.listsHan });
    }
    if (c === '\\') {
      const esc = readEscape(s, i);
      i += esc.text.length;
      if (esc.text === '\\b' || esc.text === '\\B') return { t: 'empty' };
      if (esc.cp !== undefined) return pos(start, i, { ch: String.fromCodePoint(esc.cp) });
      return pos(start, i, { hanClass: HAN_PROPERTY.test(esc.text) });
    }
    if (c === '^' || c === '$') {
      i++;
      return { t: 'empty' };
    }
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    i += ch.length;
    return pos(start, i, c === '.' ? {} : { ch });
  };
  trees.push(alt());
  return { positions, trees };
}

interface Sets {
  nullable: boolean;
  first: number[];
  last: number[];
}

/** Glushkov's construction: fills `follow` (position → positions that may come next). */
function analyse(n: Node, follow: Set<number>[]): Sets {
  const link = (from: number[], to: number[]) => {
    for (const f of from) for (const t of to) follow[f]!.add(t);
  };
  switch (n.t) {
    case 'pos':
      return { nullable: false, first: [n.id], last: [n.id] };
    case 'empty':
      return { nullable: true, first: [], last: [] };
    case 'alt': {
      const parts = n.options.map((o) => analyse(o, follow));
      return { nullable: parts.some((p) => p.nullable), first: parts.flatMap((p) => p.first), last: parts.flatMap((p) => p.last) };
    }
    case 'rep': {
      const inner = analyse(n.node, follow);
      if (n.max > 1) link(inner.last, inner.first);
      return { nullable: n.min === 0 || inner.nullable, first: inner.first, last: inner.last };
    }
    case 'seq': {
      let acc: Sets = { nullable: true, first: [], last: [] };
      for (const item of n.items) {
        const next = analyse(item, follow);
        link(acc.last, next.first);
        acc = {
          nullable: acc.nullable && next.nullable,
          first: acc.nullable ? [...acc.first, ...next.first] : acc.first,
          last: next.nullable ? [...acc.last, ...next.last] : next.last,
        };
      }
      return acc;
    }
  }
}

/**
 * The wildcard versions of a rule regex (class Wildcards), and what a literal character's
 * placeholder needs:
 *
 * - `classes`: every character class spanning Han ranges ([\u4e00-\u9fff], \p{Script=Han})
 *   gains the placeholder, so a negated one ([^\u4e00-\u9fff]) refuses it;
 * - `literals.regex`: the same, and each literal Han character c becomes [c<ph>], each class
 *   listing Han characters ([三四五], a one-character alternation) [三四五<ph>];
 * - `literals.inContext`: a placeholder read as a literal character counts only when two characters
 *   next to it in the text — two before it, two after it, or one on each side — are matched
 *   by atoms of the regex that may stand next to that literal, one of them a literal itself
 *   (保证(?:治愈|根治): 保证治<ph> and 保<ph>治愈; [^,]{2,8}疗法: 独家<ph>法; not a lone 说
 *   after [^。]{0,10}, nor 治 of 治愈 in <ph>愈). Which atom may follow which is read off the
 *   regex's Glushkov positions.
 *
 * The rewrites only turn atoms into classes and add one lookahead at the end (EDGE_END): no
 * quantifier or group that repeats, so the regexes are as safe from backtracking as the
 * rule's own (rules validate probes them too).
 */
interface LiteralVersion {
  /** Made on first use: most sentences never need it (see wildcardRegexSpans). */
  readonly regex: RegExp | null;
  /** Whether a placeholder between these neighbours (a b <ph> c d, '' when absent) may be a literal of the regex. */
  inContext: (a: string, b: string, c: string, d: string) => boolean;
}

/** What a class spanning Han ranges needs in a source: a \p{…} or a range between \u escapes or ideographs. */
const HAN_RANGE_HINT = /\\p\{|\\u[0-9a-fA-F]{4}-\\u|\\u\{[0-9a-fA-F]+\}-|[\u3400-\u9fff]-[\u3400-\u9fff]/u;

/**
 * The wildcard versions of one rule regex (see above), each made on first use: the regex is
 * parsed only for a sentence holding a placeholder, and the literal version's regex — which V8
 * must compile — only when a placeholder in the sentence has the neighbours it needs (see
 * wildcardRegexSpans).
 */
class Wildcards {
  private parsedRegex: Parsed | undefined;
  private classVersion: RegExp | null | undefined;
  private literalVersion: LiteralVersion | undefined;

  constructor(readonly re: RegExp) {}

  private get parsed(): Parsed {
    return (this.parsedRegex ??= parseRegex(this.re.source));
  }

  get classes(): RegExp | null {
    if (this.classVersion === undefined) {
      // Most rule regexes have no Han range at all: no need to parse those.
      this.classVersion = HAN_RANGE_HINT.test(this.re.source)
        ? rewrite(this.re, this.parsed.positions.filter((p) => p.hanClass).map((p) => classEdit(this.re.source, p)))
        : null;
    }
    return this.classVersion;
  }

  get literals(): LiteralVersion {
    return (this.literalVersion ??= literalVersion(this.re, this.parsed));
  }
}

/** The class of position `p` gaining the placeholder (or \p{…} put in one). */
function classEdit(source: string, p: Position): { start: number; end: number; text: string } {
  const text = source.slice(p.start, p.end);
  return { start: p.start, end: p.end, text: text.startsWith('[') ? `${text.slice(0, -1)}${PH_ESCAPE}]` : `[${text}${PH_ESCAPE}]` };
}

/** `re` with the edits applied, or null without any. */
function rewrite(re: RegExp, edits: { start: number; end: number; text: string }[]): RegExp | null {
  if (edits.length === 0) return null;
  const source = re.source;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  // The end condition of wildcardSpanOk inside the regex, so that the engine backtracks to
  // another reading rather than return one that would be refused (一次治<ph>终身受益:
  // 一次治愈 would end on a placeholder glued to 终; 一次治疗终身受益 is the match). The start
  // condition stays a check afterwards: a lookbehind at every position costs too much.
  return new RegExp(`(?:${out + source.slice(at)})${EDGE_END}`, re.flags);
}

const atomTesters = new Map<string, RegExp | null>();

/** A regex matching exactly one character as `atom` ([\u4e00-\u9fff], \s, .) does; shared by all rules. */
function atomTester(atom: string, flags: string): RegExp | null {
  const key = `${flags}/${atom}`;
  let t = atomTesters.get(key);
  if (t === undefined) {
    try {
      t = new RegExp(`^(?:${atom})$`, flags);
    } catch {
      t = null; // a backreference means nothing alone
    }
    atomTesters.set(key, t);
  }
  return t;
}

function literalVersion(re: RegExp, { positions, trees }: Parsed): LiteralVersion {
  const source = re.source;
  const follow = positions.map(() => new Set<number>());
  for (const t of trees) analyse(t, follow);
  const preceding = positions.map(() => new Set<number>());
  follow.forEach((to, from) => to.forEach((t) => preceding[t]!.add(from)));
  const literal = (id: number): boolean => positions[id]!.ch !== undefined;

  // Whether position `id` matches the text character `c`: a literal by equality, any other
  // atom (a class, `.`, \s) by running it alone, once per atom.
  const testers = new Map<number, RegExp | null>();
  const flags = re.flags.replace(/[gy]/gu, '');
  const matches = (id: number, c: string): boolean => {
    if (c === '') return false;
    const p = positions[id]!;
    if (p.ch !== undefined) return p.ch === c;
    let t = testers.get(id);
    if (t === undefined) testers.set(id, (t = atomTester(source.slice(p.start, p.end), flags)));
    return t !== null && t.test(c);
  };
  /** Whether some position of `ids` matches `c` (as a literal only, with `lit`) and `then` holds for it. */
  const some = (ids: Iterable<number>, c: string, lit: boolean, then?: (id: number) => boolean): boolean => {
    for (const id of ids) if ((!lit || literal(id)) && matches(id, c) && (!then || then(id))) return true;
    return false;
  };

  const candidates: number[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  positions.forEach((p, id) => {
    if (p.hanClass) {
      edits.push(classEdit(source, p));
      return;
    }
    if (!p.hanList && (p.ch === undefined || !isHan(p.ch))) return;
    // Only next to a literal can the placeholder ever count.
    let near = false;
    for (const q of preceding[id]!) if ((near = literal(q))) break;
    if (!near) for (const q of follow[id]!) if ((near = literal(q))) break;
    if (!near) return;
    candidates.push(id);
    const text = source.slice(p.start, p.end);
    edits.push({ start: p.start, end: p.end, text: p.hanList ? `${text.slice(0, -1)}${PH_ESCAPE}]` : `[${text}${PH_ESCAPE}]` });
  });

  const inContext = (a: string, b: string, c: string, d: string): boolean =>
    candidates.some((p) => {
      const before = preceding[p]!;
      const after = follow[p]!;
      // a <ph> c
      if ((some(before, a, true) && some(after, c, false)) || (some(before, a, false) && some(after, c, true))) return true;
      // b a <ph>
      if (some(before, a, true, (q) => some(preceding[q]!, b, false)) || some(before, a, false, (q) => some(preceding[q]!, b, true))) return true;
      // <ph> c d
      return some(after, c, true, (q) => some(follow[q]!, d, false)) || some(after, c, false, (q) => some(follow[q]!, d, true));
    });
  let regex: RegExp | null | undefined;
  return {
    get regex() {
      if (regex === undefined) regex = candidates.length > 0 ? rewrite(re, edits) : null;
      return regex;
    },
    inContext,
  };
}

const wildcards = new WeakMap<RegExp, Wildcards>();

function wildcardsOf(re: RegExp): Wildcards {
  let w = wildcards.get(re);
  if (!w) wildcards.set(re, (w = new Wildcards(re)));
  return w;
}

/** `re`'s wildcard versions, for the regex-safety probes of `rules validate`. */
export function wildcardRegexes(re: RegExp): RegExp[] {
  const w = wildcardsOf(re);
  return [w.classes, w.literals.regex].filter((x): x is RegExp => x !== null);
}

/** Whether a regex has anything that the wildcard versions would rewrite: a cheap test for compiling. */
export function mayTakeWildcard(source: string): boolean {
  return /\p{Script=Han}|\\u[3-9a-fA-F][0-9a-fA-F]{3}|\\p\{/u.test(source);
}

/** Whether every placeholder in `match` has two literal neighbours as the regex spells them. */
function inContext(match: string, v: LiteralVersion): boolean {
  for (let k = match.indexOf(MASK_PLACEHOLDER); k !== -1; k = match.indexOf(MASK_PLACEHOLDER, k + 1)) {
    const [a, b, c, d] = neighbours(match, k);
    if (!v.inContext(a, b, c, d)) return false;
  }
  return true;
}

/** The two characters before and the two after offset `k` of `s` (a b <k> c d), '' where none. */
function neighbours(s: string, k: number): [string, string, string, string] {
  const a = cpStringBefore(s, k);
  const b = a ? cpStringBefore(s, k - a.length) : '';
  const c = k + 1 < s.length ? String.fromCodePoint(s.codePointAt(k + 1)!) : '';
  const d = c && k + 1 + c.length < s.length ? String.fromCodePoint(s.codePointAt(k + 1 + c.length)!) : '';
  return [a, b, c, d];
}

/** Whether `source` holds `ch` as written or as a \uXXXX escape. */
function mentions(source: string, ch: string): boolean {
  if (ch === '' || ch === MASK_PLACEHOLDER) return false;
  if (source.includes(ch)) return true;
  const cp = ch.codePointAt(0)!;
  return cp <= 0xffff && cp >= 0x80 && source.toLowerCase().includes(`\\u${cp.toString(16).padStart(4, '0')}`);
}

/** The code point ending at offset `i` of `s`, as a string ('' at the start). */
function cpStringBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const c = s.charCodeAt(i - 1);
  if (isLowSurrogate(c) && i >= 2) return s.slice(i - 2, i);
  return s[i - 1]!;
}

/**
 * Spans of a rule regex in a sentence holding a placeholder: the rule's own matches, those of
 * its class version, and those of its literal version whose placeholders stand between literal
 * neighbours — each keeping enough real characters (wildcardMatchOk). `base` is the sentence's
 * offset in the field text. Overlaps are left to the engine's dedupe, which keeps the longest.
 */
export function wildcardRegexSpans(re: RegExp, sentence: string, base: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const seen = new Set<string>();
  const w = wildcardsOf(re);
  const last = sentence.lastIndexOf(MASK_PLACEHOLDER);
  const run = (r: RegExp | null, accept: (match: string) => boolean, wild: boolean): void => {
    if (!r) return;
    r.lastIndex = 0;
    for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
      // A wildcard match must hold a placeholder: none starts after the last one.
      if (wild && m.index > last) break;
      const ok = m[0].length > 0 && accept(m[0]) && (!wild || wildcardSpanOk(sentence, m.index, m.index + m[0].length));
      // A refused match may hide one that starts inside it: go on from the next character.
      if (!ok) {
        r.lastIndex = m.index + 1;
        continue;
      }
      const key = `${m.index}:${m[0].length}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ start: base + m.index, end: base + m.index + m[0].length });
      }
    }
  };
  const classes = w.classes;
  // The rule's own regex may read a placeholder as a non-Han character ([^\u4e00-\u9fff]):
  // where it has Han classes, matches holding one come from the class version only.
  run(re, (m) => classes === null || !m.includes(MASK_PLACEHOLDER), false);
  run(classes, () => true, true);
  // The literal version counts only where a placeholder has the neighbours it needs. Check
  // that on the sentence first — cheaply: without one of those characters anywhere in the
  // rule's source, not even the analysis — and only then make (and have V8 compile) the regex.
  let near = false;
  for (let k = sentence.indexOf(MASK_PLACEHOLDER); k !== -1 && !near; k = sentence.indexOf(MASK_PLACEHOLDER, k + 1)) {
    const around = neighbours(sentence, k);
    near = around.some((ch) => mentions(re.source, ch)) && w.literals.inContext(...around);
  }
  if (!near) return out;
  const literals = w.literals;
  run(literals.regex, (m) => inContext(m, literals), true);
  return out;
}
