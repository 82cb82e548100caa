import type { AdType, DocContext, DocumentResult, SourceDocument, SourceFailure } from '../core/types.js';
import { scanDocument, type EngineField, type Scanner, type Tokenize } from '../engine/index.js';
import { LineIndex } from '../core/line-index.js';
import type { Finding } from '../core/types.js';
import { extract } from '../extract/index.js';
import type { HiddenText, HtmlField } from '../extract/html/html-fields.js';
import type { CertRegistry } from '../engine/numbers/registry.js';
import { normalize } from '../normalize/index.js';

export interface PipelineOptions {
  tokenize: Tokenize;
  adTypes?: AdType[];
  today?: Date;
  asOfKnown?: boolean;
  registry?: CertRegistry;
  context?: DocContext;
}

/** A document that could not be read or decoded: reported, never fatal for the batch. */
export function failedDocument(uri: string, error: string): DocumentResult {
  return { uri, adTypes: [], context: 'unknown', evidence: [], findings: [], suppressed: [], error };
}

/** extract → normalize → classify + rules for one document. */
export async function scanSource(doc: SourceDocument, scanner: Scanner, options: PipelineOptions): Promise<DocumentResult> {
  return (await scanSourceWithText(doc, scanner, options)).result;
}

/**
 * Like scanSource, also giving the decoded original text the findings' offsets index
 * (null when the document could not be decoded), for fingerprints and inline directives.
 */
export async function scanSourceWithText(doc: SourceDocument, scanner: Scanner, options: PipelineOptions): Promise<{ result: DocumentResult; original: string | null }> {
  let extracted;
  try {
    extracted = await extract(doc);
  } catch (err) {
    return { result: failedDocument(doc.uri, err instanceof Error ? err.message : String(err)), original: null };
  }
  const result: DocumentResult = { uri: doc.uri, ...scanText(extracted.original, extracted.fields, scanner, options), charset: extracted.charset, format: extracted.format };
  if (doc.finalUri) result.finalUri = doc.finalUri;
  markHiddenText(result, extracted.original, extracted.fields as readonly HtmlField[]);
  return { result, original: extracted.original };
}

/** The part of the pipeline after extraction: pure given the scanner and tokenizer. */
export function scanText(
  original: string,
  fields: { name: EngineField['name']; text: string; map: EngineField['extractMap'] }[],
  scanner: Scanner,
  options: PipelineOptions,
): Omit<DocumentResult, 'uri'> {
  const engineFields: EngineField[] = [];
  for (const f of fields) {
    const n = normalize(f.text);
    engineFields.push({ name: f.name, text: n.text, normMap: n.map, extracted: f.text, extractMap: f.map });
  }
  const r = scanDocument({ original, fields: engineFields }, scanner, options);
  return { adTypes: r.adTypes, context: r.context, evidence: r.evidence, findings: r.findings, suppressed: r.suppressed, error: null };
}

export function sourceFailure(f: SourceFailure): DocumentResult {
  return failedDocument(f.uri, f.error);
}

/** Notes hidden HTML text on the document and tags the findings that lie in it. */
function markHiddenText(result: DocumentResult, original: string, fields: readonly { hidden?: HiddenText[] }[]): void {
  // Loops, not callbacks: this runs per document (see scanDocument).
  const shown: HiddenText[] = [];
  for (const f of fields) for (const h of f.hidden ?? []) if (h.fieldEnd > h.fieldStart) shown.push(h);
  if (shown.length === 0) return;
  let first = shown[0]!;
  let insideWords = 0;
  const reasons = new Set<string>();
  for (const h of shown) {
    if (h.start < first.start) first = h;
    if (h.inWord) insideWords++;
    reasons.add(h.reason);
  }
  result.hiddenText = {
    elements: shown.length,
    insideWords,
    reasons: [...reasons].slice(0, 5),
    first: new LineIndex(original).position(first.start),
  };
  for (const list of [result.findings, result.suppressed]) {
    for (const f of list) if (f.match !== '' && overlapsAny(f, shown)) f.reason = f.reason ? `${f.reason},hidden-text` : 'hidden-text';
  }
}

function overlapsAny(f: Finding, hidden: readonly HiddenText[]): boolean {
  for (const h of hidden) if (f.start.offset < h.end && h.start < f.end.offset) return true;
  return false;
}
