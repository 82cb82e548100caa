import type { Classification } from '../classify/index.js';
import type { Severity } from '../core/types.js';
import type { CompiledRule } from '../rules/compile.js';

/**
 * The severity of a missing number or statement, or null when absence rules do not apply.
 * They need a confirmed ad (not a page that also reads as regulatory or news text) of a type not
 * known with low confidence (catalogue §1.2 item 5). Full severity needs high confidence and a
 * page that sells — a price, an order prompt, a selling claim or a number shown. A page that
 * only gives an institution's departments and phone numbers reads as self-disclosure (a public
 * hospital's department page), which the 2025 guidance treats as information: the absence is
 * still reported, as a warning.
 */
export function absenceSeverity(rule: CompiledRule, cls: Classification): Severity | null {
  if (cls.context !== 'ad' || cls.mixed || cls.confidence === 'low') return null;
  return cls.confidence === 'high' && cls.selling ? rule.severity : 'warning';
}
