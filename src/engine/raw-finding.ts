import type { Severity } from '../core/types.js';
import type { CompiledRule } from '../rules/compile.js';

/** A finding before it is located in the original input. */
export interface RawFinding {
  rule: CompiledRule;
  /** Index of the field; -1 for document-level findings (a missing number). */
  field: number;
  /** Offsets in the normalised field text. */
  start: number;
  end: number;
  severity: Severity;
  reason?: string;
  /** Extra text interpolated as {detail} in the rule's message. */
  detail?: string;
  /** Set when context keeps the finding out of the results. */
  suppressedBy?: string;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const severityRank = (s: Severity): number => RANK[s];

export function capSeverity(s: Severity, cap: Severity): Severity {
  return RANK[s] > RANK[cap] ? cap : s;
}

/**
 * Keeps one finding per category and overlapping span: the most severe, then the longest,
 * then the first rule. Two rules of one category firing on 保证治愈 are one problem.
 */
export function dedupe(findings: RawFinding[]): RawFinding[] {
  const sorted = [...findings].sort(
    (a, b) => RANK[b.severity] - RANK[a.severity] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: RawFinding[] = [];
  // Compared only within one category and field: long pages have thousands of findings.
  const buckets = new Map<string, RawFinding[]>();
  for (const f of sorted) {
    const key = `${f.rule.category}\u0000${f.field}`;
    const bucket = buckets.get(key) ?? [];
    const clash = bucket.some((k) => f.start < k.end && k.start < f.end);
    // Document-level findings of different rules are different gaps (no OTC notice, no contraindications).
    const sameDocLevel = f.field === -1 && bucket.some((k) => k.rule.id === f.rule.id);
    if (!clash && !sameDocLevel) {
      kept.push(f);
      bucket.push(f);
      buckets.set(key, bucket);
    }
  }
  return kept;
}
