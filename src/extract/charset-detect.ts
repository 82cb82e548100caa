import { chineseTextScore } from './charset-score.js';
import { decodeStrictUtf8, decodeWith, replacementStats } from './decode-bytes.js';
import { ExtractError } from './extract-error.js';

export interface Decoded {
  text: string;
  charset: string;
}

/** Candidates for undeclared non-UTF-8 input; on a tie the first wins (mainland pages dominate). */
const CJK_CANDIDATES = ['gb18030', 'big5'];

/**
 * Picks a charset for input that declares none (or declares one that plainly fails):
 * well-formed UTF-8 is UTF-8; otherwise the CJK legacy charset whose decoding reads most
 * like Chinese; Latin-1-style text as the last resort.
 */
export function detectCharset(bytes: Uint8Array): Decoded {
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };

  let best: (Decoded & { score: number }) | null = null;
  for (const charset of CJK_CANDIDATES) {
    const text = decodeWith(bytes, charset);
    const score = chineseTextScore(text);
    if (best === null || score > best.score) best = { text, charset, score };
  }
  const { replacements, nonAscii } = replacementStats(best!.text);
  // A damaged byte here and there is tolerable; a large share means the bytes are not CJK.
  if (replacements <= nonAscii * 0.1) return { text: best!.text, charset: best!.charset };

  // Isolated high bytes between ASCII ("café") are not CJK; windows-1252 may still read them.
  const latin = decodeWith(bytes, 'windows-1252');
  if (!latin.includes('\ufffd')) return { text: latin, charset: 'windows-1252' };
  throw new ExtractError('undecodable text (not UTF-8, GB18030, Big5 or windows-1252)');
}
