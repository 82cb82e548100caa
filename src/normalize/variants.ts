import { lazyBmpTable } from './bmp-table.js';
import { cpAt, cpBefore, isHanCp } from './han.js';
import { MapWriter } from '../core/map-writer.js';
import { unchanged, type Normalized } from './normalized.js';
import { matchesOf } from '../core/match-reader.js';

/*
 * Look-alike characters that writers put in place of a Han character to dodge filters, each
 * replaced by the character it imitates. Only substitutions that cannot be meant as written
 * are made (NFKC, run before, already folds Kangxi radicals ⼝ and compatibility ideographs):
 *
 * - ALWAYS: CJK Radicals Supplement forms that are glyph-identical to a standalone character
 *   (⻅ U+2EC5 for 见, ⻔ for 门, ⻢ for 马 …): radical forms belong in dictionaries' radical
 *   indexes, never in running text; the stroke ㇐ for 一; 囗 (the "enclosure" radical, in
 *   modern text only ever a stand-in for 口); and Japanese shinjitai forms whose Chinese
 *   counterpart differs (薬 for 药, 験 for 验, 処 for 处 …), which no Chinese orthography uses.
 *   Each Japanese form listed here maps, through opencc's jp → cn tables, to the same
 *   character (a test checks this).
 * - BETWEEN_HAN: katakana and bopomofo that look like Han characters (ロ 口, エ 工, カ 力, ニ 二,
 *   ト 卜, ハ 八, タ 夕, ヒ 匕, ー 一, ㄧ 一, ㄦ 儿), only when a neighbour (past up to two padding
 *   characters: ㄧ·次) is a Han character and neither is kana or bopomofo: in Japanese or zhuyin
 *   text they are what they are.
 */
const ALWAYS: Record<string, string> = {
  // CJK Radicals Supplement (U+2E80–U+2EF3) → the standalone character they look like.
  '⺁': '厂', '⺊': '卜', '⺎': '兀', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺜': '日', '⺝': '月', '⺠': '民',
  '⺩': '王', '⺪': '疋', '⺬': '示', '⺯': '糸', '⺼': '月', '⺽': '臼', '⻁': '虎', '⻄': '西', '⻅': '见',
  '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '长', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页',
  '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦',
  '⻩': '黄', '⻪': '黾', '⻫': '齐', '⻬': '齐', '⻭': '齿', '⻮': '齿', '⻯': '龙', '⻰': '龙', '⻱': '龟',
  '⻲': '龟',
  // CJK stroke H, and the enclosure radical standing in for 口.
  '㇐': '一', '囗': '口',
  // Japanese shinjitai → Simplified (health and advertising vocabulary).
  '薬': '药', '験': '验', '剤': '剂', '処': '处', '歳': '岁', '痩': '瘦', '圧': '压', '気': '气', '楽': '乐',
  '廃': '废', '効': '效', '広': '广', '売': '卖', '険': '险', '検': '检', '発': '发', '専': '专', '単': '单',
  '変': '变', '価': '价', '帰': '归', '歯': '齿', '脳': '脑', '髄': '髓', '対': '对', '応': '应', '実': '实',
  '総': '总', '転': '转', '関': '关', '伝': '传', '済': '济', '隠': '隐', '満': '满', '黒': '黑', '従': '从',
  '悪': '恶', '亜': '亚', '図': '图', '拡': '扩', '摂': '摄', '浄': '净', '覚': '觉', '栄': '荣', '継': '继',
  '続': '续', '読': '读', '剰': '剩', '顔': '颜', '鉄': '铁', '銭': '钱', '辺': '边', '様': '样', '鶏': '鸡',
  '塩': '盐', '焼': '烧', '軽': '轻', '鎮': '镇', '経': '经',
};

const BETWEEN_HAN: Record<string, string> = {
  'ロ': '口', 'エ': '工', 'カ': '力', 'ニ': '二', 'ト': '卜', 'ハ': '八', 'タ': '夕', 'ヒ': '匕', 'ー': '一',
  'ㄧ': '一', 'ㄦ': '儿',
};

const ANY = new RegExp(`[${Object.keys(ALWAYS).join('')}${Object.keys(BETWEEN_HAN).join('')}]`, 'gu');
// Every table character is in the BMP: a table read per code unit finds out whether a text has
// any at all, several times faster than the regex over a whole document.
const TABLE_CHARS = new Set([...Object.keys(ALWAYS), ...Object.keys(BETWEEN_HAN)].map((c) => c.charCodeAt(0)));
const inTable = lazyBmpTable((cp) => (TABLE_CHARS.has(cp) ? 1 : 0));

function hasTableChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2e80 && inTable(c) === 1) return true;
  }
  return false;
}

/** Kana (hiragana, katakana, phonetic extensions) and bopomofo. */
function isKanaOrBopomofo(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf) || (cp >= 0xff66 && cp <= 0xff9f);
}

// Padding that may stand between a look-alike and its Han neighbour (ㄧ·次·根·治).
const PADDING = new Set([' ', '\u3000', '*', '·', '-', '_', '/', '~', '|', '#', '+', '•', '.', '^', '=']);

/** Offset after skipping up to two padding characters from `i` in `dir` (-1: backwards). */
function skipPadding(text: string, i: number, dir: 1 | -1): number {
  let at = i;
  for (let k = 0; k < 2; k++) {
    const ch = dir === 1 ? text[at] : text[at - 1];
    if (ch === undefined || !PADDING.has(ch)) break;
    at += dir;
  }
  return at;
}

/** Replaces look-alike characters by the Han character they imitate (see the table above). */
export function foldLookalikes(text: string): Normalized {
  if (!hasTableChar(text)) return unchanged(text);
  let out: MapWriter | undefined;
  let copied = 0;
  for (const m of matchesOf(text, ANY)) {
    const ch = m[0];
    const at = m.index;
    let to = ALWAYS[ch];
    if (to === undefined) {
      const before = cpBefore(text, skipPadding(text, at, -1));
      const after = cpAt(text, skipPadding(text, at + ch.length, 1));
      const hanNeighbour = isHanCp(before) || isHanCp(after);
      if (!hanNeighbour || isKanaOrBopomofo(before) || isKanaOrBopomofo(after)) continue;
      to = BETWEEN_HAN[ch]!;
    }
    out ??= new MapWriter(text.length);
    out.copy(text.slice(copied, at), copied);
    out.emit(to, at, at + ch.length);
    copied = at + ch.length;
  }
  if (!out) return unchanged(text);
  out.copy(text.slice(copied), copied);
  return out.finish();
}

/** The look-alike tables, for tests and the noise evaluation. */
export const LOOKALIKES = { always: ALWAYS as Readonly<Record<string, string>>, betweenHan: BETWEEN_HAN as Readonly<Record<string, string>> };
