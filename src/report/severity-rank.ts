import type { Severity } from '../core/types.js';
import type { FailOn } from './report-options.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether a finding of `severity` is at or above `failOn` (never, for `never`). */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

/** Errors first, then warnings, then info. */
export function severityOrder(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}
