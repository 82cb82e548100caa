import type { DocumentResult, Finding, ScanSummary, Severity } from '../core/types.js';

/**
 * Counts for the report header and footer. `byCategory` counts findings (not suppressed
 * ones) and lists categories in code-point order so the output does not depend on the
 * order rules happened to fire in.
 */
export function summarize(documents: readonly DocumentResult[]): ScanSummary {
  const counter = new SummaryCounter();
  for (const doc of documents) counter.add(doc);
  return counter.summary();
}

/** What the counts need of a document: its error, its findings' severity and category, how many were suppressed. */
export interface Countable {
  error: string | null;
  findings: readonly Pick<Finding, 'severity' | 'category'>[];
  suppressed: readonly unknown[] | number;
}

/** The same counts, kept up as documents finish, for runs that do not hold them all. */
export class SummaryCounter {
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  // A Map, not an object literal: a category id is data and must not be able to reach the prototype.
  private readonly byCategory = new Map<string, number>();
  private documents = 0;
  private findings = 0;
  private failed = 0;
  private suppressed = 0;

  /** A document, or its tally (a document rendered elsewhere: see batch/rendered.ts). */
  add(doc: Countable): void {
    this.documents++;
    if (doc.error != null) this.failed++;
    this.suppressed += typeof doc.suppressed === 'number' ? doc.suppressed : doc.suppressed.length;
    for (const finding of doc.findings) {
      this.findings++;
      this.bySeverity[finding.severity]++;
      this.byCategory.set(finding.category, (this.byCategory.get(finding.category) ?? 0) + 1);
    }
  }

  summary(): ScanSummary {
    const categories = [...this.byCategory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      documents: this.documents,
      findings: this.findings,
      failed: this.failed,
      suppressed: this.suppressed,
      bySeverity: { ...this.bySeverity },
      byCategory: Object.fromEntries(categories),
    };
  }
}
