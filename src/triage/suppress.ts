import type { DocumentResult, Finding, SuppressedFinding } from '../core/types.js';

/**
 * Moves the findings for which `why` returns a reason out of `findings` into `suppressed`
 * (with `suppressedBy` set to that reason). Suppressed findings are kept, never dropped:
 * reports list them and the summary counts them. Returns how many moved.
 */
export function suppressFindings(doc: DocumentResult, why: (finding: Finding, index: number) => string | null): number {
  const kept: Finding[] = [];
  const moved: SuppressedFinding[] = [];
  doc.findings.forEach((f, i) => {
    const reason = why(f, i);
    if (reason === null) kept.push(f);
    else moved.push({ ...f, suppressedBy: reason });
  });
  if (moved.length === 0) return 0;
  doc.findings = kept;
  doc.suppressed = [...doc.suppressed, ...moved].sort((a, b) => a.start.offset - b.start.offset || a.ruleId.localeCompare(b.ruleId));
  return moved.length;
}

/**
 * Whether a rule selector names the finding's rule: a rule id (`efficacy/cure-guarantee-promise`),
 * a category (`cure-guarantee`) or a pack (`efficacy`).
 */
export function selectorMatches(selector: string, finding: Pick<Finding, 'ruleId' | 'category'>): boolean {
  return selector === finding.ruleId || selector === finding.category || finding.ruleId.startsWith(`${selector}/`);
}
