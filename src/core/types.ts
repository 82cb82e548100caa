// Plain data types shared by every pipeline stage. Nothing here does I/O.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Ad types the rules distinguish (catalogue §1.1). */
export type AdType =
  | 'medical'
  | 'medical-beauty'
  | 'drug'
  | 'device'
  | 'health-food'
  | 'special-medical-food'
  | 'other';
export const AD_TYPES: readonly AdType[] = [
  'medical',
  'medical-beauty',
  'drug',
  'device',
  'health-food',
  'special-medical-food',
  'other',
];

/** What kind of document this is, as far as advertising law is concerned (catalogue §1.3). */
export type DocContext = 'ad' | 'regulatory' | 'news' | 'unknown';

export type FieldName = 'title' | 'meta' | 'alt' | 'body';

/** A point in the original (decoded) input: UTF-16 offset, 1-based line and column. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** What a source yields: raw bytes plus whatever the transport said about them. */
export interface SourceDocument {
  uri: string;
  bytes: Uint8Array;
  /** HTTP Content-Type header, when the document came over HTTP. */
  contentType?: string;
  /** Where HTTP redirects led, when that differs from `uri`. */
  finalUri?: string;
  /** How the document was obtained, kept as evidence (fetch time, HTTP status, archive record). */
  fetch?: FetchEvidence;
  /** The caller's record id (`--input-format jsonl`), echoed in the result. */
  id?: string;
}

/** Provenance of a fetched or archived document, for enforcement files. */
export interface FetchEvidence {
  /** ISO 8601 time the response arrived (for WARC records: the record's WARC-Date). */
  fetchedAt?: string;
  /** HTTP status of the final response. */
  status?: number;
  /** WARC-Record-ID of the archived response. */
  recordId?: string;
  /** The archive the record was read from. */
  archive?: string;
  /** Attempts made (1 when the first request succeeded). */
  attempts?: number;
}

/** A source that could not be read; it becomes a per-document error in the report. */
export interface SourceFailure {
  uri: string;
  error: string;
  /** What was known before the failure (e.g. the HTTP status that ended the retries). */
  fetch?: FetchEvidence;
}

export interface Evidence {
  /** What the evidence supports, e.g. an ad type ("drug") or a context family ("genre"). */
  supports: string;
  /** The indicator that matched (a term or the matched text of a pattern). */
  indicator: string;
  weight: number;
  field: FieldName;
  /** Offset in the normalised field text. */
  offset: number;
}

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  match: string;
  field: FieldName;
  start: Position;
  end: Position;
  snippet: string;
  law: string[];
  suggestion: string;
  /** Sub-reason, e.g. which validation step failed (catalogue §2.0 item 7). */
  reason?: string;
  /**
   * [start, end) of the match inside `snippet`, so reports can highlight it without searching
   * (the matched text may occur more than once in the snippet).
   */
  snippetMatch?: [number, number];
  /**
   * Warnings and info repeating the same rule on the same words are reported once; this
   * says how many places in all (the first is the one located).
   */
  occurrences?: number;
  /** Content fingerprint (rule, match, sentence; no path or line) used by baselines and suppressions. */
  fingerprint?: string;
}

export interface SuppressedFinding extends Finding {
  /** Why context kept this out of the findings. */
  suppressedBy: string;
}

export interface DocumentResult {
  uri: string;
  /** The caller's record id (`--input-format jsonl`). */
  id?: string;
  adTypes: AdType[];
  context: DocContext;
  evidence: Evidence[];
  findings: Finding[];
  suppressed: SuppressedFinding[];
  error: string | null;
  /** Detected charset and format, for the reader's orientation. */
  charset?: string;
  format?: 'text' | 'html';
  /** The URL HTTP redirects led to, when it differs from `uri`. */
  finalUri?: string;
  /** Fetch time, HTTP status, archive record: how the scanned bytes were obtained. */
  fetch?: FetchEvidence;
  /** SHA-256 (hex) of the bytes scanned, before any decoding. */
  sha256?: string;
  /** The first URI in the run with byte-identical content: scanned once, reported for each URI. */
  sameContentAs?: string;
  /** Hash of the compiled rule set that produced the findings (see `adscan rules list --version`). */
  rulesHash?: string;
  /**
   * HTML text a browser would not show (display:none, font-size:0…): suspicious in an ad. It is
   * scanned after the visible text; findings inside it carry the reason `hidden-text`.
   */
  hiddenText?: {
    elements: number;
    /** Hidden elements placed inside a visible word (保<span hidden>x</span>证): a filter dodge. */
    insideWords: number;
    reasons: string[];
    first: Position;
  };
}

export interface ScanSummary {
  documents: number;
  findings: number;
  failed: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<string, number>;
}

export interface ScanResult {
  tool: { name: 'adscan'; version: string };
  summary: ScanSummary;
  documents: DocumentResult[];
}
