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

/** Decodes with replacement characters for bad sequences. */
export function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return utf8Lenient.decode(bytes);
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
  const { replacements, nonAscii } = replacementStats(text);
  return replacements > 2 && replacements / nonAscii > 0.02;
}
