// Baselines: the findings a project has accepted for now. `--write-baseline FILE` records
// them; `--baseline FILE` then reports only findings that are not in it. An entry is keyed by
// the document (its path relative to the baseline file, so a moved or renamed file is a new
// document), the finding's content fingerprint and its occurrence index among findings with
// the same fingerprint in that document — never by line number.
import type { DocumentResult, Finding, Severity } from '../core/types.js';
import { FINGERPRINT_PATTERN, FINGERPRINT_VERSION, fingerprintOf, withOccurrences } from './fingerprint.js';
import { isPlainObject, TriageFileError } from './problems.js';
import { relativeUri } from './paths.js';
import { suppressFindings } from './suppress.js';

export const BASELINE_FORMAT = 1;

export interface BaselineEntry {
  ruleId: string;
  /** The document, relative to the baseline file's directory ('/' separators), or a URL. */
  uri: string;
  fingerprint: string;
  occurrence: number;
  /** For readers: what matched and where it was when recorded. */
  match: string;
  location: string;
  severity: Severity;
}

export interface Baseline {
  entries: BaselineEntry[];
}

/** Where the baseline lives, to make document URIs relative to it. */
export interface BaselinePlace {
  /** Absolute directory of the baseline file. */
  dir: string;
  /** Working directory the scanned URIs are relative to. */
  cwd: string;
}

const key = (uri: string, fingerprint: string, occurrence: number) => `${uri}\u0000${fingerprint}\u0000${occurrence}`;

/** Baseline entries for one document's (fingerprinted) findings. */
export function baselineEntries(doc: DocumentResult, place: BaselinePlace): BaselineEntry[] {
  const uri = relativeUri(doc.uri, place.dir, place.cwd);
  const fingerprinted = doc.findings.filter((f) => fingerprintOf(f) !== undefined);
  const occ = withOccurrences(fingerprinted.map((f) => fingerprintOf(f)!));
  return fingerprinted.map((f, i) => ({
    ruleId: f.ruleId,
    uri,
    fingerprint: occ[i]!.fingerprint,
    occurrence: occ[i]!.occurrence,
    match: f.match,
    location: `${uri}:${f.start.line}:${f.start.column}`,
    severity: f.severity,
  }));
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.uri, b.uri) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint) || a.occurrence - b.occurrence;
}

/** The baseline file's text: JSON, entries sorted, so it diffs well under version control. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort(compareEntries).map((e) => ({
    ruleId: e.ruleId,
    uri: e.uri,
    fingerprint: e.fingerprint,
    occurrence: e.occurrence,
    severity: e.severity,
    match: e.match,
    location: e.location,
  }));
  return `${JSON.stringify({ adscanBaseline: BASELINE_FORMAT, fingerprintVersion: FINGERPRINT_VERSION, entries }, null, 2)}\n`;
}

/** Parses a baseline file; throws TriageFileError naming the file and the bad entry. */
export function parseBaseline(file: string, text: string): Baseline {
  const fail = (message: string, line = 1): never => {
    throw new TriageFileError([{ file, line, column: 1, message }]);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    fail(`not a baseline (invalid JSON: ${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isPlainObject(data) || data.adscanBaseline === undefined || !Array.isArray(data.entries)) {
    fail('not an adscan baseline (expected {"adscanBaseline": 1, "entries": [...]}, as --write-baseline writes)');
  }
  const o = data as Record<string, unknown>;
  if (o.adscanBaseline !== BASELINE_FORMAT) fail(`unsupported baseline format ${JSON.stringify(o.adscanBaseline)} (this adscan reads ${BASELINE_FORMAT})`);
  if (o.fingerprintVersion !== FINGERPRINT_VERSION) {
    fail(`baseline written with fingerprint version ${JSON.stringify(o.fingerprintVersion)}, this adscan computes version ${FINGERPRINT_VERSION}: write it again with --write-baseline`);
  }
  const entries: BaselineEntry[] = [];
  const lines = text.split('\n');
  let searchFrom = 0;
  (o.entries as unknown[]).forEach((raw, i) => {
    const e = isPlainObject(raw) ? raw : {};
    // The entry's line, for the message: the line of its fingerprint, found in order.
    const fpLine = typeof e.fingerprint === 'string' ? lines.findIndex((l, n) => n >= searchFrom && l.includes(e.fingerprint as string)) : -1;
    if (fpLine >= 0) searchFrom = fpLine + 1;
    const line = fpLine >= 0 ? fpLine + 1 : 1;
    const bad = (what: string) => fail(`entries[${i}]: ${what}`, line);
    if (typeof e.ruleId !== 'string' || e.ruleId === '') bad('"ruleId" must be a rule id');
    if (typeof e.uri !== 'string' || e.uri === '') bad('"uri" must be a path or URL');
    if (typeof e.fingerprint !== 'string' || !FINGERPRINT_PATTERN.test(e.fingerprint)) bad('"fingerprint" must be 16 lowercase hex digits');
    if (!Number.isInteger(e.occurrence) || (e.occurrence as number) < 0) bad('"occurrence" must be a whole number');
    entries.push({
      ruleId: e.ruleId as string,
      uri: e.uri as string,
      fingerprint: e.fingerprint as string,
      occurrence: e.occurrence as number,
      match: typeof e.match === 'string' ? e.match : '',
      location: typeof e.location === 'string' ? e.location : '',
      severity: e.severity === 'error' || e.severity === 'warning' || e.severity === 'info' ? e.severity : 'error',
    });
  });
  return { entries };
}

/** An index of a baseline for matching scanned documents against it. */
export class BaselineIndex {
  private readonly keys = new Set<string>();
  private readonly used = new Set<string>();

  constructor(
    readonly baseline: Baseline,
    readonly place: BaselinePlace,
  ) {
    for (const e of baseline.entries) this.keys.add(key(e.uri, e.fingerprint, e.occurrence));
  }

  /** Moves the document's baselined findings to `suppressed` ("baseline"); returns how many. */
  apply(doc: DocumentResult): number {
    const uri = relativeUri(doc.uri, this.place.dir, this.place.cwd);
    const occ = new Map<string, number>();
    return suppressFindings(doc, (f: Finding) => {
      const fp = fingerprintOf(f);
      if (fp === undefined) return null;
      const n = occ.get(fp) ?? 0;
      occ.set(fp, n + 1);
      const k = key(uri, fp, n);
      if (!this.keys.has(k)) return null;
      this.used.add(k);
      return 'baseline';
    });
  }

  /** Marks the entries a document's current findings still match (for pruning). */
  markMatched(doc: DocumentResult): void {
    for (const e of baselineEntries(doc, this.place)) {
      const k = key(e.uri, e.fingerprint, e.occurrence);
      if (this.keys.has(k)) this.used.add(k);
    }
  }

  /**
   * The baseline without stale entries: those of `scanned` documents (relative URIs) that no
   * current finding matched, and those whose document `exists` says is gone. Entries of
   * documents that were not scanned and still exist are kept.
   */
  pruned(scanned: ReadonlySet<string>, exists: (uri: string) => boolean): { baseline: Baseline; removed: BaselineEntry[] } {
    const kept: BaselineEntry[] = [];
    const removed: BaselineEntry[] = [];
    for (const e of this.baseline.entries) {
      const matched = this.used.has(key(e.uri, e.fingerprint, e.occurrence));
      const stale = scanned.has(e.uri) ? !matched : !exists(e.uri);
      (stale ? removed : kept).push(e);
    }
    return { baseline: { entries: kept }, removed };
  }
}
