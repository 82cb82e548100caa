import type { CompiledRule } from '../rules/compile.js';
import type { ReportRule } from './report-options.js';

/** The report-facing metadata of compiled rules, in rule-set order. */
export function reportRules(rules: readonly CompiledRule[]): ReportRule[] {
  return rules.map((rule) => ({
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    message: rule.spec.message,
    law: [...rule.spec.law],
    suggestion: rule.spec.suggestion,
    adTypes: rule.adTypes === null ? ['all'] : [...rule.adTypes].sort(),
  }));
}
