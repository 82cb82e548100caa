import iconv from 'iconv-lite';
import { decoderName } from './charset-label.js';

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text if `bytes` are well-formed UTF-8, else null. */
export function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

/** Native WHATWG decoders by charset; null where Node's ICU has none (iconv-lite decodes those). */
const nativeDecoders = new Map<string, InstanceType<typeof TextDecoder> | null>([['utf-8', utf8Lenient]]);

/**
 * The multi-byte CJK charsets, where iconv-lite is slow. Single-byte charsets stay with
 * iconv-lite: it marks bytes a code page leaves undefined (windows-1252's 0x81) as
 * replacement characters, which charset detection relies on; WHATWG maps them to C1 controls.
 */
const NATIVE = new Set(['gbk', 'gb18030', 'gb2312', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

function nativeDecoder(charset: string): InstanceType<typeof TextDecoder> | null {
  let d = nativeDecoders.get(charset);
  if (d === undefined) {
    if (!NATIVE.has(charset)) return null;
    try {
      d = new TextDecoder(charset, { ignoreBOM: true });
    } catch {
      d = null;
    }
    nativeDecoders.set(charset, d);
  }
  return d;
}

/**
 * Decodes with replacement characters for bad sequences. Node's built-in decoders (GBK as
 * GB18030, Big5 with HKSCS, Shift_JIS…) are several times faster than iconv-lite, which
 * covers the charsets they lack.
 */
export function decodeWith(bytes: Uint8Array, charset: string): string {
  const native = nativeDecoder(charset);
  if (native !== null) return native.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), decoderName(charset), {
    stripBOM: false,
  });
}

/** Replacement characters and non-ASCII characters, to judge whether a decoding worked. */
export function replacementStats(text: string): { replacements: number; nonAscii: number } {
  let replacements = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replacements++;
  }
  return { replacements, nonAscii };
}

/** "Plainly fails": more than a stray bad byte or two, and more than 2% of the non-ASCII text. */
export function decodingFailed(text: string): boolean {
  // Most decodings hold no replacement character at all, which indexOf tells natively;
  // counting every non-ASCII character is left to the few with more than two.
  let seen = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0 && seen <= 2; at = text.indexOf('\ufffd', at + 1)) seen++;
  if (seen <= 2) return false;
  const { replacements, nonAscii } = replacementStats(text);
  return replacements > 2 && replacements / nonAscii > 0.02;
}
