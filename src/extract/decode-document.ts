import { binaryReasonForBytes, binaryReasonForText } from './binary.js';
import { sniffBom } from './bom.js';
import { detectCharset, type Decoded } from './charset-detect.js';
import { charsetFromContentType, charsetFromMetaPrescan } from './declared-charset.js';
import { decodeStrictUtf8, decodeWith, decodingFailed } from './decode-bytes.js';
import { ExtractError } from './extract-error.js';

/** Enough multi-byte text that valid UTF-8 is no accident (GBK byte pairs rarely form it). */
const UTF8_EVIDENCE_BYTES = 8;

function countHighBytes(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

/**
 * Bytes → text, in order of authority: BOM, HTTP charset, `<meta>` charset, detection.
 * A declaration is overruled when its decoding plainly fails, or when it names a legacy
 * charset but the bytes are well-formed UTF-8 with real multi-byte content (a template's
 * stale `charset=gb2312` on a page saved as UTF-8 is common).
 */
export function decodeDocument(bytes: Uint8Array, contentType: string | undefined): Decoded {
  if (bytes.length === 0) throw new ExtractError('empty document');

  const bom = sniffBom(bytes);
  let decoded: Decoded;
  if (bom !== null) {
    decoded = { text: decodeWith(bytes.subarray(bom.length), bom.charset), charset: bom.charset };
  } else {
    const httpCharset = charsetFromContentType(contentType);
    if (httpCharset !== null && httpCharset.startsWith('utf-16')) {
      // BOM-less UTF-16 has NUL high bytes for ASCII, so the byte-level binary test cannot apply.
      decoded = { text: decodeWith(bytes, httpCharset), charset: httpCharset };
    } else {
      const binary = binaryReasonForBytes(bytes);
      if (binary !== null) throw new ExtractError(binary);
      decoded = decodeDeclaredOrDetect(bytes, httpCharset);
    }
  }

  const binary = binaryReasonForText(decoded.text);
  if (binary !== null) throw new ExtractError(binary);
  if (/^[\s\u3000\ufeff]*$/.test(decoded.text)) throw new ExtractError('empty document');
  return decoded;
}

function decodeDeclaredOrDetect(bytes: Uint8Array, httpCharset: string | null): Decoded {
  const declared = httpCharset ?? charsetFromMetaPrescan(bytes);
  if (declared === null) return detectCharset(bytes);
  if (declared !== 'utf-8' && !declared.startsWith('utf-16') && countHighBytes(bytes) >= UTF8_EVIDENCE_BYTES) {
    const utf8 = decodeStrictUtf8(bytes);
    if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  }
  const text = decodeWith(bytes, declared);
  return decodingFailed(text) ? detectCharset(bytes) : { text, charset: declared };
}
