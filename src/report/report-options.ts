import type { DocumentResult, Finding, Severity } from '../core/types.js';

/**
 * What a report needs to know about one rule beyond its findings (SARIF lists every rule
 * that ran, with its legal basis and suggestion). `reportRules()` in ./rule-metadata.ts
 * builds these from the compiled rule set.
 */
export interface ReportRule {
  /** `<pack>/<id>`, as findings carry it in `ruleId`. */
  id: string;
  category: string;
  severity: Severity;
  /** The message template, placeholders ({match}, {detail}, {reason}) unfilled. */
  message: string;
  law: readonly string[];
  suggestion: string;
  /** A longer description; defaults to the message template and the category title. */
  description?: string;
  /** The ad types the rule applies to; `['all']` (or absent) for every type. */
  adTypes?: readonly string[];
}

/**
 * Turns a finding into the stable part of its SARIF partial fingerprint. The formatter
 * appends `:n`, the finding's ordinal among findings of the same document with the same
 * value, so equal values in one document stay distinct.
 */
export type FingerprintFn = (finding: Finding, document: DocumentResult) => string;

/** The least severity that fails a JUnit test case; `never` reports no failures. Same values as `--fail-on`. */
export type FailOn = Severity | 'never';
