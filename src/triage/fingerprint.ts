// Content fingerprints of findings: stable across line shifts (text inserted above), re-crawls
// that change the page around a sentence (boilerplate, markup, whitespace, dates, phone
// numbers) and file encodings, so baselines and suppression files can name a finding
// without a line number. Pure: a function of the finding and the decoded original text.
import { hash } from 'node:crypto';
import { CharTable } from '../core/char-table.js';
import type { Finding } from '../core/types.js';

/** Bumped when the recipe changes: baselines record it, and old fingerprints stop matching. */
export const FINGERPRINT_VERSION = 1;

/** A fingerprint is this many lowercase hex digits (64 bits of SHA-256). */
export const FINGERPRINT_LENGTH = 16;
export const FINGERPRINT_PATTERN = /^[0-9a-f]{16}$/;

/** How far around the match the sentence is looked for, in UTF-16 units each way. */
const WINDOW = 240;

/** Sentence ends in any text; line breaks end a sentence too (crawled pages, list items). */
const TEXT_END = new CharTable('。！？!?；;\n\r\u2028\u2029');
/** In HTML source, also the edges of tags and attribute values (alt, meta content). */
const HTML_END = new CharTable('。！？!?；;\n\r\u2028\u2029<>"');

export interface FingerprintOptions {
  /** The text is HTML source: markup, comments and character references are not content. */
  html?: boolean;
}

/**
 * The comparable form of a text: NFKC (full-width → ASCII), lower case, without whitespace,
 * punctuation, symbols or control/format characters; with `dropDigits`, without digit runs
 * either (dates, phone numbers and counters change between crawls of the same sentence).
 */
export function normaliseForFingerprint(text: string, dropDigits = false): string {
  let t = text.normalize('NFKC').toLowerCase();
  t = t.replace(/[\p{White_Space}\p{P}\p{S}\p{Cc}\p{Cf}]/gu, '');
  if (dropDigits) t = t.replace(/\p{Nd}+/gu, '');
  return t;
}

/** Markup removed from a stretch of HTML source: comments, complete tags, character references. */
function stripMarkup(s: string): string {
  let out = s;
  if (out.includes('<')) out = out.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^<>]*>/g, '');
  if (out.includes('&')) out = out.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, '');
  return out;
}

/**
 * The sentence holding the finding in the original text: the match, with what precedes it
 * back to the previous sentence end and what follows it up to the next (at most WINDOW
 * characters each way). Document-level findings (empty match) have no sentence.
 */
export function sentenceOf(finding: Pick<Finding, 'match' | 'start' | 'end'>, text: string, options: FingerprintOptions = {}): string {
  if (finding.match === '') return '';
  const start = Math.max(0, Math.min(finding.start.offset, text.length));
  const end = Math.max(start, Math.min(finding.end.offset, text.length));
  let before = text.slice(Math.max(0, start - WINDOW), start);
  let after = text.slice(end, end + WINDOW);
  const ends = options.html ? HTML_END : TEXT_END;
  if (options.html) {
    before = stripMarkup(before);
    after = stripMarkup(after);
  }
  before = before.slice(ends.lastBmpIndexIn(before) + 1);
  const stop = ends.indexIn(after);
  after = after.slice(0, stop < 0 ? after.length : stop);
  return before + finding.match + after;
}

/**
 * The content fingerprint of a finding: a hash of the rule id, field, sub-reason, the
 * normalised match and the normalised sentence around it (digits dropped). It does NOT
 * include the document's URI or any line number: the same sentence gives the same
 * fingerprint wherever it appears. Baselines pair it with the document and an occurrence
 * index (see `withOccurrences`); suppression files use it alone.
 */
export function fingerprintFinding(
  finding: Pick<Finding, 'ruleId' | 'field' | 'reason' | 'match' | 'start' | 'end'>,
  text: string,
  options: FingerprintOptions = {},
): string {
  const parts = [
    'adscan-fingerprint',
    FINGERPRINT_VERSION,
    finding.ruleId,
    finding.field,
    finding.reason ?? '',
    normaliseForFingerprint(finding.match),
    normaliseForFingerprint(sentenceOf(finding, text, options), true),
  ];
  // One-shot hashing: a page may have hundreds of findings, and a Hash object per finding costs more than the digest.
  return hash('sha256', JSON.stringify(parts), 'hex').slice(0, FINGERPRINT_LENGTH);
}

/**
 * Occurrence indexes: the n-th finding with a given fingerprint in one document gets n
 * (0-based, in report order), so two identical sentences in one page stay two entries.
 */
export function withOccurrences(fingerprints: readonly string[]): { fingerprint: string; occurrence: number }[] {
  const seen = new Map<string, number>();
  return fingerprints.map((fingerprint) => {
    const occurrence = seen.get(fingerprint) ?? 0;
    seen.set(fingerprint, occurrence + 1);
    return { fingerprint, occurrence };
  });
}

/**
 * A finding as the CLI reports it: with its content fingerprint. The JSON report carries it
 * as `fingerprint` on every finding and suppressed finding (other formatters, e.g. SARIF's
 * partialFingerprints, can read it with `fingerprintOf`).
 */
export type FingerprintedFinding = Finding & { fingerprint?: string };

/** The fingerprint the CLI attached to a finding, if any. */
export function fingerprintOf(finding: Finding): string | undefined {
  const fp = (finding as FingerprintedFinding).fingerprint;
  return typeof fp === 'string' ? fp : undefined;
}

/**
 * Stable per-document keys for a list of fingerprinted findings (report order):
 * `<fingerprint>:<occurrence>`, e.g. for SARIF `partialFingerprints`. Findings without a
 * fingerprint get `undefined`.
 */
export function occurrenceKeys(findings: readonly Finding[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const fp = fingerprintOf(f);
    if (fp === undefined) return undefined;
    const n = seen.get(fp) ?? 0;
    seen.set(fp, n + 1);
    return `${fp}:${n}`;
  });
}
