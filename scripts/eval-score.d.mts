// Types for eval-score.mjs, so the TypeScript tests can call it under strict mode.

export interface DevCase {
  id: string;
  adType?: string;
  labels: string[];
  optional: string[];
  text: string;
  note?: string;
}

export interface ScoredHit {
  ruleId: string;
  category: string;
  severity: string;
  match: string;
  suppressedBy?: string;
}

export interface CaseResult {
  findings: ScoredHit[];
  suppressed?: ScoredHit[];
}

export interface Ratios {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface CategoryScore extends Ratios {
  category: string;
  /** In the universe U (some document's labels). */
  scored: boolean;
  tp: number;
  fp: number;
  fn: number;
  /** Documents in which the category was found at warning or error. */
  predicted: number;
}

export interface Miss {
  id: string;
  category: string;
  seen: { as: string; match: string; ruleId: string }[];
}

export interface UnexpectedHit {
  id: string;
  category: string;
  matches: string[];
  ruleIds: string[];
}

export interface DevScore {
  documents: number;
  universe: string[];
  categories: CategoryScore[];
  micro: Ratios & { tp: number; fp: number; fn: number };
  misses: Miss[];
  falsePositives: UnexpectedHit[];
  unscored: UnexpectedHit[];
}

export interface FamilyRow {
  category: string;
  labelled: boolean;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  pass: boolean;
  why: string | null;
}

export interface FamilyVerdict {
  threshold: number;
  pass: boolean;
  families: FamilyRow[];
}

export const FAMILY_CATEGORIES: readonly string[];
export function parseDevCorpus(text: string): DevCase[];
export function ratios(tp: number, fp: number, fn: number): Ratios;
export function scoreDev(cases: readonly DevCase[], results: ReadonlyMap<string, CaseResult>): DevScore;
export function familyVerdict(score: DevScore, families?: readonly string[], threshold?: number): FamilyVerdict;
export function fmt(value: number | null | undefined): string;

export interface ReportedFinding extends ScoredHit {
  start?: { line: number };
}

export interface ReportedDocument {
  uri: string;
  error?: string | null;
  findings?: ReportedFinding[];
  suppressed?: ReportedFinding[];
}

export interface RegulatoryFile {
  uri: string;
  /** The document's scan error, if it could not be scanned. */
  failure: string | null;
  counts: { error: number; warning: number; info: number };
  suppressed: number;
  /** Error-level findings grouped by category and match, most frequent first. */
  topErrors: { category: string; match: string; count: number; lines: number[] }[];
  distinctErrors: number;
}

export function regulatorySummary(
  documents: readonly ReportedDocument[],
  top?: number,
): { files: RegulatoryFile[]; errorFindings: number };

export interface RuleHits {
  ruleId: string;
  hits: Record<string, number>;
  suppressed: Record<string, number>;
}

export function ruleHits(corpora: Record<string, readonly ReportedDocument[]>, known?: readonly string[]): RuleHits[];
