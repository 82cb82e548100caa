import type { DocumentResult, SourceDocument } from '../core/types.js';

/** How a document's own URI, redirects and fetch evidence are kept apart from its content. */
export interface Origin {
  uri: string;
  finalUri?: string;
  fetch?: SourceDocument['fetch'];
  id?: string;
}

export function originOf(doc: SourceDocument): Origin {
  return { uri: doc.uri, finalUri: doc.finalUri, fetch: doc.fetch, id: doc.id };
}

/**
 * The keys that belong to a URI rather than to the bytes, in the order every document
 * carries them (after its content keys). A fixed order: a copy made from a result read back
 * from report text (see rendered.ts) then has the same key order as one made from the object.
 */
const ORIGIN_KEYS = ['finalUri', 'id', 'fetch', 'rulesHash', 'sha256', 'sameContentAs'] as const;

/**
 * This URI's copy of a content-only result: its own uri, finalUri, fetch evidence and id,
 * the content hash and rules hash, and — when another URI carried the bytes first — which.
 * `deep`: findings and all are copied too (the content is shared with other URIs, or the
 * copy will be changed in place); otherwise only the top level is new.
 */
export function resultFor(
  content: DocumentResult,
  origin: Origin,
  sha256: string,
  rulesHash: string,
  sameContentAs: string | undefined,
  deep = true,
): DocumentResult {
  const d = deep ? structuredClone(content) : { ...content };
  d.uri = origin.uri;
  for (const key of ORIGIN_KEYS) delete d[key];
  const values: Pick<DocumentResult, (typeof ORIGIN_KEYS)[number]> = {
    finalUri: origin.finalUri,
    id: origin.id,
    fetch: origin.fetch,
    rulesHash,
    sha256,
    sameContentAs: sameContentAs !== undefined && sameContentAs !== origin.uri ? sameContentAs : undefined,
  };
  for (const key of ORIGIN_KEYS) if (values[key] !== undefined) (d as unknown as Record<string, unknown>)[key] = values[key];
  return d;
}
