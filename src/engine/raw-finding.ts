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

/**
 * A RawFinding with every property present, always in this order: findings from content
 * matches, number checks and statement checks then share one object shape, and the code
 * that filters, dedupes, places and builds them stays monomorphic (objects of a shape first
 * met late in a batch sent it back to be recompiled, again and again).
 */
export function rawFinding(
  rule: CompiledRule,
  field: number,
  start: number,
  end: number,
  severity: Severity,
  reason?: string,
  detail?: string,
): RawFinding {
  return { rule, field, start, end, severity, reason, detail, suppressedBy: undefined };
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
export function dedupe(findings: readonly RawFinding[]): RawFinding[] {
  const sorted = [...findings].sort(bySeverityLengthStart);
  const kept: RawFinding[] = [];
  // Compared only within one category and field: long pages have thousands of findings.
  const buckets = new Map<string, RawFinding[]>();
  for (const f of sorted) {
    const key = `${f.rule.category}\u0000${f.field}`;
    const bucket = buckets.get(key);
    if (bucket && clashes(f, bucket)) continue;
    kept.push(f);
    if (bucket) bucket.push(f);
    else buckets.set(key, [f]);
  }
  return kept;
}

function bySeverityLengthStart(a: RawFinding, b: RawFinding): number {
  return RANK[b.severity] - RANK[a.severity] || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/**
 * Whether a finding overlaps one already kept; document-level findings clash only with the
 * same rule's (those of different rules are different gaps: no OTC notice, no contraindications).
 */
function clashes(f: RawFinding, kept: readonly RawFinding[]): boolean {
  for (const k of kept) {
    if (f.start < k.end && k.start < f.end) return true;
    if (f.field === -1 && k.rule.id === f.rule.id) return true;
  }
  return false;
}
