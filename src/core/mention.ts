import { clauseAround, type Span } from './sentences.js';

// The "mention, not claim" test (catalogue §1.3): regulators, reporters and consumer
// warnings quote forbidden phrases — inside quotation marks, in "…等内容" lists, after a
// prohibitive verb. Ads rarely quote their own claims, so these cues are strong.

const OPEN_QUOTES = '“「『‘"\'《';
const CLOSE_QUOTES = '”」』’"\'》';
/**
 * …"保证治愈""治愈率"等用语 / 等保证疗效的表述 / 感谢信、锦旗等作为证明: the phrase ends a list
 * (quoted or not) that the sentence then names as wording. Only words for wording count after
 * 等 — never 等疾病, 等项目 or 等方式, which is how ads list what they treat.
 */
const LIST_TAIL =
  /^[”」』’"']?(?:\s*[、,]?\s*[“「『‘"'][^”」』’"'\n]{1,16}[”」』’"'])*(?:[^、,。!?;:\n“”「」]{0,12}、)*[^、,。!?;:\n“”「」]{0,12}?\s*(?:等|之类的?|这类|此类)[^。!?;:,\n“”「」]{0,8}?(?:用语|内容|字样|表述|词语|词汇|情形|宣传|违法|虚假|说法|字眼|承诺|信息|话术|促销|名义|噱头|概念|口号|标语|广告语|作为证明|证明材料)/u;
/** 含有/宣称/严禁 … "phrase": a verb that introduces a quoted phrase as something talked about. */
const VERB_HEAD = /(?:含有|宣称|声称|使用|出现|标榜|号称|打着|打出|喊出|张贴|冠以|利用|涉及|宣传|发布|鼓吹|吹嘘|所谓|听信|轻信|严禁|禁止|不得|不准|杜绝|包括|诸如|例如|如)[^。!?;\n]{0,8}$/u;
/** A prohibition earlier in the same sentence governs the phrase (不得含有…保证治愈). 不得不 is not one. */
const PROHIBITIVE = /(严禁|禁止|不得(?!不)|不准|不允许|杜绝|严厉打击|依法查处|查处|整治|取缔|不应|不能含有|不可以|虚构|冒充|谎称|假冒|伪造)[^。!?;\n]{0,30}$/u;
/** Negation shortly before the phrase, in the same clause (无法保证治愈). */
const NEGATION = /(无法|不能|不会|不可能|做不到|达不到|办不到|并非|并不|不是|未见|尚无|暂无|并无|不存在|没有|拒绝|警惕|谨防|不要|别信|切勿|勿信|不可|不一定|未必|谨慎|别(?:再)?(?:自己)?(?:乱|随便|轻易|盲目))[^,:。!?;\n]{0,8}$/u;

/** 没有任何一种疗法能保证“根治”: a denial that covers every treatment reaches further. */
const NO_ONE = /(没有任何|没有哪种|没有一种|任何[^,:。!?;\n]{1,10}都(?:不能|无法|没法|不可能))[^,:。!?;\n]{0,14}$/u;

/**
 * 不用去医院排队挂号 / 无需专家坐诊: saying a thing is not needed does not offer it. The gap may
 * not hold 即/就/便/也/还/可/能/都/再, or 无需开刀即可根治 would hide the promise that follows.
 */
const NOT_NEEDED = /(不用|无需|无须|不需要?|不必|免去|省去)[^,:。!?;\n即就便也还可能都再]{0,8}$/u;

/** The sentence goes on to call the claim unlawful, sanctioned or untrue (…包治百病，已被立案调查). */
const VIOLATION_AFTER =
  /^[^。!?;\n]{0,40}?(属于违法|均属违法|属违法|均为违法|都属于违法|违法内容|违反了|违反《|被罚|被处罚|被处以|被立案|立案调查|被查处|已被查处|涉嫌虚假|属于虚假|是虚假|均为虚假|虚假宣传|是骗局|属于典型的|被认定为?(?:违法|虚假|夸大|代言|广告|违规)|认定为?违法|构成(?:虚假|违法)|都?不可信|不可靠|全是套路|都是套路|是骗人|保持警惕|要警惕|需警惕|应警惕|不是一回事|是谣言|属于谣言|没有科学依据|缺乏科学依据|夸大其词|忽悠人|是忽悠)/u;

/** The closing quote and any quoted phrases listed right after it (”“永不复发”、“根治”). */
const QUOTED_RUN_AHEAD = /^[”」』’]?(?:\s*[、,，和及与或]?\s*[“「『‘][^”」』’\n]{1,16}[”」』’])*/u;
/**
 * The claim itself is what the reader is told not to believe: …“包治”“永不复发”的千万别信.
 * Only right after it (…的千万别信, …，千万别信) — 保证治愈，别信别家的说法 still promises.
 */
const DISBELIEVED = /^(?:(?:的|之类的)(?:话|说法|广告|宣传|承诺)?[,，\s]*|[,，\s]*(?=千万|一定))(?:千万|一定|可)?(?:别|不要|不能|不可)(?:相)?信/u;

/**
 * Someone else's claim reported without quotation marks: 任何声称可以根治高血压的说法. Sellers
 * do not say 声称 or 号称 of their own offer.
 */
const REPORTED = /(声称|宣称|号称|鼓吹|吹嘘|谎称|自称|忽悠|(?:给|跟|对|向)(?:他|她|我|我们|他们|老人|老人家|我爸|我妈|老爷子|老太太)们?(?:说|讲|推销)|推销员说|业务员说|销售员?说)[^。!?;\n]{0,12}$/u;

/** A numbered item — (一), 1., ①, 二、 — of a list. */
const LIST_ITEM = /^\s*(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[.．、](?!\d)|[①-⑳])/u;
/** A lead-in that puts the items below it under a prohibition: 严禁出现以下内容： */
const PROHIBITIVE_LEAD = /(?:严禁|禁止|不得(?!不)|不准|不允许|杜绝|不应)[^\n]{0,40}:\s*$/u;
/** Items searched upward for the lead-in line. */
const MAX_ITEMS_UP = 15;

/** The clause ends as a question right after the phrase. */
const QUESTION = /^[^,:。!;\n]{0,6}?(?:吗|么|呢|没有|与否)?\s*[?？]|^[^,:。!;\n]{0,4}?(?:吗|么)(?:[,。!;\n]|$)/u;

/** The sentence asks whether the claim is true (网上说能根治，是真的吗？): a reader doubting it, not selling it. */
const DOUBTED = /^[^。!?;\n]{0,30}?(?:是真的吗|是真是假|真的假的|靠谱吗|可信吗|能信吗|可靠吗)/u;

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
  if (DISBELIEVED.test(after.replace(QUOTED_RUN_AHEAD, ''))) return 'mention: judged not to be believed';
  // 宣称“根治”“无效退款”“祖传秘方”: the verb governs the whole run of quoted phrases.
  if (quoted && VERB_HEAD.test(before.replace(QUOTED_RUN, ''))) return 'mention: quoted after a reporting or prohibitive verb';
  const prohibitive = PROHIBITIVE.exec(before);
  if (prohibitive) return `prohibitive context: "${prohibitive[1]}"`;
  const reported = REPORTED.exec(before);
  if (reported) return `mention: reported claim ("${reported[1]}")`;
  if (underProhibitiveLead(text, match.start)) return 'mention: item of a list under a prohibition (严禁…以下内容：)';
  const clause = clauseAround(text, sentence, match.start, match.end);
  const lead = text.slice(clause.start, match.start);
  const negation = NEGATION.exec(lead) ?? NO_ONE.exec(lead);
  if (negation) return `negated: "${negation[1]}"`;
  const notNeeded = NOT_NEEDED.exec(lead);
  if (notNeeded) return `negated: "${notNeeded[1]}" (not needed is not offered)`;
  // 白癜风能根治吗？ asks; it does not promise.
  if (options.questions && QUESTION.test(text.slice(match.end, clause.end + 1))) return 'question, not a claim';
  if (options.questions && DOUBTED.test(text.slice(match.end, sentence.end))) return 'doubted: asked whether it is true';
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

/**
 * Whether the line holding `offset` is a numbered item of a list whose lead-in line prohibits
 * what follows (严禁出现以下内容：(一)“根治”… (四)感谢信、锦旗等): rules, codes of conduct and
 * compliance manuals list the forbidden claims this way, one per item, without quotation cues.
 */
function underProhibitiveLead(text: string, offset: number): boolean {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (!LIST_ITEM.test(text.slice(lineStart, lineStart + 12))) return false;
  for (let up = 0; up < MAX_ITEMS_UP && lineStart > 1; up++) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1);
    lineStart = prevStart;
    // The lead-in may be numbered itself (三、宣传材料中不得出现下列内容：).
    if (PROHIBITIVE_LEAD.test(line)) return true;
    if (line.trim() !== '' && !LIST_ITEM.test(line.slice(0, 12))) return false;
  }
  return false;
}
