import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DocumentResult } from '../core/types.js';

/**
 * How a worker leaves a document's result in Redis: its JSON, deflated (level 1) and base64
 * encoded. A result repeats each finding's law, suggestion and snippet structure, so it
 * shrinks to a fraction, and Redis holds every finished page until `queue report` takes it.
 * Level 1 costs well under a millisecond per page against tens spent scanning it.
 */
export interface PackedResult {
  /** Format version. */
  v: 1;
  /** base64 of the raw-deflated UTF-8 JSON of the DocumentResult. */
  z: string;
}

export function packResult(doc: DocumentResult): PackedResult {
  return { v: 1, z: deflateRawSync(Buffer.from(JSON.stringify(doc), 'utf8'), { level: 1 }).toString('base64') };
}

/**
 * The result a worker left: packed, or (from an older worker) the plain object. Null when the
 * value is neither, so the caller can report the job instead of crashing on it.
 */
export function unpackResult(value: unknown): DocumentResult | null {
  if (!value || typeof value !== 'object') return null;
  const packed = value as Partial<PackedResult>;
  if (packed.v === undefined && 'uri' in value) return value as DocumentResult;
  if (packed.v !== 1 || typeof packed.z !== 'string') return null;
  try {
    const doc = JSON.parse(inflateRawSync(Buffer.from(packed.z, 'base64')).toString('utf8')) as unknown;
    return doc && typeof doc === 'object' && 'uri' in doc ? (doc as DocumentResult) : null;
  } catch {
    return null;
  }
}
