import type { OffsetMap } from '../core/offset-map.js';
import type { FieldName } from '../core/types.js';

export interface ExtractedField {
  name: FieldName;
  /** The text a reader sees: entities decoded, tags removed, whitespace as rendered. */
  text: string;
  /** Field text → `original`. */
  map: OffsetMap;
}

export interface Extracted {
  /** The decoded input: the whole file or page source as text, BOM removed. */
  original: string;
  /** e.g. 'utf-8', 'gb18030', 'big5', 'utf-16le'. */
  charset: string;
  format: 'text' | 'html';
  fields: ExtractedField[];
}
