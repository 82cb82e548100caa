import type { DocumentResult, ScanSummary, Severity } from '../core/types.js';

/**
 * Counts for the report header and footer. `byCategory` counts findings (not suppressed
 * ones) and lists categories in code-point order so the output does not depend on the
 * order rules happened to fire in.
 */
export function summarize(documents: readonly DocumentResult[]): ScanSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  // A Map, not an object literal: a category id is data and must not be able to reach the prototype.
  const byCategory = new Map<string, number>();
  let findings = 0;
  let failed = 0;
  let suppressed = 0;
  for (const doc of documents) {
    if (doc.error != null) failed++;
    suppressed += doc.suppressed.length;
    for (const finding of doc.findings) {
      findings++;
      bySeverity[finding.severity]++;
      byCategory.set(finding.category, (byCategory.get(finding.category) ?? 0) + 1);
    }
  }
  const categories = [...byCategory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    documents: documents.length,
    findings,
    failed,
    suppressed,
    bySeverity,
    byCategory: Object.fromEntries(categories),
  };
}
