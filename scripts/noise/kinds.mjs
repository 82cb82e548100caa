// The kinds of evasion and crawl noise of issue #4, applied to the items of a clean text
// (items.mjs) around given target spans (the clean findings' matches). Each kind returns
// false when it does not apply (no digits to rewrite, a phrase too short to mask …).
//
// Randomness comes from a chooser: `seeded(n)` for the evaluation, `fromTape(numbers)` for
// fast-check, whose shrinking drives every number to 0 — and 0 always means "no noise" or "the
// first option", so a shrunk counterexample carries the least noise that still fails.
import { createRequire } from 'node:module';
import { mulberry32 } from '../lib/random.mjs';
import { itemRange } from './items.mjs';

const require = createRequire(import.meta.url);

// ---- randomness --------------------------------------------------------------------------

export { mulberry32 };

export function chooser(next) {
  return {
    /** True with probability p; a draw of 0 is false. */
    chance: (p) => next() >= 1 - p,
    /** An element; a draw of 0 is the first. */
    pick: (list) => list[Math.min(list.length - 1, Math.floor(next() * list.length))],
    /** 0 … n-1; a draw of 0 is 0. */
    int: (n) => Math.min(n - 1, Math.floor(next() * n)),
  };
}

export const seeded = (seed) => chooser(mulberry32(seed));
export const fromTape = (tape) => {
  let i = 0;
  return chooser(() => (i < tape.length ? tape[i++] : 0));
};

// ---- tools (loaded once) -----------------------------------------------------------------

let tools;
function lib() {
  if (tools) return tools;
  const opencc = require('opencc-js');
  const { pinyin } = require('pinyin-pro');
  const tw = opencc.Converter({ from: 'cn', to: 'tw' });
  const hk = opencc.Converter({ from: 'cn', to: 'hk' });
  // Look-alikes: the normaliser's own table inverted, plus every Kangxi radical and CJK
  // compatibility ideograph, found by NFKC.
  const lookalikes = new Map();
  const add = (to, from) => {
    if (!lookalikes.has(to)) lookalikes.set(to, []);
    if (!lookalikes.get(to).includes(from)) lookalikes.get(to).push(from);
  };
  for (const [range0, range1] of [[0x2f00, 0x2fd5], [0xf900, 0xfad9], [0x2f800, 0x2fa1d], [0x2e80, 0x2ef3]]) {
    for (let cp = range0; cp <= range1; cp++) {
      const ch = String.fromCodePoint(cp);
      const n = ch.normalize('NFKC');
      if (n !== ch && Array.from(n).length === 1) add(n, ch);
    }
  }
  tools = { tw, hk, pinyin, lookalikes, extraLookalikes: add };
  return tools;
}

/** Registers the normaliser's look-alike tables (variants.ts LOOKALIKES), inverted. */
export function useLookalikeTables(tables) {
  const { extraLookalikes } = lib();
  for (const [from, to] of Object.entries(tables.always)) extraLookalikes(to, from);
  for (const [from, to] of Object.entries(tables.betweenHan)) extraLookalikes(to, from);
}

// ---- scopes ------------------------------------------------------------------------------

const HAN = /^\p{Script=Han}$/u;
const isHan = (it) => HAN.test(it.ch);
const SENTENCE_BREAK = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '\r']);
const CLAUSE_BREAK = new Set([...SENTENCE_BREAK, '，', ',', '：', ':', '、', '“', '”', '"', '（', '）', '(', ')', '【', '】', '《', '》', ' ', '\t']);

function extend(items, a, b, breaks) {
  while (a > 0 && !breaks.has(items[a - 1].ch)) a--;
  while (b < items.length - 1 && !breaks.has(items[b + 1].ch)) b++;
  return [a, b];
}

/**
 * Item ranges [a, b] of the target phrases — overlapping ones merged, so that one word is
 * disguised once — with their clause and sentence.
 */
function scopes(items, targets) {
  const ranges = targets.map(([s, e]) => itemRange(items, s, e)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  // A clause break inside the phrase (一次治疗，终身受益) widens the clause to both sides.
  return merged.map((phrase) => ({ phrase, clause: extend(items, phrase[0], phrase[1], CLAUSE_BREAK), sentence: extend(items, phrase[0], phrase[1], SENTENCE_BREAK) }));
}

/** The distinct values of `key` among the scopes (several phrases may share a clause). */
function distinct(list, key) {
  const seen = new Set();
  return list.map((x) => x[key]).filter((r) => !seen.has(r.join()) && seen.add(r.join()));
}

function* indices([a, b]) {
  for (let i = a; i <= b; i++) yield i;
}

/** Han items of a range. */
const hanIn = (items, range) => [...indices(range)].filter((i) => isHan(items[i]));

// ---- the kinds ---------------------------------------------------------------------------

export const INVISIBLES = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\ufe0f', '\u{e0100}', '\u{e0041}', '\u3164',
  '\u180e', '\u034f',
];
export const SEPARATORS = [
  ' ', '*', '·', '-', '_', '/', '~', '|', '#', '+', '•', '^', '=', '.', '✿', '★', '😀', '🔥', '👍', '❤️',
  ' * ', '  ', '\u3000', '＊', '－', '～',
];
const MASKS = ['*', '×', '＊', '●', '□', '■', '\ufffd'];

function toFullwidth(ch) {
  const c = ch.codePointAt(0);
  if (c === 0x20) return '\u3000';
  if (c > 0x20 && c < 0x7f) return String.fromCodePoint(c + 0xfee0);
  return ch;
}

/** Converts the sentences of the targets to Traditional (Taiwan or Hong Kong standard). */
function traditional(items, targets, r) {
  const { tw, hk } = lib();
  const convert = r.pick([tw, hk]);
  let changed = false;
  for (const sentence of distinct(scopes(items, targets), 'sentence')) {
    const idx = [...indices(sentence)];
    const from = idx.map((i) => items[i].core);
    const to = Array.from(convert(from.join('')));
    const pairwise = to.length === from.length;
    idx.forEach((i, k) => {
      const next = pairwise ? to[k] : convert(from[k]);
      if (next !== items[i].core) changed = true;
      items[i].core = next;
    });
  }
  return changed;
}

/** Converts some characters of each phrase (and sentence) to Traditional: two scripts in one sentence. */
function mixedScript(items, targets, r) {
  const { tw } = lib();
  let changed = false;
  const all = scopes(items, targets);
  const musts = new Set();
  for (const { phrase } of all) {
    const inPhrase = hanIn(items, phrase).filter((i) => tw(items[i].core) !== items[i].core);
    if (inPhrase.length > 0) musts.add(inPhrase[r.int(inPhrase.length)]); // at least one phrase character converted
  }
  for (const sentence of distinct(all, 'sentence')) {
    for (const i of hanIn(items, sentence)) {
      const t = tw(items[i].core);
      if (t !== items[i].core && (musts.has(i) || r.chance(0.5))) {
        items[i].core = t;
        changed = true;
      }
    }
  }
  return changed;
}

/** Replaces phrase characters by look-alikes (radicals, compatibility ideographs, shinjitai, kana). */
function lookalikes(items, targets, r) {
  const { lookalikes: table } = lib();
  let changed = false;
  for (const { phrase } of scopes(items, targets)) {
    const candidates = hanIn(items, phrase).filter((i) => table.has(items[i].core));
    const must = r.int(Math.max(1, candidates.length));
    candidates.forEach((i, k) => {
      if (k === must || r.chance(0.6)) {
        items[i].core = r.pick(table.get(items[i].core));
        changed = true;
      }
    });
  }
  return changed;
}

/** Fullwidth ASCII in the sentence; ideographic spaces between the clause's characters. */
function width(items, targets, r) {
  let changed = false;
  const all = scopes(items, targets);
  for (const sentence of distinct(all, 'sentence')) {
    for (const i of indices(sentence)) {
      const fw = toFullwidth(items[i].core);
      if (fw !== items[i].core && r.chance(0.8)) {
        items[i].core = fw;
        changed = true;
      }
    }
  }
  if (r.chance(0.5)) for (const clause of distinct(all, 'clause')) changed = padClause(items, clause, '\u3000') || changed;
  return changed;
}

/**
 * `sep` after every Han character of the clause that a Han character follows — in runs of
 * three or more characters when it is whitespace: one space between two characters (医 广,
 * 张 三) is ordinary layout, which normalisation rightly leaves alone.
 */
function padClause(items, clause, sep) {
  let changed = false;
  const padded = (padClause.done ??= new WeakSet());
  const minRun = sep.trim() === '' ? 3 : 2;
  let i = clause[0];
  while (i <= clause[1]) {
    if (!isHan(items[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 <= clause[1] && isHan(items[j + 1])) j++;
    if (j - i + 1 >= minRun) {
      for (let k = i; k < j; k++) {
        if (padded.has(items[k])) continue; // clauses of two phrases may overlap
        padded.add(items[k]);
        items[k].after += sep;
        changed = true;
      }
    }
    i = j + 1;
  }
  return changed;
}

/** Zero-width, bidi, soft hyphens, variation selectors, fillers between the phrase's characters. */
function invisibles(items, targets, r) {
  let changed = false;
  for (const { phrase, clause } of scopes(items, targets)) {
    for (let i = clause[0]; i <= clause[1]; i++) {
      const inside = i >= phrase[0] && i < phrase[1];
      if (r.chance(inside ? 0.8 : 0.2)) {
        items[i].after += r.pick(INVISIBLES) + (r.chance(0.3) ? r.pick(INVISIBLES) : '');
        changed = true;
      }
    }
  }
  return changed;
}

/** One separator padded between all Han characters of the clause: 保*证*治*愈, 包 治 百 病. */
function separators(items, targets, r) {
  let changed = false;
  for (const clause of distinct(scopes(items, targets), 'clause')) changed = padClause(items, clause, r.pick(SEPARATORS)) || changed;
  return changed;
}

/** Ruby pinyin left after the characters of the clause: 當(dang), 加強(qiáng), 高(gao)(gao), 当dang. */
function ruby(items, targets, r) {
  const { pinyin } = lib();
  const style = r.pick(['paren', 'tone', 'double', 'bare', 'fullwidth', 'number']);
  let changed = false;
  const all = scopes(items, targets);
  const musts = new Set(all.map(({ phrase }) => hanIn(items, phrase)[0]));
  const annotated = new Set();
  for (const clause of distinct(all, 'clause')) {
    const idx = hanIn(items, clause);
    const text = idx.map((i) => items[i].ch).join('');
    const marks = pinyin(text, { type: 'array' });
    const plain = pinyin(text, { type: 'array', toneType: 'none' });
    const nums = pinyin(text, { type: 'array', toneType: 'num' });
    idx.forEach((i, k) => {
      if (annotated.has(i) || (!musts.has(i) && !r.chance(0.6))) return;
      annotated.add(i);
      const p = plain[k];
      const ann = { paren: `(${p})`, tone: `(${marks[k]})`, double: `(${p})(${p})`, bare: p, fullwidth: `（${marks[k]}）`, number: `(${nums[k]})` }[style];
      items[i].core += ann;
      changed = true;
    });
  }
  return changed;
}

/** One phrase character written as pinyin: zhi愈, bao证, zhì愈, zhi4愈. */
function pinyinSub(items, targets, r) {
  const { pinyin } = lib();
  let changed = false;
  for (const { phrase } of scopes(items, targets)) {
    const idx = hanIn(items, phrase);
    if (idx.length < 2) continue;
    const k = r.int(idx.length);
    const text = idx.map((i) => items[i].ch).join('');
    const style = r.pick(['none', 'symbol', 'num']);
    const syllables = pinyin(text, { type: 'array', toneType: style });
    items[idx[k]].core = syllables[k];
    changed = true;
  }
  return changed;
}

/** An interior phrase character masked: 处*药, 治×率. Needs three characters or more. */
function mask(items, targets, r) {
  let changed = false;
  for (const { phrase } of scopes(items, targets)) {
    const idx = hanIn(items, phrase);
    if (idx.length < 3) continue;
    const k = 1 + r.int(idx.length - 2);
    items[idx[k]].core = r.pick(MASKS);
    changed = true;
  }
  return changed;
}

/** Doubled characters: every phrase character (保保证证治治愈愈) or one inside it (包治治百病). */
function repeat(items, targets, r) {
  let changed = false;
  for (const { phrase } of scopes(items, targets)) {
    const idx = hanIn(items, phrase);
    if (idx.length === 0) continue;
    if (idx.length >= 3 && r.chance(0.5)) {
      const i = idx[1 + r.int(idx.length - 2)];
      items[i].core = items[i].ch.repeat(2);
    } else {
      for (const i of idx) items[i].core = items[i].ch.repeat(r.chance(0.2) ? 3 : 2);
    }
    changed = true;
  }
  return changed;
}

// Chinese numerals for numbers in rates and counts.
const DIGITS = '零一二三四五六七八九';
function chineseInteger(n) {
  if (n === 0) return '零';
  if (n >= 1e8) return String(n);
  const units = ['', '十', '百', '千'];
  const four = (x) => {
    let out = '';
    let zero = false;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(x / 10 ** p) % 10;
      if (d === 0) {
        zero = out !== '';
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d] + units[p];
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? `${four(high)}万` : '';
  if (low) out += (high && low < 1000 ? '零' : '') + four(low);
  return out.replace(/^一十/u, '十');
}
export function chineseNumber(token, r) {
  const percent = token.endsWith('%');
  const body = percent ? token.slice(0, -1) : token;
  const [int, frac] = body.split('.');
  const n = Number(int);
  if (!Number.isSafeInteger(n)) return token;
  let words = chineseInteger(n) + (frac ? `点${Array.from(frac, (d) => DIGITS[Number(d)]).join('')}` : '');
  if (!percent) return words;
  if (!frac && n % 10 === 0 && n > 0 && n < 100 && r.chance(0.5)) return `${DIGITS[n / 10]}成`;
  return `百分之${words}`;
}

// Rates and counts: a percentage, or a number before a counter (例, 名, 天, 万 …); never the
// digits of a review number or a phone number (joined by '-', in 【】).
const RATE_OR_COUNT = /(?<![\d.\-])\d+(?:\.\d+)?(?:%|(?=[万千百例名位人天日周次斤倍个余多]))(?![\d\-])/gu;

/** Rates and counts of the sentence in fullwidth digits (９８％) or Chinese numerals (百分之九十八, 九成, 十二万). */
function numbers(items, targets, r) {
  const style = r.pick(['fullwidth', 'chinese']);
  let changed = false;
  for (const sentence of distinct(scopes(items, targets), 'sentence')) {
    const idx = [...indices(sentence)];
    const text = idx.map((i) => items[i].ch).join('');
    // Offsets in `text` are code units; items here are BMP except astral ones: map by walking.
    const unitToItem = [];
    idx.forEach((i) => {
      for (let u = 0; u < items[i].ch.length; u++) unitToItem.push(i);
    });
    for (const m of text.matchAll(RATE_OR_COUNT)) {
      const first = unitToItem[m.index];
      const last = unitToItem[m.index + m[0].length - 1];
      const to = style === 'fullwidth' ? Array.from(m[0], toFullwidth).join('') : chineseNumber(m[0], r);
      items[first].core = to;
      for (let i = first + 1; i <= last; i++) items[i].core = '';
      changed = true;
    }
  }
  return changed;
}

/**
 * CRLF line ends, a first line of astral characters (every later offset shifts by surrogate
 * pairs) and astral invisibles (variation selectors, tags) inside the phrases.
 */
function crlfAstral(items, targets, r) {
  for (const it of items) if (it.ch === '\n') it.core = '\r\n';
  const line = Array.from({ length: 1 + r.int(4) }, () => r.pick(['𠀀', '😀', '𝐀', '𠮷', '🧧', '👩‍⚕️'])).join('');
  items[0].pre = `${line}\r\n${items[0].pre}`;
  for (const { phrase } of scopes(items, targets)) {
    for (let i = phrase[0]; i < phrase[1]; i++) if (r.chance(0.5)) items[i].after += r.pick(['\u{e0100}', '\u{e0041}', '\u{e01ef}']);
  }
  return true;
}

const escapeHtml = (s) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const INLINE = [['<span>', '</span>'], ['<b>', '</b>'], ['<em>', '</em>'], ['<font color="red">', '</font>'], ['<strong>', '</strong>'], ['<a href="#">', '</a>']];
const HIDDEN_JUNK = [
  '<span style="display:none">垃圾</span>',
  '<i style="font-size:0">x</i>',
  '<span style="visibility: hidden">某</span>',
  '<em hidden>乱码</em>',
  '<span class="kw">字</span>',
];

/**
 * The document as an HTML page: each line a paragraph, and inside the phrases characters
 * wrapped in inline tags, written as character references, or with comments, empty elements
 * and hidden junk (display:none, font-size:0 …) between them.
 */
export function toHtml(items, targets, r) {
  for (const it of items) {
    it.core = escapeHtml(it.core);
    it.after = escapeHtml(it.after);
  }
  for (const it of items) if (it.ch === '\n') it.core = `</p>${it.core}<p>`;
  for (const { phrase } of scopes(items, targets)) {
    for (let i = phrase[0]; i <= phrase[1]; i++) {
      const it = items[i];
      const roll = r.int(4);
      if (roll === 1 && it.core === it.ch) {
        const [open, close] = r.pick(INLINE);
        it.pre = open + it.pre;
        it.post += close;
      } else if (roll === 2 && it.core === it.ch) {
        const cp = it.ch.codePointAt(0);
        it.core = r.chance(0.5) ? `&#${cp};` : `&#x${cp.toString(16).toUpperCase()};`;
      }
      if (i < phrase[1]) {
        const gap = r.int(5);
        if (gap === 1) it.after += '<!-- c -->';
        else if (gap === 2) it.after += '<i></i>';
        else if (gap === 3) it.after += r.pick(HIDDEN_JUNK);
      }
    }
  }
  return {
    prefix: '<!DOCTYPE html><html><head><meta charset="utf-8"><style>.kw{display:none}</style></head><body><p>',
    suffix: '</p></body></html>\n',
  };
}

/** Puts each target's sentence into an element hidden by CSS: the claim must still be found. */
export function hiddenHtml(items, targets, r) {
  const wrappers = [
    ['<div style="display:none">', '</div>'],
    ['<span style="font-size:0px">', '</span>'],
    ['<p style="visibility:hidden">', '</p>'],
    ['<div class="kw">', '</div>'],
  ];
  const page = toHtmlPlain(items);
  for (const sentence of distinct(scopes(items, targets), 'sentence')) {
    const [open, close] = r.pick(wrappers);
    items[sentence[0]].pre = open + items[sentence[0]].pre;
    items[sentence[1]].post += close;
  }
  return page;
}

function toHtmlPlain(items) {
  for (const it of items) {
    it.core = escapeHtml(it.core);
    it.after = escapeHtml(it.after);
  }
  for (const it of items) if (it.ch === '\n') it.core = `</p>${it.core}<p>`;
  return {
    prefix: '<!DOCTYPE html><html><head><meta charset="utf-8"><style>.kw{display:none}</style></head><body><p>',
    suffix: '</p></body></html>\n',
  };
}

const TEXT_KINDS = {
  traditional,
  'mixed-script': mixedScript,
  lookalikes,
  width,
  invisibles,
  separators,
  ruby,
  pinyin: pinyinSub,
  mask,
  repeat,
  numbers,
  'crlf-astral': crlfAstral,
};

/** Several kinds at once (never padding together with doubling, which no writer combines). */
function mixed(items, targets, r) {
  const pool = ['traditional', 'lookalikes', 'width', 'invisibles', 'separators', 'ruby', 'repeat', 'crlf-astral'];
  const chosen = new Set();
  // Walk the pool from a random start, skipping a random few: always ends, even on a tape of 0s.
  for (let i = r.int(pool.length), seen = 0; chosen.size < 3 && seen < pool.length; i++, seen++) {
    const k = pool[i % pool.length];
    if (chosen.size + (pool.length - seen) > 3 && r.chance(0.4)) continue;
    if ((k === 'repeat' && chosen.has('separators')) || (k === 'separators' && chosen.has('repeat'))) continue;
    if ((k === 'repeat' && chosen.has('ruby')) || (k === 'ruby' && chosen.has('repeat'))) continue;
    chosen.add(k);
  }
  let changed = false;
  for (const k of pool) if (chosen.has(k)) changed = TEXT_KINDS[k](items, targets, r) || changed;
  return changed;
}

/**
 * Kinds that replace characters outright: registration numbers ((浙)医广【2024】…) are left
 * intact by them — a number with a character swapped for pinyin is a different, malformed
 * number, not a disguised claim.
 */
export const REPLACING_KINDS = new Set(['pinyin', 'mask', 'repeat', 'mixed']);

/** Every kind: name → apply(items, targets, chooser) → { applied, html?: {prefix, suffix} }. */
export const KINDS = {
  ...Object.fromEntries(Object.entries(TEXT_KINDS).map(([name, fn]) => [name, (items, t, r) => ({ applied: fn(items, t, r) })])),
  html: (items, t, r) => ({ applied: true, html: toHtml(items, t, r) }),
  'hidden-html': (items, t, r) => ({ applied: true, html: hiddenHtml(items, t, r) }),
  mixed: (items, t, r) => {
    const applied = mixed(items, t, r);
    return r.chance(0.3) ? { applied, html: toHtml(items, t, r) } : { applied };
  },
};

export const KIND_NAMES = Object.keys(KINDS);
