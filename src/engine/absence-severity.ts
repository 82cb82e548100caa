import type { Classification } from '../classify/index.js';
import type { Severity } from '../core/types.js';
import type { CompiledRule } from '../rules/compile.js';

/**
 * The severity of a missing number or statement. Its full severity needs an ad type known with
 * high confidence (catalogue §1.2 item 5) and a page that sells — a price, an order prompt, a
 * selling claim or a number shown. A page that only gives an institution's departments and
 * phone numbers reads as self-disclosure (a public hospital's department page), which the 2025
 * guidance treats as information: the absence is still reported, as a warning.
 */
export function absenceSeverity(rule: CompiledRule, cls: Classification): Severity {
  return cls.confidence === 'high' && cls.selling ? rule.severity : 'warning';
}
