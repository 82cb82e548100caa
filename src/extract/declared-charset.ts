import { canonicalCharset } from './charset-label.js';

/** `charset=` parameter of an HTTP Content-Type header. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m ? canonicalCharset(m[1]!) : null;
}

const PRESCAN_BYTES = 4096;

/**
 * `<meta charset=…>` or `<meta http-equiv=Content-Type content="…charset=…">` in the first
 * 4 KiB. The bytes are read as Latin-1: every charset we could find declared this way is
 * ASCII-compatible, so the markup reads the same. Commented-out tags do not count.
 */
export function charsetFromMetaPrescan(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const metaTag = /<meta\b[^>]*>/gi;
  for (let m = metaTag.exec(head); m !== null; m = metaTag.exec(head)) {
    const charset = /\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(m[0]);
    if (charset) {
      const canonical = canonicalCharset(charset[1]!, true);
      if (canonical) return canonical;
    }
  }
  return null;
}
