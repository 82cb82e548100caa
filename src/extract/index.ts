import { OffsetMap } from '../core/offset-map.js';
import type { SourceDocument } from '../core/types.js';
import { decodeDocument } from './decode-document.js';
import type { Extracted } from './extracted.js';
import { detectFormat } from './format.js';
import { extractHtmlFields } from './html/html-fields.js';

export type { Extracted, ExtractedField } from './extracted.js';
export { ExtractError } from './extract-error.js';

/**
 * Bytes → the text fields a reader sees, each mapped back to the decoded source.
 * Rejects empty, binary and undecodable input with an ExtractError.
 */
export async function extract(doc: SourceDocument): Promise<Extracted> {
  const { text: original, charset } = decodeDocument(doc.bytes, doc.contentType);
  const format = detectFormat(original, doc.uri, doc.contentType);
  const fields =
    format === 'html'
      ? extractHtmlFields(original)
      : [{ name: 'body' as const, text: original, map: OffsetMap.identity(original.length) }];
  return { original, charset, format, fields };
}
