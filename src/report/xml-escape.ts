/**
 * Characters XML 1.0 cannot hold at all, even escaped: C0 controls other than tab, LF and
 * CR, lone surrogates, U+FFFE and U+FFFF. (With the u flag a lone surrogate is one code point.)
 */
const ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text for XML character data: illegal characters dropped, & < > escaped. */
export function xmlText(text: string): string {
  return text.replace(ILLEGAL, '').replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/**
 * Text for a double-quoted XML attribute value: illegal characters dropped, & < > " escaped,
 * and tab, LF and CR as character references so attribute-value normalisation keeps them.
 */
export function xmlAttribute(text: string): string {
  return text.replace(ILLEGAL, '').replace(/[&<>"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
