import { clauseAround, type Span } from './sentences.js';

// The "mention, not claim" test (catalogue §1.3): regulators, reporters and consumer
// warnings quote forbidden phrases — inside quotation marks, in "…等内容" lists, after a
// prohibitive verb. Ads rarely quote their own claims, so these cues are strong.

const OPEN_QUOTES = '“「『‘"\'《';
const CLOSE_QUOTES = '”」』’"\'》';
/** …"保证治愈""治愈率"等用语 / 等内容的广告 */
const LIST_TAIL = /^[”」』’"']?(?:\s*[、,]?\s*[“「『‘"'][^”」』’"'\n]{1,16}[”」』’"'])*\s*等(?:用语|内容|字样|表述|词语|词汇|情形|宣传|违法|虚假|说法|字眼|承诺|信息)/u;
/** 含有/宣称/严禁 … "phrase": a verb that introduces a quoted phrase as something talked about. */
const VERB_HEAD = /(?:含有|宣称|声称|使用|出现|标榜|号称|打着|打出|张贴|冠以|利用|涉及|宣传|发布|鼓吹|所谓|严禁|禁止|不得|不准|杜绝|包括|诸如|例如|如)[^。!?;\n]{0,8}$/u;
/** A prohibition earlier in the same sentence governs the phrase (不得含有…保证治愈). 不得不 is not one. */
const PROHIBITIVE = /(严禁|禁止|不得(?!不)|不准|不允许|杜绝|严厉打击|依法查处|查处|整治|取缔|不应|不能含有|不可以|虚构|冒充|谎称|假冒|伪造)[^。!?;\n]{0,30}$/u;
/** Negation shortly before the phrase, in the same clause (无法保证治愈). */
const NEGATION = /(无法|不能|不会|不可能|并非|并不|不是|未见|尚无|暂无|并无|不存在|没有|拒绝|警惕|谨防|不要|别信|切勿|勿信|不可|不一定|未必|谨慎)[^,:。!?;\n]{0,8}$/u;

/** The sentence goes on to call the claim unlawful or sanctioned (…包治百病，已被立案调查). */
const VIOLATION_AFTER = /^[^。!?;\n]{0,40}?(属于违法|均属违法|属违法|均为违法|都属于违法|违法内容|违反了|违反《|被罚|被处罚|被处以|被立案|立案调查|被查处|已被查处|涉嫌虚假|属于虚假|是虚假|均为虚假|虚假宣传|是骗局)/u;

/** The clause ends as a question right after the phrase. */
const QUESTION = /^[^,:。!;\n]{0,6}?(?:吗|么|呢|没有|与否)?\s*[?？]|^[^,:。!;\n]{0,4}?(?:吗|么)(?:[,。!;\n]|$)/u;

/** Quoted phrases listed one after another, at the end of the text before a quotation. */
const QUOTED_RUN = /(?:[“「『‘][^”」』’\n]{1,16}[”」』’]\s*[、,，和及与或]?\s*)+$/u;

/** Curly and corner quotes say which side they open; ASCII quotes do not and are only trusted when adjacent. */
const DIRECTED_OPEN = '“「『‘《';
const DIRECTED_CLOSE = '”」』’》';
/** Longest quotation searched for around a phrase (“包治百病” is quoted as a whole). */
const MAX_QUOTE = 24;

/**
 * `questions`: also take a phrase in a question (白癜风能根治吗？) for a mention. Classification
 * does (a forum question does not sell); rules do not, since ads tease with questions too.
 */
export function mentionReason(text: string, sentence: Span, match: Span, options: { questions?: boolean } = {}): string | null {
  const q = enclosingQuote(text, sentence, match);
  const before = text.slice(sentence.start, q ? q.start : match.start);
  const after = text.slice(q ? q.end - 1 : match.end, sentence.end);
  const prev = text[match.start - 1] ?? '';
  const next = text[match.end] ?? '';
  const quoted = q !== null || (prev !== '' && OPEN_QUOTES.includes(prev) && next !== '' && CLOSE_QUOTES.includes(next));
  if (LIST_TAIL.test(after)) return 'mention: listed as a phrase (…等内容/用语)';
  const verdict = VIOLATION_AFTER.exec(after);
  if (verdict) return `mention: judged a violation later in the sentence ("${verdict[1]}")`;
  // 宣称“根治”“无效退款”“祖传秘方”: the verb governs the whole run of quoted phrases.
  if (quoted && VERB_HEAD.test(before.replace(QUOTED_RUN, ''))) return 'mention: quoted after a reporting or prohibitive verb';
  const prohibitive = PROHIBITIVE.exec(before);
  if (prohibitive) return `prohibitive context: "${prohibitive[1]}"`;
  const clause = clauseAround(text, sentence, match.start, match.end);
  const negation = NEGATION.exec(text.slice(clause.start, match.start));
  if (negation) return `negated: "${negation[1]}"`;
  // 白癜风能根治吗？ asks; it does not promise.
  if (options.questions && QUESTION.test(text.slice(match.end, clause.end + 1))) return 'question, not a claim';
  return null;
}

/** The “…” quotation (quote marks included) that holds the match, if any. */
function enclosingQuote(text: string, sentence: Span, match: Span): Span | null {
  let open = -1;
  for (let i = match.start - 1; i >= sentence.start && match.start - i <= MAX_QUOTE; i--) {
    if (DIRECTED_CLOSE.includes(text[i]!)) return null;
    if (DIRECTED_OPEN.includes(text[i]!)) {
      open = i;
      break;
    }
  }
  if (open < 0) return null;
  for (let j = match.end; j < sentence.end && j - match.end <= MAX_QUOTE; j++) {
    if (DIRECTED_OPEN.includes(text[j]!)) return null;
    if (DIRECTED_CLOSE.includes(text[j]!)) return { start: open, end: j + 1 };
  }
  return null;
}
