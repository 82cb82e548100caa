import { commonCjkTable } from './cjk-common.js';

/** CJK punctuation, fullwidth forms and the General Punctuation quotes and dashes. */
function isCommonPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff5e) ||
    (c >= 0x2010 && c <= 0x2027) ||
    c === 0x00b7
  );
}

/**
 * How plausible a decoding is as Chinese text, roughly in [-3, 1]: the share of non-ASCII
 * characters that are common CJK characters or punctuation, minus a heavy penalty for
 * replacement characters, private-use code points and C1 controls, which wrong tables
 * produce. Pure ASCII scores 1.
 */
export function chineseTextScore(text: string): number {
  const common = commonCjkTable();
  let total = 0;
  let good = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    total++;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c <= 0x9f) bad++;
    else if (common[c] === 1 || isCommonPunctuation(c)) good++;
  }
  return total === 0 ? 1 : (good - 3 * bad) / total;
}
