import type { DocumentResult, Finding, Severity } from '../core/types.js';
import { formatJsonlDocument } from '../report/jsonl.js';
import { jsonDocumentText } from '../report/json-chunks.js';

/**
 * A finished document already made into the text of the run's reports, where it was
 * scanned. A worker thread that sends this instead of the result object spares the main
 * thread (which reads, orders and writes for every worker) both the copy of every finding
 * and the formatting.
 */

/** The report formats whose documents can be made one by one (see report/json-chunks.ts). */
export type RenderFormat = 'json' | 'jsonl';

/** What a document's texts need besides its content: the run's identity of the bytes. */
export interface RenderRequest {
  formats: readonly RenderFormat[];
  sha256: string;
  rulesHash: string;
  /** The first URI that carried the same bytes, when this one is not it (see ContentCache). */
  sameContentAs?: string;
}

/** What the run's summary, exit code and progress line need of a document. */
export interface DocumentTally {
  uri: string;
  error: string | null;
  findings: { severity: Severity; category: string }[];
  suppressed: number;
}

export interface RenderedDocument {
  tally: DocumentTally;
  /** The document as each requested format holds it, UTF-8 (jsonl: its line, newline included). */
  texts: Partial<Record<RenderFormat, Uint8Array>>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const findingTally = (f: Finding): { severity: Severity; category: string } => ({ severity: f.severity, category: f.category });

export function tallyOf(d: DocumentResult): DocumentTally {
  return {
    uri: d.uri,
    error: d.error,
    findings: d.findings.map(findingTally),
    suppressed: d.suppressed.length,
  };
}

/**
 * The document in each format. Each text is a Uint8Array with an ArrayBuffer of its own, so
 * a worker can hand it over without copying.
 */
export function renderDocument(d: DocumentResult, formats: readonly RenderFormat[]): RenderedDocument {
  const texts: RenderedDocument['texts'] = {};
  for (const f of formats) texts[f] = encoder.encode(f === 'json' ? jsonDocumentText(d) : formatJsonlDocument(d));
  return { tally: tallyOf(d), texts };
}

/** The buffers to transfer with a rendered document. */
export function transferables(r: RenderedDocument): ArrayBuffer[] {
  return Object.values(r.texts).map((t) => t.buffer as ArrayBuffer);
}

/**
 * The document back as a result, for another URI with the same bytes (a copy). Every key the
 * reports show is in the text, so the copy's texts come out as from the result object itself.
 */
export function documentOf(r: RenderedDocument): DocumentResult {
  const text = r.texts.jsonl ?? r.texts.json;
  if (!text) throw new Error('rendered document without a JSON text');
  return JSON.parse(decoder.decode(text)) as DocumentResult;
}
