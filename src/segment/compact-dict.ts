import { createHash } from 'node:crypto';

/*
 * The compact dictionary: a subset of jieba's 349k-word dictionary that loads in a fraction of
 * the time (nodejieba parses the dictionary twice, for the segmenter and for TextRank, so load
 * time grows with its size: ~2.5 s / 280 MB for the full one here).
 *
 * Measured on this project's corpora (dev ads + regulatory texts) and probe sentences:
 *   freq ≥ 20: 80k words, ~0.36 s;  ≥ 30: 67k, ~0.32 s;  ≥ 50: 52k, ~0.23 s;  ≥ 100: 36k, ~0.17 s.
 * Plain frequency cuts drop exactly the words health ads turn on: 根治术 (33) splits into
 * 根治 + 术 below 50, 牛皮癣 (23), 白癜风 (20), 退款 (25), 第一阶段 (3) — the last one matters
 * because absolute-term rules must tell 第一 from 第一阶段/第一次. So we keep words with
 * frequency ≥ 50 plus, from frequency 3 up, words that start like an absolute term
 * (第 最 首 唯 独 顶 极) or end like a disease, treatment or rate (…病 …症 …炎 …术 …率 …医院),
 * plus a short list of domain words: ~56k words, ~0.25 s and ~40 MB of native memory.
 * Words jieba's dictionary lacks altogether go to the user dictionary.
 */

export const MIN_FREQUENCY = 50;
export const DOMAIN_MIN_FREQUENCY = 3;

const ABSOLUTE_PREFIX = /^[第最首唯独顶极]/u;
const MEDICAL_SUFFIX = /(?:病|症|炎|癌|瘤|癣|疮|疹|医院|诊所|门诊|术|疗法|疗程|药|剂|率)$/u;

/** Health-advertising words in jieba's dictionary that neither rule above keeps. */
const KEEP = new Set([
  '白癜风', '尖锐湿疣', '试管婴儿', '祛斑', '肉毒素', '隆鼻', '双眼皮', '减肥茶', '保健食品',
  '医疗器械', '批准文号', '男科', '肛肠', '坐诊', '早泄', '无副作用', '退款', '专治', '药到病除',
  '神效', '奇效', '纯天然',
]);

/** Domain words missing from jieba's dictionary, as user-dictionary lines ("word tag"). */
export const USER_WORDS: readonly string[] = [
  '玻尿酸 n', '超声刀 n', '水光针 n', '热玛吉 n', '医美 n', '光子嫩肤 n', '微整形 n', '吸脂 v',
  '祛痘 v', '不孕不育 n', '无痛人流 n', '骨质疏松 n', '三甲医院 n', '零风险 n',
];

function keep(word: string, freq: number): boolean {
  if (freq >= MIN_FREQUENCY || KEEP.has(word)) return true;
  return freq >= DOMAIN_MIN_FREQUENCY && (ABSOLUTE_PREFIX.test(word) || MEDICAL_SUFFIX.test(word));
}

/**
 * Filters a jieba dictionary ("word freq tag" per line). Malformed lines are dropped: cppjieba
 * aborts the whole process on a line without exactly three fields.
 */
export function compactDictionary(full: string): { text: string; words: number } {
  const lines: string[] = [];
  for (const line of full.split(/\r?\n/)) {
    const fields = line.split(' ');
    if (fields.length !== 3 || fields[0] === '') continue;
    const freq = Number(fields[1]);
    if (!Number.isInteger(freq) || freq <= 0) continue;
    if (keep(fields[0]!, freq)) lines.push(line);
  }
  return { text: lines.join('\n') + '\n', words: lines.length };
}

/** The user dictionary shipped with the compact dictionary. */
export function userDictionary(): string {
  return USER_WORDS.join('\n') + '\n';
}

// nodejieba always builds a keyword extractor too. Its idf and stop-word files must not be
// empty (an empty one trips a C++ assertion and kills the process); we never use keyword
// extraction, so one line each is enough.
export const IDF_TEXT = '的 1.0\n';
export const STOP_WORDS_TEXT = '的\n';

/**
 * Identifies the selection above; a dictionary directory stamped with another version (built
 * before the rules changed) is rebuilt instead of used.
 */
export const COMPACT_VERSION = `compact-${createHash('sha256')
  .update(JSON.stringify([MIN_FREQUENCY, DOMAIN_MIN_FREQUENCY, ABSOLUTE_PREFIX.source, MEDICAL_SUFFIX.source, [...KEEP], USER_WORDS, IDF_TEXT, STOP_WORDS_TEXT]))
  .digest('hex')
  .slice(0, 12)}`;
