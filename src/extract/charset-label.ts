import iconv from 'iconv-lite';

// Label → the decoder adscan uses. Follows the WHATWG Encoding Standard where it matters
// for Chinese pages: GBK/GB2312 labels get GB18030 (a superset, so mislabelled pages still
// decode), Big5 labels get Big5-HKSCS, and Latin-1 labels get windows-1252.
const ALIASES: Record<string, string> = {};
function alias(target: string, labels: string[]): void {
  for (const label of labels) ALIASES[label] = target;
}
alias('utf-8', ['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
alias('gb18030', [
  'gb18030', 'gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'x-gbk', 'cp936', 'ms936', 'windows-936',
  'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58', 'csiso58gb231280',
]);
alias('big5', ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5', 'cp950', 'ms950', 'windows-950']);
alias('utf-16le', ['utf-16', 'utf-16le', 'unicode', 'ucs-2', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff']);
alias('utf-16be', ['utf-16be', 'unicodefffe']);
alias('windows-1252', [
  'windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1',
  'us-ascii', 'ascii', 'cp819', 'ibm819', 'csisolatin1',
]);

/**
 * The canonical name for a charset label, or null if it is unknown or unusable. A UTF-16
 * label found by an ASCII-compatible prescan cannot be true (the prescan could read it), so
 * like browsers we then read UTF-8.
 */
export function canonicalCharset(label: string, fromPrescan = false): string | null {
  const key = label.trim().toLowerCase();
  if (key === '') return null;
  const known = ALIASES[key];
  if (known !== undefined) return fromPrescan && known.startsWith('utf-16') ? 'utf-8' : known;
  return iconv.encodingExists(key) ? key : null;
}

/** iconv-lite's name for a canonical charset. */
export function decoderName(charset: string): string {
  return charset === 'big5' ? 'big5hkscs' : charset;
}
