import { createHash } from 'node:crypto';
import type { AdType, FetchEvidence, SourceDocument, SourceFailure } from '../core/types.js';

/**
 * What a job carries: a reference to the document, not the document, wherever a worker can
 * reach it itself (a URL, a path on shared storage, a record inside a JSONL file or WARC
 * archive). Only small records, and stdin, travel inline.
 */
export type DocRef =
  | { kind: 'url'; uri: string }
  | { kind: 'file'; uri: string; path: string }
  | {
      kind: 'record';
      uri: string;
      /** Absolute path of the JSONL file or WARC archive. */
      path: string;
      format: 'jsonl' | 'warc';
      /** JSONL record id, or the WARC-Record-ID, that finds the record again. */
      id?: string;
      recordId?: string;
    }
  | {
      kind: 'inline';
      uri: string;
      id?: string;
      body: string;
      encoding: 'utf8' | 'base64';
      contentType?: string;
      finalUri?: string;
      fetch?: FetchEvidence;
      sha256: string;
    }
  /** An input that could not even be listed (a bad URL-list line, an unreadable directory). */
  | { kind: 'failure'; uri: string; error: string };

/** A job's data. `rulesHash` is the rule set the queue was filled for. */
export interface JobData {
  ref: DocRef;
  /** Enqueue order within the queue. */
  seq: number;
  rulesHash: string;
  /** Ad types given at enqueue time (--ad-type, or the configuration's adTypes globs). */
  adTypes?: AdType[];
}

/**
 * The identity a job id is made from: the URL, the absolute path, the record within its file,
 * or, for inline content, the URI plus the content hash. The same identity is one job.
 */
export function refIdentity(ref: DocRef): string {
  switch (ref.kind) {
    case 'url':
      return `url\0${ref.uri}`;
    case 'file':
      return `file\0${ref.path}`;
    case 'record':
      return `record\0${ref.path}\0${ref.recordId ?? ref.id ?? ref.uri}`;
    case 'inline':
      return `inline\0${ref.uri}\0${ref.sha256}`;
    case 'failure':
      return `failure\0${ref.uri}\0${ref.error}`;
  }
}

/** A document read at enqueue time, kept whole in the job. */
export function inlineRef(doc: SourceDocument): DocRef {
  const bytes = Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength);
  const text = bytes.toString('utf8');
  // UTF-8 text stays readable (and a third smaller than base64); anything else is base64.
  const utf8 = Buffer.byteLength(text, 'utf8') === bytes.length && Buffer.from(text, 'utf8').equals(bytes);
  const ref: Extract<DocRef, { kind: 'inline' }> = {
    kind: 'inline',
    uri: doc.uri,
    body: utf8 ? text : bytes.toString('base64'),
    encoding: utf8 ? 'utf8' : 'base64',
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (doc.id !== undefined) ref.id = doc.id;
  if (doc.contentType !== undefined) ref.contentType = doc.contentType;
  if (doc.finalUri !== undefined) ref.finalUri = doc.finalUri;
  if (doc.fetch !== undefined) ref.fetch = doc.fetch;
  return ref;
}

export function inlineDocument(ref: Extract<DocRef, { kind: 'inline' }>): SourceDocument {
  const doc: SourceDocument = { uri: ref.uri, bytes: new Uint8Array(Buffer.from(ref.body, ref.encoding)) };
  if (ref.id !== undefined) doc.id = ref.id;
  if (ref.contentType !== undefined) doc.contentType = ref.contentType;
  if (ref.finalUri !== undefined) doc.finalUri = ref.finalUri;
  if (ref.fetch !== undefined) doc.fetch = ref.fetch;
  return doc;
}

export function failureRef(f: SourceFailure): DocRef {
  return { kind: 'failure', uri: f.uri, error: f.error };
}
